// The edge that runs `go`: one named function per operation, each with a timeout and a translated error.
import { execa } from 'execa';
import { GomodctlError, UsageError } from '../core/errors.js';
import type { EnvFileOp } from '../core/goenv-file.js';
import { commonMsg } from '../core/i18n/messages/common.js';
import { cMessagesEnv } from './child-env.js';
import { findExecutable } from './which.js';

/** Options shared by every `go` invocation. */
export interface GoRunOptions {
  /** Path or name of the go binary (from --go, GOMODCTL_GO, or "go"). */
  go: string;
  env: NodeJS.ProcessEnv;
  cwd?: string;
  timeoutMs?: number;
}

/** Thrown when the go binary cannot be run at all. */
export class GoNotFoundError extends GomodctlError {
  constructor(go: string) {
    super(commonMsg('go.notFound', { go }), 1, commonMsg('go.notFoundHint'));
    this.name = 'GoNotFoundError';
  }
}

/** An explicit --go that is not an executable is bad usage (exit 2), not "Go not installed". */
async function verifyGoFlag(explicit: string | undefined, env: NodeJS.ProcessEnv): Promise<void> {
  if (explicit === undefined) return;
  if (await findExecutable(explicit, env)) return;
  throw new UsageError(commonMsg('go.noSuchExecutable', { go: explicit }));
}

/** Picks the go binary: an explicit --go, else $GOMODCTL_GO, else "go" on PATH (go.exe on Windows via PATHEXT). */
export function getGoBinary(explicit: string | undefined, env: NodeJS.ProcessEnv): string {
  return explicit || env.GOMODCTL_GO || 'go';
}

/** The go binary a command runs: an explicit --go must be an executable (bad usage otherwise), else getGoBinary. */
export async function resolveGoBinary(explicit: string | undefined, env: NodeJS.ProcessEnv): Promise<string> {
  await verifyGoFlag(explicit, env);
  return getGoBinary(explicit, env);
}

/**
 * Environment for read-only diagnostics: GOTOOLCHAIN=local so that `go env` inside a module
 * with a newer `go` line does not download a toolchain first (cmd/go/internal/toolchain/select.go Select).
 */
function diagnosticEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { ...env, GOTOOLCHAIN: 'local' };
}

async function runGo(opts: GoRunOptions, args: string[]) {
  try {
    return await execa(opts.go, args, {
      env: cMessagesEnv(opts.env),
      extendEnv: false,
      cwd: opts.cwd,
      timeout: opts.timeoutMs ?? 15_000,
      reject: false,
      stdin: 'ignore',
      windowsHide: true,
    });
  } catch {
    throw new GoNotFoundError(opts.go);
  }
}

function failed(r: { failed: boolean; exitCode?: number; timedOut?: boolean }): boolean {
  return r.failed || (r.exitCode ?? 0) !== 0;
}

/**
 * Reads `go env -json [names]` (never scrapes the shell form: its quoting changed in Go 1.21; envcmd/env.go
 * printEnvAsJSON).
 */
export async function getGoEnvJson(opts: GoRunOptions, names: string[] = []): Promise<Record<string, string>> {
  const r = await runGo({ ...opts, env: diagnosticEnv(opts.env) }, ['env', '-json', ...names]);
  if (r.timedOut) throw new GomodctlError(commonMsg('go.envTimeout', { go: opts.go, ms: opts.timeoutMs ?? 15_000 }), 1);
  if (failed(r)) {
    const lines = String(r.stderr).trim().split('\n');
    throw new GomodctlError(commonMsg('go.envFailed', { error: lines[0] ?? 'exit ' + r.exitCode }), 1); // Go's words
  }
  return JSON.parse(String(r.stdout)) as Record<string, string>;
}

/**
 * Applies changes with `go env -w K=V …` and `go env -u K …` (at most one call each).
 * Throws a GomodctlError carrying Go's own message on failure.
 */
export async function applyGoEnvOps(opts: GoRunOptions, ops: EnvFileOp[]): Promise<{ warnings: string[] }> {
  const sets = ops.filter((o): o is Extract<EnvFileOp, { op: 'set' }> => o.op === 'set');
  const unsets = ops.filter((o) => o.op === 'unset');
  const warnings: string[] = [];
  const env = diagnosticEnv(opts.env);
  for (const args of [
    sets.length ? ['env', '-w', ...sets.map((o) => `${o.name}=${o.value}`)] : null,
    unsets.length ? ['env', '-u', ...unsets.map((o) => o.name)] : null,
  ]) {
    if (!args) continue;
    const r = await runGo({ ...opts, env }, args);
    const stderr = String(r.stderr).trim();
    if (failed(r))
      throw new GomodctlError(
        commonMsg('go.failed', { command: `go ${args.slice(0, 2).join(' ')}`, error: stderr || `exit ${r.exitCode}` }),
        1,
      );
    if (stderr) warnings.push(...stderr.split('\n'));
  }
  return { warnings };
}
