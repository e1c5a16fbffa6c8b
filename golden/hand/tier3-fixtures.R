#!/usr/bin/env Rscript
# Writes the hand-checked fixtures of the docs/spec.md Tier 3 kernels (zlema ... heikin_ashi): small made-up inputs
# whose arithmetic is worked by hand in hand/README.md ("Tier 3"), the zero-division and missing-value rules of
# docs/spec.md 5.1/5.2, and every output of the multi-output kernels on the first bars of data/ttrc-daily.csv.
# Every value is computed in base R straight from the docs/spec.md formulas (nothing shared with ta's code).
# Run from golden/:  Rscript hand/tier3-fixtures.R
d <- read.csv("data/ttrc-daily.csv")

fmt <- function(v) ifelse(is.na(v), "", sprintf("%.17g", v))

write_fixture <- function(name, kernel, params, source, inputs, outputs) {
  cols <- c(inputs, setNames(outputs, paste0("out:", names(outputs))))
  lines <- c(paste0("# kernel: ", kernel), paste0("# params: ", params), paste0("# source: ", source),
             paste(names(cols), collapse = ","), do.call(paste, c(lapply(cols, fmt), sep = ",")))
  writeLines(lines, file.path("hand", paste0(name, ".csv")))
}

# docs/spec.md 1.5 and 5.2: EMA seeded with the mean of the first n valid values, k = 2/(n+1); a missing value is
# skipped (NA out, state kept).
ema <- function(x, n, k = 2 / (n + 1)) {
  out <- rep(NA_real_, length(x))
  seen <- 0; s <- 0; e <- NA_real_
  for (t in seq_along(x)) {
    if (is.na(x[t])) next
    if (seen < n) {
      seen <- seen + 1; s <- s + x[t]
      if (seen == n) { e <- s / n; out[t] <- e }
    } else {
      e <- (x[t] - e) * k + e
      out[t] <- e
    }
  }
  out
}
# A window statistic: NA until n values exist and while the window holds a missing value.
roll <- function(x, n, f) sapply(seq_along(x), function(t) {
  if (t < n) return(NA_real_)
  w <- x[(t - n + 1):t]
  if (any(is.na(w))) NA_real_ else f(w)
})
lag_by <- function(x, k) c(rep(NA_real_, k), head(x, length(x) - k))
sma <- function(x, n) roll(x, n, mean)
pstd <- function(w) sqrt(mean((w - mean(w))^2))
roc <- function(x, n) { p <- lag_by(x, n); ifelse(is.na(p), NA_real_, ifelse(p == 0, 0, 100 * (x / p - 1))) }
true_range <- function(h, l, c) {
  out <- rep(NA_real_, length(h))
  for (t in seq_along(h)[-1]) out[t] <- max(h[t], c[t - 1]) - min(l[t], c[t - 1])
  out
}
atr <- function(h, l, c, n) ema(true_range(h, l, c), n, 1 / n)
# Hides a line until its signal exists: one lookback for every output (docs/spec.md 1.3).
with_signal <- function(line, signal) { line[is.na(signal)] <- NA; line }

