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
for area in tests/corpus/*/; do
    [ "$(basename "$area")" = copy-replace ] && continue   # its copybooks need their own REPLACE setup
    for f in "$area"cobol/*.cbl; do
        for k in $(seq 1 "$copies"); do
            sed -E "s/(PROGRAM-ID\.[[:space:]]+)([A-Z0-9-]+)/\1\2K$k/" "$f" > "$work/tree/cobol/$(basename "$f" .cbl)-$k.cbl"
        done
    done
done
printf 'copybook_dirs = ["copybooks"]\nsource_format = "fixed"\n' > "$work/tree/ferry.toml"
lines=$(cat "$work"/tree/cobol/*.cbl | wc -l)
files=$(ls "$work"/tree/cobol/*.cbl | wc -l)
cores=$(nproc)
cargo build --release -q -p ferry-cli
t0=$(date +%s.%N)
./target/release/ferry scan "$work/tree" --format json > /dev/null || true
t1=$(date +%s.%N)
(cd "$work/tree" && ls cobol/*.cbl | xargs -P "$cores" -n 20 cobc -fsyntax-only -I copybooks > /dev/null 2>&1 || true)
t2=$(date +%s.%N)
tf=$(echo "$t1 - $t0" | bc); tc=$(echo "$t2 - $t1" | bc)
echo "files: $files, lines: $lines, cores: $cores"
echo "ferry scan:          ${tf}s  ($(echo "$lines / $tf" | bc) lines/s)"
echo "cobc -fsyntax-only:  ${tc}s  ($(echo "$lines / $tc" | bc) lines/s)"
echo "speed-up (cobc time / ferry time): $(echo "scale=1; $tc / $tf" | bc)"
