// Route resolution: for a module (and version), the ordered requests Go would make and what decides
// each one — GOPROXY entries with their fall-through rule (go-semantics.md §1.2, §1.4), GONOPROXY →
// direct even under GOPROXY=off (§1.5; golang/go src/cmd/go/internal/modfetch/repo.go lookup), the
// checksum database via <proxy>/sumdb/<name>/supported or directly (§3.2; modfetch/sumdb.go initBase),
// request URLs (§4) and the toolchain exceptions (§6.1).
import { getVar } from './config-model.js';
import { escapePath, escapeVersion } from './escape.js';
import { code, type Text } from './i18n/message.js';
import { routeMsg } from './i18n/messages/route.js';
import { parseGoproxy, proxyEntryLabel } from './goproxy.js';
import { parseGosumdb } from './gosumdb.js';
import { matchingPattern } from './patterns.js';
import { redactUrl } from './redact.js';
import { setVarCommand } from './set-command.js';
import type { ConfigModel, ProxyEntry, Route, RouteStep } from './types.js';

/** Hosts whose modules are public: sending them to a public proxy leaks nothing. */
export const KNOWN_PUBLIC_HOSTS: readonly string[] = [
  'github.com',
  'golang.org',
  'gopkg.in',
  'go.uber.org',
  'google.golang.org',
  'cloud.google.com',
  'k8s.io',
  'sigs.k8s.io',
  'gitlab.com',
  'bitbucket.org',
  'go.opentelemetry.io',
  'go.etcd.io',
  'gotest.tools',
  'honnef.co',
  'go.mongodb.org',
  'go.opencensus.io',
  'gorm.io',
  'mvdan.cc',
  'filippo.io',
  'modernc.org',
  'rsc.io',
  'cel.dev',
  'buf.build',
  'connectrpc.com',
  'go.starlark.net',
  'go.yaml.in',
  'gonum.org',
  'golang.zx2c4.com',
  'tailscale.com',
  'git.sr.ht',
  'codeberg.org',
  'gitee.com',
  'go4.org',
  'cuelang.org',
  'entgo.io',
  'helm.sh',
  'istio.io',
  'knative.dev',
  'go.temporal.io',
  'gvisor.dev',
  'dario.cat',
  'nhooyr.io',
  'launchpad.net',
  'code.gitea.io',
  'go.elastic.co',
  'go.mozilla.org',
  'storj.io',
  'oras.land',
  'dagger.io',
  'go.bug.st',
  'lukechampine.com',
  'howett.net',
];

/** Hosts of public module proxies (a private path sent there leaks its name). */
export const PUBLIC_PROXY_HOSTS: readonly string[] = [
  'proxy.golang.org',
  'goproxy.cn',
  'goproxy.io',
  'mirrors.aliyun.com',
  'proxy.golang.com.cn',
  'mirrors.tencent.com',
  'goproxy.baidu.com',
  'repo.huaweicloud.com',
  'mirrors.cloud.tencent.com',
  'gocenter.io',
  'athens.azurefd.net',
];

/** Whether the first element of a module path is a known public host (or a subdomain of one). */
export function isKnownPublicHost(path: string): boolean {
  const host = path.split('/')[0] ?? '';
  return KNOWN_PUBLIC_HOSTS.some((h) => host === h || host.endsWith('.' + h));
}

