#!/usr/bin/env bash
# The generator's full run with and without the JIT's one-time cost (docs/performance.md, "A full run once the server
# has compiled NetGen"): typically WithNetGenPackage, written by `GeneratorBenchmark --package`.
#
#   bash tools/GeneratorBenchmark/warm-full-builds.sh PROJECT_DIR [ROUNDS] [WARM_UP_PROJECT_DIR]
#
# It first copies PROJECT_DIR to a sibling project of another name whose models live in another namespace, so that
# nothing NetGen keeps from building the copy (analyses and files by their inputs, parses by assembly name, file and
# place) can stand for the project's own. WARM_UP_PROJECT_DIR, if given, is built instead of that copy: the
# hand-written WithoutNetGen, for instance, warms the compiler server (Roslyn, the references' metadata) without NetGen.
# Each round, the order flipped every round, builds the project in full with ReportAnalyzer twice:
#   cold: after `dotnet build-server shutdown`, a new compiler server's first build;
#   warm: after `dotnet build-server shutdown` and a full build of the copy (or WARM_UP_PROJECT_DIR) on the new server,
#         so the server has loaded and JIT-compiled NetGen (and Roslyn's binder) for another project, and has nothing of
#         this one.
# It prints, per round, both builds' wall clock, Csc task and NetGenGenerator's time from the compiler's report, then
# the medians, milliseconds per model and the median of the per-round ratios warm / cold.
set -euo pipefail

source "$(dirname "$0")/build-report.sh"

project=$(cd "$1" && pwd)
rounds=${2:-5}
name=$(basename "$project")
copy="$(dirname "$project")/${name}Other"
models=$(ls "$project"/*.cs | wc -l)
logs=$(mktemp -d)

if [[ -n ${3:-} ]]; then
    copy=$(cd "$3" && pwd)
else
    rm -rf "$copy"
    mkdir -p "$copy"
    cp "$project"/*.cs "$copy"/
    cp "$project/$name.csproj" "$copy/${name}Other.csproj"
    [[ -f "$project/NuGet.config" ]] && cp "$project/NuGet.config" "$copy/"
    sed -i 's/Synthetic\.Models/Synthetic.OtherModels/g' "$copy"/*.cs
    dotnet restore "$copy" -nologo -v:q > /dev/null
fi

full_build() { # project directory, log (empty: no log)
    local start end
    start=$(date +%s.%N)
    if [[ -n $2 ]]; then
        dotnet build "$1" -c Release --no-restore -nologo -v:q --no-incremental -p:ReportAnalyzer=true \
            "-flp:logfile=$2;verbosity=detailed;performancesummary" > /dev/null
        check_server "$2"
    else
        dotnet build "$1" -c Release --no-restore -nologo -v:q --no-incremental > /dev/null
    fi
    end=$(date +%s.%N)
    seconds "$start" "$end"
}

measure() { # cold | warm, round
    local log="$logs/$1-$2.log" wall
    dotnet build-server shutdown > /dev/null 2>&1 || true
    [[ $1 == warm ]] && full_build "$copy" "" > /dev/null
    wall=$(full_build "$project" "$log")
    echo "$1 $2 $wall $(csc "$log") $(reported "$log" NetGen.Generator.NetGenGenerator)"
}

echo "server round | full build of $name: wall, Csc task, NetGenGenerator (s); warm: after building $(basename "$copy")"
results="$logs/results.txt"
for round in $(seq 1 "$rounds"); do
    if (( round % 2 )); then order=(cold warm); else order=(warm cold); fi
    for which in "${order[@]}"; do measure "$which" "$round"; done | tee -a "$results"
done

python3 - "$results" "$models" "$(basename "$copy")" <<'EOF'
import statistics, sys
rows = [line.split() for line in open(sys.argv[1])]
models = int(sys.argv[2])
warm_up = sys.argv[3]
by = {(r[0], r[1]): [float(x) for x in r[2:5]] for r in rows}
rounds = sorted({r[1] for r in rows}, key=int)
print()
print(f"| full build, {models} models | new server, median | server that built {warm_up} first, median | warm / new, median of rounds (range) |")
print("| --- | ---: | ---: | ---: |")
for i, name in enumerate(["wall clock", "Csc task", "NetGenGenerator"]):
    c = [by[("cold", k)][i] for k in rounds]
    w = [by[("warm", k)][i] for k in rounds]
    ratios = [x / y for x, y in zip(w, c) if y > 0]
    print(f"| {name} | {statistics.median(c):.3f} s | {statistics.median(w):.3f} s | {statistics.median(ratios):.2f} ({min(ratios):.2f}-{max(ratios):.2f}) |")
c = statistics.median(by[("cold", k)][2] for k in rounds)
w = statistics.median(by[("warm", k)][2] for k in rounds)
print(f"\nNetGenGenerator per model: {1000 * c / models:.1f} ms on a new server, {1000 * w / models:.1f} ms after {warm_up}")
EOF
echo "logs: $logs"
