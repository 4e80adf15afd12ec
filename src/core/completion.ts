// Shell completion scripts for `gomodctl completion <shell>`, generated from the program's own commands and options
// (cli/completion.ts reads them off commander), so a new flag is completed without editing a script.

/** One option of a command, as the completion scripts need it. */
export interface CompletionOption {
  /** "--timeout"; "" when the option has only a short form. */
  long: string;
  /** "-y", if any. */
  short?: string;
  /** Whether a value follows the option (`--timeout <duration>`). */
  takesValue: boolean;
  /** The values it accepts, when commander knows them (choices). */
  choices?: string[];
  /** Whether the value is a file path (completed as a file). */
  file?: boolean;
  description: string;
}

/** A command, or the program itself (name ""), with its options. */
export interface CompletionCommand {
  name: string;
  description: string;
  options: CompletionOption[];
  /** Values of its first argument, when they are a closed set (`completion bash|zsh|…`). */
  argChoices?: string[];
}

/** The whole program: options before any command, then the commands. */
export interface CompletionSpec {
  program: string;
  global: CompletionOption[];
  commands: CompletionCommand[];
}

/** The shells `gomodctl completion` writes a script for. */
export const COMPLETION_SHELLS = ['bash', 'zsh', 'fish', 'powershell'] as const;

/** A shell `gomodctl completion` supports. */
export type CompletionShell = (typeof COMPLETION_SHELLS)[number];

