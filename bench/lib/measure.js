// Timing primitives of the bench: bounded child processes, medians, ratios.
import { spawn } from 'node:child_process';

/** Median of numbers (NaN for none). */
export function median(xs) {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/**
 * Runs a command with a hard bound and returns {ms, code, signal, stdout, stderr, firstMatchMs, matches}. `watch` is a
 * RegExp, or an object of named RegExps, looked for in stdout+stderr as they stream; firstMatchMs / matches[name] is
 * when it first appeared (null if never).
 */
export function timeCommand(cmd, args, { env, cwd, timeoutMs = 60_000, watch } = {}) {
  return new Promise((resolve) => {
    const start = performance.now();
    const child = spawn(cmd, args, {
      env,
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: process.platform !== 'win32',
    });
    let stdout = '';
    let stderr = '';
    const watches = watch instanceof RegExp ? { first: watch } : (watch ?? {});
    const matches = Object.fromEntries(Object.keys(watches).map((k) => [k, null]));
    const seen = () => {
      for (const [k, re] of Object.entries(watches)) {
        if (matches[k] === null && re.test(stdout + stderr)) matches[k] = performance.now() - start;
      }
    };
    child.stdout.on('data', (d) => ((stdout += d), seen()));
    child.stderr.on('data', (d) => ((stderr += d), seen()));
    const timer = setTimeout(() => killGroup(child.pid), timeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({
        ms: performance.now() - start,
        code,
        signal,
        stdout,
        stderr,
        firstMatchMs: matches.first ?? null,
        matches,
      });
    });
    child.on('error', () => undefined);
  });
}

/** SIGKILLs a detached child's whole process group (go and its children with it). */
export function killGroup(pid) {
  if (pid === undefined) return;
  try {
    process.kill(process.platform === 'win32' ? pid : -pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

/** Runs `fn` n times, alternating with the other functions given, and returns medians keyed like `fns`. */
export async function interleaved(n, fns) {
  const samples = Object.fromEntries(Object.keys(fns).map((k) => [k, []]));
  for (let i = 0; i < n; i++) {
    for (const [k, fn] of Object.entries(fns)) samples[k].push(await fn(i));
  }
  return Object.fromEntries(Object.entries(samples).map(([k, xs]) => [k, { median: median(xs), samples: xs }]));
}

/** Rounds to d decimals. */
export const round = (x, d = 1) => (Number.isFinite(x) ? Math.round(x * 10 ** d) / 10 ** d : null);
