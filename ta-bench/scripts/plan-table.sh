#!/usr/bin/env bash
# The plan table of docs/performance.md: every PlanBench benchmark in its own JVM, timed in thread CPU time (CpuTime).
# Build first: mvn -B -pl ta-bench -am package -DskipTests (or point BENCH_JAR at a copy of benchmarks.jar).
set -euo pipefail
cd "$(dirname "$0")/../.."
JAVA=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
uptime
for b in strategyHand strategyTalib strategyFused strategyInterpreted strategyNodeAtATime strategyStream strategyStreamNodes \
         wideHand wideFused wideInterpreted wideStream wideStreamNodes; do
  "$JAVA" -Xmx2g -cp ${BENCH_JAR:-ta-bench/target/benchmarks.jar} io.ta.bench.CpuTime PlanBench "$b"
done
uptime
