// Renders fixes (core/fix/fix.ts) at the edge: a POSIX shell line, a PowerShell line, or a GitHub Actions step that
// appends to $GITHUB_ENV; and an init/restore plan as the fewest `go env -w` / `go env -u` calls.
import type { Fix } from '../core/fix/fix.js';
import { canGoEnvWrite } from '../core/known-vars.js';
import { goEnvWriteCommand, powershellQuote, shellQuote } from '../core/shell-quote.js';

/** The shells and CI dialects a fix can be written in. */
type FixDialect = 'posix' | 'powershell' | 'github-env';

/** Why an `export` is needed for a variable `go env -w` could hold: the OS environment sets it and wins. */
const fromEnvironment = (variable: string): string =>
  `${variable} comes from your environment: change it where your shell profile or CI sets it`;

const UNSET_ENV_NOTE = 'and remove it from your shell profile or CI settings';

/** "   # a; b" for the non-empty parts, or "". */
function comment(...parts: Array<string | undefined>): string {
  const text = parts.filter(Boolean).join('; ');
  return text ? `   # ${text}` : '';
}

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

function posix(fix: Fix): string {
  switch (fix.kind) {
    case 'set': {
      if (fix.scope === 'goenv') return goEnvWriteCommand([[fix.variable, fix.value ?? '']]) + comment(fix.note);
      const value = posixValue(fix);
      const why = canGoEnvWrite(fix.variable) ? fromEnvironment(fix.variable) : undefined;
      return `export ${fix.variable}=${value}${comment(fix.note, why)}`;
    }
    case 'unset':
      if (fix.scope === 'goenv') return `go env -u ${fix.variable}${comment(fix.note)}`;
      return `unset ${fix.variable}${comment(fix.note ?? (canGoEnvWrite(fix.variable) ? UNSET_ENV_NOTE : undefined))}`;
    case 'command':
      return fix.argv.map(shellQuote).join(' ') + comment(fix.note);
    case 'comment':
      return `# ${fix.note}`;
  }
}

function powershell(fix: Fix): string {
  switch (fix.kind) {
    case 'set': {
      if (fix.scope === 'goenv') return `go env -w ${psArg(`${fix.variable}=${fix.value ?? ''}`)}${comment(fix.note)}`;
      const value = fix.valueFrom
        ? `$env:${fix.valueFrom}`
        : fix.append
          ? `"$env:${fix.variable},${(fix.value ?? '').replace(/[`"$]/g, '`$&')}"`
          : powershellQuote(fix.value ?? '');
      return `$env:${fix.variable} = ${value}${comment(fix.note)}`;
    }
    case 'unset':
      if (fix.scope === 'goenv') return `go env -u ${fix.variable}${comment(fix.note)}`;
      return `Remove-Item Env:${fix.variable}${comment(fix.note)}`;
    case 'command':
      return fix.argv.map(psArg).join(' ') + comment(fix.note);
    case 'comment':
      return `# ${fix.note}`;
  }
}

/** In GitHub Actions a later step sees what is appended to $GITHUB_ENV (and it wins over the GOENV file). */
function githubEnv(fix: Fix): string {
  if (fix.kind === 'set') {
    const line = fix.valueFrom
      ? `"${fix.variable}=$${fix.valueFrom}"`
      : fix.append
        ? doubleQuoted(`${fix.variable}=${currentValue(fix.variable)}`, `,${fix.value ?? ''}`)
        : shellQuote(`${fix.variable}=${fix.value}`);
    return `echo ${line} >> "$GITHUB_ENV"${comment(fix.note)}`;
  }
  if (fix.kind === 'unset' && fix.scope === 'env')
    return `echo '${fix.variable}=' >> "$GITHUB_ENV"${comment(fix.note)}`;
  return posix(fix);
}

/** One fix as one line to copy, in the given dialect (POSIX shell by default). */
export function renderFix(fix: Fix, dialect: FixDialect = 'posix'): string {
  if (dialect === 'powershell') return powershell(fix);
  return dialect === 'github-env' ? githubEnv(fix) : posix(fix);
}

/** Each fix as its own line (they are alternatives, not a sequence). */
export function renderFixes(fixes: Fix[] | undefined, dialect: FixDialect = 'posix'): string[] {
  return (fixes ?? []).map((f) => renderFix(f, dialect));
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
