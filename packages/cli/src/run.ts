import { Command, CommanderError } from 'commander';
import { isMyoTraceError } from '@myotrace/errors';
import { registerCommands } from './commands/index.js';
import { EXIT_INPUT, EXIT_OK, EXIT_USAGE, UsageError, type CliIO } from './io.js';
import { VERSION } from './version.js';

/**
 * Runs one CLI invocation and returns its exit code. Never calls process.exit, so tests can
 * call it in-process; the one place errors are mapped to exit codes and messages.
 */
export async function runCli(argv: string[], io: CliIO): Promise<number> {
  const program = new Command();
  program
    .name('myotrace')
    .description('MyoTrace: EDF/BDF tools, leg-movement and PLM scoring, myoclonus neurophysiology')
    .version(VERSION)
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError();
  registerCommands(program, io);
  const wantsJson = argv.includes('--json');
  try {
    await program.parseAsync(argv, { from: 'user' });
    return EXIT_OK;
  } catch (err) {
    if (err instanceof CommanderError) {
      // help and version are "errors" to commander but successes to the user
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') {
        return EXIT_OK;
      }
      return EXIT_USAGE;
    }
    if (err instanceof UsageError) {
      if (wantsJson) io.stdout(`${JSON.stringify({ error: { code: err.code, message: err.message } })}\n`);
      else io.stderr(`myotrace: ${err.message}\n`);
      return EXIT_USAGE;
    }
    if (isMyoTraceError(err)) {
      const e = err.toJSON();
      if (wantsJson) {
        io.stdout(`${JSON.stringify({ error: { code: e.code, message: e.message, offset: e.offset ?? null, ...(e.hint ? { hint: e.hint } : {}), ...(e.line !== undefined ? { line: e.line } : {}) } })}\n`);
      } else {
        const where = e.offset !== undefined ? ` (byte ${e.offset})` : e.line !== undefined ? ` (line ${e.line})` : '';
        io.stderr(`myotrace: error ${e.code}: ${e.message}${where}\n${e.hint ? `  what to do: ${e.hint}\n` : ''}`);
      }
      return EXIT_INPUT;
    }
    const code = (err as NodeJS.ErrnoException)?.code;
    if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR') {
      const message = `cannot open file: ${(err as Error).message}`;
      if (wantsJson) io.stdout(`${JSON.stringify({ error: { code: `FILE_${code}`, message, offset: null } })}\n`);
      else io.stderr(`myotrace: ${message}\n`);
      return EXIT_INPUT;
    }
    io.stderr(`myotrace: internal error: ${(err as Error)?.stack ?? String(err)}\n`);
    return 70;
  }
}
