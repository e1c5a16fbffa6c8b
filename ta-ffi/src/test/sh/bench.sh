#!/usr/bin/env bash
# Measures the cost of a call across the boundary — Java (baseline), C → JVM through libta, Node → koffi → libta → JVM —
# for a 1-bar stream update and a 1,000,000-bar batch (docs/performance.md, "Calls from C and Node").
# Needs a built tree: JAVA_HOME=... mvn -B -pl ta-node -am verify (or package for ta-ffi and npm run build in ta-node).
# Usage: ta-ffi/src/test/sh/bench.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/../../../.." && pwd)"
java_home="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
lib="$root/ta-ffi/target/lib"
golden="$root/ta-ffi/target/ffi-golden"
work="$root/ta-ffi/target/bench"
mkdir -p "$work"
gcc -std=c11 -O2 -Wall -Werror -I"$lib" -I"$root/ta-ffi/src/test/c" -o "$work/bench" \
  "$root/ta-ffi/src/test/c/bench.c" "$root/ta-ffi/src/test/c/golden.c" -L"$lib" -lta -Wl,-rpath,"$lib"
export JAVA_HOME="$java_home" TA_JVM_OPTIONS="-Xmx1g -XX:+UseSerialGC"
echo "# $(date -u +%FT%TZ) $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
"$java_home/bin/java" -Xmx1g -XX:+UseSerialGC -cp "$root/ta-ffi/target/test-classes:$lib/ta-engine.jar" \
  io.ta.ffi.BoundaryBench "$golden"
"$work/bench" "$golden"
TA_LIBRARY="$lib/libta.so" node "$root/ta-node/dist/bench/boundary.js" "$golden"
echo "# after: load average $(cut -d' ' -f1-3 /proc/loadavg)"
