/**
 * The libta binding: every function of ta_engine.h (ABI v1.1) declared through koffi, which ships prebuilt binaries,
 * so nothing is compiled on install. Large arrays cross by address (no copy): a Float64Array's memory is what libta
 * reads and writes.
 */
import koffi from 'koffi';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The ABI major version this package is written against. */
export const ABI_VERSION = 1;

const here = dirname(fileURLToPath(import.meta.url));

/**
 * Where libta is: `TA_LIBRARY`, else `native/libta.so` inside the package (where a platform build puts it), else the
 * library built in this repository (`ta-ffi/target/lib/libta.so`).
 */
export function libraryPath(): string {
  const candidates = [
    process.env.TA_LIBRARY,
    join(here, '..', '..', 'native', 'libta.so'),
    join(here, '..', '..', '..', 'ta-ffi', 'target', 'lib', 'libta.so'),
  ].filter((p): p is string => typeof p === 'string' && p.length > 0);
  for (const p of candidates) {
    if (existsSync(p)) {
      return p;
    }
  }
  throw new Error(`libta not found (tried ${candidates.join(', ')}); set TA_LIBRARY to the path of libta.so`);
}

const lib = koffi.load(libraryPath());

export const Param = koffi.struct('ta_param', { name: 'const char *', number: 'double', text: 'const char *' });
/** ta_series and ta_buffer share one layout; the data pointer is passed as an address so arrays are not copied. */
export const Series = koffi.struct('ta_series', { data: 'uintptr_t', length: 'size_t' });
export const Column = koffi.struct('ta_column', { name: 'const char *', data: 'uintptr_t', length: 'size_t' });
const PlanHandle = koffi.opaque('ta_plan');
const StreamHandle = koffi.opaque('ta_stream');
void Param;
void Series;
void Column;
void PlanHandle;
void StreamHandle;

/** A function of ABI 1.1 (version node TA_1.1): a libta of 1.0 lacks it, which is said rather than koffi's error. */
function v11(declaration: string): ReturnType<typeof lib.func> {
  try {
    return lib.func(declaration);
  } catch (e) {
    throw new Error(`libta at ${libraryPath()} lacks ABI 1.1 (${(e as Error).message}); this package needs libta 1.1`);
  }
}

/** An opaque handle owned by libta. */
export type Handle = unknown;

