/**
 * ta for Node.js and TypeScript: every kernel of ta as a typed function (`ta.rsi(close, 14)`), expressions compiled
 * into plans (`ta.compile('rsi(close, 14) < 30').run(bars)`) and bar-by-bar streams with preview, replace-last and
 * snapshots, with bar times for timeframes, wall-clock lags and sessions — all computed by the ta engine through libta
 * (the C ABI v1.1), bit-identical to ta's Java API.
 */
import { c } from './native.js';
import { batch, catalog, compile, kernels, kernelShape, liveHandles } from './core.js';
import { kernelFunctions } from './kernels.generated.js';

export { batch, catalog, compile, kernels, kernelShape, liveHandles, Plan, PlanStream } from './core.js';
export type { Bar, Bars, CompileOptions, Params, SeriesLike, Times } from './core.js';
export { Status, TaError } from './errors.js';
export type { StatusName } from './errors.js';
export * from './kernels.generated.js';

/** The ABI version of the loaded libta, and the versions of libta and of this package's engine. */
export function version(): { abi: number; library: string } {
  return { abi: c.abiVersion(), library: c.version() };
}

/** Everything in one namespace: `ta.rsi(close, 14)`, `ta.compile(...)`, `ta.batch('bb_upper', [close])`. */
export const ta = { ...kernelFunctions, batch, catalog, compile, kernels, kernelShape, liveHandles, version };

export default ta;
