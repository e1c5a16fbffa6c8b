/*
 * Reading the golden directory GoldenWriter (ta-ffi/src/test/java/io/ta/ffi/GoldenWriter.java) writes: columns,
 * batch cases and plan cases computed by the Java API, which the C tests must reproduce bit for bit.
 */
#ifndef TA_TEST_GOLDEN_H
#define TA_TEST_GOLDEN_H

#include <stddef.h>
#include <stdint.h>

#include "ta_engine.h"

/* Parameters, inputs or outputs of one case, expressions of one plan: cdl_scan has 61 outputs. */
#define GOLDEN_MAX_FIELDS 64

typedef struct golden_batch {
    int id;
    char kernel[64];
    size_t param_count;
    ta_param params[GOLDEN_MAX_FIELDS];
    char param_text[GOLDEN_MAX_FIELDS][2][64]; /* name, value storage */
    size_t input_count;
    const double *inputs[GOLDEN_MAX_FIELDS];
    char input_names[GOLDEN_MAX_FIELDS][16];
    size_t output_count;
    int64_t lookback;
} golden_batch;

typedef struct golden_plan {
    int id;
    char zone[64]; /* timed plans: the zone to compile in, "" for none (UTC) */
    size_t count;
    char names[GOLDEN_MAX_FIELDS][64];
    char exprs[GOLDEN_MAX_FIELDS][256];
    const char *name_ptrs[GOLDEN_MAX_FIELDS];
    const char *expr_ptrs[GOLDEN_MAX_FIELDS];
} golden_plan;

typedef struct golden {
    char dir[1024];
    size_t bars;
    double *columns[5]; /* open, high, low, close, volume */
    golden_batch *batches;
    size_t batch_count;
    golden_plan *plans;
    size_t plan_count;
    int64_t *times; /* each bar's close time, epoch ms (ABI 1.1) */
    golden_plan *timed; /* plans that read those times */
    size_t timed_count;
} golden;

extern const char *const GOLDEN_COLUMNS[5];

/* Loads everything but the expected outputs; exits with a message if the directory is unusable. */
void golden_load(golden *g, const char *dir);

/* A column by name (open, high, low, close, volume). */
const double *golden_column(const golden *g, const char *name);

/* The contents of <dir>/<file> (malloc'd; *length bytes), or exits. */
void *golden_file(const golden *g, const char *file, size_t *length);

void golden_free(golden *g);

#endif
