#!/usr/bin/env Rscript
# Writes the real-data fixtures of the overlay, level and session kernels whose every output no single R call gives
# (golden/ttr checks their first output on the whole history): alligator, hilo, cksp, starc, envelope, pbands, tdi,
# pvo, gmma, itrend, pivots (every method), fractals, anchored_vwap and vwap_bands (anchored every 10 bars). Each value is written
# from the kernel's cited definition in base R, with R TTR 0.24.3 (SMA, EMA, ATR, runMax/runMin, PBands, TDI) where
# it computes a piece; nothing is shared with ta's code. Run from golden/:  Rscript hand/levels-fixtures.R
suppressPackageStartupMessages(library(TTR))
source("ttr/overlay-functions.R")
d <- read.csv("data/ttrc-daily.csv")[1:120, ]
h <- d$high; l <- d$low; c <- d$close; o <- d$open; v <- d$volume

# The golden tolerance of docs/spec.md 1.5 (the reference sums in another order than ta).
fmt <- function(x) ifelse(is.na(x), "", sprintf("%.17g", x))
write_fixture <- function(name, kernel, params, source, inputs, outputs) {
  cols <- c(inputs, setNames(outputs, paste0("out:", names(outputs))))
  lines <- c(paste0("# kernel: ", kernel), paste0("# params: ", params), paste0("# source: ", source),
             "# tolerance: 1e-9", paste(names(cols), collapse = ","), do.call(paste, c(lapply(cols, fmt), sep = ",")))
  writeLines(lines, file.path("hand", paste0(name, ".csv")))
}
hl <- list(high = h, low = l)
hlc <- list(high = h, low = l, close = c)
# NA wherever any of the kernel's outputs is still NA: one lookback for every output (docs/spec.md 1.3).
common <- function(outs) { na <- Reduce(`|`, lapply(outs, is.na)); lapply(outs, function(x) ifelse(na, NA, x)) }

# alligator: SMMA (= TTR EMA with wilder = TRUE) of the median price, shown shift bars later; per-output lookbacks.
smma <- function(x, n) EMA(x, n = n, wilder = TRUE)
m <- (h + l) / 2
write_fixture("alligator-ttrc", "alligator", "jaw_period=13,jaw_shift=8,teeth_period=8,teeth_shift=5,lips_period=5,lips_shift=3",
              "base R + TTR EMA(wilder = TRUE) on the first 120 bars of data/ttrc-daily.csv (hand/levels-fixtures.R)", hl,
              list(jaw = displaced(smma(m, 13), 8), teeth = displaced(smma(m, 8), 5), lips = displaced(smma(m, 5), 3)))

# hilo: the line (ttr/overlay-functions.R) and the direction.
hilo_direction <- function(high, low, close, hp, lp) {
  hi <- SMA(high, n = hp); lo <- SMA(low, n = lp)
  out <- rep(NA_real_, length(close)); trend <- 0
  for (t in (max(hp, lp) + 1):length(close)) {
    if (close[t] - hi[t - 1] > 1e-12 * abs(hi[t - 1])) trend <- 1 else if (lo[t - 1] - close[t] > 1e-12 * abs(lo[t - 1])) trend <- -1
    out[t] <- trend
  }
  out
}
write_fixture("hilo-ttrc", "hilo", "high_period=3,low_period=3", "base R + TTR SMA on the first 120 bars of data/ttrc-daily.csv (hand/levels-fixtures.R)", hlc,
              list(hilo = hilo_line(h, l, c, 3, 3), direction = hilo_direction(h, l, c, 3, 3)))

# cksp: long_stop = max_q(HH_p - x ATR_p), short_stop = min_q(LL_p + x ATR_p).
a10 <- ATR(cbind(h, l, c), n = 10)[, "atr"]
write_fixture("cksp-ttrc", "cksp", "period=10,multiplier=1.0,stop_period=9", "base R + TTR ATR/runMax/runMin on the first 120 bars of data/ttrc-daily.csv (hand/levels-fixtures.R)", hlc,
              list(long_stop = runMax(runMax(h, n = 10) - a10, n = 9), short_stop = runMin(runMin(l, n = 10) + a10, n = 9)))

