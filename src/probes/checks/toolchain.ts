// Go toolchain: found or not, version, GOENV; whether go.mod makes GOTOOLCHAIN download a toolchain (go-semantics.md §6.1)
// and whether that toolchain module is reachable through the proxy.
import type { CheckResult } from '../../core/types.js';
import type { DoctorCheck } from '../../core/doctor/check.js';
import { getVar } from '../../core/config-model.js';
import { compareGoVersions } from '../../core/known-vars.js';
import { requiredToolchain, toolchainModuleVersion, goosGoarch } from '../../core/toolchain.js';
import { redactUrl } from '../../core/redact.js';
import type { DoctorContext } from './context.js';
import { proxyEntries, proxyUrl } from './proxies.js';
import { probeFields, proxyFixes } from './fixes.js';

async function goFound(ctx: DoctorContext): Promise<CheckResult> {
  const go = ctx.loaded.go;
  const base = { id: 'go', group: 'go', title: 'Go toolchain' };
  if (!go) {
    return { ...base, status: 'warn', message: 'go was not found; checks below read the environment and the GOENV file directly',
      fix: ['install Go from https://go.dev/dl/ (or mirrors such as https://golang.google.cn/dl/), or pass --go <path>'] };
  }
  return { ...base, title: go.version, status: 'ok', target: go.path, message: `${go.version} at ${go.path}; GOENV ${go.goenv}` };
}

async function toolchainSwitch(ctx: DoctorContext): Promise<CheckResult | null> {
  const go = ctx.loaded.go;
  const mod = ctx.loaded.goMod;
  if (!go || !mod) return null;
  const need = requiredToolchain(mod);
  if (!need || compareGoVersions(need, go.version) <= 0) return null;
  const base = { id: 'go.toolchain', group: 'go', title: 'Toolchain switch', target: need };
  if (compareGoVersions(go.version, 'go1.21') < 0) {
    return { ...base, status: 'warn', message: `go.mod asks for ${need}, but ${go.version} predates toolchain switching (Go 1.21): it builds with ${go.version} and may fail on newer language features`,
      fix: [`install ${need} or newer`] };
  }
  const gotoolchain = getVar(ctx.loaded.model, 'GOTOOLCHAIN');
  if (gotoolchain === 'local' || /^go[^+]*$/.test(gotoolchain) && compareGoVersions(gotoolchain, need) < 0) {
    return { ...base, status: 'fail', message: `go.mod requires ${need} but this is ${go.version} and GOTOOLCHAIN=${gotoolchain} forbids switching`,
      fix: [`go env -w GOTOOLCHAIN=auto`, `or install ${need}`] };
  }
  if (/(^|\+)path$/.test(gotoolchain)) {
    return { ...base, status: 'warn', message: `go.mod requires ${need}; GOTOOLCHAIN=${gotoolchain} only looks for it in PATH` };
  }
  const { goos, goarch } = goosGoarch(ctx.platform, ctx.arch);
  const version = toolchainModuleVersion(need, goos, goarch);
  const entries = proxyEntries(ctx);
  const i = entries.findIndex((e) => e.kind === 'url');
  const e = entries[i];
  if (!e || e.kind !== 'url') {
    return { ...base, status: 'fail', message: `go.mod requires ${need}, which Go downloads only through a proxy, and GOPROXY has none ("toolchain not available")`,
      fix: ['go env -w GOPROXY=https://proxy.golang.org,direct', 'or: go env -w GOTOOLCHAIN=local   # and install the toolchain yourself'] };
  }
  const r = await ctx.probe(proxyUrl(e.url, 'golang.org/toolchain', `${version}.info`));
  if (r.ok) return { ...base, ...probeFields(r), status: 'ok', message: `go.mod requires ${need}: Go will download golang.org/toolchain@${version} from ${redactUrl(e.url)}` };
  return { ...base, ...probeFields(r), status: 'fail',
    message: `go.mod requires ${need}, but golang.org/toolchain@${version} is not available from ${redactUrl(e.url)}: ${r.message ?? r.status}`,
    fix: [...proxyFixes(r, entries, i, ctx.platform), 'or: export GOTOOLCHAIN=local   # and install ' + need + ' yourself'] };
}

/** Go found + version + GOENV, and the toolchain-switch check when go.mod asks for a newer Go. */
export const toolchainCheck: DoctorCheck<DoctorContext> = {
  id: 'go',
  group: 'go',
  title: 'Go toolchain',
  async run(ctx) {
    const [found, sw] = await Promise.all([goFound(ctx), toolchainSwitch(ctx)]);
    return sw ? [found, sw] : [found];
  },
};
