"""Python ctypes smoke test of libta: ta_engine.h is usable from a second language with no compiler and no packages.

Declares every function of the header with ctypes, checks batch, plan run and stream results bit for bit against the
values the Java API wrote (GoldenWriter), and checks each status code a Python caller would meet.

Usage: python3 smoke.py LIBTA_SO GOLDEN_DIR
Ends with "N passed, N failed"; exit status 0 only if nothing failed.
"""

import ctypes as C
import os
import sys
from array import array

TA_OK = 0
STATUS = {
    1: "TA_ERR_INVALID_PARAMETER",
    2: "TA_ERR_SHAPE_MISMATCH",
    3: "TA_ERR_UNKNOWN_NAME",
    4: "TA_ERR_PARSE",
    5: "TA_ERR_SNAPSHOT_MISMATCH",
    6: "TA_ERR_STREAM_STATE",
    7: "TA_ERR_INVALID_ARGUMENT",
    8: "TA_ERR_ENGINE",
    9: "TA_ERR_INTERNAL",
}
CODE = {name: code for code, name in STATUS.items()}


class Param(C.Structure):
    _fields_ = [("name", C.c_char_p), ("number", C.c_double), ("text", C.c_char_p)]


class Series(C.Structure):
    _fields_ = [("data", C.POINTER(C.c_double)), ("length", C.c_size_t)]


class Buffer(C.Structure):
    _fields_ = [("data", C.POINTER(C.c_double)), ("length", C.c_size_t)]


class Column(C.Structure):
    _fields_ = [("name", C.c_char_p), ("data", C.POINTER(C.c_double)), ("length", C.c_size_t)]


def bind(path):
    lib = C.CDLL(path)
    st = C.c_int32
    P, S = C.c_void_p, C.c_size_t
    sigs = {
        "ta_abi_version": (C.c_uint32, []),
        "ta_version": (C.c_char_p, []),
        "ta_init": (st, [C.c_char_p, C.c_char_p, C.POINTER(C.c_char_p), S]),
        "ta_last_error": (C.c_char_p, []),
        "ta_last_error_line": (C.c_int32, []),
        "ta_last_error_column": (C.c_int32, []),
        "ta_status_name": (C.c_char_p, [st]),
        "ta_kernel_count": (st, [C.POINTER(S)]),
        "ta_kernel_name": (st, [S, C.POINTER(C.c_char_p)]),
        "ta_kernel_shape": (st, [C.c_char_p, C.POINTER(S), C.POINTER(S)]),
        "ta_catalog_json": (st, [C.POINTER(C.c_char_p)]),
        "ta_batch": (st, [C.c_char_p, C.POINTER(Param), S, C.POINTER(Series), S, C.POINTER(Buffer), S,
                          C.POINTER(C.c_int64)]),
        "ta_plan_compile": (st, [C.c_char_p, C.POINTER(P)]),
        "ta_plan_compile_many": (st, [C.POINTER(C.c_char_p), C.POINTER(C.c_char_p), S, C.POINTER(P)]),
        "ta_plan_free": (None, [P]),
        "ta_plan_result_count": (S, [P]),
        "ta_plan_result_name": (C.c_char_p, [P, S]),
        "ta_plan_lookback": (C.c_int64, [P, S]),
        "ta_plan_column_count": (S, [P]),
        "ta_plan_column_name": (C.c_char_p, [P, S]),
        "ta_plan_explain": (st, [P, C.POINTER(C.c_void_p)]),
        "ta_plan_run": (st, [P, C.POINTER(Column), S, C.POINTER(Buffer), S]),
        "ta_stream_open": (st, [P, C.POINTER(P)]),
        "ta_stream_free": (None, [P]),
        "ta_stream_update": (st, [P, C.POINTER(C.c_double), S, C.POINTER(C.c_double), S]),
        "ta_stream_preview": (st, [P, C.POINTER(C.c_double), S, C.POINTER(C.c_double), S]),
        "ta_stream_replace_last": (st, [P, C.POINTER(C.c_double), S, C.POINTER(C.c_double), S]),
        "ta_stream_count": (st, [P, C.POINTER(C.c_uint64)]),
        "ta_stream_reset": (st, [P]),
        "ta_stream_snapshot": (st, [P, C.POINTER(C.c_void_p), C.POINTER(S)]),
        "ta_stream_restore": (st, [P, C.c_char_p, S]),
        "ta_plan_reads_time": (C.c_int32, [P]),
        "ta_plan_compile_zoned": (st, [C.POINTER(C.c_char_p), C.POINTER(C.c_char_p), S, C.c_char_p, C.POINTER(P)]),
        "ta_plan_run_timed": (st, [P, C.POINTER(C.c_int64), S, C.POINTER(Column), S, C.POINTER(Buffer), S]),
        "ta_stream_update_at": (st, [P, C.c_int64, C.POINTER(C.c_double), S, C.POINTER(C.c_double), S]),
        "ta_stream_preview_at": (st, [P, C.c_int64, C.POINTER(C.c_double), S, C.POINTER(C.c_double), S]),
        "ta_stream_time": (st, [P, C.POINTER(C.c_int64)]),
        "ta_free": (None, [C.c_void_p]),
        "ta_live_handles": (S, []),
    }
    for name, (res, args) in sigs.items():
        f = getattr(lib, name)
        f.restype = res
        f.argtypes = args
    return lib


