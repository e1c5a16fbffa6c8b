#!/bin/bash
# Every kernel two builds both have, one against the other: NumericsCpu (both builds in one JVM, thread CPU time) in a
# fresh JVM per kernel, JVMS times over; prints the table docs/performance.md ("Exact numerics") shows, the median of
# the JVMs' after/before ratios per column with their range, bold over issue 8's budget of 1.10.
# Usage: ta-bench/scripts/numerics-sweep.sh BEFORE_JAR AFTER_JAR [JVMS] [KERNEL,KERNEL...]
#   (default 3 JVMs and every kernel in both jars' catalogs; about two seconds a kernel and JVM here)
# BEFORE_JAR: a benchmarks.jar with NumericsBench in it (NumericsBench.java compiles against any build since 945a193).
# AFTER_JAR also supplies NumericsCpu. Writes nothing but a scratch directory, removed at the end.
set -euo pipefail
before=$1
after=$2
jvms=${3:-3}
java="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
if [ -n "${4:-}" ]; then
    kernels=${4//,/ }
else
    for j in before after; do
        jar=$before
        [ $j = after ] && jar=$after
        unzip -p "$jar" META-INF/ta/catalog.json > "$out/$j.json"
    done
    kernels=$(python3 -c 'import json, sys
names = [[k["name"] for k in json.load(open(f))["kernels"]] for f in sys.argv[1:]]
print(" ".join(k for k in names[1] if k in names[0]))' "$out/before.json" "$out/after.json")
fi
for r in $(seq 1 "$jvms"); do
    for k in $kernels; do
        "$java" -XX:+UseSerialGC -Xms1g -Xmx1g -cp "$after" io.ta.bench.NumericsCpu "$before" "$after" "$k" 15 \
            | tail -n +2 >> "$out/runs.txt"
    done
done
python3 - "$out/runs.txt" <<'PY'
import statistics, sys
runs = {}
for line in open(sys.argv[1]):
    kernel, bench, before, after, ratio = line.split()
    runs.setdefault(kernel, {}).setdefault(bench, []).append((float(before), float(after), float(ratio)))
def cell(values):
    ratios = sorted(v[2] for v in values)
    m = round(statistics.median(ratios), 2)
    text = f"**{m:.2f}**" if m > 1.10 else f"{m:.2f}"
    return text + (f" ({ratios[0]:.2f}–{ratios[-1]:.2f})" if len(ratios) > 1 else "")
print("| kernel | batch | range loop | stream update | batch ns/bar, before → after |")
print("|---|---|---|---|---:|")
for kernel in sorted(runs):
    r = runs[kernel]
    b = r["batch"]
    print(f"| {kernel} | {cell(b)} | {cell(r['updateRange'])} | {cell(r['streamUpdate'])} | "
          f"{statistics.median(v[0] for v in b):.2f} → {statistics.median(v[1] for v in b):.2f} |")
PY
