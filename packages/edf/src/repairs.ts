import { type CodedWarning, MyoTraceError } from '@myotrace/errors';

/**
 * Collects coded repair warnings while a file is parsed. In strict mode the first repair is
 * thrown instead, as a MyoTraceError with the same code and the byte offset. Repeats of one
 * code are folded into one warning (a right-justified file would otherwise give hundreds).
 */
export class Repairs {
  readonly warnings: CodedWarning[] = [];
  private readonly counts = new Map<string, { warning: CodedWarning; count: number; base: string }>();

  constructor(readonly strict: boolean) {}

  add(code: string, message: string, offset?: number): void {
    const where = offset === undefined ? '' : ` (byte ${offset})`;
    if (this.strict) {
      throw new MyoTraceError(code, `${message}${where}`, {
        offset,
        hint: 'The file deviates from the EDF/EDF+/BDF specification; open it without strict mode to read it with this repair.',
      });
    }
    const seen = this.counts.get(code);
    if (seen) {
      seen.count++;
      seen.warning.message = `${seen.base} (and ${seen.count - 1} more)`;
      return;
    }
    const warning = { code, message: `${message}${where}` };
    this.counts.set(code, { warning, count: 1, base: warning.message });
    this.warnings.push(warning);
  }
}
