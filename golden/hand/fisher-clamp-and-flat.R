#!/usr/bin/env Rscript
# Writes golden/hand/fisher-clamp-and-flat.csv: fisher (period 3) on 28 hand-made bars that rise steadily (so the
# clamp of v binds) and then hold a flat window (zero range), worked bar by bar in base R from docs/spec.md §3.4
# (the laakhay form), independently of the Java kernels. Run from golden/:  Rscript hand/fisher-clamp-and-flat.R
high <- c(10, 12, 11, seq(14, 52, by = 2), 52, 52, 51, 47, 40)
low  <- c( 8, 10,  9, seq(12, 50, by = 2), 50, 50, 49, 43, 36)
p <- 3
m <- (high + low) / 2
fisher <- signal <- rep(NA_real_, length(m))
v <- 0
f <- 0
for (t in p:length(m)) {
  w <- m[(t - p + 1):t]
  hi <- max(w)
  lo <- min(w)
  u <- if (hi == lo) 0 else (m[t] - lo) / (hi - lo) - 0.5
  v <- min(max(0.66 * u + 0.67 * v, -0.999), 0.999)
  signal[t] <- f
  f <- 0.5 * log((1 + v) / (1 - v)) + 0.5 * f
  fisher[t] <- f
}
# The fixture's source line, word for word as it was first written by hand.
note <- paste0("docs/spec.md §3.4 worked bar by bar in base R (independent of ta): m = (H+L)/2, lo/hi over 3 ",
              "bars, u = (m-lo)/(hi-lo) - 0.5 (0 on the flat window at bar 24), v = clamp(0.66u + 0.67v, ",
              "-0.999, 0.999) (the clamp binds from bar 20 on), f = 0.5 ln((1+v)/(1-v)) + 0.5 f, signal = the ",
              "previous f (0 at bar 2)")
fmt <- function(x) ifelse(is.na(x), "", sprintf("%.17g", x))
writeLines(c("# kernel: fisher", "# params: period=3",
             paste0("# source: ", note),
             "high,low,out:fisher,out:signal",
             paste(fmt(high), fmt(low), fmt(fisher), fmt(signal), sep = ",")),
           "hand/fisher-clamp-and-flat.csv")
