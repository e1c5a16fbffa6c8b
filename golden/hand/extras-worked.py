#!/usr/bin/env python3
"""Worked examples behind golden/hand/*-worked.csv (issue 15 extras): each value is computed here in exact rational
arithmetic (fractions.Fraction) straight from the formula in golden/hand/README.md, and only square roots and
logarithms are taken in floating point at the end. Run from golden/:  python3 hand/extras-worked.py
Nothing here is shared with ta's code."""
from fractions import Fraction as F
import math

def fmt(v):
    return "" if v is None else repr(float(v))

def write(name, kernel, params, source, columns):
    keys = list(columns)
    n = len(columns[keys[0]])
    lines = [f"# kernel: {kernel}", f"# params: {params}", f"# source: {source}", ",".join(keys)]
    for t in range(n):
        lines.append(",".join(fmt(columns[k][t]) for k in keys))
    with open(f"hand/{name}.csv", "w") as f:
        f.write("\n".join(lines) + "\n")

def window(x, t, n):
    return x[t - n + 1:t + 1] if t >= n - 1 else None

# zscore, period 4: (x - mean) / population sd
x = [F(v) for v in (1, 2, 3, 4, 6, 6, 6, 6)]
z = []
for t in range(len(x)):
    w = window(x, t, 4)
    if w is None:
        z.append(None); continue
    m = sum(w) / 4
    var = sum((v - m) ** 2 for v in w) / 4
    z.append(0 if var == 0 else float(x[t] - m) / math.sqrt(var))
write("zscore-worked", "zscore", "period=4", "hand/README.md (zscore): mean and population variance of each 4-value window",
      {"x": x, "out:value": z})

# skew, period 3: G1 = n*sqrt(n-1)/(n-2) * S3 / S2^1.5
x = [F(v) for v in (1, 2, 4, 4, 4, 7)]
g = []
for t in range(len(x)):
    w = window(x, t, 3)
    if w is None:
        g.append(None); continue
    m = sum(w) / 3
    s2 = sum((v - m) ** 2 for v in w)
    s3 = sum((v - m) ** 3 for v in w)
    g.append(0 if s2 == 0 else 3 * math.sqrt(2) / 1 * float(s3) / float(s2) ** 1.5)
write("skew-worked", "skew", "period=3", "hand/README.md (skew): G1 from the centred sums of each 3-value window",
      {"x": x, "out:value": g})

# kurtosis, period 4: G2 = n(n+1)(n-1)/((n-2)(n-3)) * S4/S2^2 - 3(n-1)^2/((n-2)(n-3)) = 30 S4/S2^2 - 13.5
x = [F(v) for v in (1, 2, 3, 10, 2, 2, 2, 2)]
k = []
for t in range(len(x)):
    w = window(x, t, 4)
    if w is None:
        k.append(None); continue
    m = sum(w) / 4
    s2 = sum((v - m) ** 2 for v in w)
    s4 = sum((v - m) ** 4 for v in w)
    k.append(0 if s2 == 0 else 30 * s4 / s2 ** 2 - F(27, 2))
write("kurtosis-worked", "kurtosis", "period=4", "hand/README.md (kurtosis): G2 = 30*S4/S2^2 - 13.5 for n = 4",
      {"x": x, "out:value": k})

# entropy, period 2, base 2: p = x / (x[t-1] + x), value = h[t-1] + h[t], h = -p log2 p
x = [F(v) for v in (1, 1, 2, 2, 6)]
h = [None] + [-(float(x[t] / (x[t - 1] + x[t]))) * math.log2(x[t] / (x[t - 1] + x[t])) for t in range(1, len(x))]
e = [None, None] + [h[t - 1] + h[t] for t in range(2, len(x))]
write("entropy-worked", "entropy", "period=2,base=2.0", "hand/README.md (entropy): p over 2-bar sums, then the 2-bar sum of -p*log2(p)",
      {"x": x, "out:value": e})

# cfo, period 3: least squares through (0, y0), (1, y1), (2, y2), forecast at i = 3
x = [F(v) for v in (1, 2, 4, 5, 5)]
c = []
for t in range(len(x)):
    w = window(x, t, 3)
    if w is None:
        c.append(None); continue
    sy = sum(w); sxy = sum(i * v for i, v in enumerate(w))
    m = (3 * sxy - 3 * sy) / (3 * 5 - 9)
    b = (sy - m * 3) / 3
    c.append(100 * (x[t] - (b + 3 * m)) / x[t])
write("cfo-worked", "cfo", "period=3", "hand/README.md (cfo): slope and intercept of each 3-bar window, forecast one bar ahead",
      {"x": x, "out:value": c})

# ulcer_index, period 2: R = 100 (x - max2) / max2, value = sqrt(mean of the last 2 R^2)
x = [F(v) for v in (10, 8, 9, 12, 6)]
r = [None] + [100 * (x[t] - max(x[t - 1], x[t])) / max(x[t - 1], x[t]) for t in range(1, len(x))]
u = [None, None] + [math.sqrt((r[t - 1] ** 2 + r[t] ** 2) / 2) for t in range(2, len(x))]
write("ulcer_index-worked", "ulcer_index", "period=2", "hand/README.md (ulcer_index): drawdowns from the 2-bar high, root mean square of two",
      {"x": x, "out:value": u})

