/** Where a command writes; injected so tests can run commands in-process. */
export interface CliIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  isTTY: boolean;
}

export const EXIT_OK = 0;
/** Unreadable or unsuitable input. */
export const EXIT_INPUT = 1;
/** Wrong options or arguments. */
export const EXIT_USAGE = 2;

/** Thrown by commands for bad option combinations (exit 2). */
export class UsageError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = 'UsageError';
    this.code = code;
  }
}
