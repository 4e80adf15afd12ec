// Placeholder: `gomodctl restore` is wired by its own issue.
import type { Command } from 'commander';
import { GomodctlError } from '../core/errors.js';

/** Registers `gomodctl restore`. */
export function registerRestore(program: Command): void {
  program
    .command('restore')
    .description('(not implemented yet)')
    .action(() => {
      throw new GomodctlError('restore is not implemented yet', 1);
    });
}
