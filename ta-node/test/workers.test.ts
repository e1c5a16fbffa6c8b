// Worker threads: each uses libta through its own shadow thread, and what it leaves open is freed when it ends.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Worker } from 'node:worker_threads';
import { liveHandles } from '../src/index.js';

/** Runs `body` (an async function of the package's module) in a worker that ends by itself; its message back. */
function inWorker(body: string): Promise<unknown> {
  const index = new URL('../src/index.js', import.meta.url).href;
  const code = `const { parentPort } = require('node:worker_threads');
    import(${JSON.stringify(index)}).then(async (ta) => parentPort.postMessage(await (${body})(ta)));`;
  return new Promise((resolve, reject) => {
    let message: unknown;
    const w = new Worker(code, { eval: true, env: process.env });
    w.on('message', (m) => { message = m; });
    w.on('error', reject);
    w.on('exit', (status) => (status === 0 ? resolve(message) : reject(new Error(`the worker exited with ${status}`))));
  });
}

test("a worker's forgotten plans and streams are freed when it ends", async () => {
  const before = liveHandles();
  // A worker's finalizers never run once it ends, so without the exit hook these stayed live for the process.
  const left = await inWorker(`async (ta) => {
    for (let i = 0; i < 20; i++) {
      const plan = ta.compile('sma(close, 3)');
      plan.stream().update([1]);
    }
    const closed = ta.compile('close + 1');
    closed.stream().close();
    closed.close();
    return ta.liveHandles();
  }`);
  assert.equal(left, before + 40);
  assert.equal(liveHandles(), before);
});

test('a worker computes the same bits as the main thread', async () => {
  const close = Array.from({ length: 500 }, (_, i) => 100 + Math.sin(i / 7) * 3);
  const { batch } = await import('../src/index.js');
  const want = Array.from(batch('rsi', [close], { period: 14 })[0]!);
  const got = await inWorker(
    `async (ta) => Array.from(ta.batch('rsi', [${JSON.stringify(close)}], { period: 14 })[0])`);
  assert.deepEqual(got, want);
});
