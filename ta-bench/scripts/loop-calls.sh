#!/bin/bash
# The calls C2 left out of line in each kernel's batch loop, one JVM per kernel (loop-calls.py says why they matter).
# Usage: ta-bench/scripts/loop-calls.sh [KERNEL...]   (default: every kernel the jar registers; about ten minutes)
# Needs ta-bench/target/benchmarks.jar (mvn -pl ta-bench -am package -DskipTests). Writes nothing but a scratch log.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
jar="$here/../target/benchmarks.jar"
java="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
log=$(mktemp)
trap 'rm -f "$log"' EXIT
kernels=("$@")
if [ ${#kernels[@]} -eq 0 ]; then
    mapfile -t kernels < <("$java" -cp "$jar" io.ta.bench.BatchCpu --list)
fi
for k in "${kernels[@]}"; do
    "$java" -XX:+UseSerialGC -XX:+UnlockDiagnosticVMOptions -XX:+LogCompilation -XX:LogFile="$log" \
        -cp "$jar" io.ta.bench.BatchCpu "$k" 12 > /dev/null
    python3 "$here/loop-calls.py" "$log" '_Descriptor batch' | sed "s/^/$k /" | sort -u -k3
done
