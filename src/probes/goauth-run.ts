// Credentials as Go sends them, for probes: GOAUTH's methods run the way cmd/go runs them (auth.go AddCredentials,
// runGoAuth; userauth.go runAuthCommand; gitauth.go runGitAuth) — each child process bounded, its output never
// printed (only exit status and the first line of stderr, redacted, reach a message). Before Go 1.24: .netrc only.
import { statSync } from 'node:fs';
import { findNetrcEntry } from '../core/netrc.js';
import {
  effectiveGoAuth,
  hasGoAuth,
  parseGoAuth,
  safeGoAuth,
  type DirFact,
  type GoAuthMethod,
  type GoAuthPlan,
  type GoAuthProblem,
} from '../core/goauth.js';
import {
  loadCredential,
  parseGitAuth,
  parseUserAuth,
  storeCredential,
  storeNetrc,
  basicAuthHeader,
  GoAuthFatal,
  type CredentialCache,
  type CredentialSource,
  type RejectedResponse,
} from '../core/credential-cache.js';
import { redactSecrets } from '../core/redact.js';
import { commonMsg } from '../core/i18n/messages/common.js';
import type { NetrcEntry } from '../core/netrc.js';

// execa is loaded where it runs: it is ESM only, and in the CommonJS bundle of `gomodctl tidy` (bin/gomodctl.js) a
// static import would become a require().

/** Options of createGoAuth. */
interface GoAuthOptions {
  /** GOAUTH as Go sees it (config model), undefined when unset. */
  goauth: string | undefined;
  goVersion: string | null;
  /** Environment for the child processes (Go passes its own). */
  env: Record<string, string | undefined>;
  netrc: NetrcEntry[];
  platform?: NodeJS.Platform;
  /** Bound on each child process. */
  timeoutMs: number;
  /** Kills a child still running (the prober was closed: its answer is no longer wanted). */
  signal?: AbortSignal;
}

/** A GOAUTH session for one run: commands run once up front (lazily) and again per rejected URL, as in Go. */
interface GoAuthSession extends CredentialSource {
  /** Problems met so far (after initial()/retry() were awaited). */
  problems(): GoAuthProblem[];
}

/** Creates the session. Go < 1.24: .netrc with that release's host rules, no retry. */
export function createGoAuth(o: GoAuthOptions): GoAuthSession {
  const problems: GoAuthProblem[] = [];
  if (!hasGoAuth(o.goVersion)) return legacyNetrc(o, problems);
  const raw = effectiveGoAuth(o.goauth, o.goVersion);
  const plan = parseGoAuth(raw, statDir, o.platform ?? process.platform);
  const fatalText = plan.ok ? '' : plan.error.split(raw).join(safeGoAuth(raw));
  if (!plan.ok) problems.push({ method: 'parse', entry: safeGoAuth(raw), outcome: 'fatal', message: fatalText });
  const methods = plan.ok ? plan.methods : [];
  const cache: CredentialCache = new Map();
  let first: Promise<void> | null = null;
  const retried = new Map<string, Promise<Record<string, string> | null>>();
  const load = (url: string) => flatten(loadCredential(cache, url, o.goVersion));
  return {
    problems: () => [...problems],
    initial: async (url) => {
      if (!plan.ok) throw new GoAuthFatal(fatalText);
      if (methods.some((m) => m.kind === 'off')) return null;
      await (first ??= runAll(methods, o, cache, problems, '', undefined));
      return load(url);
    },
    retry: (url, res) => {
      if (!plan.ok || methods.some((m) => m.kind === 'off')) return Promise.resolve(null);
      let p = retried.get(url);
      if (!p) {
        p = (first ??= runAll(methods, o, cache, problems, '', undefined))
          .then(() => runAll(methods, o, cache, problems, url, res))
          .then(() => load(url));
        retried.set(url, p);
      }
      return p;
    },
  };
}

