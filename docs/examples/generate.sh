#!/usr/bin/env bash
# Regenerates the chart and the report the README shows, from the shipped daily bars (golden/data/ttrc-daily.csv).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out="$root/docs/examples"
exprs=(
  --expr 'sma20=sma(close, 20)' --expr 'sma50=sma(close, 50)'
  --expr 'bb_upper=bbands(close, 20, 2).upper' --expr 'bb_lower=bbands(close, 20, 2).lower'
  --expr 'rsi=rsi(close, 14)'
  --expr 'macd=macd(close, 12, 26, 9).macd' --expr 'signal=macd(close, 12, 26, 9).signal'
  --expr 'hist=macd(close, 12, 26, 9).histogram'
  --expr 'buy=crossup(sma(close, 20), sma(close, 50))' --expr 'sell=crossdown(sma(close, 20), sma(close, 50))'
)
"$root/ta" eval --csv "$root/golden/data/ttrc-daily.csv" "${exprs[@]}" --above sell --out /dev/null \
  --last 250 --chart "$out/chart.png" --chart-size 1200x760
"$root/ta" eval --csv "$root/golden/data/ttrc-daily.csv" "${exprs[@]}" --above sell --out /dev/null \
  --from 2003-01-01 --html "$out/report.html" --chart-size 1200x760
