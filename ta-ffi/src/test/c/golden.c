#define _GNU_SOURCE
#include "golden.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *const GOLDEN_COLUMNS[5] = {"open", "high", "low", "close", "volume"};

static void die(const char *what, const char *detail) {
    fprintf(stderr, "golden: %s: %s\n", what, detail);
    exit(2);
}

void *golden_file(const golden *g, const char *file, size_t *length) {
    char path[2048];
    snprintf(path, sizeof path, "%s/%s", g->dir, file);
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        die("cannot open", path);
    }
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *data = malloc((size_t)n + 1);
    if (data == NULL || fread(data, 1, (size_t)n, f) != (size_t)n) {
        die("cannot read", path);
    }
    data[n] = '\0';
    fclose(f);
    if (length != NULL) {
        *length = (size_t)n;
    }
    return data;
}

const double *golden_column(const golden *g, const char *name) {
    for (int i = 0; i < 5; i++) {
        if (strcmp(GOLDEN_COLUMNS[i], name) == 0) {
            return g->columns[i];
        }
    }
    die("unknown column", name);
    return NULL;
}

/* Splits `line` in place at `sep`; returns the number of fields. */
static size_t split(char *line, char sep, char **fields, size_t max) {
    size_t n = 0;
    char *p = line;
    while (n < max) {
        fields[n++] = p;
        char *q = strchr(p, sep);
        if (q == NULL) {
            break;
        }
        *q = '\0';
        p = q + 1;
    }
    return n;
}

static void load_batches(golden *g) {
    char *text = golden_file(g, "batch.tsv", NULL);
    size_t cap = 512;
    g->batches = calloc(cap, sizeof(golden_batch));
    char *save = NULL;
    char *line = strtok_r(text, "\n", &save); /* header */
    while ((line = strtok_r(NULL, "\n", &save)) != NULL) {
        if (g->batch_count == cap) {
            cap *= 2;
            g->batches = realloc(g->batches, cap * sizeof(golden_batch));
        }
        golden_batch *b = &g->batches[g->batch_count++];
        memset(b, 0, sizeof *b);
        char *f[6];
        if (split(line, '\t', f, 6) != 6) {
            die("bad batch.tsv line", line);
        }
        b->id = atoi(f[0]);
        snprintf(b->kernel, sizeof b->kernel, "%s", f[1]);
        if (f[2][0] != '\0') {
            char *params[GOLDEN_MAX_FIELDS];
            size_t np = split(f[2], ';', params, GOLDEN_MAX_FIELDS);
            for (size_t i = 0; i < np; i++) {
                char *eq = strchr(params[i], '=');
                *eq = '\0';
                snprintf(b->param_text[i][0], 64, "%s", params[i]);
                snprintf(b->param_text[i][1], 64, "%s", eq + 1);
                char *end;
                double v = strtod(eq + 1, &end);
                b->params[i].name = b->param_text[i][0];
                b->params[i].number = *end == '\0' ? v : 0;
                b->params[i].text = *end == '\0' ? NULL : b->param_text[i][1];
            }
            b->param_count = np;
        }
        char *inputs[GOLDEN_MAX_FIELDS];
        b->input_count = split(f[3], ',', inputs, GOLDEN_MAX_FIELDS);
        for (size_t i = 0; i < b->input_count; i++) {
            snprintf(b->input_names[i], 16, "%s", inputs[i]);
            b->inputs[i] = golden_column(g, inputs[i]);
        }
        b->output_count = (size_t)atoi(f[4]);
        if (b->output_count > GOLDEN_MAX_FIELDS) {
            die("more outputs than GOLDEN_MAX_FIELDS", line);
        }
        b->lookback = atoll(f[5]);
    }
    free(text);
}

/* plans.tsv (id, name=expression...) or, `zoned`, timed.tsv (id, zone, name=expression...; zone "-" is none). */
static golden_plan *load_plans(golden *g, const char *file, int zoned, size_t *count) {
    char *text = golden_file(g, file, NULL);
    golden_plan *plans = calloc(64, sizeof(golden_plan));
    char *save = NULL;
    for (char *line = strtok_r(text, "\n", &save); line != NULL; line = strtok_r(NULL, "\n", &save)) {
        if (*count == 64) {
            die("more than 64 plans in", file);
        }
        golden_plan *p = &plans[(*count)++];
        char *f[GOLDEN_MAX_FIELDS + 2];
        size_t n = split(line, '\t', f, GOLDEN_MAX_FIELDS + 2);
        p->id = atoi(f[0]);
        if (zoned) {
            snprintf(p->zone, sizeof p->zone, "%s", strcmp(f[1], "-") == 0 ? "" : f[1]);
        }
        size_t first = zoned ? 2 : 1;
        p->count = n - first;
        for (size_t i = 0; i < p->count; i++) {
            char *eq = strchr(f[i + first], '=');
            *eq = '\0';
            snprintf(p->names[i], sizeof p->names[i], "%s", f[i + first]);
            snprintf(p->exprs[i], sizeof p->exprs[i], "%s", eq + 1);
            p->name_ptrs[i] = p->names[i];
            p->expr_ptrs[i] = p->exprs[i];
        }
    }
    free(text);
    return plans;
}

void golden_load(golden *g, const char *dir) {
    memset(g, 0, sizeof *g);
    snprintf(g->dir, sizeof g->dir, "%s", dir);
    char *meta = golden_file(g, "meta.txt", NULL);
    if (sscanf(meta, "bars %zu", &g->bars) != 1) {
        die("bad meta.txt", meta);
    }
    free(meta);
    for (int i = 0; i < 5; i++) {
        char file[64];
        size_t length;
        snprintf(file, sizeof file, "%s.f64", GOLDEN_COLUMNS[i]);
        g->columns[i] = golden_file(g, file, &length);
        if (length != g->bars * sizeof(double)) {
            die("column of the wrong size", file);
        }
    }
    load_batches(g);
    g->plans = load_plans(g, "plans.tsv", 0, &g->plan_count);
    size_t length;
    g->times = golden_file(g, "times.i64", &length);
    if (length != g->bars * sizeof(int64_t)) {
        die("times of the wrong size", "times.i64");
    }
    g->timed = load_plans(g, "timed.tsv", 1, &g->timed_count);
}

void golden_free(golden *g) {
    for (int i = 0; i < 5; i++) {
        free(g->columns[i]);
    }
    free(g->batches);
    free(g->plans);
    free(g->times);
    free(g->timed);
}
