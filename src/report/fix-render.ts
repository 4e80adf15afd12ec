// Renders fixes (core/fix/fix.ts) at the edge: a POSIX shell line, a PowerShell line, or a GitHub Actions step that
// appends to $GITHUB_ENV; and an init/restore plan as the fewest `go env -w` / `go env -u` calls.
import type { Fix } from '../core/fix/fix.js';
import { ENGLISH, type Text, type Translator } from '../core/i18n/message.js';
import { fixMsg } from '../core/i18n/messages/fix.js';
import { canGoEnvWrite } from '../core/known-vars.js';
import { goEnvWriteCommand, powershellQuote, shellQuote } from '../core/shell-quote.js';

/** The shells and CI dialects a fix can be written in. */
export type FixDialect = 'posix' | 'powershell' | 'github-env';

/**
 * Renders the notes: the run's language for a person (report/output.ts `Output` is one), English (the default) for
 * machine output (JSON, JUnit XML).
 */
type NoteTranslator = Pick<Translator, 't'>;

/** Why an `export` is needed for a variable `go env -w` could hold: the OS environment sets it and wins. */
const fromEnvironment = (variable: string) => fixMsg('fix.note.fromEnvironment', { variable });

const UNSET_ENV_NOTE = fixMsg('fix.note.unsetEnv');

/** A rendered fix: the command alone (empty for advice) and the notes that explain it. */
interface FixParts {
  command: string;
  notes: string[];
}

/** The command with its notes as a trailing comment: "cmd   # a; b" (Chinese joins them with "；"). */
function joined(p: FixParts, tr: NoteTranslator): string {
  const text = p.notes.join(tr.t(fixMsg('fix.note.separator')));
  if (!p.command) return `# ${text}`;
  return text ? `${p.command}   # ${text}` : p.command;
}

/** A command and its notes, rendered by `tr`. */
const parts = (tr: NoteTranslator, command: string, ...notes: Array<Text | undefined>): FixParts => ({
  command,
  notes: notes.filter((n): n is Text => Boolean(n)).map((n) => tr.t(n)),
});

/**
 * Go reads these from the upper-case name, else the lower-case one (x/net/http/httpproxy FromEnvironment getEnvAny),
 * so a value kept when appending is whichever of the two Go would use.
 */
const LOWER_CASE_TWIN = new Set(['HTTPS_PROXY', 'HTTP_PROXY', 'NO_PROXY']);

/** The POSIX text of the current value: `${NO_PROXY:-$no_proxy}`, `$GOFLAGS`. */
function currentValue(variable: string): string {
  return LOWER_CASE_TWIN.has(variable) ? `\${${variable}:-$${variable.toLowerCase()}}` : `$${variable}`;
}

/** A double-quoted POSIX word: `$`, `` ` ``, `"` and `\` in the literal part are escaped. */
function doubleQuoted(expansion: string, literal: string): string {
  return `"${expansion}${literal.replace(/[$`"\\]/g, '\\$&')}"`;
}

/** The value of a `set` fix as a POSIX word: literal, copied from another variable, or appended to the current one. */
function posixValue(fix: Extract<Fix, { kind: 'set' }>): string {
  if (fix.valueFrom) return `"$${fix.valueFrom}"`;
  if (fix.append) return doubleQuoted(currentValue(fix.variable), `,${fix.value ?? ''}`);
  return shellQuote(fix.value ?? '');
}

/** PowerShell needs quotes around anything but plain words (a bare `a,b` is an array there). */
function psArg(arg: string): string {
  return /^[A-Za-z0-9_./:=@+-]+$/.test(arg) ? arg : powershellQuote(arg);
}

function posix(fix: Fix, tr: NoteTranslator): FixParts {
  switch (fix.kind) {
    case 'set': {
      if (fix.scope === 'goenv') return parts(tr, goEnvWriteCommand([[fix.variable, fix.value ?? '']]), fix.note);
      const why = canGoEnvWrite(fix.variable) ? fromEnvironment(fix.variable) : undefined;
      return parts(tr, `export ${fix.variable}=${posixValue(fix)}`, fix.note, why);
    }
    case 'unset':
      if (fix.scope === 'goenv') return parts(tr, `go env -u ${fix.variable}`, fix.note);
      return parts(tr, `unset ${fix.variable}`, fix.note ?? (canGoEnvWrite(fix.variable) ? UNSET_ENV_NOTE : undefined));
    case 'command':
      return parts(tr, fix.argv.map(shellQuote).join(' '), fix.note);
    case 'comment':
      return parts(tr, '', fix.note);
  }
}

function powershell(fix: Fix, tr: NoteTranslator): FixParts {
  switch (fix.kind) {
    case 'set': {
      if (fix.scope === 'goenv') return parts(tr, `go env -w ${psArg(`${fix.variable}=${fix.value ?? ''}`)}`, fix.note);
      const value = fix.valueFrom
        ? `$env:${fix.valueFrom}`
        : fix.append
          ? `"$env:${fix.variable},${(fix.value ?? '').replace(/[`"$]/g, '`$&')}"`
          : powershellQuote(fix.value ?? '');
      return parts(tr, `$env:${fix.variable} = ${value}`, fix.note);
    }
    case 'unset':
      if (fix.scope === 'goenv') return parts(tr, `go env -u ${fix.variable}`, fix.note);
      return parts(tr, `Remove-Item Env:${fix.variable}`, fix.note);
    case 'command':
      return parts(tr, fix.argv.map(psArg).join(' '), fix.note);
    case 'comment':
      return parts(tr, '', fix.note);
  }
}

