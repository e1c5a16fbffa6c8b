import { isMainThread } from 'node:worker_threads';
import { address, c, copyBytes, decodeString, type Handle } from './native.js';
import { check, Status, TaError } from './errors.js';

/**
 * A series: one number per bar. Float64Array is used as is (no copy); other typed arrays, arrays and array-likes are
 * copied into one. In the copied ones null and undefined (and holes) are missing values, NaN; any other non-number is a
 * TypeError naming its index.
 */
export type SeriesLike = Float64Array | ArrayLike<number | null | undefined>;

/** Parameter values by catalog name: numbers, booleans, or choice names such as `'ema'`. */
export type Params = Record<string, number | boolean | string | undefined>;

/** Named columns of one length, e.g. `{ open, high, low, close, volume }`. */
export type Bars = Record<string, SeriesLike>;

/**
 * Each bar's close time in epoch milliseconds, strictly ascending: numbers that are safe integers (copied), or a
 * BigInt64Array (used as is).
 */
export type Times = BigInt64Array | ArrayLike<number>;

/** How expressions are compiled. */
export interface CompileOptions {
  /**
   * The zone of calendar periods (`close@1d`, `@1w`, `@1M`) and sessions (`session_start('1d')`): an IANA id such as
   * `'America/New_York'`, an offset such as `'+02:00'`, or `'UTC'`; UTC when absent.
   */
  zone?: string;
}

/**
 * koffi passes a number given for a `const char *` as an address, which libta would dereference, and a string with
 * U+0000 as a C string that ends there, so libta would silently act on a prefix: every string crosses through here.
 */
function text(value: unknown, what: string): string {
  if (typeof value !== 'string') {
    throw new TypeError(`${what} must be a string, got ${describe(value)}`);
  }
  if (value.includes('\0')) {
    throw new TaError(Status.INVALID_ARGUMENT, `${what} contains U+0000 at index ${value.indexOf('\0')}`);
  }
  return value;
}

function describe(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value;
}

/** libta reads and writes these by address as doubles: any other typed array would be misread or overrun. */
function buffer(value: unknown, what: string): Float64Array {
  if (!(value instanceof Float64Array)) {
    throw new TypeError(`${what} must be a Float64Array, got ${describeArray(value)}`);
  }
  return value;
}

function describeArray(value: unknown): string {
  return ArrayBuffer.isView(value) ? value.constructor.name : describe(value);
}

function float64(x: unknown, what: string): Float64Array {
  if (x instanceof Float64Array) {
    return x;
  }
  if (ArrayBuffer.isView(x) && !(x instanceof DataView)) {
    return Float64Array.from(x as unknown as ArrayLike<number>);
  }
  if (typeof x !== 'object' || x === null || typeof (x as ArrayLike<unknown>).length !== 'number') {
    throw new TypeError(`${what} must be a Float64Array or an array of numbers, got ${describe(x)}`);
  }
  const a = x as ArrayLike<unknown>;
  const out = new Float64Array(a.length);
  for (let i = 0; i < out.length; i++) {
    out[i] = number(a[i], what, i);
  }
  return out;
}

/**
 * A bar's close time: koffi would pass NaN as 0 and 1.5 as 1 to int64_t, and a time past 2^53 is not exact in a
 * number, so only safe integers pass.
 */
function epochMillis(v: unknown, what: string): number {
  if (typeof v !== 'number') {
    throw new TypeError(`${what} must be an integer number of epoch milliseconds, got ${describe(v)}`);
  }
  if (!Number.isSafeInteger(v)) {
    throw new TypeError(`${what} must be a safe integer of epoch milliseconds, got ${v}`);
  }
  return v;
}

function toTimes(x: unknown): BigInt64Array {
  if (x instanceof BigInt64Array) {
    return x;
  }
  if (typeof x !== 'object' || x === null || x instanceof DataView
    || typeof (x as ArrayLike<unknown>).length !== 'number') {
    throw new TypeError(`times must be a BigInt64Array or an array of epoch milliseconds, got ${describeArray(x)}`);
  }
  const a = x as ArrayLike<unknown>;
  const out = new BigInt64Array(a.length);
  for (let i = 0; i < out.length; i++) {
    out[i] = BigInt(epochMillis(a[i], `times[${i}]`));
  }
  return out;
}

