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

test('plans that read bar times: without them, times that do not fit, unknown zones', () => {
  const day = 86_400_000;
  const times = Array.from({ length: 100 }, (_, i) => (i + 1) * day);
  const weekly = compile('sma(close, 3)@1w');
  assert.equal(weekly.readsTime, true);
  fails('SHAPE_MISMATCH', 'call ta_plan_run_timed', () => weekly.run({ close }));
  fails('SHAPE_MISMATCH', 'bars: 99 times for 100 bars', () => weekly.run({ close }, times.slice(1)));
  fails('SHAPE_MISMATCH', 'bars: 0 times for 100 bars', () => weekly.run({ close }, []));
  const unordered = times.slice();
  unordered[7] = unordered[6]!;
  fails('SHAPE_MISMATCH', `bar 7 (${unordered[7]}) is not after bar 6`, () => weekly.run({ close }, unordered));
  const s = weekly.stream();
  fails('STREAM_STATE', 'call ta_stream_update_at', () => s.update([1]));
  fails('STREAM_STATE', 'call ta_stream_preview_at', () => s.preview({ close: 1 }));
  s.update([1], times[1]!);
  fails('SHAPE_MISMATCH', 'is not after the last committed bar', () => s.update([2], times[0]!));
  fails('SHAPE_MISMATCH', 'is not after the last committed bar', () => s.preview([2], times[1]!));
  assert.equal(s.count, 1);
  assert.equal(s.time, times[1]);
  s.replaceLast([3]);
  assert.equal(s.time, times[1], 'replaceLast keeps the time');
  s.close();
  fails('INVALID_ARGUMENT', 'closed', () => s.time);
  weekly.close();
  fails('UNKNOWN_NAME', "unknown time zone 'America/New_Yrok' (did you mean America/New_York?)",
    () => compile('close@1w', { zone: 'America/New_Yrok' }));
  fails('UNKNOWN_NAME', "unknown time zone ''", () => compile('close@1w', { zone: '' }));
  const plain = compile('close + 1');
  assert.equal(plain.readsTime, false);
  const p = plain.stream();
  p.update([1]);
  assert.equal(p.time, undefined, 'a bar without a time leaves the time unknown');
  p.update([1], 5);
  assert.equal(p.time, 5);
  p.close();
  plain.close();
});

test('closing releases every handle', () => {
  assert.equal(ta.liveHandles(), 0);
});
