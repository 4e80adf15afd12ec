// Lists the packages of a main module with `go list -e -find -json ./...`, offline and bounded: GOPROXY=off and
// GONOPROXY=none (nothing is fetched, not even directly), GOFLAGS=-mod=mod on a copy of go.mod/go.sum (-modfile), so
// the user's files are never rewritten. -find stops at the package list: imports are scanned with AnyTags by core.
import { execa } from 'execa';
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GomodctlError } from '../core/errors.js';

/** Options of listModulePackages. */
export interface ListPackagesOptions {
  go: string;
  env: NodeJS.ProcessEnv;
  /** The module root (the directory holding go.mod). */
  dir: string;
  timeoutMs?: number;
}

/** Environment that keeps `go list` off the network and away from the user's files and toolchain downloads. */
export function offlineEnv(env: NodeJS.ProcessEnv, goFlags: string): NodeJS.ProcessEnv {
  return {
    ...env,
    GOPROXY: 'off',
    GONOPROXY: 'none', // GONOPROXY/GOPRIVATE paths are fetched directly even under GOPROXY=off (modfetch/repo.go lookup)
    GOSUMDB: 'off',
    GOVCS: '*:off',
    GOTOOLCHAIN: 'local',
    GOWORK: 'off', // -modfile is refused in workspace mode; each module is listed on its own
    GOFLAGS: goFlags,
  };
}

/** Parses the concatenated JSON objects `go list -json` prints. */
export function parseJsonStream(text: string): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  let depth = 0;
  let start = -1;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' && depth++ === 0) start = i;
    else if (c === '}' && --depth === 0) out.push(JSON.parse(text.slice(start, i + 1)) as Record<string, unknown>);
  }
  return out;
}

/** Import paths of the packages in the module at opts.dir (Go's own ./... matching: no vendor, testdata, nested modules). */
export async function listModulePackages(opts: ListPackagesOptions): Promise<string[]> {
  const tmp = await mkdtemp(join(tmpdir(), 'gomodctl-list-'));
  try {
    await copyFile(join(opts.dir, 'go.mod'), join(tmp, 'go.mod'));
    await copyFile(join(opts.dir, 'go.sum'), join(tmp, 'go.sum')).catch(() => undefined);
    const timeout = opts.timeoutMs ?? 30_000;
    const r = await execa(
      opts.go,
      ['list', '-e', '-find', '-json=ImportPath,Dir', `-modfile=${join(tmp, 'go.mod')}`, './...'],
      {
        cwd: opts.dir,
        env: offlineEnv(opts.env, '-mod=mod'),
        extendEnv: false,
        reject: false,
        timeout,
        stdin: 'ignore',
        windowsHide: true,
      },
    ).catch(() => null);
    if (!r) throw new GomodctlError(`cannot run "${opts.go}" to list the packages of ${opts.dir}`, 1);
    if (r.timedOut) throw new GomodctlError(`"go list ./..." in ${opts.dir} did not finish in ${timeout}ms`, 1);
    const pkgs = parseJsonStream(String(r.stdout));
    if (r.exitCode !== 0 && pkgs.length === 0) {
      throw new GomodctlError(`"go list ./..." failed in ${opts.dir}: ${String(r.stderr).trim().split('\n')[0]}`, 1);
    }
    return pkgs.map((p) => String(p.ImportPath)).filter((p) => p !== '' && p !== 'undefined');
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}