function legacyNetrc(o: GoAuthOptions, problems: GoAuthProblem[]): GoAuthSession {
  const initial = async (url: string) => {
    const e = findNetrcEntry(o.netrc, url, o.goVersion);
    return e ? flatten(basicAuthHeader(e.login, e.password)) : null;
  };
  return { problems: () => [...problems], initial, retry: async () => null };
}

function flatten(h: Record<string, string[]> | null): Record<string, string> | null {
  if (!h) return null;
  return Object.fromEntries(Object.entries(h).map(([k, v]) => [k, v.join(', ')]));
}

function statDir(dir: string): DirFact {
  try {
    return statSync(dir).isDirectory() ? 'dir' : 'not-dir';
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    return { error: e.code === 'ENOENT' ? 'no such file or directory' : (e.message ?? String(err)) };
  }
}

/** runGoAuth: every method in Go's order (already reversed by parseGoAuth), storing what each yields. */
async function runAll(
  methods: GoAuthMethod[],
  o: GoAuthOptions,
  cache: CredentialCache,
  problems: GoAuthProblem[],
  url: string,
  res: RejectedResponse | undefined,
): Promise<void> {
  for (const m of methods) {
    if (m.kind === 'netrc') storeNetrc(cache, o.netrc, o.goVersion);
    else if (m.kind === 'git') {
      if (url === '') continue; // Go skips git on the first run: `git credential` cannot list credentials
      const got = await runGitCredential(m.dir, url, o, problems);
      if (got) storeCredential(cache, got.prefix, basicAuthHeader(got.username, got.password), o.goVersion);
    } else if (m.kind === 'command') {
      const got = await runAuthCommand(m, url, res, o, problems);
      for (const [prefix, headers] of got) storeCredential(cache, prefix, headers, o.goVersion);
    }
  }
}

/** userauth.go runAuthCommand: argv (+ the URL), the rejected response on stdin, stdout parsed as credentials. */
async function runAuthCommand(
  m: Extract<GoAuthMethod, { kind: 'command' }>,
  url: string,
  res: RejectedResponse | undefined,
  o: GoAuthOptions,
  problems: GoAuthProblem[],
): Promise<Map<string, Record<string, string[]>>> {
  const entry = safeGoAuth(m.command);
  if (!m.argv || m.argv.length === 0) {
    problems.push({
      method: 'command',
      entry,
      outcome: 'failed',
      message: commonMsg('goauth.cannotParse', { entry, error: m.splitError ?? '' }),
    });
    return new Map();
  }
  const [file, ...args] = m.argv;
  const { execa } = await import('execa');
  const r = await execa(file!, url ? [...args, url] : args, {
    env: o.env,
    extendEnv: false,
    reject: false,
    timeout: o.timeoutMs,
    ...(o.signal && { cancelSignal: o.signal }),
    input: res ? responseText(res) : '',
    stripFinalNewline: false,
  });
  const failure = childFailure(r, entry);
  if (failure) {
    problems.push({ method: 'command', entry, ...failure });
    return new Map();
  }
  try {
    return parseUserAuth(String(r.stdout));
  } catch (err) {
    const message = commonMsg('goauth.badOutput', { entry, error: (err as Error).message });
    problems.push({ method: 'command', entry, outcome: 'bad-output', message });
    return new Map();
  }
}

/** The status line and headers, as Go writes them to a GOAUTH command's stdin. */
function responseText(res: RejectedResponse): string {
  const lines = [`HTTP/1.1 ${res.status}${res.statusText ? ` ${res.statusText}` : ''}`];
  for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) lines.push(`${k}: ${[v].flat().join(', ')}`);
  return `${lines.join('\n')}\n\n`;
}

type ChildResult = Awaited<ReturnType<typeof import('execa').execa>>;

