// Diagnosis of a tidy run that stopped progressing: one problem per hanging request or VCS command (from the -x
// trace, Go ≥ 1.21), else the route resolver's predicted URLs that the watchdog's probes found failing (Go 1.19).
// Go sets no response timeout (net/http's DefaultTransport), so a proxy that never answers is a hang, not an error.
import type { Message, Text } from '../i18n/message.js';
import { tidyMsg } from '../i18n/messages/tidy.js';
import { commandFix, commentFix, type Fix } from '../fix/fix.js';
import { fixMsg } from '../i18n/messages/fix.js';
import { proxyUrls } from '../goproxy.js';
import { urlHost } from '../hosts.js';
import { formatDuration } from '../duration.js';
import { goBoundsBeforeResponse, goWaitWords } from '../go-net-bounds.js';
import { rewriteGitUrl } from '../git-insteadof.js';
import { directPlan } from '../verdict/go-import.js';
import { hideUserinfo, redactUrl } from '../redact.js';
import type { DiagnoseOptions, ProbeFinding } from './diagnose.js';
import { dropProxyFix, pipeFix, sumdbFix } from './fixes.js';
import type { TidyProblem } from './report-model.js';
import type { Timeline } from './timeline.js';
import { matchProxyBase, urlSubject } from './url-subject.js';
import { withoutGoWords } from '../probe-hop.js';
import type { Transfer } from './transfers.js';
import {
  formatBytes,
  movingTransfers,
  movingWords,
  predictedZipUrl,
  stalledDownloads,
  type Waiting,
} from './progress.js';
import { bodyStallFix, proxyHopFix, slowFix, toolchainFix } from './fixes.js';
import { goProxyFor } from './proxy-env.js';
import { probeTargets } from './probe-targets.js';
import { resolveRoute } from '../route.js';

/** The module a silent Go (no -x, Go < 1.21) is waiting for: the last package it looks for or module it downloads. */
export function waitingSubject(t: Timeline): { module?: string; package?: string } {
  const pkg = [...t.pendingPackages].pop();
  const cur = t.current?.includes('@') ? t.current.split('@')[0] : undefined; // `go: downloading M V` was last
  if (cur) return pkg ? { module: cur, package: pkg } : { module: cur };
  return pkg ? { package: pkg, module: pkg } : {};
}

function findingFor(o: DiagnoseOptions, url: string): ProbeFinding | undefined {
  return o.probes?.find((p) => p.url === url || redactUrl(p.url) === redactUrl(url));
}

/** What the probe of `url` found; where the message already says what Go does (`goSaid`), without its saying so. */
function probeNote(o: DiagnoseOptions, url: string, goSaid = false): Text {
  const f = findingFor(o, url);
  if (!f) return '';
  if (f.ok) return f.status ? tidyMsg('hang.probeAnsweredStatus', { status: f.status }) : tidyMsg('hang.probeAnswered');
  const finding = (f.message !== undefined && goSaid ? withoutGoWords(f.message) : f.message) ?? f.cause;
  return finding ? tidyMsg('hang.probe', { finding }) : '';
}

/**
 * One `timeout` problem per stalled download (a zip body that stopped, a toolchain switch), hanging host and channel
 * (naming the most specific pending request), and VCS command; when nothing stopped but downloads still move, one
 * `slow` problem that blames none. Requests younger than `stallMs` are not blamed: they are what Go does next.
 */
