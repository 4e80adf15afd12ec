// `gomodctl env`: flags → EnvOptions → app/env (lazy) → exit code.
import type { Command } from 'commander';
import type { Translator } from '../core/i18n/message.js';
import { cliMsg } from '../core/i18n/messages/cli.js';
import { colorFlag, helpAfter, goOption, jsonOption } from './options.js';

/** Registers `gomodctl env`, its help in the user's language. */
export function registerEnv(program: Command, tr: Translator): void {
  const help = helpAfter(tr, ['gomodctl env', `gomodctl env --json | jq '.vars[] | select(.name=="GOPROXY")'`]);
  program
    .command('env')
    .description(tr.t(cliMsg('env.description')))
    .addOption(jsonOption(tr))
    .addOption(goOption(tr))
    .addHelpText('after', help)
    .action(async (flags: { json?: boolean; go?: string }, cmd: Command) => {
      const { runEnv } = await import('../app/env.js');
      process.exitCode = await runEnv({
        go: flags.go,
        env: process.env,
        json: Boolean(flags.json),
        color: colorFlag(cmd),
        lang: tr.lang,
      });
    });
}
