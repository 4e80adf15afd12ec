// Placeholder: `gomodctl init` is wired by its own issue.
import type { Command } from 'commander';
import { GomodctlError } from '../core/errors.js';

/** Registers `gomodctl init`. */
export function registerInit(program: Command): void {
  program
    .command('init')
    .description('(not implemented yet)')
    .action(() => {
      throw new GomodctlError('init is not implemented yet', 1);
    });
}
