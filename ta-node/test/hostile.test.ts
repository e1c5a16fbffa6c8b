// Values of the wrong kind, from a caller without TypeScript's checks: each is refused with a TypeError or a TaError
// before libta sees it, never a crash or a wrong number.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import ta, { batch, compile, kernelShape, TaError } from '../src/index.js';

// The casts stand for JavaScript callers, which the typings do not reach.
const any = (x: unknown): any => x; // eslint-disable-line @typescript-eslint/no-explicit-any

test('a number where a string is expected is a TypeError, not an address', () => {
  assert.throws(() => kernelShape(any(4096)),
    { name: 'TypeError', message: /kernel name must be a string, got number/ });
  assert.throws(() => batch(any(42), [[1, 2, 3]]), { name: 'TypeError', message: /kernel name must be a string/ });
  assert.throws(() => compile(any({ a: 42 })),
    { name: 'TypeError', message: /expression of result 'a' must be a string/ });
  assert.throws(() => compile(any(42)), { name: 'TypeError', message: /expressions must be a string or an object/ });
  assert.throws(() => compile(any(['close'])), { name: 'TypeError', message: /got an array/ });
});

test('buffers libta writes or reads by address must be Float64Array', () => {
  const close = new Float64Array(1000).fill(1);
  assert.throws(() => batch('sma', [close], { period: 2 }, [any(new Int32Array(1000))]),
    { name: 'TypeError', message: /into\[0\] must be a Float64Array, got Int32Array/ });
  assert.throws(() => batch('sma', [close.subarray(0, 4)], { period: 2 }, [any(new Float32Array(4))]),
    { name: 'TypeError', message: /into\[0\] must be a Float64Array, got Float32Array/ });
  assert.throws(() => batch('sma', [close], { period: 2 }, any(new Float64Array(1000))),
    { name: 'TypeError', message: /into must be an array of Float64Array/ });
  const plan = compile('close + 1');
  const s = plan.stream();
  const out = new Float64Array(1);
  assert.throws(() => s.step(any(new Float32Array([5])), out),
    { name: 'TypeError', message: /bar must be a Float64Array/ });
  assert.throws(() => s.step(any(new Int8Array([5, 6])), out), { name: 'TypeError', message: /got Int8Array/ });
  assert.throws(() => s.step(new Float64Array([5]), any(new Float32Array(1))),
    { name: 'TypeError', message: /out must be a Float64Array, got Float32Array/ });
  assert.throws(() => s.restore(any(42)), { name: 'TypeError', message: /snapshot must be a Uint8Array, got number/ });
  assert.equal(s.count, 0);
  // Inputs are documented as copied when not Float64Array, so other typed arrays still work there.
  assert.equal(s.update(new Float32Array([5])).value, 6);
  assert.deepEqual(Array.from(batch('sma', [new Int32Array([1, 2, 3])], { period: 2 })[0]!), [NaN, 1.5, 2.5]);
  s.close();
  plan.close();
});

test('a string with U+0000 is refused, not cut short', () => {
  const nul = (f: () => unknown, what: RegExp) => assert.throws(f, (e: unknown) =>
    e instanceof TaError && e.code === 'INVALID_ARGUMENT' && what.test(e.message) && /U\+0000/.test(e.message));
  nul(() => compile('sma(close, 3)\0 * 1000 + garbage((('), /expression of result 'value'/);
  nul(() => compile({ 'a\0b': 'close' }), /result name/);
  nul(() => batch('sma\0-this-is-not-a-kernel', [[1, 2, 3]], { period: 2 }), /kernel name/);
  nul(() => kernelShape('sma\0x'), /kernel name/);
  nul(() => batch('sma', [[1, 2, 3]], { 'period\0x': 2 }), /parameter name/);
  nul(() => batch('ma', [[1, 2, 3]], { period: 2, ma_type: 'ema\0x' }), /parameter 'ma_type'/);
  const plan = compile('close + 1');
  nul(() => plan.run({ close: [1], 'close\0x': [2] }), /column name/);
  plan.close();
});

