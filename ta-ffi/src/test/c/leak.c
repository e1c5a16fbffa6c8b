/*
 * The leak check of libta: CYCLES (default 10,000) cycles of plan compile / run / stream / snapshot / restore / free,
 * each also failing once (a parse error and an unknown kernel), then every handle must be released. Every fourth
 * cycle takes the calls of ABI 1.1 instead: a plan reading bar times compiled in a zone, run with times, streamed with
 * them, its time read, a bar refused for its time and a zone refused as unknown.
 *
 * Run under valgrind (native-tests.sh): libta's own allocations must all be freed (definitely/indirectly lost = 0
 * outside the JVM). The JVM's heap is bounded by -Xmx in TA_JVM_OPTIONS, so Java objects kept alive by a forgotten
 * global or local reference would exhaust it long before the last cycle (each cycle allocates ~100 KiB of Java
 * arrays) and fail the run with TA_ERR_INTERNAL (OutOfMemoryError).
 *
 * Without valgrind (the full 10,000 cycles; valgrind runs a shorter loop, see native-tests.sh) the resident set is
 * measured after the first fifth of the cycles, once the JIT, the code cache and the heap have settled, and at the
 * end: growth beyond MAX_GROWTH_KIB fails the run.
 *
 * Usage: leak GOLDEN_DIR [CYCLES [MAX_GROWTH_KIB]]
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "golden.h"
#include "ta_engine.h"

#define BARS 1000

/* Resident set size in KiB (Linux /proc/self/statm), or -1. */
static long resident_kib(void) {
    FILE *f = fopen("/proc/self/statm", "r");
    long size = 0, resident = -1;
    if (f != NULL) {
        if (fscanf(f, "%ld %ld", &size, &resident) != 2) {
            resident = -1;
        }
        fclose(f);
    }
    return resident < 0 ? -1 : resident * (sysconf(_SC_PAGESIZE) / 1024);
}

static int check(ta_status s, ta_status want, const char *what, long cycle) {
    if (s != want) {
        fprintf(stderr, "leak: cycle %ld: %s -> %s (want %s): %s\n", cycle, what, ta_status_name(s), ta_status_name(want),
                ta_last_error());
        return 0;
    }
    return 1;
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: leak GOLDEN_DIR [CYCLES]\n");
        return 2;
    }
    long cycles = argc > 2 ? atol(argv[2]) : 10000;
    long max_growth = argc > 3 ? atol(argv[3]) : -1;
    long settled = -1;
    golden g;
    golden_load(&g, argv[1]);
    ta_column columns[5];
    for (int i = 0; i < 5; i++) {
        columns[i].name = GOLDEN_COLUMNS[i];
        columns[i].data = g.columns[i];
        columns[i].length = BARS;
    }
    static const char *const expressions[] = {
        "rsi(close, 14) < 30 and close > sma(close, 50)",
        "macd(close, 12, 26, 9).signal - ema(close, 9)",
        "atr(high, low, close, 14) / close",
        "sma(close, 5)@1w - close@1M",
    };
    static const char *const result = "value";
    double *out = malloc(BARS * sizeof(double));
    int ok = 1;
    for (long c = 0; c < cycles && ok; c++) {
        if (c == cycles / 5) {
            settled = resident_kib();
        }
        if (getenv("TA_LEAK_TRACE") != NULL && c % 1000 == 0) {
            fprintf(stderr, "leak: cycle %ld rss %ld KiB\n", c, resident_kib());
        }
        int timed = c % 4 == 3;
        ta_plan *plan = NULL;
        ok &= check(timed ? ta_plan_compile_zoned(&result, &expressions[3], 1, "America/New_York", &plan)
                          : ta_plan_compile(expressions[c % 4], &plan),
                    TA_OK, "compile", c);
        if (!ok) {
            break;
        }
        ta_buffer buf = {out, BARS};
        ok &= check(timed ? ta_plan_run_timed(plan, g.times, BARS, columns, 5, &buf, 1)
                          : ta_plan_run(plan, columns, 5, &buf, 1),
                    TA_OK, "run", c);
        ta_stream *stream = NULL;
        ok &= check(ta_stream_open(plan, &stream), TA_OK, "open", c);
        double bar[5];
        double value;
        for (int t = 0; t < 5 && ok; t++) {
            for (size_t k = 0; k < ta_plan_column_count(plan); k++) {
                bar[k] = golden_column(&g, ta_plan_column_name(plan, k))[t];
            }
            size_t width = ta_plan_column_count(plan);
            ok &= check(timed ? ta_stream_update_at(stream, g.times[t], bar, width, &value, 1)
                              : ta_stream_update(stream, bar, width, &value, 1),
                        TA_OK, "update", c);
        }
        if (timed) {
            int64_t time = 0;
            ok &= check(ta_stream_time(stream, &time), TA_OK, "time", c);
            ok &= check(ta_stream_update_at(stream, g.times[0], bar, ta_plan_column_count(plan), &value, 1),
                        TA_ERR_SHAPE_MISMATCH, "late bar", c);
            ta_plan *bad = NULL;
            ok &= check(ta_plan_compile_zoned(&result, &expressions[3], 1, "America/New_Yrok", &bad),
                        TA_ERR_UNKNOWN_NAME, "unknown zone", c);
        }
        uint8_t *bytes = NULL;
        size_t length = 0;
        ok &= check(ta_stream_snapshot(stream, &bytes, &length), TA_OK, "snapshot", c);
        ok &= check(ta_stream_restore(stream, bytes, length), TA_OK, "restore", c);
        char *text = NULL;
        ok &= check(ta_plan_explain(plan, &text), TA_OK, "explain", c);
        ta_free(text);
        ta_free(bytes);
        ta_stream_free(stream);
        ta_plan_free(plan);

        ta_plan *bad = NULL;
        ok &= check(ta_plan_compile("rsi(close, 14", &bad), TA_ERR_PARSE, "parse error", c);
        ta_series in = {g.columns[3], BARS};
        ok &= check(ta_batch("smaa", NULL, 0, &in, 1, &buf, 1, NULL), TA_ERR_UNKNOWN_NAME, "unknown kernel", c);
    }
    free(out);
    golden_free(&g);
    size_t live = ta_live_handles();
    long growth = resident_kib() - settled;
    printf("leak: %ld cycles, %zu live handles at the end, resident set grew %ld KiB after cycle %ld\n", cycles, live,
           growth, cycles / 5);
    if (max_growth >= 0 && growth > max_growth) {
        fprintf(stderr, "leak: the resident set grew %ld KiB, more than %ld KiB\n", growth, max_growth);
        ok = 0;
    }
    if (!ok || live != 0) {
        printf("0 passed, 1 failed\n");
        return 1;
    }
    printf("1 passed, 0 failed\n");
    return 0;
}
