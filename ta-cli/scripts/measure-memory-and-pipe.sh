#!/usr/bin/env bash
# Measures `ta eval`'s peak RSS on 10 M one-minute OHLCV bars and how long `ta stream … | head -2` takes to stop.
# Usage: ta-cli/scripts/measure-memory-and-pipe.sh [JAR] [ROWS]   (JAR defaults to ta-cli/target/ta-cli.jar)
# Needs perl (to generate the data, once, in $TMPDIR) and GNU time (/usr/bin/time).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
jar="${1:-$root/ta-cli/target/ta-cli.jar}"
rows="${2:-10000000}"
java="${TA_JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
data="${TMPDIR:-/tmp}/ta-bars-$rows.csv"

if [ ! -f "$data" ]; then
  # A deterministic random walk: time (ISO, one minute apart), open, high, low, close, volume.
  perl -e '
    my $n = shift; print "time,open,high,low,close,volume\n";
    my $p = 100; my $t = 946684800; srand(1);
    for my $i (0 .. $n - 1) {
      my @g = gmtime($t + 60 * $i);
      $p *= 1 + (rand() - 0.5) * 0.002;
      my $o = $p * (1 + (rand() - 0.5) * 0.001);
      my $h = ($p > $o ? $p : $o) * (1 + rand() * 0.001);
      my $l = ($p < $o ? $p : $o) * (1 - rand() * 0.001);
      printf "%04d-%02d-%02dT%02d:%02d:%02dZ,%.4f,%.4f,%.4f,%.4f,%d\n", $g[5] + 1900, $g[4] + 1, $g[3], $g[2], $g[1], $g[0],
        $o, $h, $l, $p, int(rand() * 10000);
    }' "$rows" > "$data"
fi

run_eval() {
  /usr/bin/time -f "eval $1: peak RSS %M KB, wall %e s, user %U s, exit %x" \
    "$java" -Djava.awt.headless=true -jar "$jar" eval --csv "$data" "${@:2}" > /dev/null
}
run_eval "close only (sma, rsi)" --expr 's=sma(close, 20)' --expr 'r=rsi(close, 14)'
run_eval "all columns (atr, obv, sma of open)" --expr 'a=atr(14)' --expr 'o=obv()' --expr 'm=sma(open, 5)'
/usr/bin/time -f "stream | head -2: wall %e s, user %U s" bash -c \
  "set -o pipefail; '$java' -jar '$jar' stream --csv '$data' --expr 's=sma(close, 20)' | head -2 > /dev/null; echo \"exit \$?\""
