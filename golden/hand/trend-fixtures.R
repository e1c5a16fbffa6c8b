#!/usr/bin/env Rscript
# Writes the hand-checked fixtures of the trend/volatility kernels that no library reachable here computes
# (supertrend, ichimoku, elder_ray, vortex, keltner; donchian's lower/middle outputs; natr at period 1).
# Every value is computed in base R straight from the docs/spec.md formulas (no TTR, nothing shared with ta's code),
# on the first bars of data/ttrc-daily.csv. Run from golden/:  Rscript hand/trend-fixtures.R
d <- read.csv("data/ttrc-daily.csv")

fmt <- function(v) ifelse(is.na(v), "", sprintf("%.17g", v))

write_fixture <- function(name, kernel, params, source, inputs, outputs) {
  cols <- c(inputs, setNames(outputs, paste0("out:", names(outputs))))
  lines <- c(paste0("# kernel: ", kernel), paste0("# params: ", params), paste0("# source: ", source),
             paste(names(cols), collapse = ","), do.call(paste, c(lapply(cols, fmt), sep = ",")))
  writeLines(lines, file.path("hand", paste0(name, ".csv")))
}

# docs/spec.md 2.7: true range max(H, C[-1]) - min(L, C[-1]); NA at the first bar.
true_range <- function(h, l, c) {
  out <- rep(NA_real_, length(h))
  for (t in seq_along(h)[-1]) out[t] <- max(h[t], c[t - 1]) - min(l[t], c[t - 1])
  out
}
# docs/spec.md 2.5 / 1.7: Wilder average of TR, seeded with the mean of TR over bars 1..n (0-based), first at bar n.
atr <- function(h, l, c, n) {
  r <- true_range(h, l, c)
  out <- rep(NA_real_, length(h))
  if (length(h) > n) {
    a <- sum(r[2:(n + 1)]) / n
    out[n + 1] <- a
    for (t in seq_len(length(h))[-(1:(n + 1))]) {
      a <- (a * (n - 1) + r[t]) / n
      out[t] <- a
    }
  }
  out
}
# docs/spec.md 1.5: EMA k = 2/(n+1), seeded with the mean of the first n values.
ema <- function(x, n) {
  out <- rep(NA_real_, length(x))
  e <- sum(x[1:n]) / n
  out[n] <- e
  for (t in seq_along(x)[-(1:n)]) {
    e <- (x[t] - e) * (2 / (n + 1)) + e
    out[t] <- e
  }
  out
}
roll <- function(x, n, f) sapply(seq_along(x), function(t) if (t < n) NA_real_ else f(x[(t - n + 1):t]))
lag_by <- function(x, k) c(rep(NA_real_, k), head(x, length(x) - k))

# docs/spec.md 3.5
supertrend <- function(h, l, c, n, m) {
  a <- atr(h, l, c, n)
  bu <- (h + l) / 2 + m * a
  bl <- (h + l) / 2 - m * a
  st <- dir <- rep(NA_real_, length(h))
  t0 <- n + 1
  fu <- bu[t0]; fl <- bl[t0]; dr <- -1
  st[t0] <- fu; dir[t0] <- dr
  for (t in seq_along(h)[-(1:t0)]) {
    nfu <- if (bu[t] < fu || c[t - 1] > fu) bu[t] else fu
    nfl <- if (bl[t] > fl || c[t - 1] < fl) bl[t] else fl
    fu <- nfu; fl <- nfl
    if (dr == -1) {
      if (c[t] > fu) { dr <- 1; s <- fl } else s <- fu
    } else {
      if (c[t] < fl) { dr <- -1; s <- fu } else s <- fl
    }
    st[t] <- s; dir[t] <- dr
  }
  list(supertrend = st, direction = dir)
}
ichimoku <- function(h, l, c, tk, kj, sb, dp) {
  mid <- function(n) (roll(h, n, max) + roll(l, n, min)) / 2
  tenkan <- mid(tk)
  kijun <- mid(kj)
  list(tenkan_sen = tenkan, kijun_sen = kijun, senkou_span_a = lag_by((tenkan + kijun) / 2, dp),
       senkou_span_b = lag_by(mid(sb), dp), chikou_span = c)
}
vortex <- function(h, l, c, n) {
  vp <- c(NA, abs(h[-1] - l[-length(l)]))
  vm <- c(NA, abs(l[-1] - h[-length(h)]))
  r <- true_range(h, l, c)
  s <- function(x) roll(x, n, sum)
  ratio <- function(a, b) ifelse(is.na(b), NA_real_, ifelse(b == 0, 0, a / b))
  list(plus = ratio(s(vp), s(r)), minus = ratio(s(vm), s(r)))
}
keltner <- function(h, l, c, e, a, m) {
  mid <- ema(c, e)
  w <- m * atr(h, l, c, a)
  mid[is.na(w)] <- NA
  list(upper = mid + w, middle = mid, lower = mid - w)
}