/** Float64Array.from would make null 0, true 1 and '3' 3: a wrong number instead of an error. */
function number(v: unknown, what: string, index?: number): number {
  if (typeof v === 'number') {
    return v;
  }
  if (v === null || v === undefined) {
    return NaN;
  }
  throw new TypeError(`${what}${index === undefined ? '' : `[${index}]`} must be a number, null or undefined, got ${
    describe(v)}`);
}

/**
 * @internal The typed kernel functions' check of a parameter against its catalog type: batch passes booleans as 0/1
 * (the ABI has no boolean), so `sma(x, true)` would otherwise be period 1.
 */
export function param(value: unknown, type: 'number' | 'boolean' | 'string', kernel: string, name: string): void {
  if (value !== undefined && typeof value !== type) {
    throw new TypeError(`${kernel}: ${name} must be a ${type}, got ${describe(value)}`);
  }
}

function encodeParams(params: Params): object[] {
  const out: object[] = [];
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined) {
      continue;
    }
    text(name, 'a parameter name');
    if (typeof value === 'string') {
      out.push({ name, number: 0, text: text(value, `parameter '${name}'`) });
    } else if (typeof value !== 'number' && typeof value !== 'boolean') {
      throw new TypeError(`parameter '${name}' must be a number, boolean or string, got ${describe(value)}`);
    } else {
      out.push({ name, number: typeof value === 'boolean' ? (value ? 1 : 0) : value, text: null });
    }
  }
  return out;
}

/**
 * Computes a kernel (a name, alias or selector) over whole series, in the kernel's input order, and returns its
 * outputs in order: NaN during the warm-up. Bit-identical to ta's Java batch. `into`, if given, holds one Float64Array
 * per output of the inputs' length, written in place (no allocation); otherwise new arrays are returned.
 */
export function batch(kernel: string, inputs: SeriesLike[], params: Params = {}, into?: Float64Array[]): Float64Array[] {
  text(kernel, 'the kernel name');
  if (!Array.isArray(inputs)) {
    throw new TypeError(`inputs must be an array of series, got ${describeArray(inputs)}`);
  }
  if (typeof params !== 'object' || params === null || Array.isArray(params)) {
    throw new TypeError(`params must be an object of values by parameter name, got ${describe(params)}`);
  }
  const ins = inputs.map((x, i) => float64(x, `inputs[${i}]`));
  const n = ins.length > 0 ? ins[0]!.length : 0;
  if (into !== undefined && !Array.isArray(into)) {
    throw new TypeError(`into must be an array of Float64Array, got ${describeArray(into)}`);
  }
  into?.forEach((a, i) => buffer(a, `into[${i}]`));
  const outs = into ?? Array.from({ length: kernelShape(kernel).outputs }, () => new Float64Array(n));
  const encoded = encodeParams(params);
  const lookback = [0];
  check(c.batch(kernel, encoded, encoded.length,
    ins.map((a) => ({ data: address(a), length: a.length })), ins.length,
    outs.map((a) => ({ data: address(a), length: a.length })), outs.length, lookback));
  return outs;
}

/** The number of inputs and outputs of a kernel name, alias or selector. */
export function kernelShape(name: string): { inputs: number; outputs: number } {
  const inputs = [0];
  const outputs = [0];
  check(c.kernelShape(text(name, 'the kernel name'), inputs, outputs));
  return { inputs: inputs[0]!, outputs: outputs[0]! };
}

/** Every registered kernel's canonical name, sorted. */
export function kernels(): string[] {
  const count = [0];
  check(c.kernelCount(count));
  const names: string[] = [];
  for (let i = 0; i < count[0]!; i++) {
    const name: (string | null)[] = [null];
    check(c.kernelName(i, name));
    names.push(name[0]!);
  }
  return names;
}

/** The catalog manifest (format 1): every kernel's inputs, outputs, parameters, ranges and lookback formula. */
export function catalog(): { format: number; kernels: Array<Record<string, unknown>> } {
  const json: (string | null)[] = [null];
  check(c.catalogJson(json));
  return JSON.parse(json[0]!);
}

/** Plans and streams not yet closed, process-wide (a leak check). */
export function liveHandles(): number {
  return c.liveHandles();
}

/**
 * Handles neither closed nor finalized. A worker thread's finalizers never run once it ends, so what it left open
 * would stay live for the process: it frees them on its way out. (The main thread's end is the process's.)
 */
const openPlans = new Set<Handle>();
const openStreams = new Set<Handle>();
const plans = new FinalizationRegistry<Handle>((h) => freePlan(h));
const streams = new FinalizationRegistry<Handle>((h) => freeStream(h));

