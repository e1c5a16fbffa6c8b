/*
 * The cost of crossing from C into the JVM through libta, for docs/performance.md (run by src/test/sh/bench.sh).
 * Same operations, data and method as BoundaryBench.java (the Java baseline) and ta-node's bench:
 *   - stream: ta_stream_update of a plan "rsi(close, 14)", one bar per call (ns per call)
 *   - batch:  ta_batch "rsi" period 14 over 1,000,000 bars into caller memory (ms per call): a reused buffer
 *             (batch_1m_into_ms), and a freshly allocated one as the allocating Java and Node calls (batch_1m_ms)
 * Method: warm up, then ROUNDS timed rounds; the median round is reported, as wall time and as the CPU time of the
 * whole process (all threads: the JVM's JIT and GC, libta's shadow thread), which a loaded machine distorts less.
 *
 * Usage: bench GOLDEN_DIR
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "golden.h"
#include "ta_engine.h"

#define BARS 1000000
#define ROUNDS 7

static double clock_ns(clockid_t id) {
    struct timespec t;
    clock_gettime(id, &t);
    return (double)t.tv_sec * 1e9 + (double)t.tv_nsec;
}

static double now_ns(void) { return clock_ns(CLOCK_MONOTONIC); }

static double cpu_ns(void) { return clock_ns(CLOCK_PROCESS_CPUTIME_ID); }

static int by_value(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double median(double *v, int n) {
    qsort(v, (size_t)n, sizeof(double), by_value);
    return v[n / 2];
}

static void must(ta_status s, const char *what) {
    if (s != TA_OK) {
        fprintf(stderr, "bench: %s: %s %s\n", what, ta_status_name(s), ta_last_error());
        exit(1);
    }
}

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: bench GOLDEN_DIR\n");
        return 2;
    }
    golden g;
    golden_load(&g, argv[1]);
    double *close = malloc(BARS * sizeof(double));
    double *out = malloc(BARS * sizeof(double));
    const double *src = golden_column(&g, "close");
    for (size_t i = 0; i < BARS; i++) {
        close[i] = src[i % g.bars];
    }

    ta_plan *plan;
    must(ta_plan_compile("rsi(close, 14)", &plan), "compile");
    ta_stream *stream;
    must(ta_stream_open(plan, &stream), "open");
    double rounds[ROUNDS];
    double cpu[ROUNDS];
    const int calls = 200000;
    double value = 0;
    for (int w = 0; w < 5; w++) {
        for (int i = 0; i < calls; i++) {
            must(ta_stream_update(stream, &close[i], 1, &value, 1), "update");
        }
    }
    for (int r = 0; r < ROUNDS; r++) {
        double t0 = now_ns(), c0 = cpu_ns();
        for (int i = 0; i < calls; i++) {
            ta_stream_update(stream, &close[i], 1, &value, 1);
        }
        rounds[r] = (now_ns() - t0) / calls;
        cpu[r] = (cpu_ns() - c0) / calls;
    }
    printf("c\tstream_update_1bar_ns\t%.1f\tcpu\t%.1f\n", median(rounds, ROUNDS), median(cpu, ROUNDS));

    ta_param period = {"period", 14, NULL};
    ta_series in = {close, BARS};
    ta_buffer buf = {out, BARS};
    for (int w = 0; w < 5; w++) {
        must(ta_batch("rsi", &period, 1, &in, 1, &buf, 1, NULL), "batch");
    }
    for (int r = 0; r < ROUNDS; r++) {
        double t0 = now_ns(), c0 = cpu_ns();
        ta_batch("rsi", &period, 1, &in, 1, &buf, 1, NULL);
        rounds[r] = (now_ns() - t0) / 1e6;
        cpu[r] = (cpu_ns() - c0) / 1e6;
    }
    printf("c\tbatch_1m_into_ms\t%.3f\tcpu\t%.3f\n", median(rounds, ROUNDS), median(cpu, ROUNDS));
    for (int r = 0; r < ROUNDS; r++) {
        double t0 = now_ns(), c0 = cpu_ns();
        double *fresh = malloc(BARS * sizeof(double));
        ta_buffer fb = {fresh, BARS};
        ta_batch("rsi", &period, 1, &in, 1, &fb, 1, NULL);
        rounds[r] = (now_ns() - t0) / 1e6;
        cpu[r] = (cpu_ns() - c0) / 1e6;
        free(fresh);
    }
    printf("c\tbatch_1m_ms\t%.3f\tcpu\t%.3f\n", median(rounds, ROUNDS), median(cpu, ROUNDS));
    ta_stream_free(stream);
    ta_plan_free(plan);
    free(close);
    free(out);
    golden_free(&g);
    return 0;
}
