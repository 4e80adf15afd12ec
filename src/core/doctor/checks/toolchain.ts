// Go toolchain: found or not, version, GOENV; whether go.mod makes GOTOOLCHAIN download a toolchain
// (toolchain/select.go Select) and whether that toolchain module is reachable through the proxy.
import type { CheckResult } from '../check.js';
import type { DoctorCheck } from '../check.js';
import { getVar } from '../../config-model.js';
import { compareGoVersions } from '../../go-version.js';
import { requiredToolchain, toolchainModuleVersion, goosGoarch } from '../../toolchain.js';
import { redactUrl } from '../../redact.js';
import { commentFix, type Fix, setFix, unsetFix } from '../../fix/fix.js';
import { fixMsg } from '../../i18n/messages/fix.js';
import { code } from '../../i18n/message.js';
import type { GoInstall } from '../../loaded-config.js';
import { matchPrefixPatterns } from '../../patterns.js';
import type { DoctorContext } from './context.js';
import { proxyUrl } from './proxies.js';
import { probeFields } from './probe-fields.js';
import { proxyFixes } from './probe-fixes.js';
import { doctorMsg } from '../../i18n/messages/doctor.js';

async function goFound(ctx: DoctorContext): Promise<CheckResult> {
  const go = ctx.loaded.go;
  const base = { id: 'go', group: 'go', title: doctorMsg('check.go.title') };
  if (!go) {
    return {
      ...base,
      status: 'warn',
      message: doctorMsg('check.go.notFound'),
      fix: [
        commentFix(
          fixMsg('fix.note.installGo', {
            url: 'https://go.dev/dl/',
            mirror: 'https://golang.google.cn/dl/',
            flag: code('--go /path/to/go'),
          }),
        ),
      ],
    };
  }
  return {
    ...base,
    title: go.version,
    status: 'ok',
    target: go.path,
    message: doctorMsg('check.go.found', { version: go.version, path: go.path, goenv: go.goenv }),
  };
}

type SwitchBase = Pick<CheckResult, 'id' | 'group' | 'title' | 'target'>;

/** What stops the switch before any download: Go older than 1.21, a GOTOOLCHAIN that forbids it, GOSUMDB=off. */
function switchBlocked(ctx: DoctorContext, go: GoInstall, need: string, base: SwitchBase): CheckResult | null {
  if (compareGoVersions(go.version, 'go1.21') < 0) {
    return {
      ...base,
      status: 'warn',
      message: doctorMsg('check.go.predates', { need, version: go.version }),
      fix: [commentFix(fixMsg('fix.note.installNewer', { need }))],
    };
  }
  const m = ctx.loaded.model;
  const gotoolchain = getVar(m, 'GOTOOLCHAIN');
  // Empty (a packager removed it from go.env) or local: never switch (cmd/go/internal/toolchain/select.go Select).
  const tooOld = /^go[^+]*$/.test(gotoolchain) && compareGoVersions(gotoolchain, need) < 0;
  if (gotoolchain === '' || gotoolchain === 'local' || tooOld) {
    return {
      ...base,
      status: 'fail',
      message: doctorMsg('check.go.forbids', { need, version: go.version, gotoolchain: gotoolchain || '(empty)' }),
      fix: [setFix(m, 'GOTOOLCHAIN', 'auto'), commentFix(fixMsg('fix.note.orInstall', { need }))],
    };
  }
  if (/(^|\+)path$/.test(gotoolchain)) {
    return {
      ...base,
      status: 'warn',
      message: doctorMsg('check.go.pathOnly', { need, gotoolchain }),
    };
  }
  if (getVar(m, 'GOSUMDB') !== 'off') return null;
  return {
    ...base,
    status: 'fail',
    message: doctorMsg('check.go.sumdbOff', { need }),
    fix: [unsetFix(m, 'GOSUMDB'), stayLocal(ctx, need)],
  };
}

/** The alternative to every toolchain download: stay on this Go. */
function stayLocal(ctx: DoctorContext, need: string): Fix {
  return setFix(ctx.loaded.model, 'GOTOOLCHAIN', 'local', fixMsg('fix.note.stayLocal', { need }));
}

/** Probes the golang.org/toolchain module Go would download, where Go would download it. */
async function toolchainDownload(ctx: DoctorContext, need: string, base: SwitchBase): Promise<CheckResult> {
  const m = ctx.loaded.model;
  const { goos, goarch } = goosGoarch(ctx.platform, ctx.arch);
  const version = toolchainModuleVersion(need, goos, goarch);
  const src = toolchainSource(ctx);
  if (!src) {
    return {
      ...base,
      status: 'fail',
      message: doctorMsg('check.go.proxyOff', { need }),
      fix: [setFix(m, 'GOPROXY', 'https://proxy.golang.org,direct'), stayLocal(ctx, need)],
    };
  }
  const r = await ctx.probe(proxyUrl(src.base, 'golang.org/toolchain', `${version}.info`));
  const module = `golang.org/toolchain@${version}`;
  const source = redactUrl(src.base);
  if (r.ok)
    return {
      ...base,
      ...probeFields(r),
      status: 'ok',
      message: doctorMsg('check.go.willDownload', { need, module, source }),
    };
  const listFixes = src.index >= 0 ? proxyFixes(r, ctx.loaded.proxies, src.index, ctx.platform, m) : [];
  return {
    ...base,
    ...probeFields(r),
    status: 'fail',
    message: doctorMsg('check.go.unavailable', { need, module, source, error: r.message ?? String(r.status) }),
    fix: [...listFixes, stayLocal(ctx, need)],
  };
}

/** Whether go.mod makes this Go switch toolchains, and whether that would work; null when no switch is needed. */
async function toolchainSwitch(ctx: DoctorContext): Promise<CheckResult | null> {
  const go = ctx.loaded.go;
  const mod = ctx.loaded.goMod;
  if (!go || !mod) return null;
  const need = requiredToolchain(mod);
  if (!need || compareGoVersions(need, go.version) <= 0) return null;
  const base = { id: 'go.toolchain', group: 'go', title: doctorMsg('check.go.switchTitle'), target: need };
  return switchBlocked(ctx, go, need, base) ?? toolchainDownload(ctx, need, base);
}

/**
 * Where Go fetches golang.org/toolchain: the first proxy URL, or — under `direct` or when GONOPROXY matches — the
 * module proxy named by golang.org/toolchain's go-import meta tag (`mod https://go.dev/dl/mod`). Null for GOPROXY=off.
 */
function toolchainSource(ctx: DoctorContext): { base: string; index: number } | null {
  const direct = { base: 'https://go.dev/dl/mod', index: -1 };
  if (matchPrefixPatterns(getVar(ctx.loaded.model, 'GONOPROXY'), 'golang.org/toolchain')) return direct;
  const entries = ctx.loaded.proxies;
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!;
    if (e.kind === 'url') return { base: e.url, index: i };
    if (e.kind === 'direct') return direct;
    if (e.kind === 'off') return null;
  }
  return null;
}

/** Go found + version + GOENV, and the toolchain-switch check when go.mod asks for a newer Go. */
export const toolchainCheck: DoctorCheck<DoctorContext> = {
  id: 'go',
  group: 'go',
  title: doctorMsg('check.go.title'),
  async run(ctx) {
    const [found, sw] = await Promise.all([goFound(ctx), toolchainSwitch(ctx)]);
    return sw ? [found, sw] : [found];
  },
};