# starc: SMA(C, 6) +- 2 ATR(15).
a15 <- ATR(cbind(h, l, c), n = 15)[, "atr"]
write_fixture("starc-ttrc", "starc", "ma_period=6,atr_period=15,multiplier=2.0", "base R + TTR SMA/ATR on the first 120 bars of data/ttrc-daily.csv (hand/levels-fixtures.R)", hlc,
              common(list(upper = SMA(c, n = 6) + 2 * a15, middle = SMA(c, n = 6), lower = SMA(c, n = 6) - 2 * a15)))

# envelope: SMA(x, 20) * (1 +- 2.5%).
write_fixture("envelope-ttrc", "envelope", "period=20,percent=2.5", "base R + TTR SMA on the first 120 bars of data/ttrc-daily.csv (hand/levels-fixtures.R)", list(x = c),
              list(upper = SMA(c, n = 20) * 1.025, middle = SMA(c, n = 20), lower = SMA(c, n = 20) * 0.975))

# pbands: TTR PBands (non-centred SMA), columns up, center, dn.
pb <- PBands(c, n = 20, sd = 2, fastn = 2)
write_fixture("pbands-ttrc", "pbands", "period=20,std_dev=2.0,fast_period=2", "TTR PBands on the first 120 bars of data/ttrc-daily.csv (hand/levels-fixtures.R)", list(x = c),
              common(list(upper = pb[, "up"], middle = pb[, "center"], lower = pb[, "dn"])))

# tdi: TTR TDI, blanked before every window holds real momenta (bar n + n*multiple - 1; see ttr/trend-strength.tsv).
td <- TDI(c, n = 10, multiple = 2)
blank <- function(x, k) { x[1:k] <- NA; x }
write_fixture("tdi-ttrc", "tdi", "period=10,multiple=2", "TTR TDI on the first 120 bars of data/ttrc-daily.csv, cells before bar 29 blanked (hand/levels-fixtures.R)", list(x = c),
              list(tdi = blank(td[, "tdi"], 29), di = blank(td[, "di"], 29)))

# pvo: PPO of volume with TTR EMA, its EMA signal and the histogram.
p <- 100 * (EMA(v, n = 12) - EMA(v, n = 26)) / EMA(v, n = 26)
s <- EMA(p, n = 9)
write_fixture("pvo-ttrc", "pvo", "fast_period=12,slow_period=26,signal_period=9", "base R + TTR EMA on the first 120 bars of data/ttrc-daily.csv (hand/levels-fixtures.R)", list(volume = v),
              common(list(pvo = p, signal = s, histogram = p - s)))

# pivots of the previous bar, every method (see the kernel's javadoc).
prev <- function(x) c(NA, head(x, -1))
H <- prev(h); L <- prev(l); C <- prev(c); O <- prev(o); R <- H - L
none <- rep(NA_real_, length(h))
floor_levels <- function(p) list(pp = p, r1 = 2 * p - L, r2 = p + R, r3 = H + 2 * (p - L), r4 = none,
                                 s1 = 2 * p - H, s2 = p - R, s3 = L - 2 * (H - p), s4 = none)
X <- ifelse(C < O, H + 2 * L + C, ifelse(C > O, 2 * H + L + C, H + L + 2 * C))
pivots <- list(
  classic = floor_levels((H + L + C) / 3),
  fibonacci = { p <- (H + L + C) / 3; list(pp = p, r1 = p + 0.382 * R, r2 = p + 0.618 * R, r3 = p + R, r4 = none,
                                           s1 = p - 0.382 * R, s2 = p - 0.618 * R, s3 = p - R, s4 = none) },
  camarilla = list(pp = (H + L + C) / 3, r1 = C + 1.1 * R / 12, r2 = C + 1.1 * R / 6, r3 = C + 1.1 * R / 4, r4 = C + 1.1 * R / 2,
                   s1 = C - 1.1 * R / 12, s2 = C - 1.1 * R / 6, s3 = C - 1.1 * R / 4, s4 = C - 1.1 * R / 2),
  woodie = floor_levels((H + L + 2 * C) / 4),
  demark = list(pp = X / 4, r1 = X / 2 - L, r2 = none, r3 = none, r4 = none, s1 = X / 2 - H, s2 = none, s3 = none, s4 = none))
