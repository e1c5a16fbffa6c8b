/*
 * The C smoke test of libta: links the library, calls every function of ta_engine.h, checks results bit for bit
 * against the values the Java API wrote (GoldenWriter), provokes every status code with bad input, and checks that
 * last errors are per thread and that every handle is released.
 *
 * Usage: smoke GOLDEN_DIR BAD_LIBJVM_PATH
 * Ends with "N passed, N failed"; exit status 0 only if nothing failed.
 */
#define _GNU_SOURCE
#include <math.h>
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <ucontext.h>
#include <unistd.h>

#include "golden.h"
#include "ta_engine.h"

static int passed;
static int failed;

#define CHECK(cond, ...)                                                                                              \
    do {                                                                                                              \
        if (cond) {                                                                                                   \
            passed++;                                                                                                 \
        } else {                                                                                                      \
            failed++;                                                                                                 \
            fprintf(stderr, "FAIL %s:%d: ", __FILE__, __LINE__);                                                      \
            fprintf(stderr, __VA_ARGS__);                                                                             \
            fprintf(stderr, "\n");                                                                                    \
        }                                                                                                             \
    } while (0)

#define EXPECT_OK(call)                                                                                               \
    do {                                                                                                              \
        ta_status s_ = (call);                                                                                        \
        CHECK(s_ == TA_OK, "%s -> %s: %s", #call, ta_status_name(s_), ta_last_error());                               \
    } while (0)

/* Status and message of a call expected to fail; `contains` must appear in the message. */
#define EXPECT_FAIL(status, contains, call)                                                                           \
    do {                                                                                                              \
        ta_status s_ = (call);                                                                                        \
        CHECK(s_ == (status), "%s -> %s (want %s): %s", #call, ta_status_name(s_), ta_status_name(status),           \
              ta_last_error());                                                                                       \
        CHECK(strstr(ta_last_error(), (contains)) != NULL, "%s: message '%s' lacks '%s'", #call, ta_last_error(),    \
              (contains));                                                                                            \
    } while (0)

/* Index of the first element whose bits differ, or -1. */
static long first_difference(const double *a, const double *b, size_t n) {
    for (size_t i = 0; i < n; i++) {
        if (memcmp(&a[i], &b[i], sizeof(double)) != 0) {
            return (long)i;
        }
    }
    return -1;
}

static void check_same(const char *what, const double *got, const double *want, size_t n) {
    long at = first_difference(got, want, n);
    CHECK(at < 0, "%s: differs at %ld: got %.17g, want %.17g", what, at, at < 0 ? 0.0 : got[at], at < 0 ? 0.0 : want[at]);
}

static golden G;

/* ------------------------------------------------------------------------------------------------ versioning */

static void test_versioning(const char *bad_libjvm) {
    CHECK(ta_abi_version() == TA_ABI_VERSION, "abi %u", ta_abi_version());
    CHECK(strlen(ta_version()) > 0, "empty version");
    CHECK(strcmp(ta_status_name(TA_ERR_PARSE), "TA_ERR_PARSE") == 0, "status name");
    CHECK(strcmp(ta_status_name(42), "TA_ERR_UNKNOWN_STATUS") == 0, "unknown status name");
    /* Before the engine runs: a libjvm that cannot load is TA_ERR_ENGINE and may be retried. */
    EXPECT_FAIL(TA_ERR_ENGINE, "cannot load libjvm.so", ta_init(NULL, bad_libjvm, NULL, 0));
    EXPECT_FAIL(TA_ERR_INVALID_ARGUMENT, "options is NULL", ta_init(NULL, NULL, NULL, 2));
    /* A classpath naming no existing jar is refused before the JVM exists, so a retry with the right one works. */
    EXPECT_FAIL(TA_ERR_ENGINE, "classpath entry '/no/such/ta-engine.jar' (given to ta_init) is not a readable",
                ta_init("/no/such/ta-engine.jar", NULL, NULL, 0));
    EXPECT_FAIL(TA_ERR_ENGINE, "the classpath (given to ta_init) is empty", ta_init("", NULL, NULL, 0));
    /* An option the JVM rejects is final for the process, so a child tries it: the message says what HotSpot said. */
    pid_t child = fork();
    if (child == 0) {
        const char *bad_option[1] = {"-XX:+NoSuchFlagForTa"};
        ta_status s = ta_init(NULL, NULL, bad_option, 1);
        _exit(s == TA_ERR_ENGINE && strstr(ta_last_error(), "Unrecognized VM option 'NoSuchFlagForTa'") != NULL ? 0
              : 1);
    }
    int child_status = -1;
    waitpid(child, &child_status, 0);
    CHECK(WIFEXITED(child_status) && WEXITSTATUS(child_status) == 0,
          "a rejected JVM option is not named in the last error (child status %d)", child_status);
    /* The settings come from the environment (TA_CLASSPATH, JAVA_HOME, TA_JVM_OPTIONS) set by the test script. */
    EXPECT_OK(ta_init(NULL, NULL, NULL, 0));
    CHECK(strcmp(ta_last_error(), "") == 0, "last error after success: '%s'", ta_last_error());
    EXPECT_OK(ta_init(NULL, "/ignored/once/running", NULL, 0));
}

/* --------------------------------------------------------------------------------------------------- catalog */

static void test_catalog(void) {
    size_t count = 0;
    EXPECT_OK(ta_kernel_count(&count));
    /* GoldenWriter lists every registered kernel first, in registry order, with no parameters. */
    size_t defaults = 0;
    while (defaults < G.batch_count && G.batches[defaults].param_count == 0 && defaults < count) {
        defaults++;
    }
    CHECK(count > 100 && count == defaults, "kernel count %zu, golden lists %zu", count, defaults);
    for (size_t i = 0; i < count; i++) {
        const char *name = NULL;
        EXPECT_OK(ta_kernel_name(i, &name));
        CHECK(name != NULL && strcmp(name, G.batches[i].kernel) == 0, "kernel %zu is %s, want %s", i, name,
              G.batches[i].kernel);
    }
    const char *name = NULL;
    EXPECT_FAIL(TA_ERR_INVALID_ARGUMENT, "out of range", ta_kernel_name(count, &name));
    EXPECT_FAIL(TA_ERR_INVALID_ARGUMENT, "count is NULL", ta_kernel_count(NULL));

    size_t ins = 0, outs = 0;
    EXPECT_OK(ta_kernel_shape("macd", &ins, &outs));
    CHECK(ins == 1 && outs == 3, "macd shape %zu/%zu", ins, outs);
    EXPECT_OK(ta_kernel_shape("bb_upper", &ins, &outs));
    CHECK(ins == 1 && outs == 1, "bb_upper shape %zu/%zu", ins, outs);
    EXPECT_OK(ta_kernel_shape("adx", &ins, NULL));
    CHECK(ins == 3, "adx inputs %zu", ins);
    EXPECT_FAIL(TA_ERR_UNKNOWN_NAME, "did you mean sma?", ta_kernel_shape("smaa", &ins, &outs));

    const char *json = NULL;
    EXPECT_OK(ta_catalog_json(&json));
    CHECK(json != NULL && strstr(json, "\"format\": 1") != NULL && strstr(json, "\"name\": \"rsi\"") != NULL,
          "catalog json");
    const char *again = NULL;
    EXPECT_OK(ta_catalog_json(&again));
    CHECK(again == json, "catalog json is cached for the process");
}

/* ----------------------------------------------------------------------------------------------------- batch */

static void run_batch(const golden_batch *b, double **outs) {
    ta_series in[GOLDEN_MAX_FIELDS];
    ta_buffer out[GOLDEN_MAX_FIELDS];
    for (size_t i = 0; i < b->input_count; i++) {
        in[i].data = b->inputs[i];
        in[i].length = G.bars;
    }
    for (size_t j = 0; j < b->output_count; j++) {
        outs[j] = malloc(G.bars * sizeof(double));
        out[j].data = outs[j];
        out[j].length = G.bars;
    }
    int64_t lookback = -7;
    ta_status s = ta_batch(b->kernel, b->params, b->param_count, in, b->input_count, out, b->output_count, &lookback);
    CHECK(s == TA_OK, "batch %d %s: %s %s", b->id, b->kernel, ta_status_name(s), ta_last_error());
    CHECK(lookback == b->lookback, "batch %d %s: lookback %lld, want %lld", b->id, b->kernel, (long long)lookback,
          (long long)b->lookback);
}

static void test_batches(void) {
    for (size_t k = 0; k < G.batch_count; k++) {
        const golden_batch *b = &G.batches[k];
        double *outs[GOLDEN_MAX_FIELDS];
        run_batch(b, outs);
        char file[64];
        snprintf(file, sizeof file, "batch-%d.f64", b->id);
        size_t length;
        double *want = golden_file(&G, file, &length);
        CHECK(length == b->output_count * G.bars * sizeof(double), "%s size", file);
        for (size_t j = 0; j < b->output_count; j++) {
            char what[128];
            snprintf(what, sizeof what, "batch %d %s output %zu", b->id, b->kernel, j);
            check_same(what, outs[j], want + j * G.bars, G.bars);
            free(outs[j]);
        }
        free(want);
    }
    /* Empty input: no bars, no error; lookback still reported. */
    ta_param p = {"period", 14, NULL};
    ta_series in = {NULL, 0};
    ta_buffer out = {NULL, 0};
    int64_t lookback = 0;
    EXPECT_OK(ta_batch("rsi", &p, 1, &in, 1, &out, 1, &lookback));
    CHECK(lookback == 14, "empty rsi lookback %lld", (long long)lookback);
}

static void test_batch_errors(void) {
    const double *close = golden_column(&G, "close");
    double out[100], out2[100], out3[100];
    ta_series in = {close, 100};
    ta_buffer buf = {out, 100};
    ta_param period1 = {"period", 1, NULL};
    EXPECT_FAIL(TA_ERR_INVALID_PARAMETER, "rsi: period must be in [2, 100000], got 1",
                ta_batch("rsi", &period1, 1, &in, 1, &buf, 1, NULL));
    ta_param fraction = {"period", 2.5, NULL};
    EXPECT_FAIL(TA_ERR_INVALID_PARAMETER, "rsi: period must be an integer", ta_batch("rsi", &fraction, 1, &in, 1, &buf, 1, NULL));
    ta_param twice[2] = {{"period", 5, NULL}, {"period", 6, NULL}};
    EXPECT_FAIL(TA_ERR_INVALID_PARAMETER, "given twice", ta_batch("rsi", twice, 2, &in, 1, &buf, 1, NULL));
    ta_param rule[2] = {{"fast_period", 26, NULL}, {"slow_period", 12, NULL}};
    ta_buffer three[3] = {{out, 100}, {out2, 100}, {out3, 100}};
    EXPECT_FAIL(TA_ERR_INVALID_PARAMETER, "fast_period must be < slow_period",
                ta_batch("macd", rule, 2, &in, 1, three, 3, NULL));
    ta_param text_for_int = {"period", 0, "fourteen"};
    EXPECT_FAIL(TA_ERR_INVALID_PARAMETER, "rsi: period must be an integer",
                ta_batch("rsi", &text_for_int, 1, &in, 1, &buf, 1, NULL));
    ta_param bad_bool = {"allow_equal_extremes", 2, NULL};
    ta_series hl[2] = {{close, 100}, {close, 100}};
    ta_buffer two[2] = {{out, 100}, {out2, 100}};
    EXPECT_FAIL(TA_ERR_INVALID_PARAMETER, "must be true or false", ta_batch("swing_points", &bad_bool, 1, hl, 2, two, 2, NULL));

    EXPECT_FAIL(TA_ERR_UNKNOWN_NAME, "unknown kernel 'smaa' (did you mean sma?)", ta_batch("smaa", NULL, 0, &in, 1, &buf, 1, NULL));
    ta_param typo = {"perod", 14, NULL};
    EXPECT_FAIL(TA_ERR_UNKNOWN_NAME, "rsi: unknown parameter 'perod' (did you mean period?)",
                ta_batch("rsi", &typo, 1, &in, 1, &buf, 1, NULL));
    ta_param choice = {"ma_type", 0, "emaa"};
    EXPECT_FAIL(TA_ERR_UNKNOWN_NAME, "ma_type must be one of", ta_batch("ma", &choice, 1, &in, 1, &buf, 1, NULL));

    ta_series ragged[3] = {{close, 100}, {close, 99}, {close, 100}};
    EXPECT_FAIL(TA_ERR_SHAPE_MISMATCH, "atr: input lengths differ: high=100, low=99, close=100",
                ta_batch("atr", NULL, 0, ragged, 3, &buf, 1, NULL));
    EXPECT_FAIL(TA_ERR_SHAPE_MISMATCH, "atr: expected 3 inputs (high, low, close), got 1",
                ta_batch("atr", NULL, 0, &in, 1, &buf, 1, NULL));
    EXPECT_FAIL(TA_ERR_SHAPE_MISMATCH, "macd: expected 3 outputs (macd, signal, histogram), got 1",
                ta_batch("macd", NULL, 0, &in, 1, &buf, 1, NULL));
    ta_buffer short_out = {out, 99};
    EXPECT_FAIL(TA_ERR_SHAPE_MISMATCH, "sma: output 'value' has length 99, inputs have 100",
                ta_batch("sma", NULL, 0, &in, 1, &short_out, 1, NULL));
    ta_series null_in = {NULL, 100};
    EXPECT_FAIL(TA_ERR_SHAPE_MISMATCH, "sma: input 'x' is null", ta_batch("sma", NULL, 0, &null_in, 1, &buf, 1, NULL));
    ta_buffer null_out = {NULL, 100};
    EXPECT_FAIL(TA_ERR_SHAPE_MISMATCH, "sma: output 'value' is null", ta_batch("sma", NULL, 0, &in, 1, &null_out, 1, NULL));

    EXPECT_FAIL(TA_ERR_INVALID_ARGUMENT, "kernel is NULL", ta_batch(NULL, NULL, 0, &in, 1, &buf, 1, NULL));
    EXPECT_FAIL(TA_ERR_INVALID_ARGUMENT, "params is NULL", ta_batch("sma", NULL, 1, &in, 1, &buf, 1, NULL));
    ta_param nameless = {NULL, 1, NULL};
    EXPECT_FAIL(TA_ERR_INVALID_ARGUMENT, "params[0].name is NULL", ta_batch("sma", &nameless, 1, &in, 1, &buf, 1, NULL));
    EXPECT_FAIL(TA_ERR_INVALID_ARGUMENT, "not valid UTF-8", ta_batch("sm\xc3\x28", NULL, 0, &in, 1, &buf, 1, NULL));
    /* Valid UTF-8 beyond the BMP reaches Java intact (and is then simply an unknown kernel). */
    EXPECT_FAIL(TA_ERR_UNKNOWN_NAME, "unknown kernel 'sma\xf0\x9f\x93\x88'",
                ta_batch("sma\xf0\x9f\x93\x88", NULL, 0, &in, 1, &buf, 1, NULL));
    /* Lengths beyond a Java long are refused, not clamped (2^63 and 2^63 + 1 looked equal and the batch read on). */
    ta_series huge_in = {close, (size_t)1 << 63};
    ta_buffer huge_out = {out, ((size_t)1 << 63) + 1};
    EXPECT_FAIL(TA_ERR_SHAPE_MISMATCH, "ta_batch: inputs[0] has length 9223372036854775808",
                ta_batch("sma", NULL, 0, &huge_in, 1, &huge_out, 1, NULL));
    /* Overlapping buffers are refused before any bar is read: blocks would read outputs already written, and
     * aliased outputs would keep only the last one (both gave wrong numbers with TA_OK). */
    double shared[101];
    memcpy(shared, close, 100 * sizeof(double));
    ta_series in_shared = {shared, 100};
    ta_buffer shifted = {shared + 1, 100};
    EXPECT_FAIL(TA_ERR_INVALID_ARGUMENT, "ta_batch: outputs[0] overlaps inputs[0]",
                ta_batch("sma", NULL, 0, &in_shared, 1, &shifted, 1, NULL));
    ta_buffer aliased[3] = {{out, 100}, {out2, 100}, {out2, 100}};
    EXPECT_FAIL(TA_ERR_INVALID_ARGUMENT, "ta_batch: outputs[2] overlaps outputs[1]",
                ta_batch("macd", NULL, 0, &in, 1, aliased, 3, NULL));
    ta_buffer adjacent[2] = {{shared, 50}, {shared + 50, 50}};
    ta_series half = {close, 50};
    EXPECT_OK(ta_batch("bb_upper", NULL, 0, &half, 1, &adjacent[0], 1, NULL));
    EXPECT_OK(ta_batch("bb_lower", NULL, 0, &half, 1, &adjacent[1], 1, NULL));
    /* The outputs are untouched by a failed call. */
    for (int i = 0; i < 100; i++) {
        out[i] = 42.0;
    }
    EXPECT_FAIL(TA_ERR_INVALID_PARAMETER, "period", ta_batch("rsi", &period1, 1, &in, 1, &buf, 1, NULL));
    CHECK(out[0] == 42.0 && out[99] == 42.0, "a failed batch wrote its output");
}

/* ----------------------------------------------------------------------------------------------------- plans */

static ta_column *all_columns(size_t bars) {
    static ta_column cols[5];
    for (int i = 0; i < 5; i++) {
        cols[i].name = GOLDEN_COLUMNS[i];
        cols[i].data = G.columns[i];
        cols[i].length = bars;
    }
    return cols;
}

/* Fills `bar` with the plan's columns at bar t, scaled by `factor` (the GoldenWriter protocol). */
static void bar_at(const ta_plan *plan, size_t t, double factor, double *bar) {
    for (size_t c = 0; c < ta_plan_column_count(plan); c++) {
        bar[c] = golden_column(&G, ta_plan_column_name(plan, c))[t] * factor;
    }
}

static void test_plan(const golden_plan *gp) {
    ta_plan *plan = NULL;
    EXPECT_OK(ta_plan_compile_many(gp->name_ptrs, gp->expr_ptrs, gp->count, &plan));
    if (plan == NULL) {
        return;
    }
    size_t k = ta_plan_result_count(plan);
    CHECK(k == gp->count, "plan %d results %zu", gp->id, k);
    for (size_t r = 0; r < k; r++) {
        CHECK(strcmp(ta_plan_result_name(plan, r), gp->names[r]) == 0, "plan %d result %zu name", gp->id, r);
        CHECK(ta_plan_lookback(plan, r) >= 0, "plan %d lookback", gp->id);
    }
    CHECK(ta_plan_result_name(plan, k) == NULL && ta_plan_lookback(plan, k) == -1, "out of range result");
    CHECK(ta_plan_column_name(plan, ta_plan_column_count(plan)) == NULL, "out of range column");
    char *explain = NULL;
    EXPECT_OK(ta_plan_explain(plan, &explain));
    CHECK(explain != NULL && strncmp(explain, "plan: ", 6) == 0, "explain: %s", explain);
    ta_free(explain);

    /* Batch run vs Java's plan run. */
    size_t n = G.bars;
    char file[96];
    snprintf(file, sizeof file, "plan-%d-run.f64", gp->id);
    double *want = golden_file(&G, file, NULL);
    ta_buffer outs[GOLDEN_MAX_FIELDS];
    for (size_t r = 0; r < k; r++) {
        outs[r].data = malloc(n * sizeof(double));
        outs[r].length = n;
    }
    EXPECT_OK(ta_plan_run(plan, all_columns(n), 5, outs, k));
    for (size_t r = 0; r < k; r++) {
        char what[96];
        snprintf(what, sizeof what, "plan %d run result %s", gp->id, gp->names[r]);
        check_same(what, outs[r].data, want + r * n, n);
    }
    /* A plan that reads no time runs the same with times (ABI 1.1): they are carried, not needed. */
    CHECK(ta_plan_reads_time(plan) == 0, "plan %d reads time: %d", gp->id, ta_plan_reads_time(plan));
    EXPECT_OK(ta_plan_run_timed(plan, G.times, n, all_columns(n), 5, outs, k));
    for (size_t r = 0; r < k; r++) {
        char what[96];
        snprintf(what, sizeof what, "plan %d run_timed result %s", gp->id, gp->names[r]);
        check_same(what, outs[r].data, want + r * n, n);
        free(outs[r].data);
    }
    free(want);

    /* Streamed with preview, a wrong update and its replacement, snapshot half way. */
    const char *kinds[3] = {"preview", "wrong", "stream"};
    double *expect[3];
    double *got[3];
    for (int i = 0; i < 3; i++) {
        snprintf(file, sizeof file, "plan-%d-%s.f64", gp->id, kinds[i]);
        expect[i] = golden_file(&G, file, NULL);
        got[i] = malloc(n * k * sizeof(double));
    }
    snprintf(file, sizeof file, "plan-%d-snapshot.bin", gp->id);
    size_t java_snapshot_length;
    uint8_t *java_snapshot = golden_file(&G, file, &java_snapshot_length);

    ta_stream *stream = NULL;
    EXPECT_OK(ta_stream_open(plan, &stream));
    double bar[GOLDEN_MAX_FIELDS];
    size_t width = ta_plan_column_count(plan);
    uint8_t *snapshot = NULL;
    size_t snapshot_length = 0;
    for (size_t t = 0; t < n; t++) {
        if (t == n / 2) {
            EXPECT_OK(ta_stream_snapshot(stream, &snapshot, &snapshot_length));
            CHECK(snapshot_length == java_snapshot_length && memcmp(snapshot, java_snapshot, snapshot_length) == 0,
                  "plan %d: C snapshot bytes differ from Java's", gp->id);
            /* Continue in a new stream restored from the bytes, as after a process restart. */
            ta_stream_free(stream);
            stream = NULL;
            EXPECT_OK(ta_stream_open(plan, &stream));
            EXPECT_OK(ta_stream_restore(stream, snapshot, snapshot_length));
            uint64_t count = 0;
            EXPECT_OK(ta_stream_count(stream, &count));
            CHECK(count == n / 2, "restored count %llu", (unsigned long long)count);
        }
        bar_at(plan, t, 1.01, bar);
        EXPECT_OK(ta_stream_preview(stream, bar, width, got[0] + t * k, k));
        bar_at(plan, t, 0.99, bar);
        EXPECT_OK(ta_stream_update(stream, bar, width, got[1] + t * k, k));
        bar_at(plan, t, 1.0, bar);
        EXPECT_OK(ta_stream_replace_last(stream, bar, width, got[2] + t * k, k));
    }
    for (int i = 0; i < 3; i++) {
        char what[96];
        snprintf(what, sizeof what, "plan %d stream %s", gp->id, kinds[i]);
        check_same(what, got[i], expect[i], n * k);
    }

    /* Java's own snapshot restores into a C stream and continues identically. */
    ta_stream *from_java = NULL;
    EXPECT_OK(ta_stream_open(plan, &from_java));
    EXPECT_OK(ta_stream_restore(from_java, java_snapshot, java_snapshot_length));
    double *tail = malloc(n * k * sizeof(double));
    for (size_t t = n / 2; t < n; t++) {
        bar_at(plan, t, 1.0, bar);
        EXPECT_OK(ta_stream_update(from_java, bar, width, tail + t * k, k));
    }
    check_same("continued from Java's snapshot", tail + (n / 2) * k, expect[2] + (n / 2) * k, (n - n / 2) * k);
    free(tail);

    /* Reset, then the first bars again equal the first bars of the run. */
    EXPECT_OK(ta_stream_reset(from_java));
    uint64_t count = 99;
    EXPECT_OK(ta_stream_count(from_java, &count));
    CHECK(count == 0, "count after reset %llu", (unsigned long long)count);
    double first[GOLDEN_MAX_FIELDS];
    bar_at(plan, 0, 1.0, bar);
    EXPECT_OK(ta_stream_update(from_java, bar, width, first, k));
    check_same("first bar after reset", first, expect[2], k);
    EXPECT_OK(ta_stream_update(from_java, bar, width, NULL, 0));

    ta_stream_free(from_java);
    ta_stream_free(stream);
    ta_free(snapshot);
    free(java_snapshot);
    for (int i = 0; i < 3; i++) {
        free(expect[i]);
        free(got[i]);
    }
    ta_plan_free(plan);
}

static void test_plan_errors(void) {
    ta_plan *plan = NULL;
    EXPECT_FAIL(TA_ERR_PARSE, "line 1, column 14", ta_plan_compile("rsi(close, 14", &plan));
    CHECK(ta_last_error_line() == 1 && ta_last_error_column() == 14, "parse position %d:%d", ta_last_error_line(),
          ta_last_error_column());
    CHECK(plan == NULL, "a failed compile returned a plan");
    EXPECT_FAIL(TA_ERR_PARSE, "^", ta_plan_compile("close +\n  * 2", &plan));
    CHECK(ta_last_error_line() == 2, "second-line parse error at line %d", ta_last_error_line());
    EXPECT_FAIL(TA_ERR_PARSE, "smaa", ta_plan_compile("smaa(close, 5)", &plan));
    EXPECT_FAIL(TA_ERR_PARSE, "period", ta_plan_compile("rsi(close, 1)", &plan));
    CHECK(ta_last_error_column() > 0, "binding error located");
    /* A success clears the position. */
    EXPECT_OK(ta_plan_compile("sma(close, 3) > sma(close, 5)", &plan));
    CHECK(ta_last_error_line() == 0 && ta_last_error_column() == 0, "position after success");

    const char *names[2] = {"a", "a"};
    const char *exprs[2] = {"close", "open"};
    ta_plan *other = NULL;
    EXPECT_FAIL(TA_ERR_INVALID_ARGUMENT, "given twice", ta_plan_compile_many(names, exprs, 2, &other));
    EXPECT_FAIL(TA_ERR_INVALID_ARGUMENT, "at least one", ta_plan_compile_many(names, exprs, 0, &other));
    /* An invalid name given twice is refused as invalid before the repeat is quoted, so the message stays UTF-8. */
    const char *bad_names[2] = {"x\xc3\x28", "x\xc3\x28"};
    EXPECT_FAIL(TA_ERR_INVALID_ARGUMENT, "names[0] is not valid UTF-8",
                ta_plan_compile_many(bad_names, exprs, 2, &other));
    /* A message cut to its 1 KiB limit ends on a character boundary: 600 two-byte characters, quoted. */
    char long_name[1201];
    for (int i = 0; i < 600; i++) {
        memcpy(long_name + 2 * i, "\xc3\xa9", 2);
    }
    long_name[1200] = '\0';
    const char *long_names[2] = {long_name, long_name};
    EXPECT_FAIL(TA_ERR_INVALID_ARGUMENT, "ta_plan_compile: the result name", ta_plan_compile_many(long_names, exprs, 2,
                                                                                                 &other));
    size_t cut = strlen(ta_last_error());
    CHECK(cut > 1000 && cut < 1024 && (unsigned char)ta_last_error()[cut - 1] == 0xa9,
          "a cut message of %zu bytes ends inside a character", cut);
    EXPECT_FAIL(TA_ERR_INVALID_ARGUMENT, "expression", ta_plan_compile(NULL, &other));

    /* Runs: a column the plan needs is missing, ragged columns, wrong outputs. */
    double out[50];
    ta_buffer buf = {out, 50};
    ta_column volume_only = {"volume", golden_column(&G, "volume"), 50};
    EXPECT_FAIL(TA_ERR_UNKNOWN_NAME, "the expression needs column 'close'", ta_plan_run(plan, &volume_only, 1, &buf, 1));
    ta_column ragged[2] = {{"close", golden_column(&G, "close"), 50}, {"open", golden_column(&G, "open"), 49}};
    EXPECT_FAIL(TA_ERR_SHAPE_MISMATCH, "bars: column lengths differ: close=50, open=49", ta_plan_run(plan, ragged, 2, &buf, 1));
    ta_column close = {"close", golden_column(&G, "close"), 50};
    ta_buffer short_buf = {out, 10};
    EXPECT_FAIL(TA_ERR_SHAPE_MISMATCH, "output 'value' has length 10", ta_plan_run(plan, &close, 1, &short_buf, 1));
    ta_buffer huge_buf = {out, ((size_t)1 << 63) + 1};
    EXPECT_FAIL(TA_ERR_SHAPE_MISMATCH, "plan: outputs[0] has length 9223372036854775809",
                ta_plan_run(plan, &close, 1, &huge_buf, 1));
    EXPECT_FAIL(TA_ERR_SHAPE_MISMATCH, "expected 1 outputs", ta_plan_run(plan, &close, 1, NULL, 0));
    ta_column twice[2] = {close, close};
    EXPECT_FAIL(TA_ERR_SHAPE_MISMATCH, "given twice", ta_plan_run(plan, twice, 2, &buf, 1));
    EXPECT_OK(ta_plan_run(plan, &close, 1, &buf, 1));
    EXPECT_FAIL(TA_ERR_INVALID_ARGUMENT, "not a live plan", ta_plan_run(NULL, &close, 1, &buf, 1));
    /* Outputs may not overlap a column or each other (the last written would win, silently). */
    double in_place[60];
    memcpy(in_place, close.data, sizeof in_place);
    ta_column close_copy = {"close", in_place, 50};
    ta_buffer over_close = {in_place + 10, 50};
    EXPECT_FAIL(TA_ERR_INVALID_ARGUMENT, "ta_plan_run: outputs[0] overlaps column 'close'",
                ta_plan_run(plan, &close_copy, 1, &over_close, 1));
    /* A column name that is not UTF-8 is refused as such before a message quotes it. */
    ta_column bad_name = {"clo\xc3\x28se", in_place, 50};
    EXPECT_FAIL(TA_ERR_INVALID_ARGUMENT, "ta_plan_run: columns[0].name is not valid UTF-8",
                ta_plan_run(plan, &bad_name, 1, &over_close, 1));
    ta_column bad_long = {"clo\xc3\x28se", in_place, (size_t)INT32_MAX};
    EXPECT_FAIL(TA_ERR_INVALID_ARGUMENT, "ta_plan_run: columns[0].name is not valid UTF-8",
                ta_plan_run(plan, &bad_long, 1, &buf, 1));
    const char *pair_names[2] = {"fast", "slow"};
    const char *pair_exprs[2] = {"sma(close, 3)", "sma(close, 5)"};
    ta_plan *pair = NULL;
    EXPECT_OK(ta_plan_compile_many(pair_names, pair_exprs, 2, &pair));
    ta_buffer same_twice[2] = {buf, buf};
    EXPECT_FAIL(TA_ERR_INVALID_ARGUMENT, "ta_plan_run: outputs[1] overlaps outputs[0]",
                ta_plan_run(pair, &close, 1, same_twice, 2));
    ta_plan_free(pair);

    /* Streams: bar width, state, corrupt and foreign snapshots. */
    ta_stream *stream = NULL;
    EXPECT_OK(ta_stream_open(plan, &stream));
    double bar[2] = {10, 11};
    double value;
    EXPECT_FAIL(TA_ERR_STREAM_STATE, "replaceLast needs a committed bar", ta_stream_replace_last(stream, bar, 1, &value, 1));
    EXPECT_FAIL(TA_ERR_SHAPE_MISMATCH, "plan: a bar needs 1 values (close), got 2", ta_stream_update(stream, bar, 2, &value, 1));
    EXPECT_FAIL(TA_ERR_SHAPE_MISMATCH, "expected 1 outputs", ta_stream_update(stream, bar, 1, out, 3));
    EXPECT_FAIL(TA_ERR_INVALID_ARGUMENT, "bar is NULL", ta_stream_update(stream, NULL, 1, &value, 1));
    EXPECT_FAIL(TA_ERR_SHAPE_MISMATCH, "got 18446744073709551615", ta_stream_update(stream, bar, SIZE_MAX, &value, 1));
    for (int t = 0; t < 10; t++) {
        EXPECT_OK(ta_stream_update(stream, &close.data[t], 1, &value, 1));
    }
    uint8_t *snap = NULL;
    size_t len = 0;
    EXPECT_OK(ta_stream_snapshot(stream, &snap, &len));
    uint8_t *corrupt = malloc(len);
    memcpy(corrupt, snap, len);
    corrupt[0] ^= 0xff;
    EXPECT_FAIL(TA_ERR_SNAPSHOT_MISMATCH, "", ta_stream_restore(stream, corrupt, len));
    EXPECT_FAIL(TA_ERR_SNAPSHOT_MISMATCH, "", ta_stream_restore(stream, snap, len / 2));
    EXPECT_FAIL(TA_ERR_SNAPSHOT_MISMATCH, "", ta_stream_restore(stream, snap, 0));
    free(corrupt);
    ta_plan *foreign = NULL;
    EXPECT_OK(ta_plan_compile("ema(close, 4)", &foreign));
    ta_stream *foreign_stream = NULL;
    EXPECT_OK(ta_stream_open(foreign, &foreign_stream));
    EXPECT_FAIL(TA_ERR_SNAPSHOT_MISMATCH, "different plan", ta_stream_restore(foreign_stream, snap, len));
    /* The failed restores left the stream as it was: the next bar equals a fresh replay. */
    double before;
    EXPECT_OK(ta_stream_preview(stream, &close.data[10], 1, &before, 1));
    EXPECT_OK(ta_stream_restore(stream, snap, len));
    double after;
    EXPECT_OK(ta_stream_preview(stream, &close.data[10], 1, &after, 1));
    CHECK(memcmp(&before, &after, sizeof before) == 0, "restore changed the next value");
    EXPECT_FAIL(TA_ERR_INVALID_ARGUMENT, "bytes is NULL", ta_stream_restore(stream, NULL, 5));
    EXPECT_FAIL(TA_ERR_INVALID_ARGUMENT, "not a live stream", ta_stream_update(NULL, bar, 1, &value, 1));
    EXPECT_FAIL(TA_ERR_INVALID_ARGUMENT, "not a live stream", ta_stream_snapshot(NULL, &snap, &len));
    ta_free(snap);
    ta_stream_free(foreign_stream);
    ta_plan_free(foreign);
    /* A stream outlives its plan handle. */
    ta_plan_free(plan);
    EXPECT_OK(ta_stream_update(stream, &close.data[10], 1, &value, 1));
    ta_stream_free(stream);
    ta_stream_free(NULL);
    ta_plan_free(NULL);
    ta_free(NULL);
}

/* ------------------------------------------------------------------------------------------ bar times (ABI 1.1) */

static ta_plan *compile_timed(const golden_plan *gp) {
    ta_plan *plan = NULL;
    if (gp->zone[0] == '\0') {
        EXPECT_OK(ta_plan_compile_many(gp->name_ptrs, gp->expr_ptrs, gp->count, &plan));
    } else {
        EXPECT_OK(ta_plan_compile_zoned(gp->name_ptrs, gp->expr_ptrs, gp->count, gp->zone, &plan));
    }
    return plan;
}

/* The stream's time must be `want`. */
static void check_time(ta_stream *stream, int64_t want, const char *what, size_t t) {
    int64_t got = -1;
    ta_status s = ta_stream_time(stream, &got);
    CHECK(s == TA_OK && got == want, "%s at bar %zu: ta_stream_time -> %s %lld, want %lld (%s)", what, t,
          ta_status_name(s), (long long)got, (long long)want, ta_last_error());
}

/* A timed plan of GoldenWriter: run_timed and the stream protocol with times, bit for bit against Java. */
static void test_timed_plan(const golden_plan *gp) {
    ta_plan *plan = compile_timed(gp);
    if (plan == NULL) {
        return;
    }
    CHECK(ta_plan_reads_time(plan) == 1, "timed plan %d reads time: %d", gp->id, ta_plan_reads_time(plan));
    size_t n = G.bars;
    size_t k = ta_plan_result_count(plan);
    CHECK(k == gp->count, "timed plan %d results %zu", gp->id, k);
    char file[96];
    snprintf(file, sizeof file, "timed-%d-run.f64", gp->id);
    double *want = golden_file(&G, file, NULL);
    ta_buffer outs[GOLDEN_MAX_FIELDS];
    for (size_t r = 0; r < k; r++) {
        outs[r].data = malloc(n * sizeof(double));
        outs[r].length = n;
    }
    EXPECT_OK(ta_plan_run_timed(plan, G.times, n, all_columns(n), 5, outs, k));
    for (size_t r = 0; r < k; r++) {
        char what[96];
        snprintf(what, sizeof what, "timed plan %d run result %s", gp->id, gp->names[r]);
        check_same(what, outs[r].data, want + r * n, n);
        free(outs[r].data);
    }
    free(want);

    const char *kinds[3] = {"preview", "wrong", "stream"};
    double *expect[3];
    double *got[3];
    for (int i = 0; i < 3; i++) {
        snprintf(file, sizeof file, "timed-%d-%s.f64", gp->id, kinds[i]);
        expect[i] = golden_file(&G, file, NULL);
        got[i] = malloc(n * k * sizeof(double));
    }
    snprintf(file, sizeof file, "timed-%d-time.i64", gp->id);
    int64_t *clock = golden_file(&G, file, NULL);
    snprintf(file, sizeof file, "timed-%d-snapshot.bin", gp->id);
    size_t java_snapshot_length;
    uint8_t *java_snapshot = golden_file(&G, file, &java_snapshot_length);

    ta_stream *stream = NULL;
    EXPECT_OK(ta_stream_open(plan, &stream));
    int64_t none = 0;
    EXPECT_FAIL(TA_ERR_STREAM_STATE, "no bar yet; call ta_stream_update_at", ta_stream_time(stream, &none));
    double bar[GOLDEN_MAX_FIELDS];
    size_t width = ta_plan_column_count(plan);
    for (size_t t = 0; t < n; t++) {
        if (t == n / 2) {
            uint8_t *snapshot = NULL;
            size_t snapshot_length = 0;
            EXPECT_OK(ta_stream_snapshot(stream, &snapshot, &snapshot_length));
            CHECK(snapshot_length == java_snapshot_length && memcmp(snapshot, java_snapshot, snapshot_length) == 0,
                  "timed plan %d: C snapshot bytes differ from Java's", gp->id);
            ta_stream_free(stream);
            stream = NULL;
            EXPECT_OK(ta_stream_open(plan, &stream));
            EXPECT_OK(ta_stream_restore(stream, snapshot, snapshot_length));
            check_time(stream, G.times[t - 1], "restored", t);
            ta_free(snapshot);
        }
        bar_at(plan, t, 1.01, bar);
        EXPECT_OK(ta_stream_preview_at(stream, G.times[t], bar, width, got[0] + t * k, k));
        check_time(stream, clock[3 * t], "preview_at", t);
        bar_at(plan, t, 0.99, bar);
        EXPECT_OK(ta_stream_update_at(stream, G.times[t], bar, width, got[1] + t * k, k));
        check_time(stream, clock[3 * t + 1], "update_at", t);
        bar_at(plan, t, 1.0, bar);
        EXPECT_OK(ta_stream_replace_last(stream, bar, width, got[2] + t * k, k));
        check_time(stream, clock[3 * t + 2], "replace_last", t);
    }
    for (int i = 0; i < 3; i++) {
        char what[96];
        snprintf(what, sizeof what, "timed plan %d stream %s", gp->id, kinds[i]);
        check_same(what, got[i], expect[i], n * k);
    }

    /* Java's own snapshot restores into a C stream, which continues with the times identically. */
    ta_stream *from_java = NULL;
    EXPECT_OK(ta_stream_open(plan, &from_java));
    EXPECT_OK(ta_stream_restore(from_java, java_snapshot, java_snapshot_length));
    check_time(from_java, G.times[n / 2 - 1], "restored from Java", n / 2);
    double *tail = malloc(n * k * sizeof(double));
    for (size_t t = n / 2; t < n; t++) {
        bar_at(plan, t, 1.0, bar);
        EXPECT_OK(ta_stream_update_at(from_java, G.times[t], bar, width, tail + t * k, k));
    }
    check_same("timed: continued from Java's snapshot", tail + (n / 2) * k, expect[2] + (n / 2) * k,
               (n - n / 2) * k);
    free(tail);
    EXPECT_OK(ta_stream_reset(from_java));
    EXPECT_FAIL(TA_ERR_STREAM_STATE, "no bar yet", ta_stream_time(from_java, &none));

    ta_stream_free(from_java);
    ta_stream_free(stream);
    free(java_snapshot);
    free(clock);
    for (int i = 0; i < 3; i++) {
        free(expect[i]);
        free(got[i]);
    }
    ta_plan_free(plan);
}

static void test_timed_errors(void) {
    const double *close = golden_column(&G, "close");
    const int64_t *times = G.times;
    ta_plan *weekly = NULL;
    EXPECT_OK(ta_plan_compile("sma(close, 5)@1w", &weekly));
    CHECK(ta_plan_reads_time(weekly) == 1, "sma(close, 5)@1w reads time");
    CHECK(ta_plan_reads_time(NULL) == -1, "a NULL plan reads time %d", ta_plan_reads_time(NULL));
    double out[100];
    ta_buffer buf = {out, 100};
    ta_column col = {"close", close, 100};

    /* The TA_1 calls refuse a plan that reads time as before, naming the call to use instead. */
    EXPECT_FAIL(TA_ERR_SHAPE_MISMATCH, "call ta_plan_run_timed", ta_plan_run(weekly, &col, 1, &buf, 1));
    ta_stream *stream = NULL;
    EXPECT_OK(ta_stream_open(weekly, &stream));
    double value = 0;
    EXPECT_FAIL(TA_ERR_STREAM_STATE, "call ta_stream_update_at", ta_stream_update(stream, close, 1, &value, 1));
    EXPECT_FAIL(TA_ERR_STREAM_STATE, "call ta_stream_preview_at", ta_stream_preview(stream, close, 1, &value, 1));
    CHECK(strstr(ta_last_error(), "update(time, bar)") == NULL && strstr(ta_last_error(), "preview(time, bar)") == NULL,
          "the message names Java's call: %s", ta_last_error());

    /* Times that do not fit the columns, are missing, or are not ascending; every check before any bar. */
    for (int i = 0; i < 100; i++) {
        out[i] = 42.0;
    }
    EXPECT_FAIL(TA_ERR_SHAPE_MISMATCH, "bars: 99 times for 100 bars",
                ta_plan_run_timed(weekly, times, 99, &col, 1, &buf, 1));
    EXPECT_FAIL(TA_ERR_INVALID_ARGUMENT, "ta_plan_run_timed: times is NULL but its count is not 0",
                ta_plan_run_timed(weekly, NULL, 100, &col, 1, &buf, 1));
    EXPECT_FAIL(TA_ERR_SHAPE_MISMATCH, "bars: 0 times for 100 bars",
                ta_plan_run_timed(weekly, NULL, 0, &col, 1, &buf, 1));
    int64_t unordered[100];
    memcpy(unordered, times, sizeof unordered);
    unordered[7] = unordered[6];
    EXPECT_FAIL(TA_ERR_SHAPE_MISMATCH, "bar 7 (", ta_plan_run_timed(weekly, unordered, 100, &col, 1, &buf, 1));
    CHECK(strstr(ta_last_error(), "is not after bar 6") != NULL, "the row is not named: %s", ta_last_error());
    unordered[7] = times[7];
    unordered[60] = times[10];
    EXPECT_FAIL(TA_ERR_SHAPE_MISMATCH, "bar 60 (", ta_plan_run_timed(weekly, unordered, 100, &col, 1, &buf, 1));
    CHECK(out[0] == 42.0 && out[99] == 42.0, "a failed run_timed wrote its output");
    /* Times share an output's memory: the output would overwrite the times it reads. */
    union {
        int64_t times[150];
        double values[150];
    } shared;
    memcpy(shared.times, times, 100 * sizeof(int64_t));
    ta_buffer over_times = {shared.values + 50, 100};
    EXPECT_FAIL(TA_ERR_INVALID_ARGUMENT, "ta_plan_run_timed: outputs[0] overlaps times",
                ta_plan_run_timed(weekly, shared.times, 100, &col, 1, &over_times, 1));
    ta_buffer huge = {out, (size_t)1 << 40};
    EXPECT_FAIL(TA_ERR_SHAPE_MISMATCH, "plan: times has 1099511627776 values",
                ta_plan_run_timed(weekly, times, (size_t)1 << 40, &col, 1, &huge, 1));
    EXPECT_FAIL(TA_ERR_INVALID_ARGUMENT, "ta_plan_run_timed: not a live plan",
                ta_plan_run_timed(NULL, times, 100, &col, 1, &buf, 1));
    EXPECT_OK(ta_plan_run_timed(weekly, times, 100, &col, 1, &buf, 1));

    /* A stream refuses a bar not after the last and stays as it was. */
    EXPECT_OK(ta_stream_update_at(stream, times[0], close, 1, &value, 1));
    EXPECT_OK(ta_stream_update_at(stream, times[1], close + 1, 1, &value, 1));
    EXPECT_FAIL(TA_ERR_SHAPE_MISMATCH, "is not after the last committed bar",
                ta_stream_update_at(stream, times[0], close + 2, 1, &value, 1));
    EXPECT_FAIL(TA_ERR_SHAPE_MISMATCH, "is not after the last committed bar",
                ta_stream_update_at(stream, times[1], close + 2, 1, &value, 1));
    EXPECT_FAIL(TA_ERR_SHAPE_MISMATCH, "is not after the last committed bar",
                ta_stream_preview_at(stream, times[1], close + 2, 1, &value, 1));
    uint64_t count = 0;
    EXPECT_OK(ta_stream_count(stream, &count));
    int64_t now = 0;
    EXPECT_OK(ta_stream_time(stream, &now));
    CHECK(count == 2 && now == times[1], "a refused bar changed the stream: %llu bars, time %lld",
          (unsigned long long)count, (long long)now);
    EXPECT_FAIL(TA_ERR_SHAPE_MISMATCH, "a bar needs 1 values",
                ta_stream_update_at(stream, times[2], close, 2, &value, 1));
    EXPECT_FAIL(TA_ERR_INVALID_ARGUMENT, "ta_stream_update_at: bar is NULL",
                ta_stream_update_at(stream, times[2], NULL, 1, &value, 1));
    EXPECT_FAIL(TA_ERR_INVALID_ARGUMENT, "ta_stream_preview_at: not a live stream",
                ta_stream_preview_at(NULL, times[2], close, 1, &value, 1));
    EXPECT_FAIL(TA_ERR_INVALID_ARGUMENT, "ta_stream_time: time is NULL", ta_stream_time(stream, NULL));
    EXPECT_FAIL(TA_ERR_INVALID_ARGUMENT, "ta_stream_time: not a live stream", ta_stream_time(NULL, &now));
    ta_stream_free(stream);
    ta_plan_free(weekly);

    /* Zones: unknown, malformed, wrong case, not UTF-8; NULL is UTC. */
    const char *name = "w";
    const char *expr = "close@1w";
    ta_plan *zoned = NULL;
    EXPECT_FAIL(TA_ERR_UNKNOWN_NAME, "unknown time zone 'America/New_Yrok' (did you mean America/New_York?)",
                ta_plan_compile_zoned(&name, &expr, 1, "America/New_Yrok", &zoned));
    EXPECT_FAIL(TA_ERR_UNKNOWN_NAME, "unknown time zone 'america/new_york' (did you mean America/New_York?)",
                ta_plan_compile_zoned(&name, &expr, 1, "america/new_york", &zoned));
    EXPECT_FAIL(TA_ERR_UNKNOWN_NAME, "unknown time zone '+25:00'",
                ta_plan_compile_zoned(&name, &expr, 1, "+25:00", &zoned));
    EXPECT_FAIL(TA_ERR_UNKNOWN_NAME, "unknown time zone ''", ta_plan_compile_zoned(&name, &expr, 1, "", &zoned));
    EXPECT_FAIL(TA_ERR_INVALID_ARGUMENT, "the zone is not valid UTF-8",
                ta_plan_compile_zoned(&name, &expr, 1, "Europe/\xc3\x28", &zoned));
    EXPECT_FAIL(TA_ERR_INVALID_ARGUMENT, "ta_plan_compile_zoned: plan is NULL",
                ta_plan_compile_zoned(&name, &expr, 1, "UTC", NULL));
    const char *broken = "rsi(close, 14";
    EXPECT_FAIL(TA_ERR_PARSE, "line 1, column 14", ta_plan_compile_zoned(&name, &broken, 1, "Europe/Berlin", &zoned));
    CHECK(zoned == NULL, "a failed compile returned a plan");
    ta_plan *utc = NULL;
    ta_plan *plain = NULL;
    EXPECT_OK(ta_plan_compile_zoned(&name, &expr, 1, NULL, &utc));
    EXPECT_OK(ta_plan_compile_many(&name, &expr, 1, &plain));
    /* NULL is ta_plan_compile_many's UTC: the same plan, so their snapshots restore into each other's streams. */
    ta_stream *a = NULL;
    ta_stream *b = NULL;
    EXPECT_OK(ta_stream_open(utc, &a));
    EXPECT_OK(ta_stream_open(plain, &b));
    EXPECT_OK(ta_stream_update_at(a, times[0], close, 1, NULL, 0));
    uint8_t *bytes = NULL;
    size_t length = 0;
    EXPECT_OK(ta_stream_snapshot(a, &bytes, &length));
    EXPECT_OK(ta_stream_restore(b, bytes, length));
    ta_free(bytes);
    ta_stream_free(a);
    ta_stream_free(b);
    ta_plan_free(utc);
    ta_plan_free(plain);

    /* A counted timeframe reads no time, so the TA_1 calls serve it; its time is still carried when given. */
    ta_plan *counted = NULL;
    EXPECT_OK(ta_plan_compile("close@5", &counted));
    CHECK(ta_plan_reads_time(counted) == 0, "close@5 reads time");
    EXPECT_OK(ta_plan_run(counted, &col, 1, &buf, 1));
    ta_stream *c = NULL;
    EXPECT_OK(ta_stream_open(counted, &c));
    EXPECT_OK(ta_stream_update(c, close, 1, &value, 1));
    EXPECT_FAIL(TA_ERR_STREAM_STATE, "carry no time", ta_stream_time(c, &now));
    EXPECT_OK(ta_stream_update_at(c, 1000, close + 1, 1, &value, 1));
    EXPECT_OK(ta_stream_time(c, &now));
    CHECK(now == 1000, "counted timeframe time %lld", (long long)now);
    ta_stream_free(c);
    ta_plan_free(counted);

    /* A plan that reads no column takes its length from the times. */
    ta_plan *session = NULL;
    EXPECT_OK(ta_plan_compile("session_start('1w')", &session));
    CHECK(ta_plan_column_count(session) == 0, "session_start reads %zu columns", ta_plan_column_count(session));
    EXPECT_OK(ta_plan_run_timed(session, times, 100, NULL, 0, &buf, 1));
    double starts = 0;
    for (int i = 0; i < 100; i++) {
        starts += out[i];
    }
    CHECK(starts >= 18 && starts <= 23, "100 daily bars hold %g week starts", starts);
    EXPECT_FAIL(TA_ERR_SHAPE_MISMATCH, "output 'value' has length 100, columns have 99",
                ta_plan_run_timed(session, times, 99, NULL, 0, &buf, 1));
    ta_plan_free(session);
}

/* The JVM runs with a small heap (TA_JVM_OPTIONS in the test script): a plan run whose columns cannot fit is the
 * one honest way to reach TA_ERR_INTERNAL, and the engine must keep working afterwards. */
static void test_internal_error(void) {
    size_t n = (size_t)48 << 20; /* 48 Mi bars: 384 MiB as a Java array */
    double *big = calloc(n, sizeof(double));
    double *out = calloc(n, sizeof(double));
    if (big == NULL || out == NULL) {
        CHECK(0, "cannot allocate the test's own %zu bars", n);
        return;
    }
    ta_plan *plan = NULL;
    EXPECT_OK(ta_plan_compile("close + 1", &plan));
    ta_column close = {"close", big, n};
    ta_buffer buf = {out, n};
    EXPECT_FAIL(TA_ERR_INTERNAL, "OutOfMemoryError", ta_plan_run(plan, &close, 1, &buf, 1));
    free(big);
    free(out);
    ta_column small = {"close", golden_column(&G, "close"), 10};
    double o[10];
    ta_buffer ob = {o, 10};
    EXPECT_OK(ta_plan_run(plan, &small, 1, &ob, 1));
    ta_plan_free(plan);
}

/* ----------------------------------------------------------------------------------------------------- threads */

typedef struct worker {
    int id;
    int ok;
} worker;

static void *work(void *arg) {
    worker *w = arg;
    const double *close = golden_column(&G, "close");
    double *out = malloc(G.bars * sizeof(double));
    double *first = malloc(G.bars * sizeof(double));
    ta_param p = {"period", 14, NULL};
    ta_series in = {close, G.bars};
    ta_buffer buf = {first, G.bars};
    w->ok = ta_batch("rsi", &p, 1, &in, 1, &buf, 1, NULL) == TA_OK;
    for (int i = 0; i < 20 && w->ok; i++) {
        if (w->id % 2 == 0) {
            /* This thread's failures must not show in the other threads' last error. */
            ta_param bad = {"period", 1, NULL};
            buf.data = out;
            w->ok = ta_batch("rsi", &bad, 1, &in, 1, &buf, 1, NULL) == TA_ERR_INVALID_PARAMETER &&
                    strstr(ta_last_error(), "got 1") != NULL;
        } else {
            buf.data = out;
            w->ok = ta_batch("rsi", &p, 1, &in, 1, &buf, 1, NULL) == TA_OK && ta_last_error()[0] == '\0' &&
                    memcmp(out, first, G.bars * sizeof(double)) == 0;
        }
    }
    free(out);
    free(first);
    return NULL;
}

static void test_threads(void) {
    pthread_t threads[4];
    worker workers[4];
    for (int i = 0; i < 4; i++) {
        workers[i].id = i;
        pthread_create(&threads[i], NULL, work, &workers[i]);
    }
    for (int i = 0; i < 4; i++) {
        pthread_join(threads[i], NULL);
        CHECK(workers[i].ok, "thread %d", i);
    }
}

/* Threads with little stack (musl's default is 128 KiB): HotSpot keeps ~100 KiB of guard and shadow pages at a
 * stack's end, so Java overflowed there (128 KiB), could not attach (64 KiB) or crashed the process (32 KiB); libta
 * relays such calls as it relays foreign stacks. The worker keeps its own frames small: its data is on the heap. */
typedef struct small_stack_worker {
    double *out;
    ta_status compiled;
    ta_status ran;
    ta_status batched;
    int errors_kept;
} small_stack_worker;

static const char *const SMALL_STACK_EXPR = "rsi(close, 14) < 30 and close > sma(close, 50) or macd(close).signal > 0";

static void *small_stack_work(void *arg) {
    small_stack_worker *w = arg;
    ta_plan *plan = NULL;
    w->compiled = ta_plan_compile(SMALL_STACK_EXPR, &plan);
    if (w->compiled == TA_OK) {
        ta_column close = {"close", golden_column(&G, "close"), 300};
        ta_buffer out = {w->out, 300};
        w->ran = ta_plan_run(plan, &close, 1, &out, 1);
        ta_plan_free(plan);
    }
    ta_param bad = {"period", 1, NULL};
    ta_series in = {golden_column(&G, "close"), 300};
    ta_buffer out = {w->out + 300, 300};
    w->batched = ta_batch("rsi", &bad, 1, &in, 1, &out, 1, NULL);
    w->errors_kept = strstr(ta_last_error(), "got 1") != NULL;
    return NULL;
}

static void test_small_stacks(void) {
    double want[300];
    ta_plan *plan = NULL;
    EXPECT_OK(ta_plan_compile(SMALL_STACK_EXPR, &plan));
    ta_column close = {"close", golden_column(&G, "close"), 300};
    ta_buffer out = {want, 300};
    EXPECT_OK(ta_plan_run(plan, &close, 1, &out, 1));
    ta_plan_free(plan);
    static const size_t KIB[] = {32, 64, 128, 256};
    for (size_t i = 0; i < sizeof KIB / sizeof KIB[0]; i++) {
        small_stack_worker w = {calloc(600, sizeof(double)), -1, -1, -1, 0};
        pthread_attr_t attr;
        pthread_attr_init(&attr);
        pthread_attr_setstacksize(&attr, KIB[i] << 10);
        pthread_t thread;
        CHECK(pthread_create(&thread, &attr, small_stack_work, &w) == 0, "a thread of %zu KiB", KIB[i]);
        pthread_join(thread, NULL);
        pthread_attr_destroy(&attr);
        CHECK(w.compiled == TA_OK && w.ran == TA_OK, "a thread of %zu KiB stack: compile %s, run %s", KIB[i],
              ta_status_name(w.compiled), ta_status_name(w.ran));
        check_same("plan run on a small stack", w.out, want, 300);
        CHECK(w.batched == TA_ERR_INVALID_PARAMETER && w.errors_kept,
              "a failure on a %zu KiB stack keeps its status: %s", KIB[i], ta_status_name(w.batched));
        free(w.out);
    }
}

/* ------------------------------------------------------------------------------------------- foreign stacks */

/* Some FFI hosts (Node's koffi) run native code on a stack they allocate; HotSpot cannot run Java there, so libta relays
 * such calls to a shadow thread. Reproduced here with a stack of our own (ucontext). */
static ucontext_t main_context;
static ucontext_t foreign_context;
static double foreign_out[200];
static ta_status foreign_ok;
static ta_status foreign_bad;
static char foreign_message[256];

static void on_foreign_stack(void) {
    ta_param p = {"period", 14, NULL};
    ta_series in = {golden_column(&G, "close"), 200};
    ta_buffer out = {foreign_out, 200};
    foreign_ok = ta_batch("rsi", &p, 1, &in, 1, &out, 1, NULL);
    ta_param bad = {"period", 1, NULL};
    foreign_bad = ta_batch("rsi", &bad, 1, &in, 1, &out, 1, NULL);
    snprintf(foreign_message, sizeof foreign_message, "%s", ta_last_error());
    swapcontext(&foreign_context, &main_context);
}

static void test_foreign_stack(void) {
    size_t size = 256 * 1024;
    void *stack = malloc(size);
    getcontext(&foreign_context);
    foreign_context.uc_stack.ss_sp = stack;
    foreign_context.uc_stack.ss_size = size;
    foreign_context.uc_link = &main_context;
    makecontext(&foreign_context, on_foreign_stack, 0);
    swapcontext(&main_context, &foreign_context);
    free(stack);
    CHECK(foreign_ok == TA_OK, "batch on a foreign stack: %s", ta_status_name(foreign_ok));
    CHECK(foreign_bad == TA_ERR_INVALID_PARAMETER && strstr(foreign_message, "got 1") != NULL,
          "a relayed failure keeps its status and message: %s %s", ta_status_name(foreign_bad), foreign_message);
    double direct[200];
    ta_param p = {"period", 14, NULL};
    ta_series in = {golden_column(&G, "close"), 200};
    ta_buffer out = {direct, 200};
    EXPECT_OK(ta_batch("rsi", &p, 1, &in, 1, &out, 1, NULL));
    check_same("relayed batch", foreign_out, direct, 200);
}

/* libta starts threads, so it must never be unmapped: dlclose leaves it loaded (-z nodelete). */
static void test_never_unloaded(void) {
    void *h = dlopen("libta.so.1", RTLD_NOW | RTLD_NOLOAD);
    CHECK(h != NULL, "libta is loaded");
    if (h != NULL) {
        dlclose(h);
        dlclose(h);
    }
    void *again = dlopen("libta.so.1", RTLD_NOW | RTLD_NOLOAD);
    CHECK(again != NULL, "libta was unloaded by dlclose");
    if (again != NULL) {
        dlclose(again);
    }
}

int main(int argc, char **argv) {
    if (argc != 3) {
        fprintf(stderr, "usage: smoke GOLDEN_DIR BAD_LIBJVM_PATH\n");
        return 2;
    }
    golden_load(&G, argv[1]);
    test_versioning(argv[2]);
    test_catalog();
    test_batches();
    test_batch_errors();
    for (size_t p = 0; p < G.plan_count; p++) {
        test_plan(&G.plans[p]);
    }
    test_plan_errors();
    for (size_t p = 0; p < G.timed_count; p++) {
        test_timed_plan(&G.timed[p]);
    }
    test_timed_errors();
    test_internal_error();
    test_threads();
    test_small_stacks();
    test_foreign_stack();
    test_never_unloaded();
    CHECK(ta_live_handles() == 0, "%zu handles still live", ta_live_handles());
    golden_free(&G);
    printf("libta C smoke: %d passed, %d failed\n", passed, failed);
    printf("%d passed, %d failed\n", passed, failed);
    return failed == 0 ? 0 : 1;
}
