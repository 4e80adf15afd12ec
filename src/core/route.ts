// Route resolution: for a module (and version), the ordered requests Go would make and what decides
// each one — GOPROXY entries with their fall-through rule (cmd/go/internal/modfetch/proxy.go proxyList, TryProxies),
// GONOPROXY → direct even under GOPROXY=off (modfetch/repo.go lookup), the checksum database via
// <proxy>/sumdb/<name>/supported or directly (modfetch/sumdb.go initBase, useSumDB), request URLs (go help goproxy)
// and the toolchain exceptions (repo.go lookup, sumdb.go useSumDB).
// docs/go-rules.md#the-goproxy-list-and-when-go-falls-through
import { getVar } from './config-model.js';
import { escapePath, escapeVersion } from './escape.js';
import { isValidGoVersion } from './go-version.js';
import { parseGoproxy } from './goproxy.js';
import type { Text } from './i18n/message.js';
import { routeMsg } from './i18n/messages/route.js';
import { parseGosumdb } from './gosumdb.js';
import { matchingPattern } from './patterns.js';
import { redactUrl } from './redact.js';
import { leakWarnings } from './route-warnings.js';
import type { ConfigModel } from './config-types.js';
import type { ProxyEntry } from './goproxy.js';
import type { Fix } from './fix/fix.js';

/** One step of a module's route: a place Go asks, in order (proxy.go TryProxies, sumdb.go initBase). */
export interface RouteStep {
  kind: 'proxy' | 'direct' | 'off' | 'sumdb-supported' | 'sumdb' | 'vcs';
  /** Base URL of the step (redact before printing). */
  url?: string;
  /** Full request URLs in order, e.g. `<base>/<escaped>/@v/list`, `.info`, `.mod`, `.zip`. */
  requests?: string[];
  /** When Go moves on to the next step: `,` → on 404/410 only, `|` → on any error, last → never. */
  fallThrough: 'on-404-410' | 'on-any-error' | 'never';
  /** The variable (and pattern, when one matched) that decided this step. */
  decidedBy: { variable: string; pattern?: string };
  /** What else happens at this step (a catalogue message; JSON carries its English text). */
  note?: Text;
}

/** Where Go sends one module: download steps, then checksum database steps. */
export interface Route {
  module: string;
  version?: string;
  /** True when GONOPROXY (or GOPRIVATE through it) matches: fetched directly, never from a proxy. */
  private: boolean;
  steps: RouteStep[];
  sumdb: {
    checked: boolean;
    /** Why the database is (not) consulted: a message, or Go's own error text. */
    reason: Text;
    name?: string;
    via?: 'proxy' | 'direct' | 'url';
    urls?: string[];
  };
  warnings: RouteWarning[];
}

/** A route warning (a private-looking path reaching a public service), with the setting that prevents it. */
export interface RouteWarning {
  /** A catalogue message (JSON and logs: its English text). */
  message: Text;
  /** Printed after the message: "<message> <fix>". */
  fix?: Fix;
}

/** Options for platform-dependent names (toolchain module versions). */
interface RouteOptions {
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
  if (toolchainAlias && v !== undefined && !v.startsWith('v0.0.1-go') && isValidGoVersion(v)) {
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

type SumdbPart = { sumdb: Route['sumdb']; steps: RouteStep[] };

/** Why the database is not consulted for this module (sumdb.go useSumDB), or null when it is. */
function notChecked(model: ConfigModel, t: Target, mustCheck: boolean): SumdbPart | null {
  if (mustCheck) return null;
  if (getVar(model, 'GOSUMDB') === 'off') return { sumdb: { checked: false, reason: 'GOSUMDB=off' }, steps: [] };
  const pattern = matchingPattern(getVar(model, 'GONOSUMDB'), t.module);
  if (pattern === null) return null;
  const reason = routeMsg('reason.patternMatches', {
    variable: patternVar(model, 'GONOSUMDB'),
    pattern: JSON.stringify(pattern),
  });
  return { sumdb: { checked: false, reason }, steps: [] };
}

/** initBase: `<proxy>/sumdb/<name>/supported` for each proxy URL up to direct/off, then the database itself. */
function sumdbSteps(entries: ProxyEntry[] | null, name: string, lookup: (base: string) => string[]): RouteStep[] {
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
  const note = routeMsg(steps.length ? 'note.sumdbAfterProxies' : 'note.sumdbDirect');
  steps.push({
    kind: 'sumdb',
    url: direct,
    requests: lookup(direct),
    fallThrough: 'never',
    decidedBy: { variable: 'GOSUMDB' },
    note,
  });
  return steps;
}

/** The sumdb part of a route (useSumDB, dbDial, initBase). */
function sumdbPart(model: ConfigModel, entries: ProxyEntry[] | null, t: Target): SumdbPart {
  const goproxy = getVar(model, 'GOPROXY');
  const mustCheck = t.module === 'golang.org/toolchain' && !(goproxy.startsWith('file://') && !/[,|]/.test(goproxy));
  const skipped = notChecked(model, t, mustCheck);
  if (skipped) return skipped;
  const reason = mustCheck
    ? routeMsg('reason.toolchain')
    : routeMsg(model.vars.GOSUMDB?.source === 'default' ? 'reason.defaultSumdb' : 'reason.sumdbSet');
  const parsed = parseGosumdb(getVar(model, 'GOSUMDB'));
  // Go's own words (modfetch/sumdb.go dbDial errors, fetch.go checkModSum "verifying module: …").
  if (!parsed.ok) return { sumdb: { checked: true, reason: `verifying module: ${parsed.error}` }, steps: [] };
  if (parsed.config.kind === 'off') {
    const off = 'verifying module: checksum database disabled by GOSUMDB=off';
    return { sumdb: { checked: true, reason: off }, steps: [] };
  }
  const { name, url } = parsed.config;
  const lookup = (base: string): string[] => (t.version ? [`${trimBase(base)}/lookup/${t.esc}@${t.escVersion}`] : []);
  if (url !== undefined) {
    const note = routeMsg('note.sumdbUrl');
    const step: RouteStep = {
      kind: 'sumdb',
      url,
      requests: lookup(url),
      fallThrough: 'never',
      decidedBy: { variable: 'GOSUMDB' },
      note,
    };
    return { sumdb: { checked: true, reason, name, via: 'url', urls: step.requests ?? [] }, steps: [step] };
  }
  const steps = sumdbSteps(entries, name, lookup);
  const urls = steps.flatMap((s) => s.requests ?? []);
  return { sumdb: { checked: true, reason, name, via: steps.length > 1 ? 'proxy' : 'direct', urls }, steps };
}

/** Resolves the ordered requests Go would make for a module (and version) under the config model. */
export function resolveRoute(model: ConfigModel, modulePath: string, version?: string, opts: RouteOptions = {}): Route {
  const t = makeTarget(modulePath, version, opts);
  const warnings: RouteWarning[] = [];
  const gonoproxy = getVar(model, 'GONOPROXY');
  const parsed = parseGoproxy(getVar(model, 'GOPROXY'), gonoproxy);
  const pattern = t.toolchainAlias ? null : matchingPattern(gonoproxy, t.module);
  const isPrivate = pattern !== null;
  let steps: RouteStep[] = [];
  if (!parsed.ok) {
    warnings.push({ message: routeMsg('warn.invalidGoproxy', { error: parsed.error }) });
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
