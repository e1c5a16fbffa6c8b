/*
 * ta_engine.h — the C ABI of ta, version 1 with its compatible addition 1.1 (bar times; version node TA_1.1).
 *
 * libta exposes the ta technical-analysis engine (a JVM library) to C and to any language with a C FFI. It embeds
 * one JVM per process through the JNI invocation API, started on the first call that needs it, and forwards calls.
 * The contract — symbols, types, ownership, errors, threading, versioning — is docs/api/ffi-contract-v1.md; this
 * header states it per function.
 *
 * Conventions that hold for every function below:
 *  - Strings are NUL-terminated UTF-8, in and out.
 *  - Functions returning ta_status return TA_OK (0) on success. On failure they write nothing to their output
 *    parameters (caller buffers may have been partly written only where a function says so) and set the calling
 *    thread's last error (ta_last_error). Every ta_status function clears the last error when it starts.
 *  - Caller-owned memory (inputs, outputs, parameter arrays) is only read or written during the call.
 *  - Library-owned strings say how long they live. Library-allocated buffers are released with ta_free.
 *  - Handles (ta_plan, ta_stream) are released with their _free function; passing NULL to a _free is a no-op.
 *  - A NULL handle, or a NULL pointer where the function needs one, gives TA_ERR_INVALID_ARGUMENT.
 *  - Thread safety: every function may be called from any thread. ta_plan is immutable after compilation and may be
 *    used by several threads at once. A ta_stream is not synchronized: one thread at a time per stream.
 */
#ifndef TA_ENGINE_H
#define TA_ENGINE_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__GNUC__)
#define TA_API __attribute__((visibility("default")))
#else
#define TA_API
#endif

/* The ABI major version this header describes. ta_abi_version() returns the library's; they must be equal. */
#define TA_ABI_VERSION 1

/* ------------------------------------------------------------------------------------------------ status codes */

/* Result of every fallible call. Values are frozen for ABI 1; new codes may be added in a minor version. */
typedef int32_t ta_status;

#define TA_OK 0                    /* success */
#define TA_ERR_INVALID_PARAMETER 1 /* a parameter outside its range, of the wrong type, or given twice */
#define TA_ERR_SHAPE_MISMATCH 2    /* wrong number of inputs/outputs/columns, ragged lengths, NULL data */
#define TA_ERR_UNKNOWN_NAME 3      /* unknown kernel, parameter, choice or column */
#define TA_ERR_PARSE 4             /* an expression that does not parse, bind or type-check; see ta_last_error_line */
#define TA_ERR_SNAPSHOT_MISMATCH 5 /* snapshot bytes that are corrupt or come from another plan */
#define TA_ERR_STREAM_STATE 6      /* a stream call its state does not allow: replace_last before any update */
#define TA_ERR_INVALID_ARGUMENT 7  /* a NULL or freed handle, a NULL pointer the call needs, invalid UTF-8,
                                    * an output buffer overlapping an input or another output */
#define TA_ERR_ENGINE 8            /* the engine cannot start: no libjvm, no jar, an ABI mismatch, kernel conflicts */
#define TA_ERR_INTERNAL 9          /* anything else: a defect in ta, or the JVM out of memory */

/* ------------------------------------------------------------------------------------------------------- types */

/* A named kernel parameter. Numeric parameters (int, real, and bool as 0 or 1) use `number` with `text` NULL; choice
 * parameters (e.g. ma_type) use `text` ("ema"), matched case-insensitively. Parameters not given take defaults. */
typedef struct ta_param {
    const char *name;
    double number;
    const char *text;
} ta_param;

/* A read-only input series owned by the caller: `length` doubles at `data` (data may be NULL when length is 0). */
typedef struct ta_series {
    const double *data;
    size_t length;
} ta_series;

/* An output buffer owned by the caller: room for `length` doubles at `data`. */
typedef struct ta_buffer {
    double *data;
    size_t length;
} ta_buffer;