/** Whether a proxy URL points at a known public proxy. */
export function isPublicProxyUrl(url: string): boolean {
  const host = /^[a-z]+:\/\/(?:[^@/]*@)?([^/:?#]+)/i.exec(url)?.[1]?.toLowerCase() ?? '';
  return PUBLIC_PROXY_HOSTS.some((h) => host === h || host.endsWith('.' + h));
}

/** Options for platform-dependent names (toolchain module versions). */
export interface RouteOptions {
  goos?: string;
  goarch?: string;
}

interface Target {
  module: string;
  version?: string;
  esc: string;
  escVersion?: string;
  /** Paths "go"/"toolchain": GONOPROXY is bypassed (repo.go lookup). */
  toolchainAlias: boolean;
}

function makeTarget(modulePath: string, version: string | undefined, opts: RouteOptions): Target {
  const toolchainAlias = modulePath === 'go' || modulePath === 'toolchain';
  const module = toolchainAlias ? 'golang.org/toolchain' : modulePath;
  let v = version;
  if (toolchainAlias && v !== undefined && !v.startsWith('v0.0.1-go') && /^(go)?1\./.test(v)) {
    v = `v0.0.1-go${v.replace(/^go/, '')}.${opts.goos ?? 'linux'}-${opts.goarch ?? 'amd64'}`;
  }
  const t: Target = { module, esc: escapePath(module), toolchainAlias };
  if (v !== undefined) {
    t.version = v;
    if (!/^[<>=]/.test(v)) t.escVersion = escapeVersion(v); // queries like ">=v1.2" are not file names
  }
  return t;
}

/** Trims one trailing slash like proxy.go's TrimSuffix(base.Path, "/"). */
const trimBase = (url: string): string => (url.endsWith('/') ? url.slice(0, -1) : url);

/** The module requests against one GOPROXY-protocol base, in Go's order. */
function proxyRequests(base: string, t: Target): string[] {
  const b = `${trimBase(base)}/${t.esc}/@`;
  const v = t.version;
  if (v === undefined || /^(latest|upgrade|patch)$|^[<>=]|^v\d+(\.\d+)?$/.test(v)) return [`${b}v/list`];
  return [`${b}v/${t.escVersion}.info`, `${b}v/${t.escVersion}.mod`, `${b}v/${t.escVersion}.zip`];
}

/** Two notes of one step, in the order given. */
function joinNotes(first: Text, second: Text | undefined): Text {
  return second === undefined ? first : routeMsg('note.joined', { first, second });
}

/** The direct (VCS) step: static hosts go straight to git; others first fetch ?go-get=1 (vcs.go). */
function directStep(t: Target, decidedBy: RouteStep['decidedBy'], note?: Text): RouteStep {
  const m = /^((?:github\.com|bitbucket\.org)\/[\w.-]+\/[\w.-]+)/.exec(t.module);
  if (m) {
    const step: RouteStep = {
      kind: 'vcs',
      url: `https://${m[1]}`,
      requests: [`https://${m[1]}`],
      fallThrough: 'never',
      decidedBy,
    };
    step.note = joinNotes(routeMsg('note.knownVcsHost'), note);
    return step;
  }
  const url = `https://${t.module}?go-get=1`;
  const step: RouteStep = { kind: 'direct', url, requests: [url], fallThrough: 'never', decidedBy };
  step.note = joinNotes(routeMsg('note.goGet'), note);
  return step;
}

/** Which variable decided a GONOPROXY/GONOSUMDB match: the variable itself or GOPRIVATE through it. */
function patternVar(model: ConfigModel, name: 'GONOPROXY' | 'GONOSUMDB'): string {
  const v = model.vars[name];
  return v && v.source === 'default' && getVar(model, 'GOPRIVATE') !== '' ? 'GOPRIVATE' : name;
}

/** Download steps for a module that GONOPROXY does not match (TryProxies order). */
function publicSteps(entries: ProxyEntry[], t: Target): RouteStep[] {
  const steps: RouteStep[] = [];
  for (const e of entries) {
    const fallThrough = e.fallBackOnError ? 'on-any-error' : 'on-404-410';
    if (e.kind === 'noproxy') continue; // errUseProxy: no request, next entry
    if (e.kind === 'url') {
      steps.push({
        kind: 'proxy',
        url: e.url,
        requests: proxyRequests(e.url, t),
        fallThrough,
        decidedBy: { variable: 'GOPROXY' },
      });
    } else if (e.kind === 'direct') {
      steps.push(directStep(t, { variable: 'GOPROXY' }));
    } else {
      steps.push({
        kind: 'off',
        fallThrough: 'never',
        decidedBy: { variable: 'GOPROXY' },
        note: 'module lookup disabled by GOPROXY=off', // Go's own words (modfetch/repo.go errProxyOff)
      });
    }
  }
  const last = steps[steps.length - 1];
  if (last) last.fallThrough = 'never';
  return steps;
}

/** The sumdb part of a route (useSumDB, dbDial, initBase). */
function sumdbPart(
  model: ConfigModel,
  entries: ProxyEntry[] | null,
  t: Target,
): { sumdb: Route['sumdb']; steps: RouteStep[] } {
  const gosumdb = getVar(model, 'GOSUMDB');
  const goproxy = getVar(model, 'GOPROXY');
  const mustCheck = t.module === 'golang.org/toolchain' && !(goproxy.startsWith('file://') && !/[,|]/.test(goproxy));
  const nosumPattern = matchingPattern(getVar(model, 'GONOSUMDB'), t.module);
  if (!mustCheck && gosumdb === 'off') return { sumdb: { checked: false, reason: 'GOSUMDB=off' }, steps: [] };
  if (!mustCheck && nosumPattern !== null) {
    const variable = patternVar(model, 'GONOSUMDB');
    const reason = routeMsg('reason.patternMatches', { variable, pattern: JSON.stringify(nosumPattern) });
    return { sumdb: { checked: false, reason }, steps: [] };
  }
  const reason = mustCheck
    ? routeMsg('reason.toolchain')
    : routeMsg(model.vars.GOSUMDB?.source === 'default' ? 'reason.defaultSumdb' : 'reason.sumdbSet');
  const parsed = parseGosumdb(gosumdb);
  if (!parsed.ok) return { sumdb: { checked: true, reason: `verifying module: ${parsed.error}` }, steps: [] };
  if (parsed.config.kind === 'off') {
    return {
      sumdb: { checked: true, reason: 'verifying module: checksum database disabled by GOSUMDB=off' },
      steps: [],
    };
  }
  const { name, url } = parsed.config;
  const lookup = (base: string): string[] => (t.version ? [`${trimBase(base)}/lookup/${t.esc}@${t.escVersion}`] : []);
  const decidedBy = { variable: 'GOSUMDB' };
  if (url !== undefined) {
    const step: RouteStep = {
      kind: 'sumdb',
      url,
      requests: lookup(url),
      fallThrough: 'never',
      decidedBy,
      note: routeMsg('note.sumdbUrl'),
    };
    return { sumdb: { checked: true, reason, name, via: 'url', urls: step.requests ?? [] }, steps: [step] };
  }
  const steps: RouteStep[] = [];
  for (const e of entries ?? []) {
    if (e.kind === 'noproxy') continue;
    if (e.kind !== 'url') break; // direct/off: connect to the database directly
    const supported = `${trimBase(e.url)}/sumdb/${name}/supported`;
    const fallThrough = e.fallBackOnError ? 'on-any-error' : 'on-404-410';
    const note = routeMsg('note.sumdbViaProxy', { base: redactUrl(trimBase(e.url)), name });
    steps.push({
      kind: 'sumdb-supported',
      url: supported,
      requests: [supported],
      fallThrough,
      decidedBy: { variable: 'GOPROXY' },
      note,
    });
  }
  const direct = `https://${name}`;
  steps.push({
    kind: 'sumdb',
    url: direct,
    requests: lookup(direct),
    fallThrough: 'never',
    decidedBy,
    note: routeMsg(steps.length ? 'note.sumdbAfterProxies' : 'note.sumdbDirect'),
  });
  const urls = steps.flatMap((s) => s.requests ?? []);
  return { sumdb: { checked: true, reason, name, via: steps.length > 1 ? 'proxy' : 'direct', urls }, steps };
}

/** Resolves the ordered requests Go would make for a module (and version) under the config model. */
export function resolveRoute(model: ConfigModel, modulePath: string, version?: string, opts: RouteOptions = {}): Route {
  const t = makeTarget(modulePath, version, opts);
  const warnings: Text[] = [];
  const gonoproxy = getVar(model, 'GONOPROXY');
  const parsed = parseGoproxy(getVar(model, 'GOPROXY'), gonoproxy);
  const pattern = t.toolchainAlias ? null : matchingPattern(gonoproxy, t.module);
  const isPrivate = pattern !== null;
  let steps: RouteStep[] = [];
  if (!parsed.ok) {
    warnings.push(routeMsg('warn.invalidGoproxy', { error: parsed.error }));
  } else if (isPrivate) {
    const decidedBy = { variable: patternVar(model, 'GONOPROXY'), pattern };
    steps = [directStep(t, decidedBy, routeMsg('note.privateSkipsProxies'))];
  } else {
    steps = publicSteps(parsed.entries, t);
  }
  const sum = sumdbPart(model, parsed.ok ? parsed.entries : null, t);
  const route: Route = {
    module: t.module,
    private: isPrivate,
    steps: [...steps, ...sum.steps],
    sumdb: sum.sumdb,
    warnings,
  };
  if (t.version !== undefined) route.version = t.version;
  warnings.push(...leakWarnings(route, parsed.ok ? parsed.entries : [], model));
  return route;
}

/** A GOPRIVATE module that an explicit GONOPROXY/GONOSUMDB still sends to a public proxy or checksum database. */
function overrideWarnings(route: Route, entries: ProxyEntry[], model: ConfigModel, pattern: string): Text[] {
  const out: Text[] = [];
  const widen = (name: string) =>
    code(setVarCommand(model, name, [getVar(model, name), pattern].filter(Boolean).join(',')));
  const publicProxy = entries.find((e) => e.kind === 'url' && isPublicProxyUrl(e.url));
  const { module } = route;
  if (!route.private && publicProxy) {
    const [value, proxy, command] = [getVar(model, 'GONOPROXY'), proxyEntryLabel(publicProxy), widen('GONOPROXY')];
    out.push(routeMsg('warn.gonoproxyOverrides', { module, pattern, value, proxy, command }));
  }
  if (route.sumdb.checked && route.sumdb.name === 'sum.golang.org' && route.module !== 'golang.org/toolchain') {
    const [value, command] = [getVar(model, 'GONOSUMDB'), widen('GONOSUMDB')];
    out.push(routeMsg('warn.gonosumdbOverrides', { module, pattern, value, command }));
  }
  return out;
}

/** Warnings when a path that looks private would reach a public proxy or a public checksum database. */
function leakWarnings(route: Route, entries: ProxyEntry[], model: ConfigModel): Text[] {
  const privatePattern = matchingPattern(getVar(model, 'GOPRIVATE'), route.module);
  if (privatePattern !== null) return overrideWarnings(route, entries, model, privatePattern);
  if (route.private || isKnownPublicHost(route.module)) return [];
  const out: Text[] = [];
  const host = route.module.split('/')[0] ?? '';
  const { module } = route;
  const publicProxy = entries.find((e) => e.kind === 'url' && isPublicProxyUrl(e.url));
  if (publicProxy) {
    const value = [getVar(model, 'GOPRIVATE'), host].filter(Boolean).join(',');
    const command = code(setVarCommand(model, 'GOPRIVATE', value));
    out.push(routeMsg('warn.publicProxy', { module, proxy: proxyEntryLabel(publicProxy), command }));
  }
  if (route.sumdb.checked && route.sumdb.name === 'sum.golang.org') {
    out.push(routeMsg('warn.publicSumdb', { module, host }));
  }
  return out;
}

/** How a simulated server answers one request. */
export type SimAnswer = 'ok' | 'not-found' | 'error';

/** What Go would request, in order, if each URL answered as `answer` says. */
export interface SimResult {
  requests: string[];
  outcome: 'ok' | 'direct' | 'off' | 'error' | 'not-found';
}

/** One operation (.info, .mod or .zip) walking the list on its own, as TryProxies does for each. */
function simulateOp(
  steps: RouteStep[],
  k: number,
  answer: (url: string) => SimAnswer,
  out: string[],
): SimResult['outcome'] {
  let outcome: SimResult['outcome'] = 'not-found';
  for (const step of steps) {
    if (step.kind === 'off') return 'off';
    const url = step.kind === 'proxy' ? step.requests?.[k] : step.requests?.[0];
    if (url === undefined) continue;
    out.push(url);
    const a = answer(url);
    if (a === 'ok') return 'ok';
    outcome = step.kind === 'proxy' ? (a === 'error' ? 'error' : 'not-found') : 'direct';
    const moveOn = step.fallThrough === 'on-any-error' || (step.fallThrough === 'on-404-410' && a === 'not-found');
    if (!moveOn) return outcome;
  }
  return outcome;
}

/** The checksum-database requests (initBase's /supported walk, then the first lookup). */
function simulateSumdb(route: Route, answer: (url: string) => SimAnswer, out: string[]): boolean {
  const direct = route.steps.find((s) => s.kind === 'sumdb');
  const lookupPath = direct?.requests?.[0]?.replace(/^.*?\/lookup\//, '/lookup/');
  for (const step of route.steps.filter((s) => s.kind === 'sumdb-supported')) {
    out.push(step.url!);
    const a = answer(step.url!);
    if (a === 'ok')
      return lookupPath === undefined || lookup(step.url!.replace(/\/supported$/, '') + lookupPath, answer, out);
    if (a === 'error' && step.fallThrough !== 'on-any-error') return false;
  }
  return direct?.requests?.[0] === undefined || lookup(direct.requests[0], answer, out);
}

function lookup(url: string, answer: (url: string) => SimAnswer, out: string[]): boolean {
  out.push(url);
  return answer(url) === 'ok';
}

/**
 * Expands a route into the request sequence of a cold `go mod download M@V` (go-semantics.md §4:
 * .info, .mod, checksum database, .zip), given how each URL answers. Each operation walks the GOPROXY
 * list separately, so a 404 proxy is asked again for .mod and .zip (verified with Go 1.19 and 1.26).
 */
export function simulateRoute(route: Route, answer: (url: string) => SimAnswer): SimResult {
  const requests: string[] = [];
  const download = route.steps.filter(
    (s) => s.kind === 'proxy' || s.kind === 'direct' || s.kind === 'vcs' || s.kind === 'off',
  );
  const ops = Math.max(1, ...download.map((s) => (s.kind === 'proxy' ? (s.requests?.length ?? 1) : 1)));
  for (let k = 0; k < ops; k++) {
    if (k === 2 && route.sumdb.checked && (!route.sumdb.name || !simulateSumdb(route, answer, requests))) {
      return { requests, outcome: 'error' };
    }
    const outcome = simulateOp(download, k, answer, requests);
    if (outcome !== 'ok') return { requests, outcome };
  }
  return { requests, outcome: 'ok' };
}