zlema <- function(x, n) { lag <- (n - 1) %/% 2; ema(2 * x - lag_by(x, lag), n) }
alma <- function(x, n, offset, sigma) {
  m <- floor(offset * (n - 1)); s <- n / sigma
  w <- exp(-((0:(n - 1)) - m)^2 / (2 * s * s)); w <- w / sum(w)
  roll(x, n, function(v) sum(w * v))
}
vwma <- function(x, v, n) {
  sv <- roll(v, n, sum); sxv <- roll(x * v, n, sum)
  ifelse(sv == 0, sma(x, n), sxv / sv)
}
mcginley <- function(x, n) {
  out <- rep(NA_real_, length(x)); m <- mean(x[1:n]); out[n] <- m
  for (t in (n + 1):length(x)) {
    m <- if (m == 0 || x[t] == 0) x[t] else m + (x[t] - m) / (n * (x[t] / m)^4)
    out[t] <- m
  }
  out
}
vidya <- function(x, s, l, a) {
  out <- rep(NA_real_, length(x)); v <- x[l - 1]
  for (t in l:length(x)) {
    ss <- pstd(x[(t - s + 1):t]); sl <- pstd(x[(t - l + 1):t])
    k <- if (sl == 0) 0 else a * ss / sl
    v <- v + k * (x[t] - v); out[t] <- v
  }
  out
}
tsi <- function(x, long, short, signal) {
  m <- c(NA, diff(x))
  num <- ema(ema(m, long), short); den <- ema(ema(abs(m), long), short)
  line <- ifelse(is.na(den), NA_real_, ifelse(den == 0, 0, 100 * num / den))
  sig <- ema(line, signal)
  list(tsi = with_signal(line, sig), signal = sig)
}
kst <- function(x, r, s, signal) {
  line <- 0
  for (i in 1:4) line <- line + i * sma(roc(x, r[i]), s[i])
  sig <- sma(line, signal)
  list(kst = with_signal(line, sig), signal = sig)
}
dpo <- function(x, n) lag_by(x, n %/% 2 + 1) - sma(x, n)
stc <- function(x, fast, slow, cycle, f) {
  stoch <- function(v) {
    out <- rep(NA_real_, length(v)); k <- 0
    for (t in seq_along(v)) {
      if (t < cycle) next
      w <- v[(t - cycle + 1):t]
      if (any(is.na(w))) next
      if (max(w) != min(w)) k <- 100 * (v[t] - min(w)) / (max(w) - min(w))
      out[t] <- k
    }
    out
  }
  smooth <- function(k) {
    out <- rep(NA_real_, length(k)); s <- NA
    for (t in seq_along(k)) if (!is.na(k[t])) { s <- if (is.na(s)) k[t] else s + f * (k[t] - s); out[t] <- s }
    out
  }
  smooth(stoch(smooth(stoch(ema(x, fast) - ema(x, slow)))))
}
chop <- function(h, l, c, n) {
  path <- roll(true_range(h, l, c), n, sum); span <- roll(h, n, max) - roll(l, n, min)
  ifelse(is.na(path) | is.na(span), NA_real_,
         ifelse(span == 0 | path == 0, 0, 100 * log10(path / span) / log10(n)))
}
chandelier <- function(h, l, c, n, m) {
  a <- atr(h, l, c, n)
  list(long = roll(h, n, max) - m * a, short = roll(l, n, min) + m * a)
}
mass <- function(h, l, e, s) {
  e1 <- ema(h - l, e); e2 <- ema(e1, e)
  roll(ifelse(is.na(e2), NA_real_, ifelse(e2 == 0, 1, e1 / e2)), s, sum)
}
bands <- function(x, n, k) { m <- sma(x, n); w <- k * roll(x, n, pstd); list(upper = m + w, middle = m, lower = m - w) }
percent_b <- function(x, n, k) { b <- bands(x, n, k); ifelse(b$upper == b$lower, 0.5, (x - b$lower) / (b$upper - b$lower)) }
bandwidth <- function(x, n, k) { b <- bands(x, n, k); ifelse(b$middle == 0, 0, (b$upper - b$lower) / b$middle) }
force_index <- function(c, v, n) ema(c(NA, diff(c)) * v, n)
emv <- function(h, l, v, n, divisor) {
  mid <- (h + l) / 2; move <- c(NA, diff(mid))
  sma(ifelse(!is.na(move) & v == 0, 0, move * (h - l) / (v / divisor)), n)
}
# nvi/pvi and pvt (docs/spec.md 2.6) with 5.2's recursive rule: a bar with a missing input is NA and skipped; the next
# valid bar compares with the last valid one.
volume_index <- function(c, v, start, rises) {
  out <- rep(NA_real_, length(c)); x <- NA; pc <- NA; pv <- NA
  for (t in seq_along(c)) {
    if (is.na(c[t]) || is.na(v[t])) next
    if (is.na(x)) x <- start
    else if ((if (rises) v[t] > pv else v[t] < pv) && pc != 0) x <- x * c[t] / pc
    pc <- c[t]; pv <- v[t]; out[t] <- x
  }
  out
}
pvt <- function(c, v) {
  out <- rep(NA_real_, length(c)); s <- NA; pc <- NA
  for (t in seq_along(c)) {
    if (is.na(c[t]) || is.na(v[t])) next
    s <- if (is.na(s)) 0 else s + (if (pc == 0) 0 else v[t] * (c[t] - pc) / pc)
    pc <- c[t]; out[t] <- s
  }
  out
}
heikin_ashi <- function(o, h, l, c) {
  n <- length(c); ho <- hh <- hl <- hc <- rep(NA_real_, n); po <- NA; pc <- NA
  for (t in seq_len(n)) {
    if (is.na(o[t]) || is.na(h[t]) || is.na(l[t]) || is.na(c[t])) next
    cl <- (o[t] + h[t] + l[t] + c[t]) / 4
    op <- if (is.na(po)) (o[t] + c[t]) / 2 else (po + pc) / 2
    ho[t] <- op; hh[t] <- max(h[t], op, cl); hl[t] <- min(l[t], op, cl); hc[t] <- cl
    po <- op; pc <- cl
  }
  list(ha_open = ho, ha_high = hh, ha_low = hl, ha_close = hc)
}

