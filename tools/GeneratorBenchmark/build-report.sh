# Shared by ab-builds.sh and warm-full-builds.sh (sourced, not run): reading the figures of one build out of its
# MSBuild log, and the wall clock around it.

# A user's build compiles through the compiler server; some machines turn it off in the environment.
unset UseSharedCompilation

# The difference of two `date +%s.%N` stamps, in seconds.
seconds() { python3 -c 'import sys; print(f"{float(sys.argv[2]) - float(sys.argv[1]):.2f}")' "$1" "$2"; }

# The line of NAME (NetGen.Generator.NetGenGenerator, NetGen.Generator.Analyzer.NetGenAnalyzer) in the compiler's
# "Total generator/analyzer execution time" tables (ReportAnalyzer), in seconds; nan when the log has none.
reported() { local value; value=$(grep -E "^\s+[0-9.]+\s+[0-9]+\s+$2" "$1" | head -1 | awk '{print $1}'); echo "${value:-nan}"; }

# The Csc task's line of the log's performance summary, in seconds.
csc() { local value; value=$(grep -E '^\s+[0-9]+ ms\s+Csc\s' "$1" | head -1 | awk '{print $1}'); python3 -c "print(${value:-0} / 1000)"; }

# A build the compiler server did not compile measures something else: say so next to the figures.
check_server() { grep -q "server processed compilation" "$1" || echo "warning: $1 was not compiled by the compiler server" >&2; }
