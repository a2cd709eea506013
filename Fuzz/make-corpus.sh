#!/usr/bin/env bash
# Adds the repository's samples and criteria files to the seed corpora Fuzz/corpus/<target>/ (as repo-*
# files, not committed: they are rebuilt from the repository on every run). The committed seeds beside them
# are small hand-written cases the samples do not cover.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
corpus="$root/Fuzz/corpus"
for target in yaml json csv csv-join xlsx criteria expression; do
  mkdir -p "$corpus/$target"
  rm -f "$corpus/$target"/repo-*
done

seed() { # seed TARGET FILE: copy FILE under a name made from its path
  local name
  name=$(echo "${2#"$root"/}" | tr '/' '_')
  cp "$2" "$corpus/$1/repo-$name"
}

while IFS= read -r file; do seed yaml "$file"; done < <(find "$root/Samples" -name '*.yaml' | sort)
while IFS= read -r file; do seed json "$file"; done < <(find "$root/Samples" -name '*.json' | sort)
while IFS= read -r file; do seed csv "$file"; done < <(find "$root/Samples" -name '*.csv' | sort)
while IFS= read -r file; do seed criteria "$file"; done < <(find "$root/Criteria" "$root/Tests/Fixtures/invalid-criteria" -name '*.yaml' | sort)

# The joined CSV target reads stations, staff and hamlets tables separated by a 0x1E byte.
csv="$root/Samples/tan-yen-2024-csv"
{ cat "$csv/stations.csv"; printf '\x1e'; cat "$csv/staff.csv"; printf '\x1e'; cat "$csv/hamlets.csv"; } \
  > "$corpus/csv-join/repo-tan-yen-2024-csv"

# The expression target reads a measure on its first line and a target on its second: every measure and rule
# of the criteria files, with each target written in those files.
index=0
grep -rhoE '^ *(measure|check): .*' "$root/Criteria" | sed -E 's/^ *(measure|check): //; s/^"(.*)"$/\1/' | sort -u |
  while IFS= read -r expression; do
    index=$((index + 1))
    printf '%s\n' "$expression" > "$corpus/expression/repo-measure-$index"
  done
grep -rhoE '^ *(target|20[0-9]{2}): ".*"' "$root/Criteria" | sed -E 's/^ *[^:]*: "(.*)"$/\1/' | sort -u |
  while IFS= read -r target; do
    index=$((index + 1))
    printf 'insured / population\n%s\n' "$target" > "$corpus/expression/repo-target-$index"
  done
echo "corpora: $(for t in "$corpus"/*; do printf '%s %s  ' "$(basename "$t")" "$(ls "$t" | wc -l)"; done)" >&2
