// Node → libta → JVM reproduces ta's Java API bit for bit on golden/data/ttrc-daily.csv.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import ta, { compile, kernels } from '../src/index.js';
import { bars, batchCase, batches, columns, dir, f64, i64, plans, sameBits, timed, times } from './golden.js';

const close = columns.close!;

test('the catalog lists every registered kernel, as the Java registry does', () => {
  const names = kernels();
  assert.deepEqual(names, batches.slice(0, names.length).map((b) => b.kernel));
  assert.deepEqual(ta.catalog().kernels.map((k) => k.name), names);
});

test('every golden batch through ta.batch is bit-identical to Java', () => {
  for (const b of batches) {
    const out = ta.batch(b.kernel, b.inputs.map((c) => columns[c]!), b.params);
    const want = f64(`batch-${b.id}.f64`);
    assert.equal(out.length, b.outputs, `${b.kernel} outputs`);
    out.forEach((o, j) => assert.ok(sameBits(o, want.subarray(j * bars, (j + 1) * bars)), `batch ${b.id} ${b.kernel} output ${j}`));
  }
});

test('typed kernel functions give the same bits', () => {
  const want = (kernel: string, params: Record<string, number | string>, output = 0) => {
    const b = batchCase(kernel, params);
    return f64(`batch-${b.id}.f64`).subarray(output * bars, (output + 1) * bars);
  };
  assert.ok(sameBits(ta.rsi(close, 14), want('rsi', { period: 14 })));
  assert.ok(sameBits(ta.rsi(Array.from(close), 2), want('rsi', { period: 2 })), 'a plain array is accepted');
  const macd = ta.macd(close, 5, 35, 5);
  assert.ok(sameBits(macd.macd, want('macd', { fast_period: 5, slow_period: 35, signal_period: 5 }, 0)));
  assert.ok(sameBits(macd.histogram, want('macd', { fast_period: 5, slow_period: 35, signal_period: 5 }, 2)));
  assert.ok(sameBits(ta.bbands(close, 10, 1.5).lower, want('bbands', { period: 10, std_dev: 1.5 }, 2)));
  assert.ok(sameBits(ta.ma(close, 10, 'ema'), want('ma', { period: 10, ma_type: 'EMA' })));
  const swings = ta.swingPoints(columns.high!, columns.low!, 3, 1, undefined, true);
  assert.ok(sameBits(swings.swing_low, want('swing_points', { left: 3, right: 1, allow_equal_extremes: 1 }, 1)));
  assert.ok(sameBits(ta.atr(columns.high!, columns.low!, close, 5), want('atr', { period: 5 })));
});

for (const p of plans) {
  test(`plan ${p.id} run and stream are bit-identical to Java`, () => {
    const plan = compile(p.expressions);
    try {
      assert.deepEqual(plan.results, Object.keys(p.expressions));
      const run = plan.run(columns);
      const want = f64(`plan-${p.id}-run.f64`);
      plan.results.forEach((r, i) => assert.ok(sameBits(run[r]!, want.subarray(i * bars, (i + 1) * bars)), `run ${r}`));

      const k = plan.results.length;
      const got = { preview: new Float64Array(bars * k), wrong: new Float64Array(bars * k), stream: new Float64Array(bars * k) };
      const javaSnapshot = new Uint8Array(readFileSync(join(dir, `plan-${p.id}-snapshot.bin`)));
      let stream = plan.stream();
      const bar = new Float64Array(plan.columns.length);
      const fill = (t: number, factor: number) => plan.columns.forEach((c, i) => { bar[i] = columns[c]![t]! * factor; });
      for (let t = 0; t < bars; t++) {
        if (t === bars >> 1) {
          const snap = stream.snapshot();
          assert.ok(Buffer.compare(snap, javaSnapshot) === 0, 'snapshot bytes equal Java');
          stream.close();
          stream = plan.stream();
          stream.restore(snap);
          assert.equal(stream.count, t);
        }
        fill(t, 1.01);
        stream.step(bar, got.preview.subarray(t * k, (t + 1) * k), 1);
        fill(t, 0.99);
        stream.step(bar, got.wrong.subarray(t * k, (t + 1) * k), 0);
        fill(t, 1.0);
        stream.step(bar, got.stream.subarray(t * k, (t + 1) * k), 2);
      }
      for (const kind of ['preview', 'wrong', 'stream'] as const) {
        assert.ok(sameBits(got[kind], f64(`plan-${p.id}-${kind}.f64`)), `stream ${kind}`);
      }
      stream.reset();
      const first = stream.update(Object.fromEntries(plan.columns.map((c) => [c, columns[c]![0]!])));
      assert.deepEqual(Object.keys(first), plan.results);
      assert.ok(sameBits(new Float64Array(Object.values(first)), f64(`plan-${p.id}-stream.f64`).subarray(0, k)));
      stream.close();
    } finally {
      plan.close();
    }
  });
}