# kdj, period 3, smoothing 3 and 3, from 50
hi = [F(v) for v in (10, 11, 12, 12, 10)]
lo = [F(v) for v in (8, 9, 10, 9, 9)]
cl = [F(v) for v in (9, 10, 12, 9, 10)]
K, D, J = [None] * 5, [None] * 5, [None] * 5
kp, dp = F(50), F(50)
for t in range(2, 5):
    hh, ll = max(hi[t - 2:t + 1]), min(lo[t - 2:t + 1])
    rsv = 100 * (cl[t] - ll) / (hh - ll)
    kp = (2 * kp + rsv) / 3
    dp = (2 * dp + kp) / 3
    K[t], D[t], J[t] = kp, dp, 3 * kp - 2 * dp
write("kdj-worked", "kdj", "period=3,k_smooth=3,d_smooth=3", "hand/README.md (kdj): RSV over 3 bars, K and D from 50 with weights 2/3 and 1/3",
      {"high": hi, "low": lo, "close": cl, "out:k": K, "out:d": D, "out:j": J})

# rvgi, period 1: v1 = swma(C - O), v2 = swma(H - L), rvgi = v1 / v2 (sums over 1 bar), signal = swma(rvgi)
o = [F(v) for v in (10, 11, 10, 12, 12, 13, 14, 12)]
hi = [F(v) for v in (12, 12, 13, 13, 13, 15, 15, F(25, 2))]
lo = [F(v) for v in (10, 10, 9, 11, 11, 12, 11, F(23, 2))]
cl = [F(v) for v in (11, 10, 12, 12, 13, 14, 12, 12)]
sw = lambda s, t: (s[t] + 2 * s[t - 1] + 2 * s[t - 2] + s[t - 3]) / 6
body = [cl[t] - o[t] for t in range(8)]
rng = [hi[t] - lo[t] for t in range(8)]
rv = [None] * 3 + [sw(body, t) / sw(rng, t) for t in range(3, 8)]
sig = [None] * 6 + [sw(rv, t) for t in range(6, 8)]
write("rvgi-worked", "rvgi", "period=1", "hand/README.md (rvgi): 1-2-2-1 weights over 4 bars, ratio, then the same weights on the ratio",
      {"open": o, "high": hi, "low": lo, "close": cl, "out:rvgi": [None] * 6 + rv[6:], "out:signal": sig})

# squeeze, period 2, bb_mult 2, kc_mult 1.5
hi = [F(v) for v in (11, 12, 12, F(47, 4), F(27, 2))]
lo = [F(v) for v in (9, 10, 10, F(23, 2), F(23, 2))]
cl = [F(v) for v in (10, 11, F(23, 2), F(23, 2), F(27, 2))]
tr = [None] + [max(hi[t], cl[t - 1]) - min(lo[t], cl[t - 1]) for t in range(1, 5)]
on, mom = [None] * 5, [None] * 5
for t in range(2, 5):
    mid = (cl[t - 1] + cl[t]) / 2
    bb = 2 * abs(cl[t] - cl[t - 1]) / 2
    kc = F(3, 2) * (tr[t - 1] + tr[t]) / 2
    on[t] = 1 if (mid - bb > mid - kc and mid + bb < mid + kc) else 0
    # a line through two points passes through both: the regression value at the newest bar is the newest distance
    mom[t] = cl[t] - ((max(hi[t - 1:t + 1]) + min(lo[t - 1:t + 1])) / 2 + mid) / 2
write("squeeze-worked", "squeeze", "period=2,bb_mult=2.0,kc_mult=1.5", "hand/README.md (squeeze): 2-bar bands and channel, distance from the midline",
      {"high": hi, "low": lo, "close": cl, "out:on": on, "out:momentum": mom})

# qqe, rsi_period 2, smooth 1 (the RSI itself), Wilders period 3 (EMA k = 1/2, seeded with the mean of 3)
x = [F(v) for v in (10, 11, 12, 11, 13, 12, 14, 15, 13, 14, 16, 15, 13, 12, 13, 15)]
n = len(x)
rsi = [None] * n
ag = al = None
ch = [None] + [x[t] - x[t - 1] for t in range(1, n)]
for t in range(2, n):
    g, l = max(ch[t], 0), max(-ch[t], 0)
    if t == 2:
        ag = (max(ch[1], 0) + g) / 2; al = (max(-ch[1], 0) + l) / 2
    else:
        ag = (ag + g) / 2; al = (al + l) / 2
    rsi[t] = 100 * ag / (ag + al)
move = [None] * 3 + [abs(rsi[t] - rsi[t - 1]) for t in range(3, n)]
def ema3(s):
    out = [None] * n; vals = [(t, v) for t, v in enumerate(s) if v is not None]
    e = sum(v for _, v in vals[:3]) / 3; out[vals[2][0]] = e
    for t, v in vals[3:]:
        e = (v - e) / 2 + e; out[t] = e
    return out
dar = ema3(ema3(move))
def level(f):
    out = [None] * n; tr = F(0)
    for t in range(n):
        if dar[t] is None:
            continue
        d = f * dar[t]; old = tr; v = rsi[t]
        if v < old:
            tr = v + d
            if rsi[t - 1] < old and tr > old: tr = old
        elif v > old:
            tr = v - d
            if rsi[t - 1] > old and tr < old: tr = old
        out[t] = tr
    return out
fast, slow = level(F(1, 2)), level(F(3, 2))
write("qqe-worked", "qqe", "rsi_period=2,smooth=1,fast_factor=0.5,slow_factor=1.5",
      "hand/README.md (qqe): RSI(2), its moves, two EMAs of period 3, trailing levels from 0",
      {"x": x, "out:qqe": [rsi[t] if fast[t] is not None else None for t in range(n)], "out:fast": fast, "out:slow": slow})
