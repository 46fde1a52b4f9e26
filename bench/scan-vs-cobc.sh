#!/usr/bin/env bash
# Front-end speed: `ferry scan` (preprocess + parse + lower + layout, all cores) against
# `cobc -fsyntax-only` (xargs -P on all cores) on the same tree, in the same run.
#
#   bench/scan-vs-cobc.sh [COPIES]   (default 40 copies of every corpus program, PROGRAM-IDs renamed)
set -euo pipefail
cd "$(dirname "$0")/.."
copies=${1:-40}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/tree/cobol" "$work/tree/copybooks"
cp tests/corpus/copy-replace/copybooks/* "$work/tree/copybooks/"
# Every copy renames the programs it defines and the places that name them (END PROGRAM, CALL
# literals, VALUE literals of dynamic CALLs), so that the tree is a valid estate for both tools.
names=$(grep -h "PROGRAM-ID" tests/corpus/*/cobol/*.cbl \
    | sed -E 's/.*PROGRAM-ID\.[[:space:]]+"?([A-Za-z0-9-]+).*/\1/' | sort -u)
for area in tests/corpus/*/; do
    [ "$(basename "$area")" = copy-replace ] && continue   # its copybooks need their own REPLACE setup
    # only the areas cobc compiles with the same plain options (fixed format, default dialect)
    grep -q 'source_format = "fixed"' "$area/ferry.toml" 2>/dev/null || continue
    grep -qE '^(dialect|\[defines\])' "$area/ferry.toml" && continue
    for f in "$area"cobol/*.cbl; do
        for k in $(seq 1 "$copies"); do
            script=""
            for n in $names; do
                script+="s/(PROGRAM-ID\.[[:space:]]+)$n([ .])/\1${n}K$k\2/;"
                script+="s/(END PROGRAM[[:space:]]+)$n\./\1${n}K$k./;"
                script+="s/\"$n\"/\"${n}K$k\"/g;"
            done
            sed -E "$script" "$f" > "$work/tree/cobol/$(basename "$f" .cbl)-$k.cbl"
        done
    done
done
printf 'copybook_dirs = ["copybooks"]\nsource_format = "fixed"\n' > "$work/tree/ferry.toml"
lines=$(cat "$work"/tree/cobol/*.cbl | wc -l)
files=$(ls "$work"/tree/cobol/*.cbl | wc -l)
cores=$(nproc)
cargo build --release -q -p ferry-cli
# Wall clock and CPU time (user + sys) of each tool; CPU time is the steadier figure on a busy machine.
t0=$(date +%s.%N)
/usr/bin/time -f "%U %S" -o "$work/ferry.cpu" ./target/release/ferry scan "$work/tree" --format json --quiet \
    > "$work/scan.json" || true
t1=$(date +%s.%N)
(cd "$work/tree" && ls cobol/*.cbl | /usr/bin/time -f "%U %S" -o "$work/cobc.cpu" \
    xargs -P "$cores" -n 20 cobc -fsyntax-only -I copybooks > /dev/null 2>&1 || true)
t2=$(date +%s.%N)
tf=$(echo "$t1 - $t0" | bc); tc=$(echo "$t2 - $t1" | bc)
cf=$(tail -1 "$work/ferry.cpu" | awk '{print $1 + $2}'); cc=$(tail -1 "$work/cobc.cpu" | awk '{print $1 + $2}')
diags=$(python3 -c 'import json,sys; print(sum(len(f["diagnostics"]) for f in json.load(open(sys.argv[1]))["files"]))' "$work/scan.json")
echo "files: $files, lines: $lines, cores: $cores, ferry diagnostics: $diags"
echo "ferry scan:          ${tf}s wall, ${cf}s CPU  ($(echo "$lines / $tf" | bc) lines/s)"
echo "cobc -fsyntax-only:  ${tc}s wall, ${cc}s CPU  ($(echo "$lines / $tc" | bc) lines/s)"
echo "speed-up (cobc time / ferry time): wall $(echo "scale=1; $tc / $tf" | bc), CPU $(echo "scale=1; $cc / $cf" | bc)"
