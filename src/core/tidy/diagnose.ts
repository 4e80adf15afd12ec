// Pure diagnosis of a tidy run: errors through the rule table, hanging requests, and private paths sent to proxies.
import type { ProbeHop, TidyProblem } from '../types.js';
import { goWaitWords } from '../go-net-bounds.js';
import { formatDuration } from '../duration.js';
import { matchPrefixPatterns } from '../patterns.js';
import { redactUrl } from '../redact.js';
import { hostOf } from './detect-error.js';
import { dropProxyFix, goprivateFix, pipeFix, sumdbFix, type TidyConfig } from './fixes.js';
import { explainError } from './rules.js';
import type { Timeline } from './timeline.js';
import { matchProxyBase, proxyBases, urlSubject } from './url-subject.js';

/** What an active probe found out about one URL (subset of ProbeResult). */
export interface ProbeFinding {
  url: string;
  ok: boolean;
  cause?: string;
  phase?: string;
  message?: string;
  status?: number;
  /** The hop that failed and its peer (the proxy, the name looked up, or the target). */
  hop?: ProbeHop;
  peer?: string;
  /** What Go itself does where the probe stalled (its bound, null = none). */
  go?: { limitMs?: number | null; error?: string };
}

/** Everything the diagnosis needs besides the timeline. */
export interface DiagnoseOptions {
  cfg: TidyConfig;
  /** True when the watchdog fired and Go had not finished since (stalled or killed). */
  stalled: boolean;
  /** How long nothing progressed when the diagnosis ran. */
  stalledForMs?: number;
  now: number;
  probes?: ProbeFinding[];
  isKnownPublic: (modulePath: string) => boolean;
  /** Where the toolchain zip was fetched from (toolchainZipUrl), when Go switched toolchains. */
  toolchainUrl?: string;
}

/** The module a silent Go (no -x, Go < 1.21) is waiting for: the last package it looks for or module it downloads. */
export function waitingSubject(t: Timeline): { module?: string; package?: string } {
  const pkg = [...t.pendingPackages].pop();
  const cur = t.current?.includes('@') ? t.current.split('@')[0] : undefined; // `go: downloading M V` was last
  if (cur) return pkg ? { module: cur, package: pkg } : { module: cur };
  return pkg ? { package: pkg, module: pkg } : {};
}

function problemKey(p: TidyProblem): string {
  return [p.cause, p.phase ?? '', p.host ?? '', p.host ? '' : (p.module ?? '')].join('|');
}

/** Orders the run's problems: hanging requests first, then errors (deduplicated), then leaks. */
export function diagnose(t: Timeline, o: DiagnoseOptions): TidyProblem[] {
  const out: TidyProblem[] = [];
  const seen = new Set<string>();
  const add = (p: TidyProblem): void => {
    const k = problemKey(p);
    if (seen.has(k)) return;
    seen.add(k);
    out.push(p);
  };
  if (o.stalled) stallProblems(t, o).forEach(add);
  const finals = t.errors.filter((e) => e.kind === 'error');
  for (const e of [...finals, ...t.errors.filter((e) => e.kind === 'get-error')])
    add(explainError(e, o.cfg, o.isKnownPublic));
  leakProblems(t, o).forEach(add);
  for (const p of out) {
    if (p.cause !== 'toolchain' || p.url || !o.toolchainUrl) continue;
    p.url = redactUrl(o.toolchainUrl); // no -x trace for the switch itself: the route names the request
    const host = hostOf(o.toolchainUrl);
    if (host) p.host = host;
  }
  return out;
}

function findingFor(o: DiagnoseOptions, url: string): ProbeFinding | undefined {
  return o.probes?.find((p) => p.url === url || redactUrl(p.url) === redactUrl(url));
}