passed = 0
failed = 0


def check(cond, what):
    global passed, failed
    if cond:
        passed += 1
    else:
        failed += 1
        print("FAIL:", what, file=sys.stderr)


def doubles(values):
    return (C.c_double * len(values))(*values) if not isinstance(values, array) else \
        (C.c_double * len(values)).from_buffer(values)


def read_f64(path):
    a = array("d")
    with open(path, "rb") as f:
        a.frombytes(f.read())
    if sys.byteorder != "little":
        a.byteswap()
    return a


def main(lib_path, golden):
    lib = bind(lib_path)
    err = lambda: lib.ta_last_error().decode()

    def ok(status, what):
        check(status == TA_OK, f"{what}: {STATUS.get(status, status)} {err()}")

    def fails(status, name, contains, what):
        check(status == CODE[name], f"{what}: got {STATUS.get(status, status)}, want {name}: {err()}")
        check(contains in err(), f"{what}: message {err()!r} lacks {contains!r}")

    check(lib.ta_abi_version() == 1, "abi version")
    check(len(lib.ta_version()) > 0, "version")
    check(lib.ta_status_name(4) == b"TA_ERR_PARSE", "status name")

    bars = int(open(os.path.join(golden, "meta.txt")).read().split()[1])
    cols = {c: read_f64(os.path.join(golden, c + ".f64")) for c in ("open", "high", "low", "close", "volume")}
    close = cols["close"]

    # Catalog.
    count = C.c_size_t()
    ok(lib.ta_kernel_count(C.byref(count)), "kernel count")
    names = []
    for i in range(count.value):
        name = C.c_char_p()
        ok(lib.ta_kernel_name(i, C.byref(name)), "kernel name")
        names.append(name.value.decode())
    check(names == sorted(names) and "rsi" in names, "kernel names sorted")
    js = C.c_char_p()
    ok(lib.ta_catalog_json(C.byref(js)), "catalog json")
    import json
    catalog = json.loads(js.value.decode())
    check([k["name"] for k in catalog["kernels"]] == names, "catalog json lists the registered kernels")

    # Every batch case, bit for bit.
    lines = open(os.path.join(golden, "batch.tsv")).read().splitlines()[1:]
    for line in lines:
        bid, kernel, params, inputs, outputs, lookback = line.split("\t")
        ps = []
        for p in filter(None, params.split(";")):
            k, v = p.split("=", 1)
            try:
                ps.append(Param(k.encode(), float(v), None))
            except ValueError:
                ps.append(Param(k.encode(), 0.0, v.encode()))
        ins = [Series(doubles(cols[c]), bars) for c in inputs.split(",")]
        outs_py = [array("d", bytes(8 * bars)) for _ in range(int(outputs))]
        outs = [Buffer(doubles(o), bars) for o in outs_py]
        lb = C.c_int64(-1)
        ok(lib.ta_batch(kernel.encode(), (Param * len(ps))(*ps), len(ps), (Series * len(ins))(*ins), len(ins),
                        (Buffer * len(outs))(*outs), len(outs), C.byref(lb)), f"batch {bid} {kernel}")
        check(lb.value == int(lookback), f"batch {bid} lookback {lb.value}")
        want = open(os.path.join(golden, f"batch-{bid}.f64"), "rb").read()
        check(b"".join(o.tobytes() for o in outs_py) == want, f"batch {bid} {kernel} differs from Java")

    # Plans: run and stream, bit for bit.
    for line in open(os.path.join(golden, "plans.tsv")).read().splitlines():
        pid, *roots = line.split("\t")
        rnames = [r.split("=", 1)[0].encode() for r in roots]
        exprs = [r.split("=", 1)[1].encode() for r in roots]
        plan = C.c_void_p()
        ok(lib.ta_plan_compile_many((C.c_char_p * len(rnames))(*rnames), (C.c_char_p * len(exprs))(*exprs), len(roots),
                                    C.byref(plan)), f"compile plan {pid}")
        k = lib.ta_plan_result_count(plan)
        check([lib.ta_plan_result_name(plan, i) for i in range(k)] == rnames, "result names")
        columns = (Column * 5)(*[Column(c.encode(), doubles(v), bars) for c, v in cols.items()])
        outs_py = [array("d", bytes(8 * bars)) for _ in range(k)]
        outs = (Buffer * k)(*[Buffer(doubles(o), bars) for o in outs_py])
        ok(lib.ta_plan_run(plan, columns, 5, outs, k), f"run plan {pid}")
        want = open(os.path.join(golden, f"plan-{pid}-run.f64"), "rb").read()
        check(b"".join(o.tobytes() for o in outs_py) == want, f"plan {pid} run differs from Java")

        width = lib.ta_plan_column_count(plan)
        pcols = [cols[lib.ta_plan_column_name(plan, i).decode()] for i in range(width)]
        stream = C.c_void_p()
        ok(lib.ta_stream_open(plan, C.byref(stream)), "open stream")
        got = array("d", bytes(8 * bars * k))
        out = (C.c_double * k)()
        bar = (C.c_double * width)()
        for t in range(bars):
            for i in range(width):
                bar[i] = pcols[i][t] * 0.99
            s1 = lib.ta_stream_update(stream, bar, width, out, k)
            for i in range(width):
                bar[i] = pcols[i][t]
            s2 = lib.ta_stream_replace_last(stream, bar, width, out, k)
            if s1 != TA_OK or s2 != TA_OK:
                ok(s1 or s2, f"plan {pid} stream bar {t}")
                break
            got[t * k:(t + 1) * k] = array("d", out)
        want = open(os.path.join(golden, f"plan-{pid}-stream.f64"), "rb").read()
        check(got.tobytes() == want, f"plan {pid} stream differs from Java")
        n = C.c_uint64()
        ok(lib.ta_stream_count(stream, C.byref(n)), "count")
        check(n.value == bars, "count")
        snap, length = C.c_void_p(), C.c_size_t()
        ok(lib.ta_stream_snapshot(stream, C.byref(snap), C.byref(length)), "snapshot")
        data = C.string_at(snap, length.value)
        lib.ta_free(snap)
        ok(lib.ta_stream_reset(stream), "reset")
        ok(lib.ta_stream_restore(stream, data, len(data)), "restore")
        corrupt = bytes([data[0] ^ 0xFF]) + data[1:]
        fails(lib.ta_stream_restore(stream, corrupt, len(corrupt)), "TA_ERR_SNAPSHOT_MISMATCH", "", "corrupt snapshot")
        text = C.c_void_p()
        ok(lib.ta_plan_explain(plan, C.byref(text)), "explain")
        check(C.string_at(text).startswith(b"plan: "), "explain text")
        lib.ta_free(text)
        lib.ta_stream_free(stream)
        lib.ta_plan_free(plan)

    # Plans that read bar times (ABI 1.1): run with the times and streamed with them, bit for bit.
    times_py = array("q", open(os.path.join(golden, "times.i64"), "rb").read())
    times = (C.c_int64 * bars).from_buffer(times_py)
    for line in open(os.path.join(golden, "timed.tsv")).read().splitlines():
        pid, zone, *roots = line.split("\t")
        rnames = [r.split("=", 1)[0].encode() for r in roots]
        exprs = [r.split("=", 1)[1].encode() for r in roots]
        plan = C.c_void_p()
        ok(lib.ta_plan_compile_zoned((C.c_char_p * len(rnames))(*rnames), (C.c_char_p * len(exprs))(*exprs),
                                     len(roots), None if zone == "-" else zone.encode(), C.byref(plan)),
           f"compile timed plan {pid}")
        check(lib.ta_plan_reads_time(plan) == 1, f"timed plan {pid} reads time")
        k = lib.ta_plan_result_count(plan)
        columns = (Column * 5)(*[Column(c.encode(), doubles(v), bars) for c, v in cols.items()])
        outs_py = [array("d", bytes(8 * bars)) for _ in range(k)]
        outs = (Buffer * k)(*[Buffer(doubles(o), bars) for o in outs_py])
        fails(lib.ta_plan_run(plan, columns, 5, outs, k), "TA_ERR_SHAPE_MISMATCH", "ta_plan_run_timed",
              f"timed plan {pid} without times")
        ok(lib.ta_plan_run_timed(plan, times, bars, columns, 5, outs, k), f"run timed plan {pid}")
        want = open(os.path.join(golden, f"timed-{pid}-run.f64"), "rb").read()
        check(b"".join(o.tobytes() for o in outs_py) == want, f"timed plan {pid} run differs from Java")
        width = lib.ta_plan_column_count(plan)
        pcols = [cols[lib.ta_plan_column_name(plan, i).decode()] for i in range(width)]
        stream = C.c_void_p()
        ok(lib.ta_stream_open(plan, C.byref(stream)), "open stream")
        got = array("d", bytes(8 * bars * k))
        out = (C.c_double * k)()
        bar = (C.c_double * width)()
        when = C.c_int64()
        for t in range(bars):
            for i in range(width):
                bar[i] = pcols[i][t] * 0.99
            s1 = lib.ta_stream_update_at(stream, times_py[t], bar, width, out, k)
            for i in range(width):
                bar[i] = pcols[i][t]
            s2 = lib.ta_stream_replace_last(stream, bar, width, out, k)
            s3 = lib.ta_stream_time(stream, C.byref(when))
            if s1 != TA_OK or s2 != TA_OK or s3 != TA_OK or when.value != times_py[t]:
                ok(s1 or s2 or s3 or 9, f"timed plan {pid} stream bar {t}")
                break
            got[t * k:(t + 1) * k] = array("d", out)
        want = open(os.path.join(golden, f"timed-{pid}-stream.f64"), "rb").read()
        check(got.tobytes() == want, f"timed plan {pid} stream differs from Java")
        fails(lib.ta_stream_update(stream, bar, width, out, k), "TA_ERR_STREAM_STATE", "ta_stream_update_at",
              f"timed plan {pid} update without a time")
        lib.ta_stream_free(stream)
        lib.ta_plan_free(plan)

    # Errors a Python caller meets.
    buf = array("d", bytes(8 * 100))
    one_in = (Series * 1)(Series(doubles(close), 100))
    one_out = (Buffer * 1)(Buffer(doubles(buf), 100))
    p1 = (Param * 1)(Param(b"period", 1, None))
    fails(lib.ta_batch(b"rsi", p1, 1, one_in, 1, one_out, 1, None), "TA_ERR_INVALID_PARAMETER",
          "rsi: period must be in [2, 100000], got 1", "bad parameter")
    fails(lib.ta_batch(b"smaa", None, 0, one_in, 1, one_out, 1, None), "TA_ERR_UNKNOWN_NAME", "did you mean sma?",
          "unknown kernel")
    ragged = (Series * 3)(Series(doubles(close), 100), Series(doubles(close), 99), Series(doubles(close), 100))
    fails(lib.ta_batch(b"atr", None, 0, ragged, 3, one_out, 1, None), "TA_ERR_SHAPE_MISMATCH",
          "input lengths differ: high=100, low=99, close=100", "ragged")
    plan = C.c_void_p()
    fails(lib.ta_plan_compile("rsi(close, 14".encode(), C.byref(plan)), "TA_ERR_PARSE", "line 1, column 14", "parse")
    check((lib.ta_last_error_line(), lib.ta_last_error_column()) == (1, 14), "parse position")
    # Non-ASCII text survives the trip both ways (the message quotes the source line).
    fails(lib.ta_plan_compile("close > \u20ac".encode(), C.byref(plan)), "TA_ERR_PARSE", "\u20ac", "non-ASCII")
    ok(lib.ta_plan_compile(b"close", C.byref(plan)), "compile close")
    stream = C.c_void_p()
    ok(lib.ta_stream_open(plan, C.byref(stream)), "open")
    v = (C.c_double * 1)()
    fails(lib.ta_stream_replace_last(stream, (C.c_double * 1)(1.0), 1, v, 1), "TA_ERR_STREAM_STATE", "replaceLast",
          "replace before update")
    fails(lib.ta_stream_update(None, (C.c_double * 1)(1.0), 1, v, 1), "TA_ERR_INVALID_ARGUMENT", "not a live stream",
          "NULL stream")
    lib.ta_stream_free(stream)
    lib.ta_plan_free(plan)
    check(lib.ta_live_handles() == 0, "live handles")

    print(f"libta Python ctypes smoke: {passed} passed, {failed} failed")
    print(f"{passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
