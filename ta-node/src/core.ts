import { address, c, copyBytes, decodeString, type Handle } from './native.js';
import { check, Status, TaError } from './errors.js';

/**
 * A series: one number per bar. Float64Array is used as is (no copy); other typed arrays, arrays and array-likes are
 * copied into one. In the copied ones null and undefined (and holes) are missing values, NaN; any other non-number is a
 * TypeError naming its index.
 */
export type SeriesLike = Float64Array | ArrayLike<number>;

/** Parameter values by catalog name: numbers, booleans, or choice names such as `'ema'`. */
export type Params = Record<string, number | boolean | string | undefined>;

/** Named columns of one length, e.g. `{ open, high, low, close, volume }`. */
export type Bars = Record<string, SeriesLike>;

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

const plans = new FinalizationRegistry<Handle>((h) => c.planFree(h));
const streams = new FinalizationRegistry<Handle>((h) => c.streamFree(h));

/**
 * Compiles an expression (result `value`) or named expressions into one plan: shared subexpressions are computed once.
 *
 * @throws TaError with code `PARSE` and the line and column of the error
 */
export function compile(expressions: string | Record<string, string>): Plan {
  if (typeof expressions !== 'string' && (typeof expressions !== 'object' || expressions === null
    || Array.isArray(expressions))) {
    throw new TypeError(`expressions must be a string or an object of strings by result name, got ${
      describe(expressions)}`);
  }
  const named = typeof expressions === 'string' ? { value: expressions } : expressions;
  const names = Object.keys(named);
  const exprs = names.map((n) => text(named[n], `the expression of result '${text(n, 'a result name')}'`));
  const handle: Handle[] = [null];
  check(c.planCompileMany(names, exprs, names.length, handle));
  return new Plan(handle[0]);
}

/** A compiled plan: run it over a history, or open streams over it. Free it with close() when done. */
export class Plan {
  #handle: Handle;
  /** Result names, in order. */
  readonly results: readonly string[];
  /** The columns the plan reads, in the order a stream's bar array lists them. */
  readonly columns: readonly string[];

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

  /** Runs the plan over named columns of one length; one array per result. Bit-identical to ta's Java plan run. */
  run(bars: Bars): Record<string, Float64Array> {
    if (typeof bars !== 'object' || bars === null || Array.isArray(bars)) {
      throw new TypeError(`bars must be an object of series by column name, got ${describe(bars)}`);
    }
    const cols = Object.entries(bars).map(([name, values]) => ({ name: text(name, 'a column name'),
      values: float64(values, `column '${name}'`) }));
    const n = cols.length > 0 ? cols[0]!.values.length : 0;
    const outs = this.results.map(() => new Float64Array(n));
    check(c.planRun(this.handle, cols.map((col) => ({ name: col.name, data: address(col.values), length: col.values.length })),
      cols.length, outs.map((a) => ({ data: address(a), length: a.length })), outs.length));
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
      c.planFree(this.#handle);
      this.#handle = null;
    }
  }
}

/**
 * A bar: values by column name, or an array in the plan's column order. null is a missing value (NaN); a column absent
 * from an object (or undefined there) is an UNKNOWN_NAME error.
 */
export type Bar = Record<string, number> | ArrayLike<number>;

/**
 * A plan evaluated bar by bar: update commits a closed bar, preview evaluates the forming bar without committing it,
 * replaceLast revises the last committed bar. Values equal the plan run at the same bar, bit for bit.
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

  /** Commits a closed bar; returns every result's value at it. */
  update(bar: Bar): Record<string, number> {
    const b = this.#fill(bar);
    check(c.streamUpdate(this.#live, b, b.length, this.#out, this.#out.length));
    return this.#values();
  }

  /** Evaluates the forming bar without committing it. */
  preview(bar: Bar): Record<string, number> {
    const b = this.#fill(bar);
    check(c.streamPreview(this.#live, b, b.length, this.#out, this.#out.length));
    return this.#values();
  }

  /** Revises the last committed bar. @throws TaError STREAM_STATE before the first update */
  replaceLast(bar: Bar): Record<string, number> {
    const b = this.#fill(bar);
    check(c.streamReplaceLast(this.#live, b, b.length, this.#out, this.#out.length));
    return this.#values();
  }

  /**
   * The allocation-free form of update: `bar` in column order, results written to `out` (result order), both
   * Float64Array (no conversion here: it would allocate).
   * mode: 0 update, 1 preview, 2 replaceLast.
   */
  step(bar: Float64Array, out: Float64Array, mode: 0 | 1 | 2 = 0): void {
    buffer(bar, 'the bar');
    buffer(out, 'out');
    const f = mode === 0 ? c.streamUpdate : mode === 1 ? c.streamPreview : c.streamReplaceLast;
    check(f(this.#live, bar, bar.length, out, out.length));
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
      c.streamFree(this.#handle);
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

function isArrayLike(bar: Bar): bar is ArrayLike<number> {
  return ArrayBuffer.isView(bar) || Array.isArray(bar);
}