export function stallProblems(t: Timeline, o: DiagnoseOptions): TidyProblem[] {
  const window = o.stallMs ?? 0;
  const out: TidyProblem[] = [];
  // A zip whose sum Go checks (a lookup of M@V hanging) is not what stopped: stalledDownloads leaves it to the lookup.
  for (const w of stalledDownloads(t, o.model, o.now, window))
    out.push(w.kind === 'toolchain' ? toolchainStall(o, w) : bodyStall(o, w));
  out.push(...requestHangs(t, o, window));
  for (const [cmd, startedMs] of t.vcsPending)
    if (o.now - startedMs >= window) out.push(vcsHang(t, o, cmd, o.now - startedMs));
  // Go < 1.21 prints no -x: after `go: downloading M V` with no byte in the module cache, the zip request hangs.
  if (out.length === 0 && !t.sawTrace) out.push(...untracedZipHangs(t, o, window));
  if (out.length > 0) return out;
  const moving = movingTransfers(t, o.now, o.stallMs ?? 10_000);
  if (moving.length > 0) return [slowProblem(t, o, moving)];
  // Ended (--timeout, Ctrl-C) while Go was at work: its last line or byte came less than a second (or --stall) before,
  // between one download and the next. Nothing to blame, and "Go printed nothing for 60ms" would say nothing.
  // Nothing it waited on was older: no request, git command, or zip without a byte (Go 1.19 prints no request).
  const recent = Math.min(window || 1000, 1000);
  const young = (startedMs: number) => o.now - startedMs < recent;
  const waitedLong =
    t.pending().some((p) => !young(p.startedMs)) ||
    [...t.vcsPending.values()].some((at) => !young(at)) ||
    t.transfers.openZips().some((z) => !z.bytes && !young(z.startedMs));
  if ((o.stalledForMs ?? Number.POSITIVE_INFINITY) < recent && !waitedLong) return [endedActiveProblem(t, o)];
  return routeStall(t, o);
}

/**
 * One problem per host and channel for the requests Go printed (`# get`, Go >= 1.21 -x) that waited `window` or more
 * with no answer, naming the most specific: Go looks a package up at every prefix of its path at once
 * (modload/query.go QueryPattern, queryPrefixModules), and example.com/hello/@v/list and example.com/@v/list hang
 * together.
 */
function requestHangs(t: Timeline, o: DiagnoseOptions, window: number, unanswered = false): TidyProblem[] {
  const groups = new Map<string, ReturnType<Timeline['pending']>[number]>();
  for (const p of t.pending()) {
    if (o.now - p.startedMs < window || (unanswered && findingFor(o, p.url)?.ok)) continue;
    const k = `${urlHost(p.url) ?? ''}|${p.subject.via}`;
    const cur = groups.get(k);
    if (!cur || (p.subject.module ?? '').length > (cur.subject.module ?? '').length) groups.set(k, p);
  }
  return [...groups.values()].map((p) =>
    hangProblem(o, p.url, o.now - p.startedMs, p.subject.module, p.subject.version),
  );
}

/** Zips Go announced (`go: downloading`) and whose request got no byte: named by the route's zip URL. */
function untracedZipHangs(t: Timeline, o: DiagnoseOptions, window: number): TidyProblem[] {
  return t.transfers
    .openZips()
    .filter((z) => !z.toolchain && z.phase === 'request' && !z.bytes && o.now - z.startedMs >= window)
    .flatMap((z) => {
      const url = predictedZipUrl(o.model, z.module!, z.version!);
      return url ? [hangProblem(o, url, o.now - z.startedMs, z.module, z.version)] : [];
    });
}

/** A zip whose body stopped half-way: Go sets no limit on reading a body (net/http's DefaultTransport has none). */
function bodyStall(o: DiagnoseOptions, w: Waiting): TidyProblem {
  const host = w.url ? urlHost(w.url) : undefined;
  const got =
    w.bytes !== undefined ? tidyMsg('hang.bodyReceived', { bytes: formatBytes(w.bytes) }) : tidyMsg('hang.bodyStarted');
  const p: TidyProblem = {
    rule: 'body-stall',
    cause: 'timeout',
    phase: 'body',
    module: w.module!,
    version: w.version!,
    message: bodyStallMessage(w, got, host ? tidyMsg('hang.from', { host }) : ''),
    fix: bodyStallFix(o.model, o.proxies, w.url),
  };
  if (w.url) p.url = redactUrl(w.url);
  if (host) p.host = host;
  return p;
}

/** Stopped in the middle of the body, or (every byte of the zip there) at its end, the response never ending. */
function bodyStallMessage(w: Waiting, got: Text, from: Text): Message {
  const module = `${w.module}@${w.version}`;
  const quiet = formatDuration(w.quietMs);
  if (w.unended) return tidyMsg('hang.bodyUnended', { module, bytes: formatBytes(w.bytes ?? 0), from, quiet });
  return tidyMsg('hang.body', { module, got, from, quiet });
}