/** Descriptions as plain one-line ASCII-safe text (no quotes or brackets that the scripts would have to escape). */
function plain(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/["'`$\\[\]:]/g, '')
    .trim();
}

/** Every word an option can be typed as. */
function optionWords(o: CompletionOption): string[] {
  return [o.long, o.short ?? ''].filter(Boolean);
}

function bashCase(words: string[], body: string): string {
  return `    ${words.join('|')}) ${body} ;;`;
}

/** bash: a function over COMP_WORDS for `complete -F`; values of choice options completed after the option. */
function bash(spec: CompletionSpec): string {
  const fn = `_${spec.program.replace(/\W/g, '_')}`;
  const all = [...spec.global, ...spec.commands.flatMap((c) => c.options)];
  const valued = [...new Set(all.filter((o) => o.takesValue).flatMap(optionWords))];
  const choiceCases = new Map<string, string>();
  for (const o of all)
    if (o.takesValue) {
      const body = o.choices
        ? `COMPREPLY=($(compgen -W "${o.choices.join(' ')}" -- "$cur")); return`
        : o.file
          ? `COMPREPLY=($(compgen -f -- "$cur")); return`
          : 'return';
      for (const w of optionWords(o)) if (!choiceCases.has(w)) choiceCases.set(w, body);
    }
  const globalWords = spec.global.flatMap(optionWords);
  const commandCases = spec.commands.map((c) => {
    const words = [...c.options.flatMap(optionWords), '--help', ...(c.argChoices ?? [])];
    return bashCase([c.name], `words="${words.join(' ')}"`);
  });
  return [
    `# ${spec.program} completion for bash. Load it with: source <(${spec.program} completion bash)`,
    `${fn}() {`,
    '  local cur="${COMP_WORDS[COMP_CWORD]}" prev="${COMP_WORDS[COMP_CWORD-1]}" cmd="" words="" i',
    '  COMPREPLY=()',
    '  case "$prev" in',
    ...[...choiceCases].map(([w, body]) => bashCase([w], body)),
    '  esac',
    '  for ((i = 1; i < COMP_CWORD; i++)); do',
    '    case "${COMP_WORDS[i]}" in',
    bashCase(valued.length ? valued : ['--'], '((i++))'),
    bashCase(['-*'], ':'),
    bashCase(['*'], 'cmd="${COMP_WORDS[i]}"; break'),
    '    esac',
    '  done',
    '  case "$cmd" in',
    ...commandCases,
    bashCase(["''"], `words="${[...spec.commands.map((c) => c.name), ...globalWords].join(' ')}"`),
    '  esac',
    '  COMPREPLY=($(compgen -W "$words" -- "$cur"))',
    '}',
    `complete -F ${fn} ${spec.program}`,
    '',
  ].join('\n');
}

/** One `_arguments` spec for an option: '(-y --yes)'{-y,--yes}'[desc]' or '--timeout[desc]:value:(a b)'. */
function zshOption(o: CompletionOption): string {
  const desc = `[${plain(o.description)}]`;
  const value = !o.takesValue
    ? ''
    : o.choices
      ? `:value:(${o.choices.join(' ')})`
      : o.file
        ? ':file:_files'
        : ':value:';
  const words = optionWords(o);
  if (words.length === 1) return `'${words[0]}${desc}${value}'`;
  return `'(${words.join(' ')})'{${words.join(',')}}'${desc}${value}'`;
}

/** zsh: an `_arguments -C` function; works from $fpath (#compdef) and when sourced (compdef). */
function zsh(spec: CompletionSpec): string {
  const fn = `_${spec.program.replace(/\W/g, '_')}`;
  const commands = spec.commands.map((c) => `    '${c.name}:${plain(c.description)}'`);
  const cases = spec.commands.map((c) => {
    const args = [...c.options.map(zshOption), ...(c.argChoices ? [`'1:shell:(${c.argChoices.join(' ')})'`] : [])];
    return `        ${c.name}) _arguments ${args.join(' ')} ;;`;
  });
  return [
    `#compdef ${spec.program}`,
    `# ${spec.program} completion for zsh. Load it with: source <(${spec.program} completion zsh)`,
    `${fn}() {`,
    '  local curcontext="$curcontext" state line',
    '  typeset -A opt_args',
    '  local -a commands',
    '  commands=(',
    ...commands,
    '  )',
    `  _arguments -C ${spec.global.map(zshOption).join(' ')} '1: :->command' '*:: :->args'`,
    '  case $state in',
    `    command) _describe -t commands '${spec.program} command' commands ;;`,
    '    args)',
    '      case $line[1] in',
    ...cases,
    '      esac',
    '      ;;',
    '  esac',
    '}',
    `if [ "$funcstack[1]" = "${fn}" ]; then ${fn} "$@"; else compdef ${fn} ${spec.program}; fi`,
    '',
  ].join('\n');
}

/** One fish `complete` line for an option under a condition. */
function fishOption(program: string, condition: string, o: CompletionOption): string {
  const parts = [`complete -c ${program} -n '${condition}'`];
  if (o.long) parts.push(`-l ${o.long.replace(/^--/, '')}`);
  if (o.short) parts.push(`-s ${o.short.replace(/^-/, '')}`);
  if (o.takesValue) parts.push(o.choices ? `-x -a '${o.choices.join(' ')}'` : o.file ? '-r -F' : '-x');
  parts.push(`-d '${plain(o.description)}'`);
  return parts.join(' ');
}

/** fish: `complete` lines, commands offered until one is typed, then that command's options. */
function fish(spec: CompletionSpec): string {
  const p = spec.program;
  const lines = [`# ${p} completion for fish. Load it with: ${p} completion fish | source`, `complete -c ${p} -f`];
  for (const o of spec.global) lines.push(fishOption(p, '__fish_use_subcommand', o));
  for (const c of spec.commands) {
    lines.push(`complete -c ${p} -n '__fish_use_subcommand' -a ${c.name} -d '${plain(c.description)}'`);
    const seen = `__fish_seen_subcommand_from ${c.name}`;
    for (const o of c.options) lines.push(fishOption(p, seen, o));
    if (c.argChoices) lines.push(`complete -c ${p} -n '${seen}' -a '${c.argChoices.join(' ')}'`);
  }
  return `${lines.join('\n')}\n`;
}

/** PowerShell: a native argument completer; the command typed so far picks the words offered. */
function powershell(spec: CompletionSpec): string {
  const list = (words: string[]) => `@(${words.map((w) => `'${w}'`).join(', ')})`;
  const table = spec.commands.map(
    (c) => `    '${c.name}' = ${list([...c.options.flatMap(optionWords), '--help', ...(c.argChoices ?? [])])}`,
  );
  return [
    `# ${spec.program} completion for PowerShell. Load it with: ${spec.program} completion powershell | Out-String | Invoke-Expression`,
    `Register-ArgumentCompleter -Native -CommandName '${spec.program}' -ScriptBlock {`,
    '  param($wordToComplete, $commandAst, $cursorPosition)',
    '  $commands = @{',
    ...table,
    '  }',
    `  $globals = ${list(spec.global.flatMap(optionWords))}`,
    '  $typed = @($commandAst.CommandElements | Select-Object -Skip 1 | ForEach-Object { $_.ToString() })',
    '  $cmd = $typed | Where-Object { $commands.ContainsKey($_) } | Select-Object -First 1',
    '  $candidates = if ($cmd) { $commands[$cmd] } else { @($commands.Keys) + $globals }',
    '  $candidates | Where-Object { $_ -like "$wordToComplete*" } | Sort-Object | ForEach-Object {',
    "    [System.Management.Automation.CompletionResult]::new($_, $_, 'ParameterValue', $_)",
    '  }',
    '}',
    '',
  ].join('\n');
}

/** The completion script for a shell. */
export function completionScript(shell: CompletionShell, spec: CompletionSpec): string {
  switch (shell) {
    case 'bash':
      return bash(spec);
    case 'zsh':
      return zsh(spec);
    case 'fish':
      return fish(spec);
    case 'powershell':
      return powershell(spec);
  }
}
