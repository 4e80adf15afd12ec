// GOAUTH exactly as cmd/go reads it (Go 1.24+; cmd/go/internal/auth/auth.go runGoAuth, AddCredentials). Before
// Go 1.24 the variable does not exist and .netrc is the only source. Read in Go 1.24.0, 1.25.0, 1.26.8 and 1.27.3:
// the parsing is the same; only the credential-prefix matching changed in 1.25 (see credential-cache.ts).
import type { ConfigModel } from './config-types.js';
import type { Text } from './i18n/message.js';
import { goMinorVersion } from './go-version.js';

/** One GOAUTH method, as the first word of its entry decides (auth.go runGoAuth switch words[0]). */
export type GoAuthMethod =
  | { kind: 'off' }
  | { kind: 'netrc' }
  | { kind: 'git'; dir: string }
  /** Anything else: a command split like a shell command line (cmd/internal/quoted.Split). */
  | { kind: 'command'; command: string; argv?: string[]; splitError?: string };

/** One thing that went wrong running a GOAUTH method (no secrets in it). */
export interface GoAuthProblem {
  method: 'netrc' | 'git' | 'command' | 'parse';
  /** The GOAUTH entry (a command line holds no secret by itself; redacted anyway). */
  entry: string;
  outcome: 'fatal' | 'not-found' | 'failed' | 'timeout' | 'bad-output' | 'no-credentials' | 'wrong-prefix';
  /** Go's own fatal text (verbatim), or the runner's sentence (a catalogue message). */
  message: Text;
}

/** Whether this Go release has GOAUTH (1.24+); unknown version = newest. */
export function hasGoAuth(goVersion: string | null | undefined): boolean {
  return (goMinorVersion(goVersion) ?? Number.MAX_SAFE_INTEGER) >= 24;
}

/** The GOAUTH value Go uses: the variable on 1.24+ ("netrc" when unset or empty), always netrc before 1.24. */
export function effectiveGoAuth(value: string | undefined, goVersion: string | null | undefined): string {
  if (!hasGoAuth(goVersion)) return 'netrc';
  return value === undefined || value === '' ? 'netrc' : value; // cfg.go EnvOrAndChanged("GOAUTH", "netrc")
}

/** GOAUTH as configured (environment or GOENV file), undefined when only Go's default applies. */
export function configuredGoAuth(model: ConfigModel): string | undefined {
  const v = model.vars.GOAUTH;
  return v && v.source !== 'default' ? v.value : undefined;
}

/** What the file system says of a `git DIR` directory (os.Stat). */
export type DirFact = 'dir' | 'not-dir' | { error: string };

/** GOAUTH parsed: the methods in the order Go runs them (reversed: earlier entries win), or Go's fatal error. */
export type GoAuthPlan = { ok: true; methods: GoAuthMethod[] } | { ok: false; error: string };

/**
 * Parses GOAUTH as runGoAuth walks it: split at ";", reversed, each entry trimmed and split at spaces; the first
 * problem met in that order is fatal (base.Fatalf, the texts below). `stat` answers for `git DIR` entries, which Go
 * checks in the same walk; `platform` decides what an absolute path is (filepath.IsAbs).
 */
export function parseGoAuth(value: string, stat: (dir: string) => DirFact, platform: NodeJS.Platform): GoAuthPlan {
  if (value === 'off') return { ok: true, methods: [{ kind: 'off' }] }; // AddCredentials: cfg.GOAUTH == "off"
  const entries = value.split(';').reverse();
  const methods: GoAuthMethod[] = [];
  for (const raw of entries) {
    const command = goTrimSpace(raw);
    const words = command.split(GO_SPACE).filter((w) => w !== ''); // strings.Fields
    if (words.length === 0) return fatal(`go: GOAUTH encountered an empty command (GOAUTH=${value})`);
    if (words[0] === 'off') {
      if (entries.length !== 1)
        return fatal(`go: GOAUTH=off cannot be combined with other authentication commands (GOAUTH=${value})`);
      return { ok: true, methods: [{ kind: 'off' }] };
    }
    if (words[0] === 'netrc') methods.push({ kind: 'netrc' });
    else if (words[0] === 'git') {
      const problem = gitProblem(words, stat, platform);
      if (problem) return fatal(problem);
      methods.push({ kind: 'git', dir: words[1]! });
    } else methods.push(commandMethod(command));
  }
  return { ok: true, methods };
}

