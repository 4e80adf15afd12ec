// `gomodctl route <module>[@version]…`: arguments → RouteOptions → app/route (lazy) → exit code.
import type { Command } from 'commander';
import type { Translator } from '../core/i18n/message.js';
import { cliMsg } from '../core/i18n/messages/cli.js';
import { UsageError } from '../core/errors.js';
import { checkModulePath } from '../core/escape.js';
import { colorFlag, helpAfter, goOption, jsonOption } from './options.js';

/** Splits and validates `path[@version]` arguments. */
function parseModuleArgs(args: string[]): Array<{ path: string; version?: string }> {
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
  const help = helpAfter(tr, [
    'gomodctl route golang.org/x/text@v0.14.0',
    'gomodctl route git.corp.example.com/team/lib github.com/pkg/errors --json',
  ]);
  program
    .command('route')
    .description(tr.t(cliMsg('route.description')))
    .argument('<module...>', tr.t(cliMsg('route.argument')))
    .addOption(jsonOption(tr))
    .addOption(goOption(tr))
    .addHelpText('after', help)
    .action(async (mods: string[], flags: { json?: boolean; go?: string }, cmd: Command) => {
      const targets = parseModuleArgs(mods);
      const { runRoute } = await import('../app/route.js');
      process.exitCode = await runRoute({
        targets,
        go: flags.go,
        env: process.env,
        json: Boolean(flags.json),
        color: colorFlag(cmd),
        lang: tr.lang,
      });
    });
}