function freePlan(h: Handle): void {
  openPlans.delete(h);
  c.planFree(h);
}

function freeStream(h: Handle): void {
  openStreams.delete(h);
  c.streamFree(h);
}

if (!isMainThread) {
  process.once('exit', () => {
    openStreams.forEach(freeStream);
    openPlans.forEach(freePlan);
  });
}

/**
 * Compiles an expression (result `value`) or named expressions into one plan: shared subexpressions are computed once.
 * `options.zone` places calendar periods and sessions in a time zone (UTC by default).
 *
 * @throws TaError with code `PARSE` and the line and column of the error; `UNKNOWN_NAME` for an unknown zone
 */
export function compile(expressions: string | Record<string, string>, options: CompileOptions = {}): Plan {
  if (typeof expressions !== 'string' && (typeof expressions !== 'object' || expressions === null
    || Array.isArray(expressions))) {
    throw new TypeError(`expressions must be a string or an object of strings by result name, got ${
      describe(expressions)}`);
  }
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new TypeError(`options must be an object such as { zone: 'America/New_York' }, got ${describe(options)}`);
  }
  const named = typeof expressions === 'string' ? { value: expressions } : expressions;
  const names = Object.keys(named);
  const exprs = names.map((n) => text(named[n], `the expression of result '${text(n, 'a result name')}'`));
  const zone = options.zone === undefined ? undefined : text(options.zone, 'the zone');
  const handle: Handle[] = [null];
  check(zone === undefined ? c.planCompileMany(names, exprs, names.length, handle)
    : c.planCompileZoned(names, exprs, names.length, zone, handle));
  return new Plan(handle[0]);
}

/** A compiled plan: run it over a history, or open streams over it. Free it with close() when done. */
export class Plan {
  #handle: Handle;
  /** Result names, in order. */
  readonly results: readonly string[];
  /** The columns the plan reads, in the order a stream's bar array lists them. */
  readonly columns: readonly string[];
  /**
   * Whether the plan reads bar times (a timeframe such as `close@1w`, a wall-clock lag such as `shift(close, '1d')`,
   * a session): then `run` needs `times` and a stream's `update` and `preview` a time.
   */
  readonly readsTime: boolean;

  /** @internal */
  constructor(handle: Handle) {
    this.#handle = handle;
    const results: string[] = [];
    for (let i = 0; i < c.planResultCount(handle); i++) {
      results.push(c.planResultName(handle, i));
    }
    const columns: string[] = [];
    for (let i = 0; i < c.planColumnCount(handle); i++) {
      columns.push(c.planColumnName(handle, i));
    }
    this.results = Object.freeze(results);
    this.columns = Object.freeze(columns);
    this.readsTime = c.planReadsTime(handle) === 1;
    openPlans.add(handle);
    plans.register(this, handle, this);
  }

  /** @internal */
  get handle(): Handle {
    if (this.#handle === null) {
      throw new TaError(Status.INVALID_ARGUMENT, 'the plan is closed');
    }
    return this.#handle;
  }

  /** The first valid bar of a result (the first result by default) for NaN-free input. */
  lookback(result: string = this.results[0]!): number {
    const i = this.results.indexOf(result);
    if (i < 0) {
      throw new TaError(Status.UNKNOWN_NAME, `no result named '${result}'; results: ${this.results.join(', ')}`);
    }
    return c.planLookback(this.handle, i);
  }

  /** A readable description of the plan's nodes and lookbacks. */
  explain(): string {
    const text: unknown[] = [null];
    check(c.planExplain(this.handle, text));
    try {
      return decodeString(text[0]);
    } finally {
      c.free(text[0]);
    }
  }

  /**
   * Runs the plan over named columns of one length; one array per result. Bit-identical to ta's Java plan run.
   * `times` gives each bar's close time (epoch milliseconds, strictly ascending, one per bar); a plan that
   * {@link readsTime} needs it (without, a TaError `SHAPE_MISMATCH`), any other carries it unused.
   */
  run(bars: Bars, times?: Times): Record<string, Float64Array> {
    if (typeof bars !== 'object' || bars === null || Array.isArray(bars)) {
      throw new TypeError(`bars must be an object of series by column name, got ${describe(bars)}`);
    }
    const cols = Object.entries(bars).map(([name, values]) => ({ name: text(name, 'a column name'),
      values: float64(values, `column '${name}'`) }));
    const t = times === undefined ? undefined : toTimes(times);
    // A plan that reads no column (session_start('1d')) takes the number of bars from the times.
    const n = cols.length > 0 ? cols[0]!.values.length : t?.length ?? 0;
    const outs = this.results.map(() => new Float64Array(n));
    const columns = cols.map((col) => ({ name: col.name, data: address(col.values), length: col.values.length }));
    const outputs = outs.map((a) => ({ data: address(a), length: a.length }));
    check(t === undefined ? c.planRun(this.handle, columns, cols.length, outputs, outs.length)
      : c.planRunTimed(this.handle, t, t.length, columns, cols.length, outputs, outs.length));
    return Object.fromEntries(this.results.map((r, i) => [r, outs[i]!]));
  }