/** A toolchain switch (GOTOOLCHAIN, go.mod's go/toolchain line) whose zip download does not progress. */
function toolchainStall(o: DiagnoseOptions, w: Waiting): TidyProblem {
  const host = w.url ? urlHost(w.url) : undefined;
  const got = w.bytes ? tidyMsg('hang.toolchainGot', { bytes: formatBytes(w.bytes) }) : '';
  const p: TidyProblem = {
    rule: 'toolchain-stall',
    cause: 'timeout',
    phase: 'toolchain',
    module: w.module!,
    version: w.version!,
    message: tidyMsg('hang.toolchain', {
      toolchain: w.toolchain ?? '',
      from: host ? tidyMsg('hang.from', { host }) : '',
      got,
      quiet: formatDuration(w.quietMs),
    }),
    fix: toolchainFix(o.model),
  };
  if (w.url) p.url = redactUrl(w.url);
  if (host) p.host = host;
  return p;
}

/** True when `z` has run more than 4× as long as the median zip that finished (and at least one did). */
function isOutlier(t: Timeline, z: Transfer, now: number): boolean {
  const took = t.transfers
    .all()
    .filter((x) => x.kind === 'zip' && x.phase === 'done' && x.endedMs !== undefined)
    .map((x) => x.endedMs! - x.startedMs)
    .sort((a, b) => a - b);
  if (took.length === 0) return false;
  const mid = took[Math.floor(took.length / 2)]!;
  return now - z.startedMs > 4 * Math.max(mid, 50);
}

/** Killed while downloads still moved: the run is slow, not stuck; no module is to blame. */
function slowProblem(t: Timeline, o: DiagnoseOptions, moving: ReturnType<typeof movingTransfers>): TidyProblem {
  const done = t.transfers.all().filter((x) => x.kind === 'zip' && x.phase === 'done').length;
  const p: TidyProblem = {
    rule: 'slow',
    cause: 'timeout',
    phase: 'body',
    message: tidyMsg('slow.problem', { moving: movingWords(moving), count: done }),
    fix: slowFix(),
  };
  // One download still moving long after the others finished quickly: the outlier the run waited for (named, not
  // blamed). When every download is as slow (none finished, or they took as long), no module is named.
  const only = moving.length === 1 ? moving[0]! : undefined;
  const z = only && t.transfers.zip(only.module, only.version);
  if (only && z && isOutlier(t, z, o.now)) {
    Object.assign(p, { module: only.module, version: only.version });
    const url = z.url ?? predictedZipUrl(o.model, only.module, only.version);
    if (url) p.url = redactUrl(url);
  }
  return p;
}

/** The run ended while Go was still at work (no download moving, none stopped, no request old). */
function endedActiveProblem(t: Timeline, o: DiagnoseOptions): TidyProblem {
  const done = t.transfers.all().filter((x) => x.kind === 'zip' && x.phase === 'done').length;
  return {
    rule: 'slow',
    cause: 'timeout',
    message: tidyMsg('slow.active', { quiet: formatDuration(o.stalledForMs ?? 0), count: done }),
    fix: slowFix(false),
  };
}

/**
 * True when the probe failed before the connection was up (DNS, refused, TLS, connect): Go errors there, so `|` helps.
 */
function failsBeforeAnswer(f: ProbeFinding | undefined): boolean {
  if (!f || f.ok) return false;
  return (
    ['dns', 'refused', 'tls'].includes(f.cause ?? '') ||
    ['dns', 'connect', 'tls', 'proxy-connect'].includes(f.phase ?? '')
  );
}

/**
 * Fixes for a proxy request that hangs: `|` when the probe failed to connect (Go errors there and falls through), else
 * drop the entry: a proxy that accepts and never answers never errors (no response timeout: net/http DefaultTransport).
 */
function proxyHangFix(o: DiagnoseOptions, url: string): Fix[] {
  if (failsBeforeAnswer(findingFor(o, url))) return pipeFix(o.model, o.proxies);
  return dropProxyFix(o.model, o.proxies, url, matchProxyBase(url, proxyUrls(o.proxies))?.base);
}

/** What Go bounds before a response on this URL's route (dial, TLS, CONNECT), for a stall no probe placed in a step. */
function unprobedBounds(url: string, viaProxy: boolean): Text {
  const b = goBoundsBeforeResponse(url.startsWith('https:'), viaProxy);
  if (b.connect && b.tls) return tidyMsg('hang.goBoundsConnect', { dial: b.dial, tls: b.tls, connect: b.connect });
  return b.tls ? tidyMsg('hang.goBoundsTls', { dial: b.dial, tls: b.tls }) : tidyMsg('hang.goBounds', { dial: b.dial });
}

