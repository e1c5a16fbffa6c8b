// The typings: what type-checks here is what a TypeScript user can write; each @ts-expect-error line must stay an
// error (tsc fails the build if one starts compiling). The calls also run, as a smoke test of the typed surface.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import ta, { type Plan, type PlanStream, compile, macd, rsi, TaError, type StatusName } from '../src/index.js';

test('the typed surface', () => {
  const close = new Float64Array([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  const r: Float64Array = rsi(close, 3);
  const m: { macd: Float64Array; signal: Float64Array; histogram: Float64Array } = macd(close, 2, 3, 2);
  const e: Float64Array = ta.ma(close, 3, 't3');
  const plan: Plan = compile({ fast: 'ema(close, 2)', slow: 'ema(close, 4)' });
  const out: Record<string, Float64Array> = plan.run({ close });
  const s: PlanStream = plan.stream();
  const v: Record<string, number> = s.update({ close: 11 });
  const code: StatusName = 'PARSE';
  assert.equal(r.length + m.signal.length + e.length + out.fast!.length, 40);
  assert.deepEqual(Object.keys(v), ['fast', 'slow']);
  assert.ok(new TaError(4, 'x').code === code);
  // null is a missing value (NaN) in a copied series and in a stream's bar, as documented: it type-checks.
  const gaps: Float64Array = rsi([1, null, 3, undefined, 5, 6, 7], 2);
  assert.ok(Number.isNaN(gaps[2]!) && !Number.isNaN(gaps[6]!));
  assert.ok(Number.isNaN(plan.run({ close: [1, null] }).fast![1]!));
  assert.ok(Number.isNaN(s.update({ close: null }).fast!) && Number.isNaN(s.preview([null]).fast!));
  // @ts-expect-error an object bar names every column: undefined is not a value
  assert.throws(() => s.update({ close: undefined }), TaError);
  s.close();
  plan.close();

  const weekly: Plan = compile('close@1w', { zone: 'America/New_York' });
  const reads: boolean = weekly.readsTime;
  const w: Record<string, Float64Array> = weekly.run({ close: [1, 2] }, [86_400_000, 2 * 86_400_000]);
  const ws: PlanStream = weekly.stream();
  ws.update({ close: 1 }, 86_400_000);
  const when: number | undefined = ws.time;
  assert.ok(reads && w.value!.length === 2 && when === 86_400_000);
  ws.close();
  // @ts-expect-error a zone is a string
  assert.throws(() => compile('close@1w', { zone: 5 }));
  // @ts-expect-error times are numbers
  assert.throws(() => weekly.run({ close: [1] }, ['1']));
  weekly.close();

  // @ts-expect-error a period is a number
  assert.throws(() => rsi(close, '14'));
  // @ts-expect-error ma_type is one of the declared choices
  assert.throws(() => ta.ma(close, 3, 'emaa'));
  // @ts-expect-error macd's outputs are macd, signal and histogram
  assert.equal(macd(close, 2, 3, 2).upper, undefined);
});