  /** A fresh bar-by-bar evaluator of this plan. */
  stream(): PlanStream {
    const handle: Handle[] = [null];
    check(c.streamOpen(this.handle, handle));
    return new PlanStream(handle[0], this.results, this.columns);
  }

  /** Frees the plan now (streams opened from it stay usable). Idempotent. */
  close(): void {
    if (this.#handle !== null) {
      plans.unregister(this);
      freePlan(this.#handle);
      this.#handle = null;
    }
  }
}

/**
 * A bar: values by column name, or an array in the plan's column order. null is a missing value (NaN), and so is
 * undefined in an array; a column absent from an object (or undefined there) is an UNKNOWN_NAME error.
 */
export type Bar = Record<string, number | null> | ArrayLike<number | null | undefined>;

/**
 * A plan evaluated bar by bar: update commits a closed bar, preview evaluates the forming bar without committing it,
 * replaceLast revises the last committed bar. Values equal the plan run at the same bar, bit for bit. A plan that
 * reads bar times takes each bar's close time (epoch milliseconds, after the last committed bar's) with update and
 * preview; `time` tells the time of the current values.
 */
export class PlanStream {
  #handle: Handle;
  readonly results: readonly string[];
  readonly columns: readonly string[];
  readonly #bar: Float64Array;
  readonly #out: Float64Array;

  /** @internal */
  constructor(handle: Handle, results: readonly string[], columns: readonly string[]) {
    this.#handle = handle;
    this.results = results;
    this.columns = columns;
    this.#bar = new Float64Array(columns.length);
    this.#out = new Float64Array(results.length);
    openStreams.add(handle);
    streams.register(this, handle, this);
  }

  get #live(): Handle {
    if (this.#handle === null) {
      throw new TaError(Status.INVALID_ARGUMENT, 'the stream is closed');
    }
    return this.#handle;
  }

