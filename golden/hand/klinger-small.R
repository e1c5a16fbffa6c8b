#!/usr/bin/env Rscript
# Writes golden/hand/klinger-small.csv: klinger (fast 2, slow 4, signal 3) on 16 hand-made bars, computed in base R
# straight from docs/spec.md (§3.7 volume force, §2.6 klinger, §1.5 EMA: seed = mean of the first n valid values, then
# e = (x - e) * k + e, k = 2 / (n + 1)), independently of the Java kernels. Run from golden/: Rscript hand/klinger-small.R
high   <- c(10, 11, 12, 12, 11,  9, 10, 11, 13, 14, 13, 12, 12, 13, 15, 14)
low    <- c( 9,  9, 10, 11, 10,  9, 10,  9, 11, 12, 12, 11, 10, 11, 13, 12)
close  <- c(10, 10, 11, 11, 10,  9, 10, 10, 12, 13, 12, 12, 11, 12, 14, 13)
volume <- c(100, 200, 150, 0, 300, 250, 100, 120, 400, 380, 200, 90, 160, 210, 500, 330)
n <- length(close)
hlc <- high + low + close
dm <- high - low
vf <- rep(NA_real_, n)
trend <- 0
cm <- 0
for (t in 2:n) {
  if (hlc[t] > hlc[t - 1] && trend != 1) { trend <- 1; cm <- dm[t - 1] }
  else if (hlc[t] < hlc[t - 1] && trend != -1) { trend <- -1; cm <- dm[t - 1] }
  cm <- cm + dm[t]
  vf[t] <- if (cm == 0) 0 else 100 * volume[t] * (if (trend == -1) -1 else 1) * abs(2 * dm[t] / cm - 1)
}
ema <- function(x, p) {
  out <- rep(NA_real_, length(x))
  valid <- which(!is.na(x))
  if (length(valid) < p) return(out)
  first <- valid[p]
  e <- sum(x[valid[1:p]]) / p
  out[first] <- e
  k <- 2 / (p + 1)
  for (t in valid[valid > first]) { e <- (x[t] - e) * k + e; out[t] <- e }
  out
}
line <- ema(vf, 2) - ema(vf, 4)
signal <- ema(line, 3)
line[is.na(signal)] <- NA
cell <- function(v) ifelse(is.na(v), "", sprintf("%.17g", v))
writeLines(c(
  "# kernel: klinger",
  "# params: fast_period=2,slow_period=4,signal_period=3",
  "# source: hand/klinger-small.R - base R written from docs/spec.md 3.7 (volume force) and 2.6/1.5 (EMAs); bar 3 has zero volume; bars 5-6 are flat and bar 6 turns the trend, so cm = 0 and VF = 0; bar 7 repeats bar 6's hlc (trend carries)",
  "high,low,close,volume,out:klinger,out:signal",
  paste(high, low, close, volume, cell(line), cell(signal), sep = ",")),
  "hand/klinger-small.csv")
