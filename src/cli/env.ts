// `gomodctl env`: flags → EnvOptions → app/env (lazy) → exit code.
import type { Command } from 'commander';
import { colorFlag, goOption, jsonOption } from './options.js';

/** Registers `gomodctl env`. */
export function registerEnv(program: Command): void {
  program
    .command('env')
    .description(
      'show the effective Go module configuration, where each value comes from, and what the environment shadows',
    )
    .addOption(jsonOption())
    .addOption(goOption())
    .addHelpText(
      'after',
      `
Examples:
  $ gomodctl env
  $ gomodctl env --json | jq '.vars[] | select(.name=="GOPROXY")'`,
    )
    .action(async (flags: { json?: boolean; go?: string }, cmd: Command) => {
      const { runEnv } = await import('../app/env.js');
      process.exitCode = await runEnv({
        go: flags.go,
        env: process.env,
        json: Boolean(flags.json),
        color: colorFlag(cmd),
      });
    });
}
