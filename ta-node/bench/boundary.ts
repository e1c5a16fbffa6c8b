// The cost of crossing from Node into the JVM (koffi → libta → JNI), for docs/performance.md; run by
// ta-ffi/src/test/sh/bench.sh. Same operations, data and method as ta-ffi's bench.c and BoundaryBench.java:
// a plan stream "rsi(close, 14)" updated one bar per call (the allocation-free step), and rsi over 1,000,000 bars,
// allocating its output (ta.rsi) and into a reused array (ta.batch with `into`).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ta, { compile } from '../src/index.js';

const BARS = 1_000_000;
const ROUNDS = 7;
const dir = process.argv[2] ?? process.env.TA_GOLDEN_DIR!;
const raw = readFileSync(join(dir, 'close.f64'));
const src = new Float64Array(raw.buffer, raw.byteOffset, raw.byteLength / 8);
const close = new Float64Array(BARS);
for (let i = 0; i < BARS; i++) {
  close[i] = src[i % src.length]!;
}

const median = (v: number[]) => [...v].sort((a, b) => a - b)[v.length >> 1]!;
// CPU time of the whole process in ns (all threads: V8, the JVM, libta's shadow thread), as the C and Java benches.
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) * 1000; };
const cpuRounds: number[] = [];

const plan = compile('rsi(close, 14)');
const stream = plan.stream();
const bar = new Float64Array(1);
const out = new Float64Array(1);
const calls = 50_000;
const rounds: number[] = [];
for (let w = 0; w < 3; w++) {
  for (let i = 0; i < calls; i++) {
    bar[0] = close[i]!;
    stream.step(bar, out);
  }
}
for (let r = 0; r < ROUNDS; r++) {
  const t0 = process.hrtime.bigint();
  const c0 = cpu();
  for (let i = 0; i < calls; i++) {
    bar[0] = close[i]!;
    stream.step(bar, out);
  }
  rounds.push(Number(process.hrtime.bigint() - t0) / calls);
  cpuRounds.push((cpu() - c0) / calls);
}
console.log(`node\tstream_update_1bar_ns\t${median(rounds).toFixed(1)}\tcpu\t${median(cpuRounds).toFixed(1)}`);

rounds.length = 0;
for (let w = 0; w < 5; w++) {
  ta.rsi(close, 14);
}
cpuRounds.length = 0;
for (let r = 0; r < ROUNDS; r++) {
  const t0 = process.hrtime.bigint();
  const c0 = cpu();
  ta.rsi(close, 14);
  rounds.push(Number(process.hrtime.bigint() - t0) / 1e6);
  cpuRounds.push((cpu() - c0) / 1e6);
}
console.log(`node\tbatch_1m_ms\t${median(rounds).toFixed(3)}\tcpu\t${median(cpuRounds).toFixed(3)}`);

rounds.length = 0;
const into = [new Float64Array(BARS)];
for (let w = 0; w < 5; w++) {
  ta.batch('rsi', [close], { period: 14 }, into);
}
cpuRounds.length = 0;
for (let r = 0; r < ROUNDS; r++) {
  const t0 = process.hrtime.bigint();
  const c0 = cpu();
  ta.batch('rsi', [close], { period: 14 }, into);
  rounds.push(Number(process.hrtime.bigint() - t0) / 1e6);
  cpuRounds.push((cpu() - c0) / 1e6);
}
console.log(`node\tbatch_1m_into_ms\t${median(rounds).toFixed(3)}\tcpu\t${median(cpuRounds).toFixed(3)}`);
stream.close();
plan.close();
