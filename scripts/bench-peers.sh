#!/usr/bin/env bash
# Side-by-side benchmark: tieuchi against DuckDB and pandas doing the same job — the commune-level
# indicators of Criteria/ct25-2030.yaml at 2030 over N generated stations (stations.csv + staff.csv +
# hamlets.csv), one verdict per commune — timed as whole processes (start-up included), best of 3 each.
#
# Usage: scripts/bench-peers.sh [--formats] [N ...]        (default N: 10000 100000 1000000)
#   --formats     also time tieuchi with --format json, csv, html and xlsx (--output to a temporary file)
# Environment:
#   TIEUCHI=path  use this tieuchi binary instead of building `swift build -c release --product tieuchi`
#   RUNS=3        runs per tool and N (the best wall time is kept, with that run's peak RSS)
#   TIMEOUT=900   seconds before a run is stopped (the table then says "timeout")
#   KEEP_DATA=1   keep the generated folders (their path is printed)
#   TOOLS="tieuchi duckdb pandas"  the tools to run (e.g. TOOLS="duckdb pandas" where tieuchi runs out of memory)
#
# DuckDB and pandas are installed from PyPI into a virtual environment outside the repository,
# ${XDG_CACHE_HOME:-$HOME/.cache}/tieuchi-bench/venv. The data is generated once per N into a temporary folder
# (outside the repository), by scripts/bench/generate.py (fixed seed). See scripts/bench/README.md.
set -euo pipefail

say() { printf '%s\n' "bench-peers: $*" >&2; }
die() { say "error: $*"; exit 1; }

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bench="$root/scripts/bench"
criteria="$root/Criteria/ct25-2030.yaml"
runs=${RUNS:-3}
limit=${TIMEOUT:-900}
formats=0
sizes=()
for argument in "$@"; do
  case "$argument" in
    --formats) formats=1 ;;
    -h | --help) sed -n '2,17p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *[!0-9]* | '' | 0) die "not a number of stations: '$argument' (usage: bench-peers.sh [--formats] [N ...])" ;;
    *) sizes+=("$argument") ;;
  esac
done
[ ${#sizes[@]} -gt 0 ] || sizes=(10000 100000 1000000)
[[ "$runs" =~ ^[1-9][0-9]*$ ]] || die "RUNS must be a positive number, not '$runs'"
[[ "$limit" =~ ^[1-9][0-9]*$ ]] || die "TIMEOUT must be a number of seconds, not '$limit'"
read -r -a tools <<< "${TOOLS:-tieuchi duckdb pandas}"
for tool in "${tools[@]}"; do
  case "$tool" in tieuchi | duckdb | pandas) ;; *) die "TOOLS: unknown tool '$tool' (tieuchi, duckdb, pandas)" ;; esac
