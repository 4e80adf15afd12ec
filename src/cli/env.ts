// Placeholder: `gomodctl env` is wired by its own issue.
import type { Command } from 'commander';
import { GomodctlError } from '../core/errors.js';

/** Registers `gomodctl env`. */
export function registerEnv(program: Command): void {
  program
    .command('env')
    .description('(not implemented yet)')
    .action(() => {
      throw new GomodctlError('env is not implemented yet', 1);
    });
}