for (const p of timed) {
  test(`timed plan ${p.id}${p.zone ? ` in ${p.zone}` : ''} run and stream with bar times are bit-identical to Java`, () => {
    const plan = p.zone === undefined ? compile(p.expressions) : compile(p.expressions, { zone: p.zone });
    try {
      assert.equal(plan.readsTime, true);
      const want = f64(`timed-${p.id}-run.f64`);
      const asNumbers = Array.from(times, Number);
      for (const t of [times, asNumbers]) {
        const run = plan.run(columns, t);
        plan.results.forEach((r, i) => assert.ok(sameBits(run[r]!, want.subarray(i * bars, (i + 1) * bars)), `run ${r}`));
      }

      const k = plan.results.length;
      const got = { preview: new Float64Array(bars * k), wrong: new Float64Array(bars * k), stream: new Float64Array(bars * k) };
      const clock = i64(`timed-${p.id}-time.i64`);
      const javaSnapshot = new Uint8Array(readFileSync(join(dir, `timed-${p.id}-snapshot.bin`)));
      let stream = plan.stream();
      assert.equal(stream.time, undefined);
      const bar = new Float64Array(plan.columns.length);
      const fill = (t: number, factor: number) => plan.columns.forEach((c, i) => { bar[i] = columns[c]![t]! * factor; });
      for (let t = 0; t < bars; t++) {
        if (t === bars >> 1) {
          const snap = stream.snapshot();
          assert.ok(Buffer.compare(snap, javaSnapshot) === 0, 'snapshot bytes equal Java');
          stream.close();
          stream = plan.stream();
          stream.restore(snap);
          assert.equal(stream.count, t);
          assert.equal(stream.time, asNumbers[t - 1]);
        }
        // Half the bars through step, half through update/preview with a bar object: both take the time.
        if (t % 2 === 0) {
          fill(t, 1.01);
          stream.step(bar, got.preview.subarray(t * k, (t + 1) * k), 1, asNumbers[t]);
          assert.equal(stream.time, Number(clock[3 * t]));
          fill(t, 0.99);
          stream.step(bar, got.wrong.subarray(t * k, (t + 1) * k), 0, asNumbers[t]);
        } else {
          const values = (factor: number) => Object.fromEntries(plan.columns.map((c) => [c, columns[c]![t]! * factor]));
          got.preview.set(Object.values(stream.preview(values(1.01), asNumbers[t])), t * k);
          assert.equal(stream.time, Number(clock[3 * t]));
          got.wrong.set(Object.values(stream.update(values(0.99), asNumbers[t])), t * k);
        }
        assert.equal(stream.time, Number(clock[3 * t + 1]));
        fill(t, 1.0);
        stream.step(bar, got.stream.subarray(t * k, (t + 1) * k), 2);
        assert.equal(stream.time, Number(clock[3 * t + 2]));
      }
      for (const kind of ['preview', 'wrong', 'stream'] as const) {
        assert.ok(sameBits(got[kind], f64(`timed-${p.id}-${kind}.f64`)), `stream ${kind}`);
      }
      stream.reset();
      assert.equal(stream.time, undefined);
      stream.close();
    } finally {
      plan.close();
    }
  });
}

test('a plan that reads no time runs the same with times', () => {
  for (const p of plans) {
    const plan = compile(p.expressions);
    assert.equal(plan.readsTime, false);
    const run = plan.run(columns, times);
    const want = f64(`plan-${p.id}-run.f64`);
    plan.results.forEach((r, i) => assert.ok(sameBits(run[r]!, want.subarray(i * bars, (i + 1) * bars)), `run ${r}`));
    plan.close();
  }
});

test('handles are all released', () => {
  assert.equal(ta.liveHandles(), 0);
});