/** The raw C functions, typed loosely; the typed API is in index.ts. */
export const c = {
  abiVersion: lib.func('uint32_t ta_abi_version(void)') as () => number,
  version: lib.func('const char *ta_version(void)') as () => string,
  init: lib.func('int32_t ta_init(const char *classpath, const char *libjvm, const char **options, size_t count)') as (
    classpath: string | null, libjvm: string | null, options: string[] | null, count: number) => number,
  lastError: lib.func('const char *ta_last_error(void)') as () => string,
  lastErrorLine: lib.func('int32_t ta_last_error_line(void)') as () => number,
  lastErrorColumn: lib.func('int32_t ta_last_error_column(void)') as () => number,
  statusName: lib.func('const char *ta_status_name(int32_t status)') as (status: number) => string,
  kernelCount: lib.func('int32_t ta_kernel_count(_Out_ size_t *count)') as (count: number[]) => number,
  kernelName: lib.func('int32_t ta_kernel_name(size_t index, _Out_ const char **name)') as (index: number, name: (string | null)[]) => number,
  kernelShape: lib.func('int32_t ta_kernel_shape(const char *name, _Out_ size_t *inputs, _Out_ size_t *outputs)') as (
    name: string, inputs: number[], outputs: number[]) => number,
  catalogJson: lib.func('int32_t ta_catalog_json(_Out_ const char **json)') as (json: (string | null)[]) => number,
  batch: lib.func('int32_t ta_batch(const char *kernel, const ta_param *params, size_t param_count, const ta_series *inputs, size_t input_count, const ta_series *outputs, size_t output_count, _Out_ int64_t *lookback)') as (
    kernel: string, params: object[], paramCount: number, inputs: object[], inputCount: number, outputs: object[],
    outputCount: number, lookback: number[]) => number,
  planCompileMany: lib.func('int32_t ta_plan_compile_many(const char **names, const char **expressions, size_t count, _Out_ ta_plan **plan)') as (
    names: string[], expressions: string[], count: number, plan: Handle[]) => number,
  planFree: lib.func('void ta_plan_free(ta_plan *plan)') as (plan: Handle) => void,
  planResultCount: lib.func('size_t ta_plan_result_count(const ta_plan *plan)') as (plan: Handle) => number,
  planResultName: lib.func('const char *ta_plan_result_name(const ta_plan *plan, size_t index)') as (plan: Handle, index: number) => string,
  planLookback: lib.func('int64_t ta_plan_lookback(const ta_plan *plan, size_t index)') as (plan: Handle, index: number) => number,
  planColumnCount: lib.func('size_t ta_plan_column_count(const ta_plan *plan)') as (plan: Handle) => number,
  planColumnName: lib.func('const char *ta_plan_column_name(const ta_plan *plan, size_t index)') as (plan: Handle, index: number) => string,
  planExplain: lib.func('int32_t ta_plan_explain(const ta_plan *plan, _Out_ void **text)') as (plan: Handle, text: unknown[]) => number,
  planRun: lib.func('int32_t ta_plan_run(const ta_plan *plan, const ta_column *columns, size_t column_count, const ta_series *outputs, size_t output_count)') as (
    plan: Handle, columns: object[], columnCount: number, outputs: object[], outputCount: number) => number,
  planReadsTime: v11('int32_t ta_plan_reads_time(const ta_plan *plan)') as (plan: Handle) => number,
  planCompileZoned: v11('int32_t ta_plan_compile_zoned(const char **names, const char **expressions, size_t count, const char *zone, _Out_ ta_plan **plan)') as (
    names: string[], expressions: string[], count: number, zone: string, plan: Handle[]) => number,
  planRunTimed: v11('int32_t ta_plan_run_timed(const ta_plan *plan, const int64_t *times, size_t time_count, const ta_column *columns, size_t column_count, const ta_series *outputs, size_t output_count)') as (
    plan: Handle, times: BigInt64Array, timeCount: number, columns: object[], columnCount: number, outputs: object[],
    outputCount: number) => number,
  streamOpen: lib.func('int32_t ta_stream_open(const ta_plan *plan, _Out_ ta_stream **stream)') as (plan: Handle, stream: Handle[]) => number,
  streamFree: lib.func('void ta_stream_free(ta_stream *stream)') as (stream: Handle) => void,
  streamUpdate: lib.func('int32_t ta_stream_update(ta_stream *stream, const double *bar, size_t bar_count, double *out, size_t out_count)') as (
    stream: Handle, bar: Float64Array, barCount: number, out: Float64Array | null, outCount: number) => number,
  streamPreview: lib.func('int32_t ta_stream_preview(ta_stream *stream, const double *bar, size_t bar_count, double *out, size_t out_count)') as (
    stream: Handle, bar: Float64Array, barCount: number, out: Float64Array | null, outCount: number) => number,
  streamReplaceLast: lib.func('int32_t ta_stream_replace_last(ta_stream *stream, const double *bar, size_t bar_count, double *out, size_t out_count)') as (
    stream: Handle, bar: Float64Array, barCount: number, out: Float64Array | null, outCount: number) => number,
  streamUpdateAt: v11('int32_t ta_stream_update_at(ta_stream *stream, int64_t time, const double *bar, size_t bar_count, double *out, size_t out_count)') as (
    stream: Handle, time: number, bar: Float64Array, barCount: number, out: Float64Array | null, outCount: number) => number,
  streamPreviewAt: v11('int32_t ta_stream_preview_at(ta_stream *stream, int64_t time, const double *bar, size_t bar_count, double *out, size_t out_count)') as (
    stream: Handle, time: number, bar: Float64Array, barCount: number, out: Float64Array | null, outCount: number) => number,
  streamTime: v11('int32_t ta_stream_time(ta_stream *stream, _Out_ int64_t *time)') as (
    stream: Handle, time: (number | bigint)[]) => number,
  streamCount: lib.func('int32_t ta_stream_count(ta_stream *stream, _Out_ uint64_t *count)') as (stream: Handle, count: number[]) => number,
  streamReset: lib.func('int32_t ta_stream_reset(ta_stream *stream)') as (stream: Handle) => number,
  streamSnapshot: lib.func('int32_t ta_stream_snapshot(ta_stream *stream, _Out_ void **bytes, _Out_ size_t *length)') as (
    stream: Handle, bytes: unknown[], length: number[]) => number,
  streamRestore: lib.func('int32_t ta_stream_restore(ta_stream *stream, const uint8_t *bytes, size_t length)') as (
    stream: Handle, bytes: Uint8Array, length: number) => number,
  free: lib.func('void ta_free(void *memory)') as (memory: unknown) => void,
  liveHandles: lib.func('size_t ta_live_handles(void)') as () => number,
};

/** The address of a typed array's memory, for the data pointers of ta_series, ta_buffer and ta_column. */
export function address(array: Float64Array): bigint {
  return array.length === 0 ? 0n : koffi.address(array);
}

/** A NUL-terminated UTF-8 string libta allocated, decoded. */
export function decodeString(pointer: unknown): string {
  return koffi.decode(pointer, 'char', -1) as string;
}

/** `length` bytes libta allocated, copied into a Uint8Array the JS heap owns. */
export function copyBytes(pointer: unknown, length: number): Uint8Array {
  return new Uint8Array(koffi.view(pointer, length).slice(0));
}

if (c.abiVersion() !== ABI_VERSION) {
  throw new Error(`libta at ${libraryPath()} implements ABI ${c.abiVersion()}, this package needs ABI ${ABI_VERSION}`);
}