/** unicode.IsSpace runs: JavaScript's \s without U+FEFF, plus U+0085. */
const GO_SPACE = /(?:[^\S\ufeff]|\u0085)+/;

/** strings.TrimSpace. */
function goTrimSpace(s: string): string {
  return s.replace(/^(?:[^\S\ufeff]|\u0085)+|(?:[^\S\ufeff]|\u0085)+$/g, '');
}

function fatal(error: string): GoAuthPlan {
  return { ok: false, error };
}

const GIT_DIR = 'go: GOAUTH=git dir method requires an absolute path to the git working directory';

function gitProblem(words: string[], stat: (dir: string) => DirFact, platform: NodeJS.Platform): string | null {
  if (words.length !== 2) return GIT_DIR;
  const dir = words[1]!;
  if (!isAbsolute(dir, platform)) return `${GIT_DIR}, dir is not absolute`;
  const fact = stat(dir);
  if (typeof fact === 'object') return `go: GOAUTH=git encountered an error; cannot stat ${dir}: ${fact.error}`;
  return fact === 'dir' ? null : `${GIT_DIR}, dir is not a directory`;
}

/** filepath.IsAbs: "/x" on Unix; on Windows a drive letter with a separator, or a UNC path. */
function isAbsolute(p: string, platform: NodeJS.Platform): boolean {
  if (platform !== 'win32') return p.startsWith('/');
  return /^[A-Za-z]:[\\/]/.test(p) || /^[\\/]{2}[^\\/]+[\\/][^\\/]+/.test(p);
}

function commandMethod(command: string): GoAuthMethod {
  const split = splitQuoted(command);
  return 'error' in split
    ? { kind: 'command', command, splitError: split.error }
    : { kind: 'command', command, argv: split.words };
}

/**
 * cmd/internal/quoted.Split: fields separated by space, tab, CR or LF; a field may be wrapped in single or double
 * quotes (no escapes inside; a quote ends the field, so `"a"b` is two fields). Error "unterminated ' string" etc.
 */
export function splitQuoted(s: string): { words: string[] } | { error: string } {
  const words: string[] = [];
  const space = (c: string | undefined) => c === ' ' || c === '\t' || c === '\n' || c === '\r';
  let i = 0;
  while (i < s.length) {
    while (i < s.length && space(s[i])) i++;
    if (i >= s.length) break;
    const q = s[i];
    if (q === '"' || q === "'") {
      const end = s.indexOf(q, i + 1);
      if (end < 0) return { error: `unterminated ${q} string` };
      words.push(s.slice(i + 1, end));
      i = end + 1;
      continue;
    }
    let j = i;
    while (j < s.length && !space(s[j])) j++;
    words.push(s.slice(i, j));
    i = j;
  }
  return { words };
}

/**
 * GOAUTH for printing: methods and directories as they are, each command cut to its program name, since arguments
 * may hold a token ("helper --token=…" → "helper …"). Go prints the raw value in its fatal errors; we never do.
 */
export function safeGoAuth(value: string): string {
  return value
    .split(';')
    .map((entry) => {
      const words = goTrimSpace(entry).split(GO_SPACE);
      if (words[0] === 'off' || words[0] === 'netrc' || words[0] === 'git' || words[0] === '') return entry;
      const lead = entry.match(/^\s*/)?.[0] ?? '';
      return `${lead}${words[0]}${words.length > 1 ? ' …' : ''}`;
    })
    .join(';');
}
