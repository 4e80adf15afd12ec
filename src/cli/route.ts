// `gomodctl route <module>[@version]…`: which URLs Go would request, in which order, and which rule decided.
import type { Command } from 'commander';
import { UsageError } from '../core/errors.js';
import { checkModulePath } from '../core/escape.js';

/** Splits and validates `path[@version]` arguments. */
export function parseModuleArgs(args: string[]): Array<{ path: string; version?: string }> {
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
    .option('--json', 'print one JSON document (schemaVersion 1) on stdout')
    .option('--go <path>', 'go binary to use (default: $GOMODCTL_GO or go on PATH)')
    .addHelpText(
      'after',
      `
Examples:
  $ gomodctl route golang.org/x/text@v0.14.0
  $ gomodctl route git.corp.example.com/team/lib github.com/pkg/errors --json`,
    )
    .action(async (mods: string[], o: { json?: boolean; go?: string }) => {
      const targets = parseModuleArgs(mods);
      const [{ loadConfig }, { getGoBinary, verifyGoFlag }, { resolveRoute }, { goosGoarch }, { createOutput }, rep] =
        await Promise.all([
          import('../go/load-config.js'),
          import('../go/run-go.js'),
          import('../core/route.js'),
          import('../core/toolchain.js'),
          import('../report/output.js'),
          import('../report/route-report.js'),
        ]);
      await verifyGoFlag(o.go, process.env);
      const loaded = await loadConfig({ go: getGoBinary(o.go, process.env), env: process.env });
      const platform = goosGoarch(process.platform, process.arch);
      const routes = targets.map((t) => resolveRoute(loaded.model, t.path, t.version, platform));
      const out = createOutput({ json: Boolean(o.json), color: program.opts().color });
      if (out.json) out.printJson(rep.routeJson(routes));
      else rep.renderRoutesHuman(out, routes);
    });
}