hand <- "worked by hand in hand/README.md (Tier 3), recomputed in base R by hand/tier3-fixtures.R"

# Small made-up inputs.
x <- c(10, 12, 11, 13, 15, 14, 14, NA, 17, 18)
write_fixture("zlema-small", "zlema", "period=3", paste0(hand, "; a missing x is missing in 2x - x[t-1] twice"),
              list(x = x), list(value = zlema(x, 3)))
x <- c(1, 2, 4, 8, 8)
write_fixture("alma-small", "alma", "period=3,offset=0.5,sigma=3.0", hand, list(x = x), list(value = alma(x, 3, 0.5, 3)))
x <- c(10, 20, 30, 40, 50); v <- c(1, 3, 0, 0, 2)
write_fixture("vwma-zero-volume", "vwma", "period=2", paste0(hand, "; no volume in the window gives the SMA"),
              list(x = x, volume = v), list(value = vwma(x, v, 2)))
x <- c(10, 12, 8, 0, 5, 6)
write_fixture("mcginley-zero", "mcginley", "period=2", paste0(hand, "; x = 0 and then M = 0 both give M = x"),
              list(x = x), list(value = mcginley(x, 2)))
x <- c(10, 10, 12, 12, 12, 15)
write_fixture("vidya-flat", "vidya", "short_period=2,long_period=3,alpha=0.5",
              paste0(hand, "; flat short and long windows give k = 0"), list(x = x), list(value = vidya(x, 2, 3, 0.5)))
x <- c(10, 11, 13, 12, 12, 15, 14)
write_fixture("tsi-small", "tsi", "long_period=2,short_period=2,signal_period=2", hand, list(x = x), tsi(x, 2, 2, 2))
x <- rep(7, 6)
write_fixture("tsi-flat", "tsi", "long_period=2,short_period=2,signal_period=2",
              paste0(hand, "; no movement: denominator 0 gives 0"), list(x = x), tsi(x, 2, 2, 2))
x <- c(100, 125, 100, 125, 150, 120)
write_fixture("kst-small", "kst", "roc1=1,roc2=2,roc3=1,roc4=2,sma1=1,sma2=2,sma3=2,sma4=1,signal_period=2", hand,
              list(x = x), kst(x, c(1, 2, 1, 2), c(1, 2, 2, 1), 2))
x <- c(1, 3, 5, 7, 6, 4)
write_fixture("dpo-small", "dpo", "period=4", hand, list(x = x), list(value = dpo(x, 4)))
x <- c(5, 5, 5, 5, 5, 6, 6, 7, 6, 5)
write_fixture("stc-small", "stc", "fast_period=2,slow_period=3,cycle=2,factor=0.5",
              paste0(hand, "; flat windows at the start keep the stochastics at 0"),
              list(x = x), list(value = stc(x, 2, 3, 2, 0.5)))
h <- c(10, 11, 12, 12, 14, 14, 14, 15); l <- c(8, 9, 10, 10, 14, 14, 14, 13); c <- c(9, 10, 11, 11, 14, 14, 14, 14)
write_fixture("chop-small", "chop", "period=3", paste0(hand, "; a window of flat bars (zero range) gives 0"),
              list(high = h, low = l, close = c), list(value = chop(h, l, c, 3)))