for (method in names(pivots)) {
  write_fixture(paste0("pivots-", method, "-ttrc"), "pivots", paste0("method=", method),
                "base R from the pivot formulas on the first 120 bars of data/ttrc-daily.csv (hand/levels-fixtures.R)",
                list(open = o, high = h, low = l, close = c), pivots[[method]])
}

# fractals: a high above the 2 highs on each side (a low below the 2 lows on each side), flagged 2 bars later.
fractal <- function(x, n, up) {
  out <- rep(0, length(x))
  for (p in (n + 1):(length(x) - n)) {
    w <- x[(p - n):(p + n)]
    others <- w[-(n + 1)]
    if (if (up) all(x[p] > others) else all(x[p] < others)) out[p + n] <- 1
  }
  out
}
write_fixture("fractals-ttrc", "fractals", "period=2", "base R on the first 120 bars of data/ttrc-daily.csv (hand/levels-fixtures.R)", hl,
              list(up = fractal(h, 2, TRUE), down = fractal(l, 2, FALSE)))

# anchored_vwap and vwap_bands, anchored on every 10th bar (bar 0, 10, 20, ...): per period, cumulative
# sum(TP V)/sum(V) and the volume-weighted population deviation sqrt(sum V (TP - vwap)^2 / sum V), two-pass.
anchor <- as.numeric((seq_along(c) - 1) %% 10 == 0)
tp <- (h + l + c) / 3
period <- cumsum(anchor)
vw <- sd <- numeric(length(c))
for (t in seq_along(c)) {
  k <- which(period == period[t] & seq_along(c) <= t)
  vw[t] <- sum(tp[k] * v[k]) / sum(v[k])
  sd[t] <- sqrt(sum(v[k] * (tp[k] - vw[t])^2) / sum(v[k]))
}
session <- list(high = h, low = l, close = c, volume = v, anchor = anchor)
write_fixture("anchored_vwap-ttrc", "anchored_vwap", "", "base R on the first 120 bars of data/ttrc-daily.csv, anchored every 10 bars (hand/levels-fixtures.R)", session,
              list(value = vw))
write_fixture("vwap_bands-ttrc", "vwap_bands", "multiplier=1.5", "base R (two-pass weighted deviation) on the first 120 bars of data/ttrc-daily.csv, anchored every 10 bars (hand/levels-fixtures.R)", session,
              list(upper = vw + 1.5 * sd, middle = vw, lower = vw - 1.5 * sd))
# gmma: TTR GMMA, twelve EMAs, each from its own first value.
g <- GMMA(c)
names12 <- c(paste0("short_", c(3, 5, 8, 10, 12, 15)), paste0("long_", c(30, 35, 40, 45, 50, 60)))
write_fixture("gmma-ttrc", "gmma", "", "TTR GMMA on the first 120 bars of data/ttrc-daily.csv (hand/levels-fixtures.R)", list(x = c),
              setNames(lapply(seq_len(12), function(k) as.numeric(g[, k])), names12))

# itrend: ttr/ehlers-functions.R's transcription and the trigger 2 it - it[2].
source("ttr/ehlers-functions.R")
it <- instantaneous_trendline(m, 0.07)
write_fixture("itrend-ttrc", "itrend", "alpha=0.07", "Ehlers' published code transcribed in ttr/ehlers-functions.R, on the median prices of the first 120 bars of data/ttrc-daily.csv (hand/levels-fixtures.R)",
              list(x = m), list(itrend = it, trigger = 2 * it - displaced(it, 2)))
cat("wrote the level and overlay fixtures\n")