/* A named input column of a plan (open, high, low, close, volume, or any name the expression reads). */
typedef struct ta_column {
    const char *name;
    const double *data;
    size_t length;
} ta_column;

/* A compiled plan: immutable, thread-safe. Created by ta_plan_compile*, released by ta_plan_free. */
typedef struct ta_plan ta_plan;

/* A plan evaluated bar by bar. Created by ta_stream_open, released by ta_stream_free. Not thread-safe. */
typedef struct ta_stream ta_stream;

/* --------------------------------------------------------------------------------------------------- versioning */

/* The library's ABI major version (TA_ABI_VERSION of the header it was built from). Never starts the engine. */
TA_API uint32_t ta_abi_version(void);

/* The library's version, e.g. "0.1.0". Static storage. Never starts the engine. */
TA_API const char *ta_version(void);

/* ------------------------------------------------------------------------------------------------------- engine */

/*
 * Starts the engine now, with explicit settings; optional. Without it the first call that needs the engine starts
 * it from the environment:
 *   classpath  the ta jar(s), ':'-separated; NULL: $TA_CLASSPATH, else ta-engine.jar next to libta.so
 *   libjvm     path of libjvm.so; NULL: $TA_JVM, else $JAVA_HOME/lib/server/libjvm.so, else the JDK libta was built with
 *   options    extra JVM options (e.g. "-Xmx512m"), `option_count` of them; NULL/0: $TA_JVM_OPTIONS split on spaces
 * Every ':'-separated entry of a classpath given here or in $TA_CLASSPATH must be a readable file or directory (an
 * empty entry is the working directory; "" is refused): the JVM would skip a missing one and fail for good later.
 * Returns TA_OK if the engine is running (also when it already was: the arguments are then ignored), TA_ERR_ENGINE
 * with the reason otherwise. A failure before the JVM was created (libjvm or a classpath entry not found) may be
 * retried with other settings; once a JVM was created, or failed to be, the outcome is final for the process (JNI
 * allows one JVM per process, and it is never destroyed). When the JVM rejects its options, the message quotes what
 * it printed (e.g. "Unrecognized VM option 'Foo'"). Caution: an option HotSpot accepts but then cannot initialize
 * with (-Xmx1k, -XX:MaxRAM=1k, -agentlib: of a missing agent) makes HotSpot print "Error occurred during
 * initialization of VM" and exit the process; JNI offers no hook for that path. Thread-safe.
 */
TA_API ta_status ta_init(const char *classpath, const char *libjvm, const char *const *options, size_t option_count);

/* ------------------------------------------------------------------------------------------------------- errors */

/* The message of the calling thread's last failure ("" if the last ta_status call succeeded): the exact message of
 * the Java exception, UTF-8. A message libta writes itself (argument checks) is cut to at most 1023 bytes, at a
 * character boundary. Owned by the library; valid until the next ta_status call on the same thread. */
TA_API const char *ta_last_error(void);

/* 1-based line and column of the last failure in an expression's text (TA_ERR_PARSE); 0 for any other failure. */
TA_API int32_t ta_last_error_line(void);
TA_API int32_t ta_last_error_column(void);

/* The name of a status code ("TA_ERR_PARSE"), or "TA_ERR_UNKNOWN_STATUS". Static storage. */
TA_API const char *ta_status_name(ta_status status);

/* ------------------------------------------------------------------------------------------------------ catalog */

/* The number of registered kernels (built-ins plus any extension jar on the classpath). */
TA_API ta_status ta_kernel_count(size_t *count);

/* The canonical name of kernel `index` (0 <= index < count, sorted by name). The string lives until the process
 * exits. TA_ERR_INVALID_ARGUMENT for an index out of range. */
TA_API ta_status ta_kernel_name(size_t index, const char **name);

/* The number of inputs and outputs of a kernel name, alias or selector (a selector such as bb_upper has one output).
 * Either pointer may be NULL. TA_ERR_UNKNOWN_NAME with a suggestion for a name that does not exist. */
