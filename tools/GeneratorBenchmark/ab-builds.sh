#!/usr/bin/env bash
# Two builds of the same project compared as a user's edit-build loop sees them (docs/performance.md, "Kept from one
# build to the next"): typically WithNetGenPackage written by two runs of this tool from two commits, so that each
# restored the package packed from its own commit.
#
#   bash tools/GeneratorBenchmark/ab-builds.sh BEFORE_PROJECT_DIR AFTER_PROJECT_DIR [ROUNDS] [EDITED_FILE]
#
# Each round builds both, the order flipped every round, and for each:
#   1. `dotnet build-server shutdown`, then a full build with ReportAnalyzer (a new compiler server, as after a reboot);
#   2. three edits, each a comment appended to EDITED_FILE (default Net12.cs) and followed by an incremental build on
#      the now warm server; the third is the one reported, with ReportAnalyzer.
# It prints, per round and project, the wall clock of both reported builds and NetGenGenerator's and NetGenAnalyzer's
# times from the compiler's report, then the medians and the median of the per-round ratios after / before.
set -euo pipefail

source "$(dirname "$0")/build-report.sh"

before=$(cd "$1" && pwd)
after=$(cd "$2" && pwd)
rounds=${3:-5}
edited=${4:-Net12.cs}
logs=$(mktemp -d)

build() { # project, log, extra arguments
    local start end
    start=$(date +%s.%N)
    dotnet build "$1" -c Release --no-restore -p:BuildProjectReferences=false -nologo -v:q -p:ReportAnalyzer=true \
        "-flp:logfile=$2;verbosity=detailed" "${@:3}" > /dev/null
    end=$(date +%s.%N)
    check_server "$2"
    seconds "$start" "$end"
}

measure() { # label, project directory, round
    local dir=$2 log="$logs/$1-$3" full incremental
    dotnet build-server shutdown > /dev/null 2>&1 || true
    full=$(build "$dir" "$log-full.log" --no-incremental)
    for i in 1 2 3; do
        echo "// edit $3.$i" >> "$dir/$edited"
        incremental=$(build "$dir" "$log-incremental-$i.log")
    done
    echo "$1 $3 $full $(reported "$log-full.log" NetGen.Generator.NetGenGenerator) $(reported "$log-full.log" NetGen.Generator.Analyzer.NetGenAnalyzer)" \
        "$incremental $(reported "$log-incremental-3.log" NetGen.Generator.NetGenGenerator) $(reported "$log-incremental-3.log" NetGen.Generator.Analyzer.NetGenAnalyzer)"
}

echo "project round | full: wall generator analyzer (s) | third incremental on a warm server: wall generator analyzer (s)"
results="$logs/results.txt"
for round in $(seq 1 "$rounds"); do
    if (( round % 2 )); then order=(before after); else order=(after before); fi
    for which in "${order[@]}"; do
        if [[ $which == before ]]; then measure before "$before" "$round"; else measure after "$after" "$round"; fi
    done | tee -a "$results"
done

python3 - "$results" <<'EOF'
import statistics, sys
rows = [line.split() for line in open(sys.argv[1])]
names = ["full wall", "full generator", "full analyzer", "warm incremental wall", "warm incremental generator", "warm incremental analyzer"]
by = {(r[0], r[1]): [float(x) for x in r[2:8]] for r in rows}
rounds = sorted({r[1] for r in rows}, key=int)
print()
print("| measure | before, median | after, median | after / before, median of rounds (range) |")
print("| --- | ---: | ---: | ---: |")
for i, name in enumerate(names):
    b = [by[("before", k)][i] for k in rounds]
    a = [by[("after", k)][i] for k in rounds]
    ratios = [x / y for x, y in zip(a, b) if y > 0]
    print(f"| {name} | {statistics.median(b):.3f} s | {statistics.median(a):.3f} s | {statistics.median(ratios):.2f} ({min(ratios):.2f}-{max(ratios):.2f}) |")
EOF
echo "logs: $logs"
