// Every status a Node caller meets arrives as a TaError with the engine's message.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import ta, { compile, TaError } from '../src/index.js';

const close = Float64Array.from({ length: 100 }, (_, i) => 100 + Math.sin(i / 5) * 3);

function fails(code: string, contains: string, f: () => unknown): TaError {
  try {
    f();
  } catch (e) {
    assert.ok(e instanceof TaError, String(e));
    assert.equal(e.code, code, e.message);
    assert.ok(e.message.includes(contains), `${e.message} lacks ${contains}`);
    return e;
  }
  assert.fail(`expected ${code}`);
}

test('bad parameters', () => {
  fails('INVALID_PARAMETER', 'rsi: period must be in [2, 100000], got 1', () => ta.rsi(close, 1));
  fails('INVALID_PARAMETER', 'rsi: period must be an integer', () => ta.rsi(close, 2.5));
  fails('INVALID_PARAMETER', 'fast_period must be < slow_period', () => ta.macd(close, 26, 12));
});

test('unknown names carry a suggestion', () => {
  fails('UNKNOWN_NAME', "unknown kernel 'smaa' (did you mean sma?)", () => ta.batch('smaa', [close]));
  fails('UNKNOWN_NAME', "unknown parameter 'perod' (did you mean period?)", () => ta.batch('rsi', [close], { perod: 3 }));
  fails('UNKNOWN_NAME', 'ma_type must be one of', () => ta.batch('ma', [close], { ma_type: 'emaa' }));
  const obv = compile('obv(close, volume)');
  fails('UNKNOWN_NAME', "needs column 'volume'", () => obv.run({ close }));
  obv.close();
});

test('ragged inputs', () => {
  fails('SHAPE_MISMATCH', 'atr: input lengths differ: high=100, low=99, close=100', () => ta.atr(close, close.subarray(1), close));
  const range = compile('high - low');
  fails('SHAPE_MISMATCH', 'bars: column lengths differ', () => range.run({ high: close, low: close.subarray(1) }));
  range.close();
});

test('parse errors are located', () => {
  const e = fails('PARSE', 'line 1, column 14', () => compile('rsi(close, 14'));
  assert.equal(e.line, 1);
  assert.equal(e.column, 14);
  assert.equal(fails('PARSE', '^', () => compile({ a: 'close', b: 'close +\n * 2' })).line, 2);
});

test('snapshots that do not fit, and replaceLast first', () => {
  const plan = compile('ema(close, 5)');
  const s = plan.stream();
  fails('STREAM_STATE', 'replaceLast needs a committed bar', () => s.replaceLast([1]));
  for (const v of close) {
    s.update([v]);
  }
  const snap = s.snapshot();
  const corrupt = snap.slice();
  corrupt[0]! ^= 0xff;
  fails('SNAPSHOT_MISMATCH', '', () => s.restore(corrupt));
  fails('SNAPSHOT_MISMATCH', '', () => s.restore(snap.subarray(0, snap.length >> 1)));
  const otherPlan = compile('ema(close, 6)');
  const other = otherPlan.stream();
  otherPlan.close();
  fails('SNAPSHOT_MISMATCH', 'different plan', () => other.restore(snap));
  fails('SHAPE_MISMATCH', 'plan: a bar needs 1 values (close), got 2', () => s.update([1, 2]));
  fails('UNKNOWN_NAME', "no value for column 'close'", () => s.update({ open: 1 }));
  s.close();
  other.close();
  fails('INVALID_ARGUMENT', 'closed', () => s.update([1]));
  plan.close();
  fails('INVALID_ARGUMENT', 'closed', () => plan.run({ close }));
});

test('closing releases every handle', () => {
  assert.equal(ta.liveHandles(), 0);
});
