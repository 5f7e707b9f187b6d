/**
 * The one error shape every MyoTrace package throws for bad input.
 *
 * `code` is stable (other tools read it); `message` says what went wrong and where;
 * `hint` says what the user can do. The CLI and the HTTP edge each map these once.
 * Messages must never contain patient data (names, birth dates, diary text).
 */
export interface MyoTraceErrorOptions {
  /** What the user can do about it, in one sentence. */
  hint?: string;
  /** Byte offset in a file, when the error is about a file's bytes. */
  offset?: number;
  /** Line number (1-based) in a text input such as a CSV. */
  line?: number;
  /** Field or parameter name, for request or settings validation. */
  field?: string;
  cause?: unknown;
}

export class MyoTraceError extends Error {
  readonly code: string;
  readonly hint: string | undefined;
  readonly offset: number | undefined;
  readonly line: number | undefined;
  readonly field: string | undefined;
  /** Brand that survives bundling and realm boundaries (workers), unlike instanceof. */
  readonly isMyoTraceError = true as const;

  constructor(code: string, message: string, options: MyoTraceErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'MyoTraceError';
    this.code = code;
    this.hint = options.hint;
    this.offset = options.offset;
    this.line = options.line;
    this.field = options.field;
  }

  /** Plain JSON form used by `--json` outputs and the HTTP edge. */
  toJSON(): { code: string; message: string; hint?: string; offset?: number; line?: number; field?: string } {
    const out: { code: string; message: string; hint?: string; offset?: number; line?: number; field?: string } = {
      code: this.code,
      message: this.message,
    };
    if (this.hint !== undefined) out.hint = this.hint;
    if (this.offset !== undefined) out.offset = this.offset;
    if (this.line !== undefined) out.line = this.line;
    if (this.field !== undefined) out.field = this.field;
    return out;
  }
}

export function isMyoTraceError(err: unknown): err is MyoTraceError {
  return typeof err === 'object' && err !== null && (err as { isMyoTraceError?: unknown }).isMyoTraceError === true;
}

/** A non-fatal, coded note about something that was repaired or assumed. */
export interface CodedWarning {
  code: string;
  message: string;
}
