import { c } from './native.js';

/** The status codes of ta_engine.h, by name. */
export const Status = {
  OK: 0,
  INVALID_PARAMETER: 1,
  SHAPE_MISMATCH: 2,
  UNKNOWN_NAME: 3,
  PARSE: 4,
  SNAPSHOT_MISMATCH: 5,
  STREAM_STATE: 6,
  INVALID_ARGUMENT: 7,
  ENGINE: 8,
  INTERNAL: 9,
} as const;

/** One of the status names. */
export type StatusName = keyof typeof Status;

const NAMES = Object.fromEntries(Object.entries(Status).map(([k, v]) => [v, k])) as Record<number, StatusName>;

/**
 * A failure reported by ta: `code` names the status (`PARSE`, `INVALID_PARAMETER`, ...), `message` is the engine's
 * own message (for expressions it quotes the line with a caret), `line` and `column` locate a parse error (1-based,
 * 0 otherwise).
 */
export class TaError extends Error {
  readonly code: StatusName;
  readonly status: number;
  readonly line: number;
  readonly column: number;

  constructor(status: number, message: string, line = 0, column = 0) {
    super(message);
    this.name = 'TaError';
    this.status = status;
    this.code = NAMES[status] ?? 'INTERNAL';
    this.line = line;
    this.column = column;
  }
}

/** Throws the calling thread's last error if `status` is not OK. */
export function check(status: number): void {
  if (status !== Status.OK) {
    throw new TaError(status, c.lastError(), c.lastErrorLine(), c.lastErrorColumn());
  }
}