test('non-numbers are not turned into numbers: null is a missing value (NaN), anything else a TypeError', () => {
  const same = (a: Float64Array, b: number[]) => assert.deepEqual(Array.from(a), b);
  same(ta.sma([1, null, 3, 4, 5] as unknown as number[], 2), [NaN, NaN, NaN, 3.5, 4.5]);
  same(ta.sma([1, undefined, 3] as unknown as number[], 2), [NaN, NaN, NaN]);
  assert.throws(() => ta.sma(any([1, true, '3', [4], 5]), 2),
    { name: 'TypeError', message: /inputs\[0\]\[1\] must be a number, null or undefined, got boolean/ });
  assert.throws(() => ta.sma(any('12345'), 2), { name: 'TypeError', message: /inputs\[0\] must be .* got string/ });
  assert.throws(() => ta.sma(any(5), 2), { name: 'TypeError', message: /got number/ });
  assert.throws(() => ta.sma(any(new DataView(new ArrayBuffer(8))), 2), { name: 'TypeError' });
  assert.throws(() => ta.sma([1, 2, 3], any(true)),
    { name: 'TypeError', message: /sma: period must be a number, got boolean/ });
  assert.throws(() => ta.ma([1, 2, 3], 2, any(1)), { name: 'TypeError', message: /ma: ma_type must be a string/ });
  assert.throws(() => batch('sma', [[1, 2, 3]], any({ period: null })),
    { name: 'TypeError', message: /parameter 'period' must be a number, boolean or string, got null/ });
  assert.throws(() => batch('sma', any('abc')), { name: 'TypeError', message: /inputs must be an array/ });
  assert.throws(() => batch('sma', [[1, 2, 3]], any(5)), { name: 'TypeError', message: /params must be an object/ });
  const plan = compile('close + 1');
  assert.throws(() => plan.run(any({ close: [1, '2'] })), { name: 'TypeError', message: /column 'close'\[1\]/ });
  assert.throws(() => plan.run(any(null)), { name: 'TypeError', message: /bars must be an object/ });
  const s = plan.stream();
  assert.ok(Number.isNaN(s.update(any({ close: null })).value));
  assert.ok(Number.isNaN(s.update(any([null])).value));
  assert.throws(() => s.update(any({ close: '5' })), { name: 'TypeError', message: /column 'close' must be a number/ });
  assert.throws(() => s.update(any([true])), { name: 'TypeError', message: /the bar\[0\] must be a number/ });
  assert.throws(() => s.update(any(5)), { name: 'TypeError', message: /the bar must be an array or an object/ });
  assert.equal(s.count, 2);
  s.close();
  plan.close();
});

test("names that are Object.prototype's members are columns and results like any other", () => {
  const missing = (f: () => unknown, column: string) => assert.throws(f, (e: unknown) =>
    e instanceof TaError && e.code === 'UNKNOWN_NAME' && e.message.includes(`no value for column '${column}'`));
  const toString = compile('toString + 1');
  const s = toString.stream();
  missing(() => s.update({ close: 5 }), 'toString');
  assert.equal(s.update({ toString: 5 }).value, 6);
  s.close();
  toString.close();
  const ctor = compile('sma(constructor, 2)');
  const t = ctor.stream();
  missing(() => t.update({}), 'constructor');
  t.close();
  ctor.close();
  const proto = compile(JSON.parse('{"__proto__": "close + 1", "b": "close"}'));
  assert.deepEqual(proto.results, ['__proto__', 'b']);
  const u = proto.stream();
  const v = u.update([5]);
  assert.deepEqual(Object.keys(v), ['__proto__', 'b']);
  assert.equal(Object.getOwnPropertyDescriptor(v, '__proto__')?.value, 6);
  assert.equal(Object.getPrototypeOf(v), Object.prototype);
  assert.equal(Object.getOwnPropertyDescriptor(proto.run({ close: [5] }), '__proto__')?.value[0], 6);
  u.close();
  proto.close();
});

