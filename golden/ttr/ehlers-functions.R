# Ehlers' filters transcribed from his published EasyLanguage, loop for loop (no O(1) shortcuts, nothing shared with
# ta's kernels), for the tables in ehlers.tsv. One deliberate difference from the published code, the same one ta
# documents: every filter starts at rest on the first value (its unseen past equal to the first input, filter state
# equal to that input for low-passes and 0 for high-passes) instead of from zeroed variables.
# Ehlers' constants are kept: 1.414 and 3.14159 in the exponent, degrees (1.414 * 180 / n) converted exactly.

# Super smoother (Cycle Analytics for Traders, 2013, eq. 3-3).
super_smoother <- function(x, n) {
  a1 <- exp(-1.414 * 3.14159 / n)
  b1 <- 2 * a1 * cos(1.414 * 180 / n * pi / 180)
  c2 <- b1
  c3 <- -a1 * a1
  c1 <- 1 - c2 - c3
  f <- numeric(length(x))
  for (t in seq_along(x)) {
    if (t == 1) { f[t] <- x[1]; next }
    f1 <- f[t - 1]
    f2 <- if (t > 2) f[t - 2] else x[1]
    f[t] <- c1 * (x[t] + x[t - 1]) / 2 + c2 * f1 + c3 * f2
  }
  f
}

# Two-pole high-pass (Cycle Analytics for Traders; TASC Jan 2014 roofing filter, Sep 2015 decyclers).
high_pass <- function(x, n) {
  a <- 0.707 * 360 / n * pi / 180
  alpha1 <- (cos(a) + sin(a) - 1) / cos(a)
  hp <- numeric(length(x))
  for (t in seq_along(x)) {
    x1 <- if (t > 1) x[t - 1] else x[1]
    x2 <- if (t > 2) x[t - 2] else x[1]
    h1 <- if (t > 1) hp[t - 1] else 0
    h2 <- if (t > 2) hp[t - 2] else 0
    hp[t] <- (1 - alpha1 / 2) * (1 - alpha1 / 2) * (x[t] - 2 * x1 + x2) + 2 * (1 - alpha1) * h1 -
      (1 - alpha1) * (1 - alpha1) * h2
  }
  hp
}

# Even Better Sinewave (Cycle Analytics for Traders, 2013); NA until three smoothed values exist.
even_better_sinewave <- function(x, duration, ss) {
  a <- 360 / duration * pi / 180
  alpha1 <- (1 - sin(a)) / cos(a)
  hp <- numeric(length(x))
  for (t in seq_along(x)) hp[t] <- if (t == 1) 0 else 0.5 * (1 + alpha1) * (x[t] - x[t - 1]) + alpha1 * hp[t - 1]
  f <- super_smoother(hp, ss)
  out <- rep(NA_real_, length(x))
  for (t in 3:length(x)) {
    wave <- (f[t] + f[t - 1] + f[t - 2]) / 3
    pwr <- (f[t] * f[t] + f[t - 1] * f[t - 1] + f[t - 2] * f[t - 2]) / 3
    out[t] <- if (pwr == 0) 0 else wave / sqrt(pwr)
  }
  out
}

# Trendflex and Reflex (TASC Feb 2020): the published loops over count = 1..Length. As ta documents, a sum within
# 1e-12 (relative) of the smoothed level is 0 (rounding noise of a flat input must not be normalised to +-5).
flex <- function(x, len, reflex) {
  f <- super_smoother(x, 0.5 * len)
  out <- rep(NA_real_, length(x))
  ms <- 0
  for (t in seq_along(x)) {
    if (t <= len) next
    slope <- (f[t - len] - f[t]) / len
    s <- 0
    for (count in 1:len) s <- s + (if (reflex) (f[t] + count * slope) - f[t - count] else f[t] - f[t - count])
    s <- s / len
    if (abs(s) <= 1e-12 * max(abs(f[t]), abs(mean(f[(t - len):(t - 1)])))) s <- 0
    ms <- 0.04 * s * s + 0.96 * ms
    out[t] <- if (ms == 0) 0 else s / sqrt(ms)
  }
  out
}

# Center of gravity (TASC May 2002): the published double sum over the window.
center_of_gravity <- function(x, n) {
  out <- rep(NA_real_, length(x))
  for (t in n:length(x)) {
    num <- 0
    den <- 0
    for (count in 0:(n - 1)) {
      num <- num + (1 + count) * x[t - count]
      den <- den + x[t - count]
    }
    out[t] <- if (den == 0) 0 else -num / den + (n + 1) / 2
  }
  out
}

# Laguerre RSI (Cybernetic Analysis for Stocks and Futures, 2004); taps at rest on the first value, the previous
# value kept while CU + CD = 0 (within 1e-12 of the taps' level, as ta documents).
laguerre_rsi <- function(x, gamma) {
  l0 <- l1 <- l2 <- l3 <- x[1]
  rsi <- 0
  out <- numeric(length(x))
  for (t in seq_along(x)) {
    p0 <- l0; p1 <- l1; p2 <- l2
    l0 <- (1 - gamma) * x[t] + gamma * p0
    l1 <- -gamma * l0 + p0 + gamma * p1
    l2 <- -gamma * l1 + p1 + gamma * p2
    l3 <- -gamma * l2 + p2 + gamma * l3
    cu <- 0; cd <- 0
    if (l0 >= l1) cu <- l0 - l1 else cd <- l1 - l0
    if (l1 >= l2) cu <- cu + l1 - l2 else cd <- cd + l2 - l1
    if (l2 >= l3) cu <- cu + l2 - l3 else cd <- cd + l3 - l2
    if (cu + cd > 1e-12 * max(abs(c(l0, l1, l2, l3)))) rsi <- cu / (cu + cd)
    out[t] <- rsi
  }
  out
}

# Instantaneous trendline (Cybernetic Analysis for Stocks and Futures, 2004): the FIR (x + 2x[1] + x[2])/4 while
# CurrentBar < 7 (bars 2-5 here, the first with two previous inputs), then the published recursion.
instantaneous_trendline <- function(x, alpha) {
  it <- rep(NA_real_, length(x))
  for (t in 3:length(x)) {
    it[t] <- if (t < 7) (x[t] + 2 * x[t - 1] + x[t - 2]) / 4 else
      (alpha - alpha * alpha / 4) * x[t] + 0.5 * alpha * alpha * x[t - 1] - (alpha - 0.75 * alpha * alpha) * x[t - 2] +
        2 * (1 - alpha) * it[t - 1] - (1 - alpha) * (1 - alpha) * it[t - 2]
  }
  it
}