function probeNote(o: DiagnoseOptions, url: string): string {
  const f = findingFor(o, url);
  if (!f) return '';
  if (f.ok)
    return `; a fresh probe of the same URL answered${f.status ? ` ${f.status}` : ''} (intermittent, or slow only for Go)`;
  return f.message ? `; probe: ${f.message}` : f.cause ? `; probe: ${f.cause}` : '';
}

/** One `timeout` problem per hanging host and channel, naming the most specific pending request. */
function stallProblems(t: Timeline, o: DiagnoseOptions): TidyProblem[] {
  const pending = t.pending();
  const groups = new Map<string, (typeof pending)[number]>();
  for (const p of pending) {
    const k = `${hostOf(p.url) ?? ''}|${p.subject.via}`;
    const cur = groups.get(k);
    if (!cur || (p.subject.module ?? '').length > (cur.subject.module ?? '').length) groups.set(k, p);
  }
  const out: TidyProblem[] = [];
  for (const p of groups.values())
    out.push(hangProblem(o, p.url, o.now - p.startedMs, p.subject.module, p.subject.version));
  for (const [cmd, startedMs] of t.vcsPending) out.push(vcsHang(t, o, cmd, o.now - startedMs));
  if (out.length === 0) out.push(...routeStall(t, o));
  return out;
}

/** True when the probe failed before the connection was up (DNS, refused, TLS, connect): Go errors there, so `|` helps. */
function failsBeforeAnswer(f: ProbeFinding | undefined): boolean {
  if (!f || f.ok) return false;
  return (
    ['dns', 'refused', 'tls'].includes(f.cause ?? '') ||
    ['dns', 'connect', 'tls', 'proxy-connect'].includes(f.phase ?? '')
  );
}

/**
 * Fixes for a proxy request that hangs: `|` when the probe failed to connect (Go errors there and falls through), else
 * drop the entry: a proxy that accepts and never answers never errors (no response timeout, go-semantics.md §7).
 */
function proxyHangFix(o: DiagnoseOptions, url: string): string[] {
  if (failsBeforeAnswer(findingFor(o, url))) return pipeFix(o.cfg);
  return dropProxyFix(o.cfg, url, matchProxyBase(url, proxyBases(o.cfg.goproxy))?.base);
}

function hangProblem(
  o: DiagnoseOptions,
  url: string,
  waitedMs: number,
  module?: string,
  version?: string,
): TidyProblem {
  const s = urlSubject(url, proxyBases(o.cfg.goproxy));
  const via = s.via === 'unknown' ? 'proxy' : s.via;
  const what = via === 'sumdb' ? 'the checksum database' : via === 'direct' ? 'the VCS host' : 'the module proxy';
  const fix =
    via === 'sumdb'
      ? sumdbFix(o.cfg, module)
      : via === 'direct'
        ? [`check the network route to ${hostOf(url) ?? 'the host'}`]
        : proxyHangFix(o, url);
  const p: TidyProblem = {
    cause: 'timeout',
    phase: via,
    url: redactUrl(url),
    message: `${what} has not answered ${redactUrl(url)} for ${formatDuration(waitedMs)} (${goWaitWords(findingFor(o, url))})${probeNote(o, url)}`,
    fix,
  };
  const host = hostOf(url);
  if (host) p.host = host;
  if (module) p.module = module;
  if (version) p.version = version;
  return p;
}

/** A git (or hg, …) command Go started and that never finished: the VCS host hangs. */
function vcsHang(t: Timeline, o: DiagnoseOptions, cmd: string, waitedMs: number): TidyProblem {
  const url = /(?:https?|ssh|git):\/\/\S+/.exec(cmd)?.[0];
  const subject = waitingSubject(t);
  const what = cmd.replace(/^cd \S+; /, '');
  const p: TidyProblem = {
    cause: 'timeout',
    phase: 'direct',
    message: `\`${redactUrl(what)}\` has not finished for ${formatDuration(waitedMs)}: the VCS host does not answer (git has no timeout by default)`,
    fix: [
      `check the network route to ${url ? (hostOf(url) ?? url) : 'the VCS host'} and any git url.<base>.insteadOf rewrite`,
      'git config --global http.lowSpeedLimit 1000 && git config --global http.lowSpeedTime 30   (make git give up)',
    ],
  };
  if (url) {
    p.url = redactUrl(url);
    const host = hostOf(url);
    if (host) p.host = host;
  }
  if (subject.module) p.module = subject.module;
  if (subject.package) p.package = subject.package;
  return p;
}