TA_API ta_status ta_kernel_shape(const char *name, size_t *input_count, size_t *output_count);

/* The catalog manifest as JSON (format 1: every kernel's inputs, outputs, parameters with ranges and defaults,
 * lookback formula; see docs/contracts.md "The catalog manifest"). The string lives until the process exits. */
TA_API ta_status ta_catalog_json(const char **json);

/* -------------------------------------------------------------------------------------------------------- batch */

/*
 * Computes a kernel over whole series: `kernel` is a name, alias or selector; `params` are by name (defaults fill the
 * rest; `params` may be NULL when param_count is 0); `inputs` are in the kernel's input order, all of one length N;
 * `outputs` are in the kernel's output order (one for a selector), each of length N, written in full: NaN during
 * the warm-up. `lookback` (may be NULL) receives the index of the first valid output for NaN-free input.
 * Parameters, counts and lengths are all checked before any bar is read, so a failure leaves the outputs untouched
 * (except TA_ERR_INTERNAL, e.g. the JVM out of memory mid-way). An output whose address range overlaps an input's
 * or another output's is TA_ERR_INVALID_ARGUMENT naming both (inputs may share memory with each other). A length
 * above INT64_MAX (Java's long) is TA_ERR_SHAPE_MISMATCH. Results are bit-identical to the Java batch. Thread-safe.
 */
TA_API ta_status ta_batch(const char *kernel, const ta_param *params, size_t param_count, const ta_series *inputs,
                          size_t input_count, ta_buffer *outputs, size_t output_count, int64_t *lookback);

/* -------------------------------------------------------------------------------------------------------- plans */

/* Compiles one expression, e.g. "rsi(close, 14) < 30 and close > sma(close, 200)"; its single result is named
 * "value". On TA_ERR_PARSE, ta_last_error_line/column locate the error and the message shows the line and a caret. */
TA_API ta_status ta_plan_compile(const char *expression, ta_plan **plan);

/* Compiles `count` (>= 1) named expressions into one plan (shared subexpressions are computed once); results keep
 * the given order. A NULL or repeated name is TA_ERR_INVALID_ARGUMENT. Line/column of a parse error refer to the
 * failing expression's own text, which the message quotes. */
TA_API ta_status ta_plan_compile_many(const char *const *names, const char *const *expressions, size_t count,
                                      ta_plan **plan);

/* Releases a plan. Streams opened from it stay valid. NULL is a no-op. */
TA_API void ta_plan_free(ta_plan *plan);

/* The number of results, and result `index`'s name (owned by the plan; NULL if out of range or plan is NULL). */
TA_API size_t ta_plan_result_count(const ta_plan *plan);
TA_API const char *ta_plan_result_name(const ta_plan *plan, size_t index);

/* The first valid bar of result `index` for NaN-free input; -1 if out of range or plan is NULL. */
TA_API int64_t ta_plan_lookback(const ta_plan *plan, size_t index);

/* The number of columns the plan reads, and column `index`'s name, in the order a stream's bar lists them (owned
 * by the plan; NULL if out of range or plan is NULL). */
TA_API size_t ta_plan_column_count(const ta_plan *plan);
TA_API const char *ta_plan_column_name(const ta_plan *plan, size_t index);

/* A readable description of the plan's nodes, lookbacks and results; release *text with ta_free. */
TA_API ta_status ta_plan_explain(const ta_plan *plan, char **text);

/*
 * Runs the plan over a history given as named columns of one length N (extra columns are ignored; only the columns
 * the plan reads are copied). `outputs` hold one buffer of length N per result, in result order, written in full.
 * An output overlapping any column or another output is TA_ERR_INVALID_ARGUMENT naming both; a column or output
 * length above 2^31 - 9 (a Java array) is TA_ERR_SHAPE_MISMATCH. Results are bit-identical to the Java plan run
 * (and to a stream fed the same bars). A plan that reads bar times (ta_plan_reads_time) is TA_ERR_SHAPE_MISMATCH,
 * once every other check passed, with a message naming ta_plan_run_timed. Thread-safe.
 */