/** Why a child failed, in words without its output (stderr's first line only, redacted). */
function childFailure(r: ChildResult, entry: string): Pick<GoAuthProblem, 'outcome' | 'message'> | null {
  if (r.timedOut) return { outcome: 'timeout', message: commonMsg('goauth.timeout', { entry }) };
  const code = (r as { code?: string }).code;
  if (code === 'ENOENT' || r.exitCode === 127) {
    return { outcome: 'not-found', message: commonMsg('goauth.notFound', { entry }) };
  }
  if (r.exitCode === 0 && !r.failed) return null;
  const first = redactSecrets(String(r.stderr ?? '').split('\n')[0] ?? '').slice(0, 200);
  const status = r.exitCode !== undefined ? `exit status ${r.exitCode}` : (r.signal ?? 'failed'); // Go's words
  const stderr = first ? commonMsg('goauth.stderr', { line: first }) : '';
  return { outcome: 'failed', message: commonMsg('goauth.failed', { entry, status, stderr }) };
}

/** gitauth.go runGitAuth: `git credential fill` in DIR for the URL, prompts off as cmd/go sets them. */
async function runGitCredential(
  dir: string,
  url: string,
  o: GoAuthOptions,
  problems: GoAuthProblem[],
): Promise<{ prefix: string; username: string; password: string } | null> {
  const entry = `git ${dir}`;
  const env = {
    ...o.env,
    GIT_TERMINAL_PROMPT: o.env.GIT_TERMINAL_PROMPT || '0', // modload/init.go: unless the user set it
    GCM_INTERACTIVE: o.env.GCM_INTERACTIVE || 'never',
  };
  const { execa } = await import('execa');
  const r = await execa('git', ['credential', 'fill'], {
    cwd: dir,
    env,
    extendEnv: false,
    reject: false,
    timeout: o.timeoutMs,
    ...(o.signal && { cancelSignal: o.signal }),
    input: `url=${url}\n`,
    all: true, // Go parses CombinedOutput
  });
  const failure = childFailure(r, entry);
  if (failure) {
    const none = failure.outcome === 'failed';
    const message = none ? commonMsg('goauth.gitNone', { url, dir }) : failure.message;
    problems.push({ method: 'git', entry, outcome: none ? 'no-credentials' : failure.outcome, message });
    return null;
  }
  const got = parseGitAuth(String(r.all ?? ''));
  if (got.prefix === '') {
    problems.push({
      method: 'git',
      entry,
      outcome: 'bad-output',
      message: commonMsg('goauth.gitBadUrl', { url }),
    });
    return null;
  }
  if (!url.startsWith(got.prefix)) {
    const message = commonMsg('goauth.gitWrongPrefix', { url, prefix: redactSecrets(got.prefix) });
    problems.push({ method: 'git', entry, outcome: 'wrong-prefix', message });
    return null;
  }
  return got;
}

/** What the doctor learns by running GOAUTH for some URLs, as Go would before and after a rejection. */
export interface GoAuthInspection {
  /** GOAUTH as Go reads it, and its parse (with the file-system facts Go checks). */
  goauth: string;
  plan: GoAuthPlan;
  /** Per URL: whether a credential came out (first run, or git credential fill). */
  found: Record<string, boolean>;
  problems: GoAuthProblem[];
}

/**
 * Runs GOAUTH once as Go does before its first https request, then `git credential fill` of each `git DIR` method
 * for each URL (Go runs that only after a 4xx), all bounded; reports what came out, never the credentials.
 */
export async function inspectGoAuth(o: GoAuthOptions & { urls: string[] }): Promise<GoAuthInspection> {
  const goauth = effectiveGoAuth(o.goauth, o.goVersion);
  const plan: GoAuthPlan = hasGoAuth(o.goVersion)
    ? parseGoAuth(goauth, statDir, o.platform ?? process.platform)
    : { ok: true, methods: [{ kind: 'netrc' }] };
  const session = createGoAuth(o);
  const problems: GoAuthProblem[] = [];
  const found: Record<string, boolean> = {};
  const https = o.urls.filter((u) => u.startsWith('https://'));
  for (const url of https) found[url] = (await session.initial(url).catch(() => null)) !== null;
  const gits = plan.ok ? plan.methods.filter((m) => m.kind === 'git') : [];
  for (const m of gits) {
    for (const url of https) if ((await runGitCredential(m.dir, url, o, problems)) !== null) found[url] = true;
  }
  return { goauth, plan, found, problems: [...session.problems(), ...problems] };
}
