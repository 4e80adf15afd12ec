// Placeholder: `gomodctl route` is wired by its own issue.
import type { Command } from 'commander';
import { GomodctlError } from '../core/errors.js';

/** Registers `gomodctl route`. */
export function registerRoute(program: Command): void {
  program
    .command('route')
    .description('(not implemented yet)')
    .action(() => {
      throw new GomodctlError('route is not implemented yet', 1);
    });
}