  #fill(bar: Bar): Float64Array {
    if (bar instanceof Float64Array) {
      return bar;
    }
    if (isArrayLike(bar)) {
      if (bar.length !== this.#bar.length) {
        // libta reports the wrong width with the plan's columns.
        return float64(bar, 'the bar');
      }
      for (let i = 0; i < bar.length; i++) {
        this.#bar[i] = number(bar[i], 'the bar', i);
      }
      return this.#bar;
    }
    if (typeof bar !== 'object' || bar === null) {
      throw new TypeError(`the bar must be an array or an object of numbers by column, got ${describe(bar)}`);
    }
    for (let i = 0; i < this.columns.length; i++) {
      // Own properties only: a column named toString or constructor must not read Object.prototype's.
      const v = Object.hasOwn(bar, this.columns[i]!) ? bar[this.columns[i]!] : undefined;
      if (v === undefined) {
        throw new TaError(Status.UNKNOWN_NAME, `the bar has no value for column '${this.columns[i]}'; columns: ${this.columns.join(', ')}`);
      }
      this.#bar[i] = number(v, `the bar's column '${this.columns[i]}'`);
    }
    return this.#bar;
  }

  #values(): Record<string, number> {
    const out: Record<string, number> = {};
    for (let i = 0; i < this.results.length; i++) {
      set(out, this.results[i]!, this.#out[i]!);
    }
    return out;
  }

  /**
   * Commits a closed bar, which closed at `time` (epoch milliseconds) if given; returns every result's value at it.
   * @throws TaError STREAM_STATE without a time for a plan that reads time; SHAPE_MISMATCH for a time not after the
   *     last committed bar's
   */
  update(bar: Bar, time?: number): Record<string, number> {
    const t = time === undefined ? undefined : epochMillis(time, 'the time');
    const b = this.#fill(bar);
    check(t === undefined ? c.streamUpdate(this.#live, b, b.length, this.#out, this.#out.length)
      : c.streamUpdateAt(this.#live, t, b, b.length, this.#out, this.#out.length));
    return this.#values();
  }

  /** Evaluates the forming bar, which will close at `time` if given, without committing it. As update. */
  preview(bar: Bar, time?: number): Record<string, number> {
    const t = time === undefined ? undefined : epochMillis(time, 'the time');
    const b = this.#fill(bar);
    check(t === undefined ? c.streamPreview(this.#live, b, b.length, this.#out, this.#out.length)
      : c.streamPreviewAt(this.#live, t, b, b.length, this.#out, this.#out.length));
    return this.#values();
  }

  /**
   * Revises the last committed bar, which keeps its time. @throws TaError STREAM_STATE before the first update
   */
  replaceLast(bar: Bar): Record<string, number> {
    const b = this.#fill(bar);
    check(c.streamReplaceLast(this.#live, b, b.length, this.#out, this.#out.length));
    return this.#values();
  }

  /**
   * The allocation-free form of update: `bar` in column order, results written to `out` (result order), both
   * Float64Array (no conversion here: it would allocate).
   * mode: 0 update, 1 preview, 2 replaceLast; `time`, the bar's close time, for update and preview (replaceLast keeps
   * the last bar's).
   */
  step(bar: Float64Array, out: Float64Array, mode: 0 | 1 | 2 = 0, time?: number): void {
    buffer(bar, 'the bar');
    buffer(out, 'out');
    if (time === undefined) {
      const f = mode === 0 ? c.streamUpdate : mode === 1 ? c.streamPreview : c.streamReplaceLast;
      check(f(this.#live, bar, bar.length, out, out.length));
      return;
    }
    const t = epochMillis(time, 'the time');
    if (mode !== 0 && mode !== 1) {
      throw new TypeError(`a time is given to step's update (0) and preview (1), not to mode ${String(mode)}: `
        + 'replaceLast keeps the last bar\'s time');
    }
    const f = mode === 0 ? c.streamUpdateAt : c.streamPreviewAt;
    check(f(this.#live, t, bar, bar.length, out, out.length));
  }

  /**
   * The close time (epoch milliseconds) of the bar the current values belong to — the last committed bar, or the one
   * just previewed with a time — or undefined while none is known: before the first bar, after reset, after a bar
   * given without a time.
   */
  get time(): number | undefined {
    const t: (number | bigint)[] = [0];
    const status = c.streamTime(this.#live, t);
    if (status === Status.STREAM_STATE) {
      return undefined;
    }
    check(status);
    const v = t[0]!;
    if (typeof v === 'bigint' || !Number.isSafeInteger(v)) {
      // Only a snapshot restored from another caller can hold one: this package passes safe integers only.
      throw new RangeError(`the stream's time ${String(v)} ms is not a safe integer; a number cannot hold it exactly`);
    }
    return v;
  }

  /** Committed bars. */
  get count(): number {
    const n = [0];
    check(c.streamCount(this.#live, n));
    return Number(n[0]);
  }

  /** Back to the initial state. */
  reset(): void {
    check(c.streamReset(this.#live));
  }

  /** The complete state as portable bytes (restorable in any process, from any language). */
  snapshot(): Uint8Array {
    const bytes: unknown[] = [null];
    const length = [0];
    check(c.streamSnapshot(this.#live, bytes, length));
    try {
      return copyBytes(bytes[0], Number(length[0]));
    } finally {
      c.free(bytes[0]);
    }
  }

  /** Restores a snapshot of a stream of the same plan. @throws TaError SNAPSHOT_MISMATCH, leaving the stream as it was */
  restore(bytes: Uint8Array): void {
    if (!(bytes instanceof Uint8Array)) {
      throw new TypeError(`the snapshot must be a Uint8Array, got ${describeArray(bytes)}`);
    }
    check(c.streamRestore(this.#live, bytes, bytes.length));
  }

  /** Frees the stream now. Idempotent. */
  close(): void {
    if (this.#handle !== null) {
      streams.unregister(this);
      freeStream(this.#handle);
      this.#handle = null;
    }
  }
}

/** Assigning to `__proto__` would set the object's prototype, and the result would vanish. */
function set<T>(record: Record<string, T>, key: string, value: T): void {
  if (key === '__proto__') {
    Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
  } else {
    record[key] = value;
  }
}

function isArrayLike(bar: Bar): bar is ArrayLike<number | null | undefined> {
  return ArrayBuffer.isView(bar) || Array.isArray(bar);
}
