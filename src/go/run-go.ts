// The edge that runs `go`: one named function per operation, each with a timeout and a translated error.
import { execFile } from 'node:child_process';
import { GomodctlError } from '../core/errors.js';
import type { EnvFileOp } from '../core/goenv-file.js';
import { commonMsg } from '../core/i18n/messages/common.js';
import { cMessagesEnv } from './child-env.js';
import { MODULE_VARS } from '../core/known-vars.js';

/** Options shared by every `go` invocation. */
export interface GoRunOptions {
  /** Path or name of the go binary (from --go, GOMODCTL_GO, or "go"). */
  go: string;
  env: NodeJS.ProcessEnv;
  cwd?: string;
  timeoutMs?: number;
}

export {
  GoNotFoundError,
  getGoBinary,
  goVersionFromFile,
  resolveGoBinary,
  verifyGoFlag,
} from './go-binary.js';

/**
 * Environment for read-only diagnostics: GOTOOLCHAIN=local so that `go env` inside a module
 * with a newer `go` line does not download a toolchain first (cmd/go/internal/toolchain/select.go Select).
 */
function diagnosticEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { ...env, GOTOOLCHAIN: 'local' };
}

/** How one bounded `go` run ended. */
interface GoRun {
  stdout: string;
  stderr: string;
  /** undefined when go did not run or was killed. */
  exitCode?: number;
  failed: boolean;
  timedOut: boolean;
}

/**
 * Runs go bounded by opts.timeoutMs (SIGKILL after it). node:child_process, not execa: `gomodctl tidy` reads `go env`
 * beside a go it already started, and execa alone costs ~100 ms of module loading on that path.
 */
function runGo(opts: GoRunOptions, args: string[]): Promise<GoRun> {
  return new Promise((resolve) => {
    const options = {
      env: cMessagesEnv(opts.env),
      cwd: opts.cwd,
      timeout: opts.timeoutMs ?? 15_000,
      killSignal: 'SIGKILL' as const,
      maxBuffer: 64 * 1024 * 1024,
      windowsHide: true,
    };
    const child = execFile(opts.go, args, options, (err, stdout, stderr) => {
      const e = err as (Error & { code?: number | string; killed?: boolean }) | null;
      resolve({
        stdout: String(stdout),
        stderr: String(stderr),
        exitCode: !e ? 0 : typeof e.code === 'number' ? e.code : undefined,
        failed: e !== null,
        timedOut: e?.killed === true,
      });
    });
    child.stdin?.end(); // go reads nothing: no stdin (as execa's stdin: 'ignore')
  });
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

/** What gomodctl asks `go env -json` for: the version, where things are, and every module variable. */
function reportedNames(): string[] {
  return ['GOVERSION', 'GOENV', 'GOROOT', 'GOMOD', 'GOMODCACHE', ...MODULE_VARS];
}

/**
 * Starts the one `go env -json` call loadConfig reads (tidy starts it beside `go mod tidy`, before the modules that
 * build the model have loaded); null when go could not run it.
 */
export function startGoEnv(p: { go: string; env: NodeJS.ProcessEnv; cwd: string; timeoutMs?: number }) {
  const opts = { go: p.go, env: p.env, cwd: p.cwd, timeoutMs: p.timeoutMs ?? 15_000 };
  return getGoEnvJson(opts, reportedNames()).catch((): null => null);
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
