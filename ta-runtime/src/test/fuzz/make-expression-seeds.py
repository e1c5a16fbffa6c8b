#!/usr/bin/env python3
"""Writes the seed inputs of ExpressionFuzzTest (io.ta.runtime.dsl) into its Jazzer inputs directory.

Jazzer's FuzzedDataProvider reads integers from the END of an input and strings from its start, so each seed is
the text (UTF-8) followed by one byte choosing the mode: 0 = the text as is, 1 = grammar-generated text, 2 = an IR
tree; for modes 1 and 2 the bytes before steer the generators. The texts are the cases of issue 9 and the
constructs around the parser's limits. Run from the repository root: python3 ta-runtime/src/test/fuzz/make-expression-seeds.py
"""
import hashlib
import os
import random

OUT = "ta-runtime/src/test/resources/io/ta/runtime/dsl/ExpressionFuzzTestInputs/parseAndPlan"

TEXTS = [
    "rsi(close, 14) < 30 and close > sma(close, 200)",
    "\u0661\u0664 + close",
    "close + \uff11\uff14",
    "close" + " + close" * 201,
    "close > 1" + " and close > 1" * 249,
    "(" * 201 + "close" + ")" * 201,
    "sma(" * 199 + "close" + ", 2)" * 199,
    "-" * 201 + "close",
    "SMA(close,14)",
    "sma(close, x=open)",
    "not 5",
    "close < 0",
    "1e400 + close",
    "macd(close, 12, 26, 9).signal > 0 # comment\n",
    "ma(close, 30, ma_type='ema') - bb_upper(close)",
    "2 ** -3 ** 2 < close < high",
]

def write(data: bytes) -> None:
    name = hashlib.sha1(data).hexdigest()
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(data)

def main() -> None:
    os.makedirs(OUT, exist_ok=True)
    for t in TEXTS:
        write(t.encode("utf-8") + b"\x00")
    rnd = random.Random(9)
    for mode in (1, 2):
        for _ in range(6):
            write(bytes(rnd.randrange(256) for _ in range(rnd.randrange(8, 200))) + bytes([mode]))

if __name__ == "__main__":
    main()
