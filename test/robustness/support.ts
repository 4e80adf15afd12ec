// Shared plumbing of the robustness guards: a module directory, the tidy-availability check, a detached CLI spawn,
// and a /proc scan that finds every process started by one gomodctl run (they inherit a unique tag variable).
import { execa, type ResultPromise } from 'execa';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { BIN } from '../helpers/run-cli.js';

/** Writes a module at dir/name importing `imports` (default example.com/hello) and returns its directory. */
export function writeModule(dir: string, opts: { name?: string; imports?: string[]; goMod?: string } = {}): string {
  const mod = join(dir, opts.name ?? 'mod');
  mkdirSync(mod, { recursive: true });
  writeFileSync(join(mod, 'go.mod'), opts.goMod ?? 'module example.com/m\n\ngo 1.18\n');
  const imps = opts.imports ?? ['example.com/hello'];
  const lines = imps.map((p, i) => `\tm${i} "${p}"`).join('\n');
  const uses = imps.map((_, i) => `var _ = m${i}.Hello`).join('\n');
  writeFileSync(join(mod, 'main.go'), `package main\n\nimport (\n${lines}\n)\n\n${uses}\n\nfunc main() {}\n`);
  return mod;
}

/** A process seen in /proc. */
export interface ProcInfo {
  pid: number;
  ppid: number;
  comm: string;
  state: string;
  /** argv joined by spaces (read from /proc/PID/cmdline). */
  cmdline: string;
}

function readStat(pid: number): ProcInfo | null {
  try {
    const s = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const close = s.lastIndexOf(')'); // comm may contain spaces and parentheses
    const comm = s.slice(s.indexOf('(') + 1, close);
    const [state, ppid] = s.slice(close + 2).split(' ');
    let cmdline = '';
    try {
      cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
    } catch {
      // gone meanwhile
    }
    return { pid, ppid: Number(ppid), comm, state: state ?? '?', cmdline };
  } catch {
    return null;
  }
}

/** Every live (non-zombie) process whose environment holds GOMODCTL_GUARD_TAG=tag; survives re-parenting. */
export function findTagged(tag: string): ProcInfo[] {
  const needle = Buffer.from(`GOMODCTL_GUARD_TAG=${tag}\0`);
  const out: ProcInfo[] = [];
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    let env: Buffer;
    try {
      env = readFileSync(`/proc/${d}/environ`);
    } catch {
      continue;
    }
    if (!env.includes(needle)) continue;
    const st = readStat(Number(d));
    if (st && st.state !== 'Z' && st.state !== 'X') out.push(st);
  }
  return out;
}

/** True while pid exists and is not a zombie. */
export function isAlive(pid: number): boolean {
  const st = readStat(pid);
  return st !== null && st.state !== 'Z' && st.state !== 'X';
}

/** Descendants of pid by ppid chains (a snapshot: orphans re-parented to init are no longer found this way). */
export function descendants(pid: number): ProcInfo[] {
  const all = readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .map((d) => readStat(Number(d)))
    .filter((p): p is ProcInfo => p !== null);
  const out: ProcInfo[] = [];
  const frontier = [pid];
  while (frontier.length) {
    const parent = frontier.pop()!;
    for (const p of all) if (p.ppid === parent) out.push(p), frontier.push(p.pid);
  }
  return out;
}

/** Polls pred every everyMs (default 50) until it is truthy or timeoutMs passes; returns the last value. */
export async function waitFor<T>(pred: () => T, timeoutMs: number, everyMs = 50): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = pred();
    if (v || Date.now() > end) return v;
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** A gomodctl run in its own process group, tagged so that every descendant can be found later. */
export interface TaggedRun {
  tag: string;
  child: ResultPromise;
  pid: number;
}

/** Spawns `node bin/gomodctl.js args` detached, with a fresh tag; hard-killed (whole group) after hardMs. */
export function spawnTagged(
  args: string[],
  env: NodeJS.ProcessEnv,
  opts: { cwd?: string; hardMs?: number } = {},
): TaggedRun {
  const tag = randomBytes(6).toString('hex');
  const child = execa(process.execPath, [BIN, ...args], {
    env: { ...env, GOMODCTL_GUARD_TAG: tag },
    extendEnv: false,
    cwd: opts.cwd,
    detached: true,
    reject: false,
    stdin: 'ignore',
    timeout: opts.hardMs ?? 30_000,
    killSignal: 'SIGKILL',
  });
  return { tag, child, pid: child.pid! };
}

/** Last resort after a guard: SIGKILL whatever still carries the tag, so a failing guard leaves nothing behind. */
export function killTagged(tag: string): void {
  for (const p of findTagged(tag)) {
    try {
      process.kill(p.pid, 'SIGKILL');
    } catch {
      // gone already
    }
  }
}

/** Every password in `text` (plain, and base64 of user:password as in an Authorization header). */
export function leaks(text: string, secrets: Array<{ user: string; pass: string }>): string[] {
  const found: string[] = [];
  for (const s of secrets) {
    if (text.includes(s.pass)) found.push(s.pass);
    const b64 = Buffer.from(`${s.user}:${s.pass}`).toString('base64');
    if (text.includes(b64)) found.push(`base64(${s.user}:${s.pass})`);
  }
  return found;
}
