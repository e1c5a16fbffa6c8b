/* Prints the memory layout of every type of ta_engine.h, for the ABI freeze check (abi_check.py [layout]). */
#include <stdalign.h>
#include <stddef.h>
#include <stdio.h>

#include "ta_engine.h"

#define TYPE(t) printf("%s size=%zu align=%zu\n", #t, sizeof(t), alignof(t))
#define FIELD(t, f) printf("%s.%s offset=%zu size=%zu\n", #t, #f, offsetof(t, f), sizeof(((t *)0)->f))

int main(void) {
    TYPE(ta_status);
    TYPE(ta_param);
    FIELD(ta_param, name);
    FIELD(ta_param, number);
    FIELD(ta_param, text);
    TYPE(ta_series);
    FIELD(ta_series, data);
    FIELD(ta_series, length);
    TYPE(ta_buffer);
    FIELD(ta_buffer, data);
    FIELD(ta_buffer, length);
    TYPE(ta_column);
    FIELD(ta_column, name);
    FIELD(ta_column, data);
    FIELD(ta_column, length);
    return 0;
}
