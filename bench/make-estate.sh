#!/usr/bin/env bash
# Builds a large estate from the corpus programs for the benchmarks: COPIES copies of every corpus
# program with renamed PROGRAM-IDs, END PROGRAM names and CALL targets (so each copy is a separate
# call tree), plus the corpus copybooks and a ferry.toml.
#
#   bench/make-estate.sh DIR COPIES
set -euo pipefail
dir=$1
copies=$2
root="$(cd "$(dirname "$0")/.." && pwd)"
mkdir -p "$dir/cobol" "$dir/copybooks"
cp "$root"/tests/corpus/copy-replace/copybooks/* "$dir/copybooks/"
for area in "$root"/tests/corpus/*/; do
    [ "$(basename "$area")" = copy-replace ] && continue   # its copybooks need their own REPLACE setup
    [ -d "$area/copybooks" ] && cp "$area"copybooks/* "$dir/copybooks/" 2>/dev/null || true
    for f in "$area"cobol/*.cbl; do
        for k in $(seq 1 "$copies"); do
            sed -E -e "s/(PROGRAM-ID\.[[:space:]]+)([A-Z0-9-]+)/\1\2K$k/" \
                   -e "s/(END PROGRAM[[:space:]]+)([A-Z0-9-]+)/\1\2K$k/" \
                   -e "s/(CALL[[:space:]]+\")([A-Z0-9-]+)\"/\1\2K$k\"/" \
                "$f" > "$dir/cobol/$(basename "$f" .cbl)-$k.cbl"
        done
    done
done
printf 'copybook_dirs = ["copybooks"]\nsource_format = "fixed"\n' > "$dir/ferry.toml"