/** Without -x (Go < 1.21): the probes of the route's URLs say which request hangs. */
function routeStall(t: Timeline, o: DiagnoseOptions): TidyProblem[] {
  const subject = waitingSubject(t);
  const bad = o.probes?.find((p) => !p.ok && p.cause === 'timeout') ?? o.probes?.find((p) => !p.ok);
  if (bad) {
    const p = hangProblem(o, bad.url, o.stalledForMs ?? 0, subject.module);
    if (subject.package) p.package = subject.package;
    p.message = `Go printed nothing for ${formatDuration(o.stalledForMs ?? 0)} while resolving ${subject.package ?? subject.module ?? 'modules'}; of the URLs the route resolver predicts, ${p.url} fails${probeNote(o, bad.url) || ''}`;
    return [p];
  }
  const p: TidyProblem = {
    cause: 'timeout',
    message: `Go printed nothing for ${formatDuration(o.stalledForMs ?? 0)} while resolving ${subject.package ?? subject.module ?? 'modules'}${o.probes?.length ? '; the predicted URLs answer when probed' : ''}`,
    // Nothing names the hanging request: doctor probes every entry. `|` would not help a proxy that never answers.
    fix: [
      'gomodctl doctor   (remove a GOPROXY entry that accepts connections but never answers: "|" only falls through on errors)',
    ],
  };
  if (subject.module) p.module = subject.module;
  if (subject.package) p.package = subject.package;
  return [p];
}

/** A module not on a known public host, asked of a proxy that did not have it: its path left the company (go help private). */
function leakProblems(t: Timeline, o: DiagnoseOptions): TidyProblem[] {
  const nonProxied = o.cfg.gonoproxy || o.cfg.goprivate;
  const resolved = t.resolvedModules();
  const candidates = new Map<string, string>();
  for (const m of t.modules.values()) {
    // Only paths the proxy evidently did not have (404/410): a served module is public on that proxy.
    for (const r of m.requests) {
      if (
        (r.status === 404 || r.status === 410) &&
        urlSubject(r.url, proxyBases(o.cfg.goproxy)).via === 'proxy' &&
        !candidates.has(m.path)
      )
        candidates.set(m.path, r.url);
    }
  }
  for (const e of t.errors) {
    const d = e.kind === 'error' ? e.detail : undefined; // Go < 1.21 prints no -x: the final error implies the request
    if (
      d &&
      d.phase === 'proxy' &&
      (d.cause === 'not-found' || d.cause === 'gone') &&
      d.module &&
      d.url &&
      !candidates.has(d.module)
    ) {
      candidates.set(d.module, d.url);
    }
  }
  const byHost = new Map<string, TidyProblem>();
  for (const [mod, url] of candidates) {
    if (o.isKnownPublic(mod) || matchPrefixPatterns(nonProxied, mod)) continue;
    if (resolved.some((r) => r === mod || r.startsWith(mod + '/'))) continue; // served, or a prefix probe of a served module
    const host = mod.split('/')[0]!;
    if ((byHost.get(host)?.module?.length ?? -1) >= mod.length) continue; // keep the most specific path per host
    byHost.set(host, {
      cause: 'leak',
      module: mod,
      url: redactUrl(url),
      phase: 'proxy',
      message: `${mod} is not on a known public host but its path was sent to the proxy ${hostOf(url) ?? ''}: private module names leak to that proxy (and the checksum database)`,
      fix: [goprivateFix(o.cfg, mod)],
    });
  }
  return [...byHost.values()];
}