test('bar times must be safe integers of epoch milliseconds: anything else is a TypeError naming it', () => {
  const day = 86_400_000;
  const plan = compile('close@1w');
  const close = [1, 2, 3];
  const times = [day, 2 * day, 3 * day];
  const bad = (at: number, value: unknown, message: RegExp) => {
    const t: unknown[] = times.slice();
    t[at] = value;
    assert.throws(() => plan.run({ close }, any(t)), { name: 'TypeError', message });
  };
  bad(1, 1.5, /times\[1\] must be a safe integer of epoch milliseconds, got 1.5/);
  bad(2, NaN, /times\[2\] must be a safe integer of epoch milliseconds, got NaN/);
  bad(0, Infinity, /times\[0\] must be a safe integer .* got Infinity/);
  bad(0, 2 ** 53, /times\[0\] must be a safe integer .* got 9007199254740992/);
  bad(1, '2', /times\[1\] must be an integer number of epoch milliseconds, got string/);
  bad(1, null, /times\[1\] .* got null/);
  bad(1, undefined, /times\[1\] .* got undefined/);
  bad(1, 5n, /times\[1\] .* got bigint/);
  assert.throws(() => plan.run({ close }, any('123')), { name: 'TypeError', message: /times must be a BigInt64Array or an array/ });
  assert.throws(() => plan.run({ close }, any(5)), { name: 'TypeError', message: /times must be .* got number/ });
  assert.throws(() => plan.run({ close }, any(new BigUint64Array(3))), { name: 'TypeError', message: /times\[0\] .* got bigint/ });
  assert.throws(() => plan.run({ close }, any(new DataView(new ArrayBuffer(24)))), { name: 'TypeError' });
  // Integral numbers in any array-like are times; a BigInt64Array is used as is.
  assert.deepEqual(Array.from(plan.run({ close }, new Float64Array(times)).value!), Array.from(plan.run({ close }, times).value!));
  assert.deepEqual(Array.from(plan.run({ close }, BigInt64Array.from(times.map(BigInt))).value!),
    Array.from(plan.run({ close }, times).value!));

  const s = plan.stream();
  for (const [value, message] of [[1.5, /the time must be a safe integer .* got 1.5/], [NaN, /got NaN/],
    [2 ** 53, /got 9007199254740992/], ['5', /the time must be an integer number .* got string/], [null, /got null/],
    [5n, /got bigint/]] as const) {
    assert.throws(() => s.update([1], any(value)), { name: 'TypeError', message }, String(value));
    assert.throws(() => s.preview([1], any(value)), { name: 'TypeError', message }, String(value));
    assert.throws(() => s.step(new Float64Array([1]), new Float64Array(1), 0, any(value)), { name: 'TypeError', message });
  }
  assert.equal(s.count, 0);
  assert.equal(s.time, undefined);
  s.update([1], day);
  assert.throws(() => s.step(new Float64Array([1]), new Float64Array(1), 2, 2 * day),
    { name: 'TypeError', message: /replaceLast keeps the last bar's time/ });
  assert.equal(s.count, 1);
  assert.equal(s.time, day);
  s.close();
  assert.throws(() => compile('close@1w', any(5)), { name: 'TypeError', message: /options must be an object/ });
  assert.throws(() => compile('close@1w', any(null)), { name: 'TypeError', message: /options must be an object/ });
  assert.throws(() => compile('close@1w', { zone: any(5) }), { name: 'TypeError', message: /the zone must be a string, got number/ });
  assert.throws(() => compile('close@1w', { zone: 'UTC\0garbage' }), (e: unknown) =>
    e instanceof TaError && e.code === 'INVALID_ARGUMENT' && /the zone contains U\+0000/.test(e.message));
  plan.close();
});
