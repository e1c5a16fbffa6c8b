#!/usr/bin/env bash
# Before/after JMH of the kernels issue 8 changed (NumericsBench), for docs/performance.md "Exact numerics".
# Alternates single forks of the two builds, round after round, so the load of a shared machine falls on both alike,
# then prints the median ns/bar of each build and the after/before ratio per kernel and benchmark.
#
#   ta-bench/numerics-bench.sh BEFORE_JAR AFTER_JAR [ROUNDS] [KERNEL,KERNEL...]
#
# BEFORE_JAR: benchmarks.jar of the build before the change, with this NumericsBench source copied in (it uses the
# registry API only, so it compiles against both builds).
set -euo pipefail
before=$1
after=$2
rounds=${3:-3}
kernels=${4:-}
java="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
out=$(mktemp -d)
for r in $(seq 1 "$rounds"); do
  for v in before after; do
    jar=$before
    [ "$v" = after ] && jar=$after
    "$java" -jar "$jar" 'NumericsBench' -f 1 -wi 2 -w 1 -i 3 -r 1 ${kernels:+-p kernel=$kernels} \
      -rf csv -rff "$out/$v-$r.csv" > "$out/$v-$r.log"
  done
done
for v in before after; do
  for f in "$out/$v"-*.csv; do
    tail -n +2 "$f" | tr -d '"' | awk -F, -v v="$v" '{ split($1, b, "."); print v, b[length(b)], $NF, $5 }'
  done
done | sort -k3,3 -k2,2 -k1,1 -k4,4n | awk '
  { key = $3 " " $2; vals[key, $1, ++n[key, $1]] = $4; keys[key] = 1 }
  function median(k, v,   c) { c = n[k, v]; return c % 2 ? vals[k, v, (c + 1) / 2] : (vals[k, v, c / 2] + vals[k, v, c / 2 + 1]) / 2 }
  END {
    printf "%-16s %-13s %12s %12s %8s\n", "kernel", "benchmark", "before ns", "after ns", "ratio"
    for (k in keys) {
      split(k, p, " "); b = median(k, "before"); a = median(k, "after")
      printf "%-16s %-13s %12.2f %12.2f %8.2f\n", p[1], p[2], b, a, a / b
    }
  }' | sort
echo "raw results: $out" >&2
