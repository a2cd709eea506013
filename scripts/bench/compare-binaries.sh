#!/usr/bin/env bash
# Runs two tieuchi binaries on the same inputs and says where their standard output, standard error or exit status
# differ: the check, before a speed change lands, that it changed nothing a user sees (issue 10).
#
# Usage: scripts/bench/compare-binaries.sh OLD NEW [FOLDER]
#   OLD, NEW   tieuchi binaries (e.g. one built at the last landed commit, and .build/release/tieuchi)
#   FOLDER     where the inputs are made (default: a temporary folder, removed at the end)
#
# Inputs: the CSV sample, 2,000 generated stations (scripts/bench/generate.py, fixed seed) and five hostile variants
# of them — a station twice; the staff table reversed; broken rows of many kinds (extra empty fields, a stray quote,
# lines of separators and spaces, a decomposed accent, an empty year, an unreadable population, an empty insured
# count, a code that lost its zeros, more insured than people, "có" and "maybe" as yes/no, grouped digits, a role
# spelled "Bác sỹ" and an unknown one, a negative and an empty hamlet count); a quote left open near the end; a staff
# row of no station. Each × ct25, qd1300, nq20 and ct05 at 2030 × --summary, English, --group-by province, csv, jsonl,
# json. Exits 1 when anything differs.
set -euo pipefail

[ $# -ge 2 ] || { sed -n '2,14p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 2; }
old=$1
new=$2
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
for binary in "$old" "$new"; do [ -x "$binary" ] || { echo "compare-binaries: not an executable: $binary" >&2; exit 2; }; done
if [ $# -ge 3 ]; then
  work=$3
  mkdir -p "$work"
else
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
fi

python3 "$root/scripts/bench/generate.py" 2000 "$work/b2000" > /dev/null
python3 - "$work" <<'EOF'
import os, sys
work = sys.argv[1]
source = os.path.join(work, "b2000")

def read(name):
    return open(os.path.join(source, name), encoding="utf-8-sig").read().split("\n")

def write(folder, files):
    os.makedirs(folder, exist_ok=True)
    for name, lines in files.items():
        open(os.path.join(folder, name), "w", encoding="utf-8").write("\ufeff" + "\n".join(lines))

def cell(line, column, value):
    cells = line.split(";")
    cells[column] = value
    return ";".join(cells)

stations, staff, hamlets = read("stations.csv"), read("staff.csv"), read("hamlets.csv")
twice = stations[:]
twice.insert(1500, twice[700])
write(os.path.join(work, "h-dup"), {"stations.csv": twice, "staff.csv": staff, "hamlets.csv": hamlets})
rows = [line for line in staff[1:] if line]
write(os.path.join(work, "h-unsorted"),
      {"stations.csv": stations, "staff.csv": [staff[0]] + rows[::-1] + [""], "hamlets.csv": hamlets})
broken = stations[:]
broken[10] += ";;"
broken[20] = broken[20].replace(";", ";\"x", 1)
broken.insert(30, ";;;;;;")
broken.insert(40, "   ;  ; ")
broken[50] = broken[50].replace("Xã", "Xa\u0303", 1)
broken[70] = broken[70].replace("2025", "", 1)
broken[80] = cell(broken[80], 5, "nhiều")
broken[90] = cell(broken[90], 6, "")
broken[100] = cell(broken[100], 0, "12")
broken[110] = cell(broken[110], 6, "99999999")
broken[120] = cell(broken[120], 12, "có")
broken[130] = cell(broken[130], 12, "maybe")
broken[140] = cell(broken[140], 5, " 12.850 ")
broken_staff = staff[:]
broken_staff[5] = broken_staff[5].replace("doctor", "Bác sỹ")
broken_staff[6] = broken_staff[6].replace("TRUE", "có").replace("FALSE", "không")
broken_staff[7] = broken_staff[7].rsplit(";", 1)[0] + ";"
broken_staff[8] = broken_staff[8].replace("nurse", "astronaut").replace("doctor", "astronaut")
broken_hamlets = hamlets[:]
broken_hamlets[9] = broken_hamlets[9].rsplit(";", 1)[0] + ";-1"
broken_hamlets[12] = broken_hamlets[12].rsplit(";", 1)[0] + ";"
write(os.path.join(work, "h-broken"),
      {"stations.csv": broken, "staff.csv": broken_staff, "hamlets.csv": broken_hamlets})
quote = stations[:]
quote[-3] = quote[-3].replace(";", ";\"", 1)
write(os.path.join(work, "h-quote"), {"stations.csv": quote, "staff.csv": staff, "hamlets.csv": hamlets})
unmatched = staff[:]
unmatched.insert(3, "99999;Không có trạm;nurse;TRUE")
write(os.path.join(work, "h-unmatched"), {"stations.csv": stations, "staff.csv": unmatched, "hamlets.csv": hamlets})
EOF

runs=0
differ=0
for data in "$root/Samples/tan-yen-2024-csv" "$work/b2000" "$work/h-dup" "$work/h-unsorted" "$work/h-broken" \
  "$work/h-quote" "$work/h-unmatched"; do
  for criteria in ct25-2030 qd1300-2030 nq20-2030 ct05-2030; do
    for format in "--summary" "--summary --language en" "--summary --group-by province" "--format csv" \
      "--format jsonl" "--format json"; do
      runs=$((runs + 1))
      # shellcheck disable=SC2086 # the format's words are separate arguments
      set +e
      "$old" check --criteria "$root/Criteria/$criteria.yaml" "$data" --year 2030 $format > "$work/old.out" 2> "$work/old.err"
      old_status=$?
      "$new" check --criteria "$root/Criteria/$criteria.yaml" "$data" --year 2030 $format > "$work/new.out" 2> "$work/new.err"
      new_status=$?
      set -e
      if ! cmp -s "$work/old.out" "$work/new.out" || ! cmp -s "$work/old.err" "$work/new.err" \
        || [ "$old_status" != "$new_status" ]; then
        differ=$((differ + 1))
        echo "differ: $(basename "$data") $criteria $format (exit $old_status / $new_status)"
      fi
    done
  done
done
echo "$runs runs, $differ differ"
[ "$differ" -eq 0 ]