TA_API ta_status ta_plan_run(const ta_plan *plan, const ta_column *columns, size_t column_count, ta_buffer *outputs,
                             size_t output_count);

/* ------------------------------------------------------------------------------------------------------ streams */

/* Opens a bar-by-bar evaluator of the plan in its initial state. The stream holds its own reference to the plan. */
TA_API ta_status ta_stream_open(const ta_plan *plan, ta_stream **stream);

/* Releases a stream. NULL is a no-op. */
TA_API void ta_stream_free(ta_stream *stream);

/*
 * Commits a closed bar: `bar` holds one value per plan column (ta_plan_column_name order), `bar_count` of them.
 * `out` receives each result's value at this bar (result order); it may be NULL when out_count is 0, otherwise
 * out_count must equal the result count. The bar carries no time: a plan that reads bar times (ta_plan_reads_time)
 * refuses it with TA_ERR_STREAM_STATE, naming ta_stream_update_at.
 */
TA_API ta_status ta_stream_update(ta_stream *stream, const double *bar, size_t bar_count, double *out,
                                  size_t out_count);

/* Evaluates the forming bar without committing it: the stream's state is unchanged afterwards. As update (a plan
 * that reads bar times refuses it with TA_ERR_STREAM_STATE, naming ta_stream_preview_at). */
TA_API ta_status ta_stream_preview(ta_stream *stream, const double *bar, size_t bar_count, double *out,
                                   size_t out_count);

/* Revises the last committed bar (a new tick of the same bar). TA_ERR_STREAM_STATE before the first update. The bar
 * keeps its time: after ta_stream_update_at(s, t, ...), ta_stream_replace_last revises the bar that closed at t. */
TA_API ta_status ta_stream_replace_last(ta_stream *stream, const double *bar, size_t bar_count, double *out,
                                        size_t out_count);

/* The number of committed bars. */
TA_API ta_status ta_stream_count(ta_stream *stream, uint64_t *count);

/* Returns the stream to its initial state. */
TA_API ta_status ta_stream_reset(ta_stream *stream);

/* The stream's complete state as portable bytes (opaque; format owned by the engine). *bytes is allocated by the
 * library: release it with ta_free. */
TA_API ta_status ta_stream_snapshot(ta_stream *stream, uint8_t **bytes, size_t *length);

/* Restores bytes from ta_stream_snapshot of a stream of the same plan (in this or another process).
 * TA_ERR_SNAPSHOT_MISMATCH for corrupt bytes or another plan's; the stream is then unchanged. */
TA_API ta_status ta_stream_restore(ta_stream *stream, const uint8_t *bytes, size_t length);

/* ----------------------------------------------------------------------------------- bar times (ABI 1.1, TA_1.1) */

/*
 * Plans that read time — timeframes (close@1w, sma(close, 5)@1d), wall-clock lags (shift(close, '1d')) and sessions
 * (session_start('1d')), docs/dsl.md "Time" — need each bar's close time: int64_t epoch milliseconds, strictly
 * ascending, marking the moment the bar's values became final. These functions pass it; the TA_1 functions pass
 * none and refuse such plans. A counted timeframe (close@5) reads no time. The functions below are in version node
 * TA_1.1: a program linked with them needs a libta of ABI 1.1. With a ta jar of ABI 1.0 on the classpath the engine
 * still starts, and each of them fails with TA_ERR_ENGINE naming the Bridge method missing (but ta_plan_reads_time,
 * which returns -1, and ta_plan_compile_zoned with a NULL zone, which is ta_plan_compile_many).
 */

/* 1 if the plan reads bar times, 0 if it does not (ta_plan_run and ta_stream_update then suffice), -1 for NULL or
 * a freed plan, or a plan compiled by a ta jar of ABI 1.0 (which cannot tell). Never starts the engine. */
TA_API int32_t ta_plan_reads_time(const ta_plan *plan);

