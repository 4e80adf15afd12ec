// Builds the doctor context (config, canary, bounded probe) and runs every check concurrently.
import { execa } from 'execa';
import { access } from 'node:fs/promises';
import { isAbsolute, resolve, dirname } from 'node:path';
import type { CheckResult, NetrcEntry } from '../../core/types.js';
import { runChecks, summarize, type DoctorCheck, type DoctorSummary } from '../../core/doctor/check.js';
import { lintConfig } from '../../core/doctor/lint.js';
import { getVar } from '../../core/config-model.js';
import { matchPrefixPatterns } from '../../core/patterns.js';
import { isKnownPublicHost } from '../../core/route.js';
import { loadConfig, type LoadedConfig } from '../../go/load-config.js';
import { probeUrl } from '../http-probe.js';
import { readNetrc } from '../netrc-file.js';
import { loadGoTrustedCAs } from '../ca-certs.js';
import type { Canary, DoctorContext } from './context.js';
import { toolchainCheck } from './toolchain.js';
import { combineProxyFixes, proxyChecks, proxyEntries } from './proxies.js';
import { sumdbCheck } from './sumdb.js';
import { privateChecks } from './private-hosts.js';
import { depsCheck } from './deps.js';
import { goauthCheck } from './goauth.js';
import { createGoAuth } from '../goauth-run.js';

/** Options of `gomodctl doctor`, normalised by the command. */
export interface DoctorOptions {
  go: string;
  env: Record<string, string | undefined>;
  cwd: string;
  timeoutMs: number;
  module?: string;
  deps: boolean;
  /** Called as checks finish, with the titles of those still running. */
  onProgress?: (pendingTitles: string[]) => void;
}

/** The doctor's result: the JSON document's content. */
export interface DoctorReport {
  go: { path: string; version: string; goenv: string } | null;
  canary: Canary;
  checks: CheckResult[];
  summary: DoctorSummary;
  durationMs: number;
}

const DEFAULT_CANARY = { path: 'golang.org/x/text', version: 'v0.14.0' };

/** Picks the canary: --module, else the first public requirement of go.mod, else a well-known public module. */
export function chooseCanary(loaded: LoadedConfig, explicit: string | undefined): Canary {
  const m = loaded.model;
  const isPrivate = (p: string) =>
    matchPrefixPatterns(getVar(m, 'GONOPROXY'), p) || matchPrefixPatterns(getVar(m, 'GONOSUMDB'), p);
  if (explicit) {
    const [path, version] = explicit.split('@') as [string, string | undefined];
    if (!isPrivate(path)) return { path, ...(version ? { version } : {}), source: '--module' };
  }
  // Only a requirement on a known public host: before GOPRIVATE is set up, an unlisted private path must not be
  // sent to public proxies or sum.golang.org by our own probes.
  const req = loaded.goMod?.require.find(
    (r) => !isPrivate(r.path) && isKnownPublicHost(r.path) && !r.version.includes('+incompatible'),
  );
  if (req) return { path: req.path, version: req.version, source: 'go.mod' };
  return { ...DEFAULT_CANARY, source: 'default' };
}

async function replaceDirs(loaded: LoadedConfig, cwd: string): Promise<Record<string, boolean>> {
  const out: Record<string, boolean> = {};
  const root = loaded.goModPath ? dirname(loaded.goModPath) : cwd;
  for (const r of loaded.goMod?.replace ?? []) {
    if (!r.isLocal) continue;
    const p = isAbsolute(r.newPath) ? r.newPath : resolve(root, r.newPath);
    out[r.newPath] = await access(p).then(
      () => true,
      () => false,
    );
  }
  return out;
}

async function gitVersion(env: Record<string, string | undefined>): Promise<string | null> {
  const r = await execa('git', ['--version'], {
    env,
    extendEnv: false,
    timeout: 5000,
    reject: false,
    stdin: 'ignore',
  }).catch(() => null);
  return r && r.exitCode === 0 ? String(r.stdout).trim() : null;
}

/** Runs `gomodctl doctor`. */
export async function runDoctor(opts: DoctorOptions): Promise<DoctorReport> {
  const start = performance.now();
  const loaded = await loadConfig({ go: opts.go, env: opts.env, cwd: opts.cwd });
  const goVersion = loaded.go?.version ?? null;
  let netrcError: string | null = null;
  const [netrc, cas] = await Promise.all([
    readNetrc(opts.env).catch((err: Error): NetrcEntry[] => ((netrcError = err.message), [])),
    loadGoTrustedCAs({ platform: process.platform, env: opts.env, goVersion }),
  ]);
  const goauthVar = loaded.model.vars.GOAUTH;
  const credentials = createGoAuth({
    goauth: goauthVar && goauthVar.source !== 'default' ? goauthVar.value : undefined,
    goVersion,
    env: opts.env,
    netrc,
    timeoutMs: opts.timeoutMs,
  });
  const ctx: DoctorContext = {
    env: opts.env,
    platform: process.platform,
    arch: process.arch,
    cwd: opts.cwd,
    loaded,
    timeoutMs: opts.timeoutMs,
    canary: chooseCanary(loaded, opts.module),
    deps: opts.deps,
    probe: (url, p) =>
      probeUrl(url, {
        timeoutMs: opts.timeoutMs,
        env: opts.env,
        goVersion,
        netrc,
        credentials,
        ca: cas.ca,
        ...(p?.readBody ? { readBody: p.readBody } : {}),
      }),
    hasGit: () => gitVersion(opts.env),
  };
  const dirs = await replaceDirs(loaded, opts.cwd);
  const checks: Array<DoctorCheck<DoctorContext>> = [
    toolchainCheck,
    {
      id: 'config',
      group: 'config',
      title: 'Configuration',
      run: async (c) =>
        lintConfig({
          model: c.loaded.model,
          env: c.env,
          goMod: c.loaded.goMod,
          replaceDirs: dirs,
          goReported: c.loaded.goReported,
        }),
    },
    goauthCheck(netrc),
    ...proxyChecks(proxyEntries(ctx)),
    sumdbCheck,
    ...privateChecks(ctx),
    ...(opts.deps ? [depsCheck] : []),
  ];
  const pending = new Set(checks);
  opts.onProgress?.(checks.map((c) => c.title));
  const raw = await runChecks(checks, ctx, (c) => {
    pending.delete(c);
    opts.onProgress?.([...pending].map((p) => p.title));
  });
  const results = combineProxyFixes(raw, proxyEntries(ctx), loaded.model);
  if (netrcError) {
    const at = results.map((r) => r.group).lastIndexOf('config') + 1;
    results.splice(at, 0, {
      id: 'config.netrc',
      group: 'config',
      title: '.netrc',
      status: 'warn',
      target: opts.env.NETRC || '~/.netrc',
      message: `cannot read the .netrc file (${netrcError}): no credentials come from it`,
      fix: ['# point NETRC at a readable file, or unset it to use ~/.netrc'],
    });
  }
  const go = loaded.go ? { path: loaded.go.path, version: loaded.go.version, goenv: loaded.go.goenv } : null;
  return {
    go,
    canary: ctx.canary,
    checks: results,
    summary: summarize(results),
    durationMs: Math.round(performance.now() - start),
  };
}
