// Placeholder: `gomodctl tidy` is wired by its own issue.
import type { Command } from 'commander';
import { GomodctlError } from '../core/errors.js';

/** Registers `gomodctl tidy`. */
export function registerTidy(program: Command): void {
  program
    .command('tidy')
    .description('(not implemented yet)')
    .action(() => {
      throw new GomodctlError('tidy is not implemented yet', 1);
    });
}