/* As ta_plan_compile_many, with calendar periods (close@1d, @1w, @1M) and sessions (session_start('1d')) in `zone`:
 * an id such as "America/New_York" or "Europe/Berlin", an offset such as "+02:00", or "UTC"; NULL is UTC, as
 * ta_plan_compile_many. Durations (@4h, shift(close, '1d')) are the same in every zone. The zone is part of the plan:
 * a snapshot restores only into a stream of the same plan in the same zone. An unknown or malformed zone (ids are
 * case-sensitive) is TA_ERR_UNKNOWN_NAME naming it, with a suggestion where one is close ("did you mean
 * America/New_York?"); invalid UTF-8 is TA_ERR_INVALID_ARGUMENT. */
TA_API ta_status ta_plan_compile_zoned(const char *const *names, const char *const *expressions, size_t count,
                                       const char *zone, ta_plan **plan);

/*
 * As ta_plan_run, over bars that close at `times`: `time_count` int64_t epoch milliseconds, strictly ascending, one
 * per bar, so time_count must equal the columns' length N (a plan that reads no column, such as
 * session_start('1d'), takes N from time_count and may be given no column). `times` may be NULL only when time_count
 * is 0. Every check comes before any bar is read, and a failure leaves the outputs untouched: `times` NULL with a
 * count is TA_ERR_INVALID_ARGUMENT; time_count other than N is TA_ERR_SHAPE_MISMATCH; so is a time not after the one
 * before it, the message naming the bar ("bar 7 (…) is not after bar 6 (…)"), and a time_count above 2^31 - 9; an
 * output overlapping `times`, a column or another output is TA_ERR_INVALID_ARGUMENT naming both. A plan that reads no
 * time runs as with ta_plan_run (the times are checked and carried, not needed). Results are bit-identical to the
 * Java plan run over Bars with these times (and to a stream fed the same bars with ta_stream_update_at).
 * Thread-safe.
 */
TA_API ta_status ta_plan_run_timed(const ta_plan *plan, const int64_t *times, size_t time_count,
                                   const ta_column *columns, size_t column_count, ta_buffer *outputs,
                                   size_t output_count);

/*
 * As ta_stream_update, for a bar that closed at `time` (epoch milliseconds). Where the plan has a timeframe, lag or
 * session (even one counting bars, close@5), `time` must be after the last committed bar's: an earlier or equal one
 * is TA_ERR_SHAPE_MISMATCH and changes nothing. A plan with none of them carries the time (ta_stream_time reports
 * it) without checking its order, as Java's PlanStream.update(time, bar) does.
 */
TA_API ta_status ta_stream_update_at(ta_stream *stream, int64_t time, const double *bar, size_t bar_count,
                                     double *out, size_t out_count);

/* As ta_stream_preview, for the forming bar that will close at `time` (ordered as for ta_stream_update_at). The
 * stream's state is unchanged; ta_stream_time reports `time` until the next call. */
TA_API ta_status ta_stream_preview_at(ta_stream *stream, int64_t time, const double *bar, size_t bar_count,
                                      double *out, size_t out_count);

/* The close time of the bar the stream's current values belong to: the last committed bar, or the bar just given
 * to ta_stream_preview_at; ta_stream_replace_last keeps it. A restored snapshot of a plan that reads time brings its
 * last bar's time. TA_ERR_STREAM_STATE while no time is known: before the first bar, after ta_stream_reset, after
 * ta_stream_update or ta_stream_preview (no time), after restoring a plan that reads no time. */
TA_API ta_status ta_stream_time(ta_stream *stream, int64_t *time);

/* ------------------------------------------------------------------------------------------------------- memory */

/* Releases memory the library allocated for the caller (ta_stream_snapshot, ta_plan_explain). NULL is a no-op. */
TA_API void ta_free(void *memory);

/* The number of plans and streams created and not yet freed, process-wide: a leak check for callers and tests. */
TA_API size_t ta_live_handles(void);

#ifdef __cplusplus
}
#endif

#endif /* TA_ENGINE_H */
