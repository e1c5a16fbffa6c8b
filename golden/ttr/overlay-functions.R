# Transcriptions for overlays.tsv, written from the cited definitions (nothing shared with ta's kernels).

# Gann HiLo activator (Krausz, TASC Feb 1998): the trend flips up when the close is above the previous bar's SMA of
# highs and down below the previous bar's SMA of lows; the line is the low SMA while up (and before any flip), the high
# SMA while down. NA until both averages of the previous bar exist. A close within 1e-12 (relative) of an average is a
# tie and breaks nothing (the kernel's documented tie rule: rounding of the average must not decide).
hilo_line <- function(high, low, close, hp, lp) {
  hi <- SMA(high, n = hp)
  lo <- SMA(low, n = lp)
  out <- rep(NA_real_, length(close))
  trend <- 0
  for (t in (max(hp, lp) + 1):length(close)) {
    if (close[t] - hi[t - 1] > 1e-12 * abs(hi[t - 1])) trend <- 1 else if (lo[t - 1] - close[t] > 1e-12 * abs(lo[t - 1])) trend <- -1
    out[t] <- if (trend < 0) hi[t] else lo[t]
  }
  out
}

# x displaced k bars forward: the value shown at bar t is the one of bar t - k.
displaced <- function(x, k) if (k == 0) x else c(rep(NA_real_, k), head(x, -k))

# TTM Trend: the sign of the close against the SMA of the median prices of the prior n bars; within 1e-12 (relative)
# of the average counts as on it (0), the kernel's documented tie rule.
ttm_trend <- function(high, low, close, n) {
  a <- displaced(SMA((high + low) / 2, n = n), 1)
  d <- close - a
  ifelse(abs(d) <= 1e-12 * abs(a), 0, sign(d))
}