h <- c(10, 12, 13, 12, 11); l <- c(8, 9, 10, 8, 9); c <- c(9, 11, 12, 9, 10)
write_fixture("chandelier-small", "chandelier", "period=2,multiplier=2.0", hand,
              list(high = h, low = l, close = c), chandelier(h, l, c, 2, 2))
h <- c(10, 10, 10, 12, 12); l <- c(10, 10, 10, 10, 10)
write_fixture("mass-small", "mass", "ema_period=2,sum_period=2", paste0(hand, "; E2 = 0 gives the ratio 1"),
              list(high = h, low = l), list(value = mass(h, l, 2, 2)))
x <- c(5, 5, 7, 7)
write_fixture("percent_b-flat", "percent_b", "period=2,std_dev=2.0", paste0(hand, "; coinciding bands give 0.5"),
              list(x = x), list(value = percent_b(x, 2, 2)))
x <- c(-1, 1, 3, 3)
write_fixture("bandwidth-small", "bandwidth", "period=2,std_dev=2.0", paste0(hand, "; a zero middle band gives 0"),
              list(x = x), list(value = bandwidth(x, 2, 2)))
c <- c(10, 11, 10, 12); v <- c(100, 200, 300, 100)
write_fixture("force_index-small", "force_index", "period=2", hand, list(close = c, volume = v),
              list(value = force_index(c, v, 2)))
h <- c(10, 12, 13, 15); l <- c(8, 10, 11, 11); v <- c(100, 200, 0, 400)
write_fixture("emv-zero-volume", "emv", "period=2,volume_divisor=100", paste0(hand, "; a bar without volume adds 0"),
              list(high = h, low = l, volume = v), list(value = emv(h, l, v, 2, 100)))
c <- c(10, 11, 0, 5, 6, NA, 3)
v <- c(100, 50, 60, 30, 20, 10, 5)
write_fixture("nvi-small", "nvi", "start=100", paste0(hand, "; a previous close of 0 leaves the index; a missing bar is skipped"),
              list(close = c, volume = v), list(value = volume_index(c, v, 100, FALSE)))
v <- c(100, 150, 140, 160, 200, 10, 300)
write_fixture("pvi-small", "pvi", "start=100", paste0(hand, "; a previous close of 0 leaves the index; a missing bar is skipped"),
              list(close = c, volume = v), list(value = volume_index(c, v, 100, TRUE)))
c <- c(10, 11, 0, 5, NA, 4); v <- c(100, 200, 300, 400, 50, 500)
write_fixture("pvt-small", "pvt", "", paste0(hand, "; a previous close of 0 adds 0; a missing bar is skipped"),
              list(close = c, volume = v), list(value = pvt(c, v)))
o <- c(10, 11, NA, 12, 9); h <- c(12, 13, 14, 12.5, 9.5); l <- c(9, 10, 11, 8, 9); c <- c(11, 12, 13, 9, 9.5)
write_fixture("heikin_ashi-small", "heikin_ashi", "", paste0(hand, "; the bar with a missing open is skipped"),
              list(open = o, high = h, low = l, close = c), heikin_ashi(o, h, l, c))

# Every output of the multi-output kernels on real bars.
src <- function(n) paste0("base R from the docs/spec.md formula (hand/tier3-fixtures.R) on the first ", n,
                          " bars of data/ttrc-daily.csv")
b <- d[1:90, ]
write_fixture("tsi-default", "tsi", "", src(90), list(x = b$close), tsi(b$close, 25, 13, 13))
b <- d[1:100, ]
write_fixture("kst-default", "kst", "", src(100), list(x = b$close),
              kst(b$close, c(10, 15, 20, 30), c(10, 10, 10, 15), 9))
b <- d[1:60, ]
write_fixture("chandelier-default", "chandelier", "", src(60), list(high = b$high, low = b$low, close = b$close),
              chandelier(b$high, b$low, b$close, 22, 3))
b <- d[1:40, ]
write_fixture("heikin_ashi-default", "heikin_ashi", "", src(40),
              list(open = b$open, high = b$high, low = b$low, close = b$close),
              heikin_ashi(b$open, b$high, b$low, b$close))
cat("wrote Tier 3 hand fixtures\n")
