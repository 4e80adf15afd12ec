// `gomodctl route <module>[@version]…`: arguments → RouteOptions → app/route (lazy) → exit code.
import type { Command } from 'commander';
import { UsageError } from '../core/errors.js';
import { checkModulePath } from '../core/escape.js';
import { colorFlag, goOption, jsonOption } from './options.js';

/** Splits and validates `path[@version]` arguments. */
function parseModuleArgs(args: string[]): Array<{ path: string; version?: string }> {
  return args.map((arg) => {
    const at = arg.lastIndexOf('@');
    const path = at > 0 ? arg.slice(0, at) : arg;
    const version = at > 0 ? arg.slice(at + 1) : undefined;
    const bad = path === 'go' || path === 'toolchain' ? null : checkModulePath(path);
    if (bad || version === '') {
      throw new UsageError(
        `invalid module "${arg}": ${bad ?? 'empty version after @'}`,
        'expected a module path with an optional version, e.g. golang.org/x/text@v0.14.0',
      );
    }
    return version ? { path, version } : { path };
  });
}

/** Registers `gomodctl route`. */
export function registerRoute(program: Command): void {
  program
    .command('route')
    .description('show the requests Go would make for modules under the current configuration (no network)')
    .argument('<module...>', 'module path with optional @version')
    .addOption(jsonOption())
    .addOption(goOption())
    .addHelpText(
      'after',
      `
Examples:
  $ gomodctl route golang.org/x/text@v0.14.0
  $ gomodctl route git.corp.example.com/team/lib github.com/pkg/errors --json`,
    )
    .action(async (mods: string[], flags: { json?: boolean; go?: string }, cmd: Command) => {
      const targets = parseModuleArgs(mods);
      const { runRoute } = await import('../app/route.js');
      process.exitCode = await runRoute({
        targets,
        go: flags.go,
        env: process.env,
        json: Boolean(flags.json),
        color: colorFlag(cmd),
      });
    });
}