bars <- function(n) d[1:n, ]
src <- function(n) paste0("base R from the docs/spec.md formula (hand/trend-fixtures.R) on the first ", n,
                          " bars of data/ttrc-daily.csv")
hlc <- function(b) list(high = b$high, low = b$low, close = b$close)

b <- bars(60)
write_fixture("supertrend-small", "supertrend", "period=3,multiplier=1.5", paste0(src(60), "; section 3.5"),
              hlc(b), supertrend(b$high, b$low, b$close, 3, 1.5))
b <- bars(150)
write_fixture("supertrend-default", "supertrend", "", paste0(src(150), "; section 3.5"),
              hlc(b), supertrend(b$high, b$low, b$close, 10, 3.0))
b <- bars(40)
write_fixture("ichimoku-small", "ichimoku", "tenkan_period=3,kijun_period=5,span_b_period=8,displacement=4",
              paste0(src(40), "; section 3.5, spans shifted forward, chikou not shifted"),
              hlc(b), ichimoku(b$high, b$low, b$close, 3, 5, 8, 4))
b <- bars(120)
write_fixture("ichimoku-default", "ichimoku", "", paste0(src(120), "; section 3.5"),
              hlc(b), ichimoku(b$high, b$low, b$close, 9, 26, 52, 26))
b <- bars(30)
e <- ema(b$close, 5)
write_fixture("elder_ray-small", "elder_ray", "period=5", paste0(src(30), ": H - ema(C), L - ema(C)"),
              hlc(b), list(bull = b$high - e, bear = b$low - e))
b <- bars(60)
e <- ema(b$close, 13)
write_fixture("elder_ray-default", "elder_ray", "", paste0(src(60), ": H - ema(C), L - ema(C)"),
              hlc(b), list(bull = b$high - e, bear = b$low - e))
b <- bars(30)
write_fixture("vortex-small", "vortex", "period=4", src(30), hlc(b), vortex(b$high, b$low, b$close, 4))
b <- bars(60)
write_fixture("vortex-default", "vortex", "", src(60), hlc(b), vortex(b$high, b$low, b$close, 14))
b <- bars(40)
write_fixture("keltner-small", "keltner", "ema_period=5,atr_period=3,multiplier=1.5", src(40),
              hlc(b), keltner(b$high, b$low, b$close, 5, 3, 1.5))
write_fixture("keltner-atr-longer", "keltner", "ema_period=3,atr_period=6,multiplier=0.5",
              paste0(src(40), "; the ATR sets the lookback"), hlc(b), keltner(b$high, b$low, b$close, 3, 6, 0.5))
b <- bars(60)
write_fixture("keltner-default", "keltner", "", src(60), hlc(b), keltner(b$high, b$low, b$close, 20, 10, 2.0))
b <- bars(30)
dc <- function(n) {
  u <- roll(b$high, n, max); lo <- roll(b$low, n, min)
  list(upper = u, lower = lo, middle = (u + lo) / 2)
}
write_fixture("donchian-small", "donchian", "period=5", src(30), list(high = b$high, low = b$low), dc(5))
write_fixture("donchian-1", "donchian", "period=1", paste0(src(30), ": upper = H, lower = L"),
              list(high = b$high, low = b$low), dc(1))
b <- bars(20)
write_fixture("natr-1", "natr", "period=1",
              paste0(src(20), ": 100 * TR / C (the catalog formula; TA-Lib NATR(1) returns TR unnormalized)"),
              hlc(b), list(value = true_range(b$high, b$low, b$close) / b$close * 100))
cat("wrote trend hand fixtures\n")
