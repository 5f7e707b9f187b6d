export { runCli } from './run.js';
export type { CliIO } from './io.js';
export { EXIT_INPUT, EXIT_OK, EXIT_USAGE, UsageError } from './io.js';
export { VERSION } from './version.js';
