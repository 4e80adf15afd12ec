// The commander program: global wiring and the ONE top-level catch that maps errors to exit codes. The language is
// decided first (cli/language.ts), so that --help, commander's errors and ours are in it.
import { Command, CommanderError, Option } from 'commander';
import { translator, type Translator } from '../core/i18n/message.js';
import { cliMsg } from '../core/i18n/messages/cli.js';
import { displayWidth, padEnd, wrap } from '../core/text-width.js';
import { describeArgument, describeOption, helpTitle, localizeCommanderError } from './language.js';
import { detectLang } from './detect-lang.js';
import { VERSION } from './version.js';
import { quietOnClosedPipe, reportError } from './errors.js';

/** Adds one command (its options and action) to the program. */
type Register = (program: Command, tr: Translator) => void;

/** The commands, in the order --help lists them; each loaded only when the program needs it. */
const COMMANDS: Record<string, () => Promise<Register>> = {
  doctor: () => import('./doctor.js').then(({ registerDoctor }) => registerDoctor),
  tidy: () => import('./tidy.js').then(({ registerTidy }) => registerTidy),
  init: () => import('./init.js').then(({ registerInit }) => registerInit),
  restore: () => import('./restore.js').then(({ registerRestore }) => registerRestore),
  env: () => import('./env.js').then(({ registerEnv }) => registerEnv),
  route: () => import('./route.js').then(({ registerRoute }) => registerRoute),
  'check-proxy': () => import('./check-proxy.js').then(({ registerCheckProxy }) => registerCheckProxy),
  completion: () => import('./completion.js').then(({ registerCompletion }) => registerCompletion),
};

/**
 * The one command `gomodctl <command> …` names as its first argument, when only it needs loading (start-up: a warm
 * `go mod tidy` takes ~50 ms, loading every command first cost ~10 ms of it). Anything else (global options first,
 * help, completion, which lists every command) loads them all.
 */
function onlyCommand(args: string[]): string | undefined {
  const first = args[0];
  return first !== undefined && first !== 'completion' && Object.hasOwn(COMMANDS, first) ? first : undefined;
}

/** The columns help text is wrapped at: the terminal's, else 80 (what commander uses for its own columns). */
function helpColumns(): number {
  return process.stdout.isTTY && (process.stdout.columns ?? 0) > 0 ? process.stdout.columns : 80;
}

/** The examples and exit codes under the program's --help. */
function rootHelpText(tr: Translator): string {
  const examples = [
    ['$ gomodctl doctor', cliMsg('example.doctor')],
    ['$ gomodctl tidy --explain', cliMsg('example.tidy')],
    ['$ gomodctl init', cliMsg('example.init')],
    ['$ gomodctl env', cliMsg('example.env')],
    ['$ gomodctl route example.com/m', cliMsg('example.route')],
    ['$ gomodctl check-proxy <url>', cliMsg('example.checkProxy')],
  ] as const;
  const lines = examples.map(([cmd, text]) => `  ${padEnd(cmd, 32)}  ${tr.t(text)}`);
  const exitCodes = wrap(tr.t(cliMsg('help.exitCodes')), helpColumns());
  return `\n${tr.t(cliMsg('help.examples'))}\n${lines.join('\n')}\n\n${exitCodes}`;
}

/** Which command the arguments named, once commander has dispatched to it: errors are prefixed `gomodctl <command>:`. */
interface Dispatch {
  command?: string;
}

/** "gomodctl doctor" once the doctor command was dispatched to, else "gomodctl". */
function programName(seen: Dispatch): string {
  return seen.command ? `gomodctl ${seen.command}` : 'gomodctl';
}

/** A commander error ("error: unknown option …", already in the user's language) as `gomodctl <command>: …`. */
function commanderErrorLine(text: string, tr: Translator, seen: Dispatch): string {
  const localized = localizeCommanderError(text, tr);
  const m = /^(?:error: |错误：)(.*)$/s.exec(localized);
  return m ? tr.t(cliMsg('error.line', { program: programName(seen), message: m[1]! })) : localized;
}

/** Builds the commander program in a language, with every command or only `only` (exported for tests of --help). */
export async function buildProgram(
  tr: Translator = translator('en'),
  seen: Dispatch = {},
  only?: string,
): Promise<Command> {
  const program = new Command('gomodctl')
    .description(tr.t(cliMsg('program.description')))
    .version(VERSION, '-V, --version', tr.t(cliMsg('option.version')))
    .helpOption('-h, --help', tr.t(cliMsg('option.help')))
    .helpCommand('help [command]', tr.t(cliMsg('command.help')))
    .option('--no-color', tr.t(cliMsg('option.noColor')))
    .addOption(new Option('--lang <lang>', tr.t(cliMsg('option.lang'))).choices(['en', 'zh']))
    .showHelpAfterError(tr.t(cliMsg('help.afterError')))
    .exitOverride()
    .configureHelp({
      // Chinese takes two columns a character and breaks between characters: commander counts UTF-16 units and
      // breaks at spaces only.
      styleTitle: (title) => helpTitle(title, tr),
      optionDescription: (option) => describeOption(option, tr),
      argumentDescription: (argument) => describeArgument(argument, tr),
      displayWidth: (text) => displayWidth(text),
      boxWrap: (text, width) => (width < 40 ? text : wrap(text, width)),
    })
    .configureOutput({ outputError: (str, write) => write(commanderErrorLine(str, tr, seen)) });
  program.hook('preSubcommand', (_program, sub) => {
    seen.command = sub.name();
  });
  program.addHelpText('after', () => rootHelpText(tr)); // built only when help is shown
  const names = only ? [only] : Object.keys(COMMANDS);
  const registers = await Promise.all(names.map((name) => COMMANDS[name]!()));
  for (const register of registers) register(program, tr);
  return program;
}

/** Runs the CLI and resolves to the process exit code. Never throws for expected errors. */
export async function main(argv: string[]): Promise<number> {
  quietOnClosedPipe();
  const tr = translator(detectLang(argv.slice(2), process.env, process.platform));
  const seen: Dispatch = {};
  const program = await buildProgram(tr, seen, onlyCommand(argv.slice(2)));
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (err) {
    // --help and --version end here with exit code 0; usage errors were already printed by commander.
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 2;
    return reportError(err, argv, tr, programName(seen));
  }
}
