// `gomodctl completion bash|zsh|fish|powershell`: the program's commands and options, read off commander here (the
// only layer that has them), → app/completion (lazy) → the script on stdout.
import { Argument, type Command, type Option } from 'commander';
import type { CompletionCommand, CompletionOption, CompletionSpec } from '../core/completion.js';
import { COMPLETION_SHELLS, type CompletionShell } from '../core/completion.js';
import type { Translator } from '../core/i18n/message.js';
import { cliMsg } from '../core/i18n/messages/cli.js';
import { helpAfter } from './options.js';

function completionOption(o: Option): CompletionOption {
  const takesValue = o.required || o.optional;
  return {
    long: o.long ?? '',
    ...(o.short ? { short: o.short } : {}),
    takesValue,
    ...(o.argChoices ? { choices: [...o.argChoices] } : {}),
    ...(takesValue && /<(path|dir|file)>/.test(o.flags) ? { file: true } : {}),
    description: o.description,
  };
}

const HELP: CompletionOption = { long: '--help', short: '-h', takesValue: false, description: 'display help' };

/** The completion spec of a built program: its options, then each command with its options. */
function completionSpec(program: Command): CompletionSpec {
  const commands: CompletionCommand[] = program.commands.map((c) => {
    const choices = c.registeredArguments[0]?.argChoices;
    return {
      name: c.name(),
      description: c.description(),
      options: c.options.map(completionOption),
      ...(choices ? { argChoices: [...choices] } : {}),
    };
  });
  return { program: program.name(), global: [...program.options.map(completionOption), HELP], commands };
}

/** Registers `gomodctl completion <shell>`. */
export function registerCompletion(program: Command, tr: Translator): void {
  const help = helpAfter(tr, [
    'source <(gomodctl completion bash)        # bash: add to ~/.bashrc',
    'source <(gomodctl completion zsh)         # zsh: add to ~/.zshrc (after compinit)',
    'gomodctl completion fish > ~/.config/fish/completions/gomodctl.fish',
    'gomodctl completion powershell | Out-String | Invoke-Expression   # PowerShell: add to $PROFILE',
  ]);
  program
    .command('completion')
    .description(tr.t(cliMsg('completion.description')))
    .addArgument(new Argument('<shell>', tr.t(cliMsg('completion.argument'))).choices(COMPLETION_SHELLS))
    .addHelpText('after', help)
    .action(async (shell: CompletionShell) => {
      const { runCompletion } = await import('../app/completion.js');
      process.exitCode = runCompletion(shell, completionSpec(program));
    });
}
