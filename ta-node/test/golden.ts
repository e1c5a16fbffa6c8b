// The values ta's Java API wrote (ta-ffi GoldenWriter), which this package must reproduce bit for bit.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const dir = process.env.TA_GOLDEN_DIR ?? join(here, '..', '..', '..', 'ta-ffi', 'target', 'ffi-golden');

export function f64(file: string): Float64Array {
  const b = readFileSync(join(dir, file));
  return new Float64Array(b.buffer, b.byteOffset, b.byteLength / 8);
}

/** Little-endian int64 values, as GoldenWriter writes times. */
export function i64(file: string): BigInt64Array {
  const b = readFileSync(join(dir, file));
  return new BigInt64Array(b.buffer, b.byteOffset, b.byteLength / 8);
}

export const bars = Number(readFileSync(join(dir, 'meta.txt'), 'utf8').split(/\s+/)[1]);
export const columns: Record<string, Float64Array> = Object.fromEntries(
  ['open', 'high', 'low', 'close', 'volume'].map((c) => [c, f64(`${c}.f64`)]));

export interface BatchCase {
  id: number;
  kernel: string;
  params: Record<string, number | string>;
  inputs: string[];
  outputs: number;
  lookback: number;
}

export const batches: BatchCase[] = readFileSync(join(dir, 'batch.tsv'), 'utf8').trim().split('\n').slice(1).map((line) => {
  const [id, kernel, params, inputs, outputs, lookback] = line.split('\t');
  const ps: Record<string, number | string> = {};
  for (const p of (params ?? '').split(';').filter(Boolean)) {
    const [k, v] = p.split('=') as [string, string];
    ps[k] = Number.isNaN(Number(v)) ? v : Number(v);
  }
  return { id: Number(id), kernel: kernel!, params: ps, inputs: inputs!.split(','), outputs: Number(outputs), lookback: Number(lookback) };
});

export interface PlanCase {
  id: number;
  expressions: Record<string, string>;
}

export const plans: PlanCase[] = readFileSync(join(dir, 'plans.tsv'), 'utf8').trim().split('\n').map((line) => {
  const [id, ...roots] = line.split('\t');
  return { id: Number(id), expressions: Object.fromEntries(roots.map((r) => r.split(/=(.*)/s).slice(0, 2))) };
});

/** Each bar's close time (its date at midnight UTC), epoch milliseconds. */
export const times = i64('times.i64');

export interface TimedCase extends PlanCase {
  /** The zone to compile in, undefined for none (UTC). */
  zone: string | undefined;
}

/** Plans that read the times (ABI 1.1): timed.tsv is id, zone ("-" for none), then name=expression per result. */
export const timed: TimedCase[] = readFileSync(join(dir, 'timed.tsv'), 'utf8').trim().split('\n').map((line) => {
  const [id, zone, ...roots] = line.split('\t');
  return { id: Number(id), zone: zone === '-' ? undefined : zone,
    expressions: Object.fromEntries(roots.map((r) => r.split(/=(.*)/s).slice(0, 2))) };
});

/** The batch case of a kernel with exactly these parameters. */
export function batchCase(kernel: string, params: Record<string, number | string>): BatchCase {
  const found = batches.find((b) => b.kernel === kernel && JSON.stringify(b.params) === JSON.stringify(params));
  if (!found) {
    throw new Error(`no golden batch ${kernel} ${JSON.stringify(params)}`);
  }
  return found;
}

/** Whether two arrays hold the same bits (NaN payloads included). */
export function sameBits(a: Float64Array, b: Float64Array): boolean {
  if (a.length !== b.length) {
    return false;
  }
  const x = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  const y = new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
  return Buffer.compare(x, y) === 0;
}
