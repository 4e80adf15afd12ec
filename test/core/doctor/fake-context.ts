// Test helper: a doctor context over a fake probe (a table of URL → answer), so each validator is tested as the pure
// function it is. Every URL the probe is asked is recorded; a URL the table does not answer is a test failure.
import { buildConfigModel } from '../../../src/core/config-model.js';
import type { CheckResult } from '../../../src/core/doctor/check.js';
import type { DoctorContext } from '../../../src/core/doctor/checks/context.js';
import type { GoAuthFacts } from '../../../src/core/doctor/goauth-check.js';
import { parseGoMod } from '../../../src/core/gomod.js';
import { modelProxies } from '../../../src/core/goproxy.js';
import type { ProbeResult } from '../../../src/core/probe-types.js';

/** How the fake network answers one URL: a status (ok when < 400), or a failure cause in a phase. */
export type FakeAnswer = Partial<ProbeResult> & ({ status: number } | { cause: NonNullable<ProbeResult['cause']> });

/** A fake doctor context, with the URLs its probe was asked. */
export interface FakeContext extends DoctorContext {
  probed: string[];
}

/** A context where `goenv` is the GOENV file, `answers` the network (first matching prefix or RegExp wins). */
export function fakeContext(o: {
  goenv?: Record<string, string>;
  env?: Record<string, string>;
  goVersion?: string | null;
  goMod?: string;
  answers?: Array<[string | RegExp, FakeAnswer]>;
  git?: string | null;
  deps?: boolean;
  canary?: { path: string; version?: string };
  netrcError?: string;
  platform?: NodeJS.Platform;
  /** What running GOAUTH shows (default: the netrc method, nothing found, no problems). */
  goauth?: GoAuthFacts;
}): FakeContext {
  const goVersion = o.goVersion === undefined ? 'go1.26.8' : o.goVersion;
  const model = buildConfigModel({
    env: o.env ?? {},
    goenvPath: '/tmp/gomodctl-test/env',
    goenvText: Object.entries(o.goenv ?? {})
      .map(([k, v]) => `${k}=${v}\n`)
      .join(''),
    gorootEnvText: 'GOPROXY=https://proxy.golang.org,direct\nGOSUMDB=sum.golang.org\nGOTOOLCHAIN=auto\n',
    goVersion,
  });
  const probed: string[] = [];
  const ctx: FakeContext = {
    probed,
    env: o.env ?? {},
    platform: o.platform ?? 'linux',
    arch: 'x64',
    loaded: {
      model,
      proxies: modelProxies(model),
      go: goVersion
        ? { path: '/usr/local/go/bin/go', version: goVersion, goenv: '/tmp/gomodctl-test/env', goroot: '' }
        : null,
      goModPath: o.goMod ? '/tmp/gomodctl-test/go.mod' : null,
      goMod: o.goMod ? parseGoMod(o.goMod) : null,
    },
    timeoutMs: 1000,
    canary: { path: 'golang.org/x/text', version: 'v0.14.0', source: 'default', ...o.canary },
    deps: o.deps ?? false,
    replaceDirs: {},
    netrcError: o.netrcError ?? null,
    async probe(url) {
      probed.push(url);
      const hit = (o.answers ?? []).find(([k]) => (typeof k === 'string' ? url.startsWith(k) : k.test(url)));
      if (!hit) throw new Error(`unexpected probe of ${url}`);
      const a = hit[1];
      const ok = 'status' in a && a.status !== undefined && a.status < 400 && !a.cause;
      return { url, ok, timings: { totalMs: 12 }, ...a };
    },
    inspectGoAuth: async (urls) =>
      o.goauth ?? {
        plan: { ok: true, methods: [{ kind: 'netrc' }] },
        found: Object.fromEntries(urls.map((u) => [u, false])),
        problems: [],
      },
    hasGit: async () => (o.git === undefined ? 'git version 2.43.0' : o.git),
  };
  return ctx;
}

/** A check result with its title, message and details as English text (what the JSON document carries). */
export function english(r: CheckResult): CheckResult {
  const out: CheckResult = { ...r, title: String(r.title), message: String(r.message) };
  if (r.details) out.details = r.details.map(String);
  return out;
}