/**
 * A module proxy request no probe finished for: check-proxy tells the step (through the HTTP(S)_PROXY, like Go), since
 * `|` helps when Go errors (dial, TLS handshake, CONNECT bounds) and not when the server never answers.
 */
function checkProxyFix(o: DiagnoseOptions, url: string, through: { url: string; variable: string } | null): Fix[] {
  const base = matchProxyBase(url, proxyUrls(o.proxies))?.base ?? /^[a-z]+:\/\/[^/?#]+/i.exec(url)?.[0] ?? url;
  const host = urlHost(url) ?? base;
  const note = through
    ? fixMsg('fix.note.checkProxyVia', { host, proxy: redactUrl(through.url), variable: through.variable })
    : fixMsg('fix.note.checkProxyStep', { host });
  // Never a command carrying a redacted password (it would not work copied): the note alone then.
  if (hideUserinfo(base) !== base) return [commentFix(note)]; // a user name alone may be a token too
  return [commandFix(['gomodctl', 'check-proxy', base], note)];
}

/** Who has not answered, by the URL's channel. */
function hangWhat(via: string): Text {
  return tidyMsg(via === 'sumdb' ? 'hang.sumdb' : via === 'direct' ? 'hang.direct' : 'hang.proxy');
}

function hangProblem(
  o: DiagnoseOptions,
  url: string,
  waitedMs: number,
  module?: string,
  version?: string,
): TidyProblem {
  const s = urlSubject(url, proxyUrls(o.proxies));
  const via = s.via === 'unknown' ? 'proxy' : s.via;
  const what = hangWhat(via);
  const f = findingFor(o, url);
  // Behind an HTTP(S)_PROXY the connection goes to the proxy: name it, and what Go does at the phase that stalled.
  const through = goProxyFor(o.model, url);
  const hop = f?.hop === 'proxy' && f.proxy ? f.proxy : undefined;
  const fix = hop
    ? proxyHopFix(url, { url: hop.url, variable: hop.variable ?? through?.variable ?? 'HTTPS_PROXY' }, hop.action, {
        status: hop.status,
        statusText: hop.reason,
        firstLine: hop.firstLine,
      })
    : via === 'sumdb'
      ? sumdbFix(o.model, module)
      : via === 'direct'
        ? [commentFix(fixMsg('fix.note.networkRoute', { host: urlHost(url) ?? fixMsg('fix.note.theHost') }))]
        : f
          ? proxyHangFix(o, url)
          : checkProxyFix(o, url, through);
  const message = hangMessage(o, url, formatDuration(waitedMs), { what, f, through, hop });
  const p: TidyProblem = {
    rule: 'request-hang',
    cause: 'timeout',
    phase: via,
    url: redactUrl(url),
    message,
    fix,
  };
  if (hop) p.hop = 'proxy';
  const host = urlHost(url);
  if (host) p.host = host;
  if (module) p.module = module;
  if (version) p.version = version;
  return p;
}

/** What a hanging request says: the silent hop, what the probe saw, or (no probe finished) only Go's bounds. */
function hangMessage(
  o: DiagnoseOptions,
  url: string,
  waited: string,
  k: {
    what: Text;
    f: ProbeFinding | undefined;
    through: ReturnType<typeof goProxyFor>;
    hop: { url: string; variable?: string; action: string } | undefined;
  },
): Text {
  const shown = redactUrl(url);
  const silentHop = k.hop && silentHopWords(url, k.hop, k.what);
  if (silentHop)
    return tidyMsg('hang.requestHop', {
      url: shown,
      waited,
      hop: silentHop,
      go: goWaitWords(k.f),
      probe: probeNote(o, url, true),
    });
  const via = k.through ? tidyMsg('hang.via', { proxy: redactUrl(k.through.url), variable: k.through.variable }) : '';
  if (k.f)
    return tidyMsg('hang.request', {
      what: k.what,
      url: shown,
      waited,
      via,
      go: goWaitWords(k.f),
      probe: probeNote(o, url, true),
    });
  // No probe finished (--timeout came first): the step is unknown, so neither a bound nor the silent server is named.
  if (k.through) {
    const proxy = redactUrl(k.through.url);
    const go = unprobedBounds(url, true);
    return tidyMsg('hang.requestVia', { url: shown, waited, proxy, variable: k.through.variable, what: k.what, go });
  }
  const go = unprobedBounds(url, false);
  return tidyMsg('hang.request', { what: k.what, url: shown, waited, via: '', go, probe: tidyMsg('hang.unprobed') });
}

/** `host:port` of the CONNECT Go sends for `url` (net/http: the URL's port, else the scheme's). */
function connectTarget(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || (u.protocol === 'https:' ? '443' : '80')}`;
  } catch {
    return urlHost(url) ?? url;
  }
}

/**
 * Which hop of an HTTP(S)_PROXY is silent, as the probe saw it: the proxy itself never answers the CONNECT, or the
 * tunnel is open and nothing comes back through it. Undefined for a proxy that did something else.
 */
function silentHopWords(url: string, hop: { url: string; variable?: string; action: string }, what: Text) {
  const words = { proxy: redactUrl(hop.url), variable: hop.variable ?? 'HTTPS_PROXY', target: connectTarget(url) };
  if (hop.action === 'silent') return tidyMsg('hang.hopConnectSilent', { ...words, what });
  if (hop.action === 'tunnel-silent') return tidyMsg('hang.hopTunnelSilent', words);
  return undefined;
}

/** The URL Go hands git and the one git fetches after its url.<base>.insteadOf rewrites (git-config(1)). */
function gitTarget(o: DiagnoseOptions, url: string | undefined): { url?: string; real?: string; rewrite: Text } {
  if (!url) return { rewrite: '' };
  const real = rewriteGitUrl(url, o.gitRewrites ?? []);
  if (real === url) return { url, real, rewrite: '' };
  // The rewrite's user name may be a token (url.https://TOKEN@host/.insteadOf): never shown, unlike Go's Redacted.
  return { url, real, rewrite: tidyMsg('hang.rewrite', { url: redactUrl(url), target: hideUserinfo(real) }) };
}

/** A hanging git: the route to the host git really talks to, and git's own low-speed limit (it has no timeout). */
function vcsHangFix(g: { url?: string; real?: string }): Fix[] {
  const host = g.real ? (urlHost(g.real) ?? g.real) : undefined;
  return [
    commentFix(
      g.real && g.real !== g.url
        ? fixMsg('fix.note.vcsRewrittenRoute', { host: host!, url: redactUrl(g.url!) })
        : fixMsg('fix.note.vcsNetworkRoute', { host: host ?? fixMsg('fix.note.theVcsHost') }),
    ),
    commandFix(['git', 'config', '--global', 'http.lowSpeedLimit', '1000']),
    commandFix(['git', 'config', '--global', 'http.lowSpeedTime', '30'], fixMsg('fix.note.gitLowSpeed')),
  ];
}

/** A git (or hg, …) command Go started and that never finished: the VCS host hangs. */
function vcsHang(t: Timeline, o: DiagnoseOptions, cmd: string, waitedMs: number): TidyProblem {
  const g = gitTarget(o, /(?:https?|ssh|git):\/\/\S+/.exec(cmd)?.[0]);
  const subject = waitingSubject(t);
  const what = cmd.replace(/^cd \S+; /, '');
  const message = tidyMsg('hang.vcs', {
    command: redactUrl(what),
    waited: formatDuration(waitedMs),
    rewrite: g.rewrite,
  });
  return vcsHangProblem(g, message, subject.module, subject.package);
}

/** A VCS command that hangs, at the server git really goes to (after url.<base>.insteadOf): its URL and host. */
function vcsHangProblem(
  g: { url?: string; real?: string },
  message: Text,
  module: string | undefined,
  pkg: string | undefined,
): TidyProblem {
  const p: TidyProblem = { rule: 'vcs-hang', cause: 'timeout', phase: 'direct', message, fix: vcsHangFix(g) };
  if (g.real) {
    p.url = hideUserinfo(g.real);
    const host = urlHost(g.real);
    if (host) p.host = host;
  }
  if (module) p.module = module;
  if (pkg) p.package = pkg;
  return p;
}

/**
 * Go < 1.21 prints no git command: a silent Go resolving a GONOPROXY (GOPRIVATE) path fetches it directly
 * (modfetch/repo.go lookup: no proxy for such a path), with git for a known host (vcs.go vcsPaths) or after a
 * `?go-get=1` lookup. No GOPROXY entry is involved, so the fix is about the VCS host.
 */
function directStall(subject: ReturnType<typeof waitingSubject>, o: DiagnoseOptions): TidyProblem | undefined {
  const path = subject.package ?? subject.module;
  if (!path) return undefined;
  // The route resolver's own decision: GONOPROXY, or GOPRIVATE through it when GONOPROXY is not set (go help private).
  const route = resolveRoute(o.model, path);
  if (!route.private) return undefined;
  const variable = route.steps[0]!.decidedBy.variable;
  const plan = directPlan(path);
  const waited = formatDuration(o.stalledForMs ?? 0);
  const module = subject.module ?? path;
  const g = plan.kind === 'git' ? gitTarget(o, plan.repos[0]) : { url: plan.url, real: plan.url, rewrite: '' };
  const message =
    plan.kind === 'git'
      ? tidyMsg('hang.gitSilent', { module, waited, rewrite: g.rewrite, variable, url: redactUrl(g.url!) })
      : tidyMsg('hang.directSilent', { module, waited, variable, url: redactUrl(plan.url) });
  return vcsHangProblem(g, message, module, subject.package);
}

/**
 * Nothing waited --stall: the requests Go printed that waited a second (ended by --timeout or Ctrl-C), else (Go < 1.21
 * prints no -x) the probes of the route's URLs say which request hangs.
 */
function routeStall(t: Timeline, o: DiagnoseOptions): TidyProblem[] {
  // Ended by --timeout or Ctrl-C before --stall: the requests Go printed and waited on for a second or more, named
  // with the probe's word, or saying that none finished in time (hangMessage); not one that answered when probed
  // (a slow answer cut short is not a hang).
  const waited = requestHangs(t, o, Math.min(o.stallMs || 1000, 1000), true);
  if (waited.length > 0) return waited;
  const subject = waitingSubject(t);
  const bad = o.probes?.find((p) => !p.ok && p.cause === 'timeout') ?? o.probes?.find((p) => !p.ok);
  if (bad) {
    // A checksum lookup names the version Go resolved (predicted from the module cache: go/module-cache.ts versionBeingChecked).
    const s = urlSubject(bad.url, proxyUrls(o.proxies));
    const version = s.module === subject.module ? s.version : undefined;
    const p = hangProblem(o, bad.url, o.stalledForMs ?? 0, subject.module, version);
    p.rule = 'route-stall';
    if (subject.package) p.package = subject.package;
    const hop = bad.hop === 'proxy' && bad.proxy ? silentHopWords(bad.url, bad.proxy, hangWhat(s.via)) : undefined;
    const words = {
      waited: formatDuration(o.stalledForMs ?? 0),
      subject: subject.package ?? subject.module ?? tidyMsg('hang.modules'),
      url: p.url ?? '',
      probe: probeNote(o, bad.url),
    };
    p.message = hop ? tidyMsg('hang.routeStallHop', { ...words, hop }) : tidyMsg('hang.routeStall', words);
    return [p];
  }
  const direct = directStall(subject, o);
  if (direct) return [direct];
  const probed = Boolean(o.probes?.length);
  // The watchdog ran (probes is a list) but none of the route's probes finished before --timeout: said so, since the
  // same output also comes from a checksum database that hangs after the proxy answered (sumdb-blackhole).
  const unprobed = o.probes !== undefined && !probed && probeTargets(t, o.model, o.proxies).length > 0;
  const p: TidyProblem = {
    rule: 'silent-stall',
    cause: 'timeout',
    message: tidyMsg(probed ? 'hang.silentProbed' : unprobed ? 'hang.silentUnprobed' : 'hang.silent', {
      waited: formatDuration(o.stalledForMs ?? 0),
      subject: subject.package ?? subject.module ?? tidyMsg('hang.modules'),
    }),
    // Nothing names the hanging request: doctor probes every entry. `|` would not help a proxy that never answers;
    // with no probe finished, not even that much is known.
    fix: [commandFix(['gomodctl', 'doctor'], fixMsg(probed ? 'fix.note.hangingEntry' : 'fix.note.findStalling'))],
  };
  if (subject.module) p.module = subject.module;
  if (subject.package) p.package = subject.package;
  return [p];
}
