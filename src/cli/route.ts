// `gomodctl route <module>[@version]…`: which URLs Go would request, in which order, and which rule decided.
import type { Command } from 'commander';
import { UsageError } from '../core/errors.js';
import { checkModulePath } from '../core/escape.js';
import type { Translator } from '../core/i18n/message.js';
import { cliMsg } from '../core/i18n/messages/cli.js';

/** Splits and validates `path[@version]` arguments. */
export function parseModuleArgs(args: string[]): Array<{ path: string; version?: string }> {
  return args.map((arg) => {
    const at = arg.lastIndexOf('@');
    const path = at > 0 ? arg.slice(0, at) : arg;
    const version = at > 0 ? arg.slice(at + 1) : undefined;
    const bad = path === 'go' || path === 'toolchain' ? null : checkModulePath(path);
    if (bad || version === '') {
      // checkModulePath's reason is Go's own text (module.CheckPath): verbatim.
      const reason = bad ?? cliMsg('route.emptyVersion');
      throw new UsageError(cliMsg('route.invalidModule', { arg, reason }), cliMsg('route.invalidModuleHint'));
    }
    return version ? { path, version } : { path };
  });
}

/** Registers `gomodctl route`, its help in the user's language. */
export function registerRoute(program: Command, tr: Translator): void {
  program
    .command('route')
    .description(tr.t(cliMsg('route.description')))
    .argument('<module...>', tr.t(cliMsg('route.argument')))
    .option('--json', tr.t(cliMsg('option.json')))
    .option('--go <path>', tr.t(cliMsg('option.go')))
    .addHelpText(
      'after',
      `
${tr.t(cliMsg('help.examples'))}
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
      const out = createOutput({ json: Boolean(o.json), color: program.opts().color, lang: tr.lang });
      if (out.json) out.printJson(rep.routeJson(routes));
      else rep.renderRoutesHuman(out, routes);
    });
}
