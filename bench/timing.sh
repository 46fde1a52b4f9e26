# Shared by the *-vs-cobc benchmarks (sourced): timings of runs, best and median, and the table
# comparing cobc's runs (arrays cw, cc: wall and cpu seconds) with the translation's (rw, rc).
best() { printf '%s\n' "$@" | sort -g | head -n 1; }
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
ratio() { echo "scale=3; $1 / $2" | bc; }
timing_table() {
    echo "                    wall best   wall median   cpu best"
    printf 'cobc -x -O2:        %-11s %-13s %s\n' "$(best "${cw[@]}")s" "$(median "${cw[@]}")s" "$(best "${cc[@]}")s"
    printf 'ferry translation:  %-11s %-13s %s\n' "$(best "${rw[@]}")s" "$(median "${rw[@]}")s" "$(best "${rc[@]}")s"
    echo "ratio (ferry/cobc): $(ratio "$(best "${rw[@]}")" "$(best "${cw[@]}")") wall, $(ratio "$(best "${rc[@]}")" "$(best "${cc[@]}")") cpu"
}