/** In GitHub Actions a later step sees what is appended to $GITHUB_ENV (and it wins over the GOENV file). */
function githubEnv(fix: Fix, tr: NoteTranslator): FixParts {
  if (fix.kind === 'set') {
    const line = fix.valueFrom
      ? `"${fix.variable}=$${fix.valueFrom}"`
      : fix.append
        ? doubleQuoted(`${fix.variable}=${currentValue(fix.variable)}`, `,${fix.value ?? ''}`)
        : shellQuote(`${fix.variable}=${fix.value}`);
    return parts(tr, `echo ${line} >> "$GITHUB_ENV"`, fix.note);
  }
  if (fix.kind === 'unset' && fix.scope === 'env')
    return parts(tr, `echo '${fix.variable}=' >> "$GITHUB_ENV"`, fix.note);
  return posix(fix, tr);
}

function fixParts(fix: Fix, dialect: FixDialect, tr: NoteTranslator): FixParts {
  if (dialect === 'powershell') return powershell(fix, tr);
  return dialect === 'github-env' ? githubEnv(fix, tr) : posix(fix, tr);
}

/**
 * One fix as one line to copy, in the given dialect (POSIX shell by default): "command   # notes"; the notes in
 * the language of `tr` (English by default, as JSON and JUnit need).
 */
export function renderFix(fix: Fix, dialect: FixDialect = 'posix', tr: NoteTranslator = ENGLISH): string {
  return joined(fixParts(fix, dialect, tr), tr);
}

/** Each fix as its own line (they are alternatives, not a sequence); notes in the language of `tr`. */
export function renderFixes(
  fixes: Fix[] | undefined,
  dialect: FixDialect = 'posix',
  tr: NoteTranslator = ENGLISH,
): string[] {
  return (fixes ?? []).map((f) => renderFix(f, dialect, tr));
}

/**
 * Fixes laid out for a person (issue 8): advice and the notes every command shares come first, once, as `# …`
 * lines; then each command on a line of its own (a line-select copies a runnable command), its own notes on a
 * `# …` line above it. `commands` counts the runnable lines; with none, the lines are advice only.
 */
function renderFixBlock(
  fixes: Fix[] | undefined,
  dialect: FixDialect,
  tr: NoteTranslator,
): { lines: string[]; commands: number } {
  const all = (fixes ?? []).map((f) => fixParts(f, dialect, tr));
  const runnable = all.filter((p) => p.command);
  const shared =
    runnable.length > 1 ? runnable[0]!.notes.filter((n) => runnable.every((p) => p.notes.includes(n))) : [];
  const lines = [...all.filter((p) => !p.command).flatMap((p) => p.notes), ...shared].map((n) => `# ${n}`);
  for (const p of runnable) {
    const own = p.notes.filter((n) => !shared.includes(n));
    for (const n of own) lines.push(`# ${n}`);
    lines.push(p.command);
  }
  return { lines, commands: runnable.length };
}

/** The fix block's lines without a label: `# note` lines (in the language of `tr`) above each command. */
export function renderFixLines(
  fixes: Fix[] | undefined,
  dialect: FixDialect = 'posix',
  tr: NoteTranslator = ENGLISH,
): string[] {
  return renderFixBlock(fixes, dialect, tr).lines;
}

/**
 * A report's fix section: "fix:" (or "fix, one of:") over the block at `indent` + 2, or the advice alone (no command)
 * at `indent` and not labelled a fix. `style` colours the label and the `#` lines (chalk at the caller); `tr`
 * renders the notes (the run's `Output`).
 */
export function renderFixSection(
  fixes: Fix[] | undefined,
  indent: string,
  style: { label(s: string): string; note(s: string): string; words?: { fix: string; oneOf: string } },
  dialect: FixDialect = 'posix',
  tr: NoteTranslator = ENGLISH,
): string[] {
  const block = renderFixBlock(fixes, dialect, tr);
  if (block.commands === 0) return block.lines.map((l) => `${indent}${style.note(l.replace(/^# /, ''))}`);
  const words = style.words ?? { fix: 'fix:', oneOf: 'fix, one of:' };
  const label = style.label(block.commands > 1 ? words.oneOf : words.fix);
  return [`${indent}${label}`, ...block.lines.map((l) => `${indent}  ${l.startsWith('# ') ? style.note(l) : l}`)];
}

/** A plan's GOENV-file changes as the exact commands that apply them: one `go env -w …` and one `go env -u …`. */
export function renderPlanCommands(fixes: Fix[]): string[] {
  const sets = fixes.flatMap(
    (f): Array<[string, string]> => (f.kind === 'set' && f.scope === 'goenv' ? [[f.variable, f.value ?? '']] : []),
  );
  const unsets = fixes.flatMap((f) => (f.kind === 'unset' && f.scope === 'goenv' ? [shellQuote(f.variable)] : []));
  return [
    ...(sets.length ? [goEnvWriteCommand(sets)] : []),
    ...(unsets.length ? [`go env -u ${unsets.join(' ')}`] : []),
  ];
}
