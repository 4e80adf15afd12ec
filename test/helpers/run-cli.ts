// Spawns the built CLI as a user would (node bin/gomodctl.js …) with a bounded runtime.
import { execa } from 'execa';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BIN = join(ROOT, 'bin', 'gomodctl.js');

export interface CliResult {
  exitCode: number | undefined;
  stdout: string;
  stderr: string;
  durationMs: number;
}

/** Runs `gomodctl args…` with the given environment (use makeHermeticGo().env) and a hard timeout. */
export async function runCli(
  args: string[],
  opts: { env: NodeJS.ProcessEnv; cwd?: string; timeoutMs?: number; input?: string },
): Promise<CliResult> {
  const start = performance.now();
  const r = await execa(process.execPath, [BIN, ...args], {
    env: opts.env,
    extendEnv: false,
    cwd: opts.cwd,
    timeout: opts.timeoutMs ?? 30_000,
    reject: false,
    input: opts.input,
    stdin: opts.input === undefined ? 'ignore' : undefined,
  });
  return {
    exitCode: r.exitCode,
    stdout: String(r.stdout),
    stderr: String(r.stderr),
    durationMs: performance.now() - start,
  };
}
