// Placeholder: `gomodctl doctor` is wired by its own issue.
import type { Command } from 'commander';
import { GomodctlError } from '../core/errors.js';

/** Registers `gomodctl doctor`. */
export function registerDoctor(program: Command): void {
  program
    .command('doctor')
    .description('(not implemented yet)')
    .action(() => {
      throw new GomodctlError('doctor is not implemented yet', 1);
    });
}