done
[ ${#tools[@]} -gt 0 ] || die "TOOLS is empty"
runs_tieuchi=0
for tool in "${tools[@]}"; do [ "$tool" != tieuchi ] || runs_tieuchi=1; done
[ -f "$criteria" ] || die "no $criteria: run the script from a tieuchi checkout"

# Installs Debian packages when a tool is missing (as root, or with sudo), or says what to install.
apt_install() {
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  command -v apt-get > /dev/null || die "$1 is missing and there is no apt-get: install $2 yourself"
  say "installing $2 (for $1)"
  $sudo apt-get update -qq && $sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" > /dev/null \
    || die "could not install $2; install it and run again"
}

# --- Tools: GNU time, timeout, Python with duckdb and pandas ------------------------------------------------
[ -x /usr/bin/time ] || apt_install "/usr/bin/time" time
command -v timeout > /dev/null || die "timeout (coreutils) is missing"
command -v python3 > /dev/null || apt_install python3 python3
venv="${XDG_CACHE_HOME:-$HOME/.cache}/tieuchi-bench/venv"
case "$venv/" in "$root"/*) die "the virtual environment $venv would be inside the repository" ;; esac
if [ ! -x "$venv/bin/python" ]; then
  say "creating the virtual environment $venv"
  mkdir -p "$(dirname "$venv")"
  if ! python3 -m venv "$venv" 2> /dev/null; then
    rm -rf "$venv"
    apt_install "python3 -m venv" python3-venv
    python3 -m venv "$venv" || die "python3 -m venv $venv failed"
  fi
fi
python="$venv/bin/python"
if ! "$python" -c 'import duckdb, pandas' 2> /dev/null; then
  say "installing duckdb and pandas from PyPI into $venv"
  "$python" -m pip install --quiet --upgrade pip > /dev/null || die "pip could not upgrade itself in $venv"
  "$python" -m pip install --quiet duckdb pandas || die "pip could not install duckdb and pandas (is PyPI reachable?)"
fi
versions=$("$python" -c 'import sys, duckdb, pandas; print(f"Python {sys.version.split()[0]}, DuckDB {duckdb.__version__}, pandas {pandas.__version__}")')

# --- tieuchi -------------------------------------------------------------------------------------------------
tieuchi="(not run)"
if [ "$runs_tieuchi" = 0 ]; then
  [ "$formats" = 0 ] || die "--formats times tieuchi: add tieuchi to TOOLS"
elif [ -n "${TIEUCHI:-}" ]; then
  tieuchi=$(command -v "$TIEUCHI" || true)
  [ -z "$tieuchi" ] || tieuchi=$(realpath "$tieuchi")
  [ -n "$tieuchi" ] && [ -x "$tieuchi" ] || die "TIEUCHI=$TIEUCHI is not an executable"
else
  command -v swift > /dev/null || die "swift is not installed: install Swift 6.1+ or give TIEUCHI=path/to/tieuchi"
  say "building tieuchi (swift build -c release --product tieuchi in $root; a few minutes the first time)"
  (cd "$root" && swift build -c release --product tieuchi) >&2 || die "swift build failed"
  tieuchi="$(cd "$root" && swift build -c release --show-bin-path)/tieuchi"
  [ -x "$tieuchi" ] || die "no tieuchi binary at $tieuchi"
fi

# --- Scratch space (outside the repository) ----------------------------------------------------------------
scratch=$(mktemp -d "${TMPDIR:-/tmp}/tieuchi-bench.XXXXXX")
case "$scratch/" in "$root"/*) die "TMPDIR is inside the repository: choose another" ;; esac
if [ "${KEEP_DATA:-0}" = 1 ]; then
  say "keeping the data in $scratch"
else
  trap 'rm -rf "$scratch"' EXIT
fi

# run LABEL N OUT COMMAND...: RUNS timed runs; sets best_wall, best_rss_kb (of the fastest run) and ok=0|1.
# Standard output goes to OUT, standard error to OUT.err, the timing to OUT.time.
run() {
  local label=$1 n=$2 out=$3 i status wall rss
  shift 3
  best_wall="" best_rss_kb="" ok=1
  for ((i = 1; i <= runs; i++)); do
    status=0
    /usr/bin/time -f '%e %M' -o "$out.time" timeout "$limit" "$@" > "$out" 2> "$out.err" || status=$?
    if [ "$status" -eq 124 ]; then
      say "$label at N=$n: stopped after ${limit} s (TIMEOUT)"
      best_wall="timeout" best_rss_kb="" ok=0
      return
    fi
    # tieuchi exits 1 when some commune fails or is incomplete: that is a result, not an error.
    wall="" rss=""
    read -r wall rss < <(tail -n 1 "$out.time") || true
    if [ "$status" -ne 0 ] && ! { [[ "$label" == tieuchi* ]] && [ "$status" -eq 1 ]; }; then
      # Status 137 is SIGKILL: on Linux usually the OOM killer (see dmesg). No more runs of this tool at this N.
      local what="exited with status $status"
      [ "$status" -le 128 ] || what="killed by signal $((status - 128))"
      say "$label at N=$n $what after ${wall:-?} s at $((${rss:-0} / 1024)) MB; its standard error ends with:"
      tail -n 5 "$out.err" >&2
      best_wall="$what after ${wall:-?} s" best_rss_kb=$rss ok=0
      return
    fi
    say "$label at N=$n, run $i/$runs: ${wall} s, $((rss / 1024)) MB"
    if [ -z "$best_wall" ] || awk -v a="$wall" -v b="$best_wall" 'BEGIN { exit !(a < b) }'; then
      best_wall=$wall best_rss_kb=$rss
    fi
  done
}

# The passing communes in tieuchi's summary: "… xã được đánh giá: 2.622 đạt, …" (or "…evaluated: 2,622 pass").
tieuchi_passing() {
  sed -n -e 's/.*được đánh giá: \([0-9.]*\) đạt.*/\1/p' -e 's/.*communes evaluated: \([0-9,]*\) pass.*/\1/p' "$1" \
    | tail -n 1 | tr -d '.,'
}
# The peers print "passing P of N (…)" on standard error.
peer_passing() { sed -n 's/^passing \([0-9]*\) of .*/\1/p' "$1" | tail -n 1; }

rows=()
notes=()
mismatch=0
failed=0
for n in "${sizes[@]}"; do
  data="$scratch/n$n"
  say "generating $n stations into $data"
  "$python" "$bench/generate.py" "$n" "$data" || die "generate.py $n failed"
  size=$(du -cm "$data"/*.csv | tail -n 1 | cut -f 1)
  notes+=("N = $n: $(($(wc -l < "$data/staff.csv") - 1)) staff rows, $(($(wc -l < "$data/hamlets.csv") - 1)) hamlet rows, $size MB of CSV")
  declare -A passing=()
  for tool in "${tools[@]}"; do
    out="$scratch/$tool-$n.out"
    case "$tool" in
      tieuchi) run tieuchi "$n" "$out" "$tieuchi" check --criteria "$criteria" --year 2030 --summary "$data" ;;
      duckdb) run duckdb "$n" "$out" "$python" "$bench/duckdb_check.py" "$data" ;;
      pandas) run pandas "$n" "$out" "$python" "$bench/pandas_check.py" "$data" ;;
    esac
    count="–"
    if [ "$ok" = 1 ]; then
      if [ "$tool" = tieuchi ]; then count=$(tieuchi_passing "$out"); else count=$(peer_passing "$out.err"); fi
      if [ -z "$count" ]; then
        say "could not read the number of passing communes from $tool's output"
        count="?"
      fi
      [ "$tool" != tieuchi ] || [ "$(grep -c ': lỗi: \|: error: ' "$out.err" || true)" -eq 0 ] \
        || say "WARNING: tieuchi reported data errors on the generated data (see $out.err with KEEP_DATA=1)"
    fi
    passing[$tool]=$count
    rows+=("| $n | $tool | $best_wall | ${best_rss_kb:+$((best_rss_kb / 1024))} | $count |")
  done
  # Every tool that finished must find the same number of passing communes.
  found="" counted=()
  for tool in "${tools[@]}"; do
    found+="$tool ${passing[$tool]}, "
    case "${passing[$tool]}" in
      – | '?') failed=1; notes+=("!!! $tool gave no count at N=$n (see the messages above) !!!") ;;
      *) counted+=("${passing[$tool]}") ;;
    esac
  done
  if [ ${#counted[@]} -gt 1 ] && [ "$(printf '%s\n' "${counted[@]}" | sort -u | wc -l)" -ne 1 ]; then
    mismatch=1
    line="!!! MISMATCH at N=$n: passing communes: ${found%, } !!!"
    say "$line"
    notes+=("$line")
  fi
  if [ "$formats" = 1 ]; then
    for format in json csv html xlsx; do
      report="$scratch/report-$n.$format"
      run "tieuchi --format $format" "$n" "$scratch/$format-$n.out" \
        "$tieuchi" check --criteria "$criteria" --year 2030 --format "$format" --output "$report" "$data"
      [ "$ok" = 1 ] && notes+=("N = $n, --format $format: $(du -m "$report" | cut -f 1) MB written")
      rm -f "$report"
      rows+=("| $n | tieuchi --format $format | $best_wall | ${best_rss_kb:+$((best_rss_kb / 1024))} | – |")
    done
  fi
  unset passing
  [ "${KEEP_DATA:-0}" = 1 ] || rm -rf "$data"
done

echo
echo "Commune-level indicators of Criteria/ct25-2030.yaml at 2030; whole processes, best of $runs (peak RSS of that run)."
echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(uname -sm), $(nproc) cores; $versions; tieuchi: $tieuchi"
echo
echo "| N | tool | best wall s | peak RSS MB | passing |"
echo "|---:|---|---:|---:|---:|"
printf '%s\n' "${rows[@]}"
echo
printf -- '- %s\n' "${notes[@]}"
if [ "$mismatch" = 1 ]; then
  say "the tools DISAGREE on the number of passing communes (see the MISMATCH lines above)"
  exit 2
fi
if [ "$failed" = 1 ]; then
  say "some run failed or was stopped (see the table)"
  exit 3
fi
