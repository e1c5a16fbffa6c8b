// Values of the wrong kind, from a caller without TypeScript's checks: each is refused with a TypeError or a TaError
// before libta sees it, never a crash or a wrong number.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { batch, compile, kernelShape } from '../src/index.js';

// The casts stand for JavaScript callers, which the typings do not reach.
const any = (x: unknown): any => x; // eslint-disable-line @typescript-eslint/no-explicit-any

test('a number where a string is expected is a TypeError, not an address', () => {
  assert.throws(() => kernelShape(any(4096)), { name: 'TypeError', message: /kernel name must be a string, got number/ });
  assert.throws(() => batch(any(42), [[1, 2, 3]]), { name: 'TypeError', message: /kernel name must be a string/ });
  assert.throws(() => compile(any({ a: 42 })), { name: 'TypeError', message: /expression of result 'a' must be a string/ });
  assert.throws(() => compile(any(42)), { name: 'TypeError', message: /expressions must be a string or an object/ });
  assert.throws(() => compile(any(['close'])), { name: 'TypeError', message: /got an array/ });
});
