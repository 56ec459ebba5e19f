/**
 * The `coordkit` command. Each subcommand lives in ./commands/<name>.ts and exports
 * `register(program)`; this file only wires them together and turns user errors into
 * one-line messages (exit 2) instead of stack traces. Errors of the standard streams
 * are handled here too (output.ts): a closed pipe ends quietly, a full disk is one line.
 */
import { Command, CommanderError } from 'commander';
import { UserError } from './errors.ts';
import { commands } from './commands/index.ts';
import { describeError, guardStdout } from './output.ts';

guardStdout();

const program = new Command('coordkit')
  .description('Model-check, drive and verify ZooKeeper-style coordination protocols')
  // Commander's own errors (an unknown option, a missing argument) stay one line, like
  // ours: the full help after them would bury the line that says what went wrong. They
  // read like ours too, "coordkit: ...", not commander's "error: ...".
  .exitOverride()
  .configureOutput({ outputError: (message, write) => write(`coordkit: ${message.replace(/^error: /, '')}`) });

for (const register of commands) register(program);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) {
    process.exitCode = err.exitCode === 0 ? 0 : 2;
  } else if (err instanceof UserError) {
    process.stderr.write(`coordkit: ${err.format()}\n`);
    process.exitCode = 2;
  } else if (isDiskError(err)) {
    // A full or failing disk under any command's own file writes: one line, not a stack.
    process.stderr.write(`coordkit: cannot write: ${describeError(err)}\n`);
    process.exitCode = 2;
  } else {
    throw err;
  }
}

function isDiskError(err: unknown): boolean {
  const code = (err as NodeJS.ErrnoException)?.code;
  return code === 'ENOSPC' || code === 'EDQUOT' || code === 'EFBIG' || code === 'EROFS' || code === 'EIO';
}
