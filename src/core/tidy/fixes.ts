// Pure fix builders for tidy diagnoses (core/fix/fix.ts data): every fix is a real setting or command of the Go
// that ran, computed from the configuration as Go reports it and from GOPROXY parsed once.
import { getVar } from '../config-model.js';
import { matchPrefixPatterns } from '../patterns.js';
import { type Fix, commandFix, commentFix, fixVariable, setFix } from '../fix/fix.js';
import { code, type Text } from '../i18n/message.js';
import { fixMsg } from '../i18n/messages/fix.js';
import type { TidyProblem } from './report-model.js';
import { formatGoproxy } from '../goproxy.js';
import { modulePathHost, urlHost, urlHostname } from '../hosts.js';
import { hasPassword, redactSecrets, redactUrl } from '../redact.js';
import { isPublicModulePath, privatePatternFor } from '../public-hosts.js';
import { proxyHopFixes } from '../proxy-hop-fixes.js';
import type { ProxyAction } from '../probe-types.js';
import type { ConfigModel } from '../config-types.js';
import type { ProxyEntry } from '../goproxy.js';

function appendPattern(list: string, pattern: string): string {
  const parts = list.split(',').filter((p) => p !== '');
  return parts.includes(pattern) ? parts.join(',') : [...parts, pattern].join(',');
}

/** True when GOPRIVATE already covers `modulePath` (module.MatchPrefixPatterns): setting it again changes nothing. */
function inGoprivate(model: ConfigModel, modulePath: string): boolean {
  return matchPrefixPatterns(getVar(model, 'GOPRIVATE'), modulePath);
}

/**
 * GOPRIVATE plus a pattern for each module path (its host, or host/owner on a shared host such as github.com: never a
 * bare public host): keeps them away from proxies and the checksum database (go help private).
 */
export function goprivateFix(model: ConfigModel, modulePath: string | string[], note?: Text): Fix {
  const paths = Array.isArray(modulePath) ? modulePath : [modulePath];
  let list = getVar(model, 'GOPRIVATE');
  for (const p of paths) list = appendPattern(list, privatePatternFor(p) ?? modulePathHost(p));
  return setFix(model, 'GOPRIVATE', list, note);
}

/** True when a GOPROXY entry's URL holds a password: a printed command would carry it redacted and break the config. */
const entryHasPassword = (e: ProxyEntry): boolean => e.kind === 'url' && hasPassword(e.url);

const MIRROR = 'https://goproxy.cn|https://proxy.golang.org|direct';
const entryLabel = (e: ProxyEntry): string => (e.kind === 'url' ? redactUrl(e.url) : e.kind);

/**
 * Makes a dead mirror fall through: `,` falls through only on 404/410, `|` on any error (cmd/go/internal/modfetch/
 * proxy.go TryProxies). Only helps when the proxy errors (DNS, refused, TLS, connect timeout).
 */
export function pipeFix(model: ConfigModel, proxies: ProxyEntry[]): Fix[] {
  const visible = proxies.filter((e) => e.kind !== 'noproxy');
  const secret = visible.some(entryHasPassword);
  const commas = visible.filter((e, i) => !e.fallBackOnError && i < visible.length - 1);
  if (commas.length > 0) {
    const piped = formatGoproxy(visible.map((e) => ({ ...e, fallBackOnError: true })));
    if (!secret) return [setFix(model, 'GOPROXY', piped)];
    // Never print a command holding a redacted password: copied, it would overwrite the real one. Say it in words.
    return commas.map((e) => commentFix(fixMsg('fix.note.pipeAfter', { origin: entryLabel(e) }), 'GOPROXY'));
  }
  const last = visible[visible.length - 1];
  if (last && last.kind !== 'direct' && last.kind !== 'off') {
    const mirror = setFix(model, 'GOPROXY', MIRROR, fixMsg('fix.note.mirror'));
    const list = formatGoproxy(visible);
    if (secret)
      return [
        commentFix(
          fixMsg('fix.note.appendDirect', { suffix: '|https://proxy.golang.org|direct', list: redactSecrets(list) }),
          'GOPROXY',
        ),
        mirror,
      ];
    return [setFix(model, 'GOPROXY', `${list}|https://proxy.golang.org|direct`), mirror];
  }
  return [setFix(model, 'GOPROXY', MIRROR)];
}

const NEVER_ERRORS = fixMsg('fix.note.neverErrors');

/**
 * A proxy that accepts the connection and never answers never errors, so neither `,` nor `|` moves on (Go sets no
 * response timeout: net/http's DefaultTransport): the entry serving `url` must go. Prints the list without it.
 */
export function dropProxyFix(model: ConfigModel, proxies: ProxyEntry[], url: string, base: string | undefined): Fix[] {
  const i = base === undefined ? -1 : proxies.findIndex((e) => e.kind === 'url' && e.url === base);
  const host = urlHost(url);
  const mirrors = ['https://proxy.golang.org', 'https://goproxy.cn'].filter((m) => !m.endsWith(`//${host}`));
  const mirror = `${mirrors.join('|')}|direct`;
  const why = commentFix(NEVER_ERRORS);
  if (i < 0) {
    return [
      commentFix(fixMsg('fix.note.removeHanging', { host: host ?? fixMsg('fix.note.theHangingProxy') }), 'GOPROXY'),
      setFix(model, 'GOPROXY', mirror, fixMsg('fix.note.mirror')),
      why,
    ];
  }
  const shown = entryLabel(proxies[i]!);
  const rest = formatGoproxy(proxies.filter((_, k) => k !== i));
  if (rest === '' || rest === 'off')
    return [setFix(model, 'GOPROXY', mirror, fixMsg('fix.note.insteadOfHanging', { shown })), why];
  const drop = proxies.some(entryHasPassword)
    ? commentFix(fixMsg('fix.note.removeHangingEntry', { shown }), 'GOPROXY')
    : setFix(model, 'GOPROXY', rest, fixMsg('fix.note.withoutHanging', { shown }));
  return [drop, setFix(model, 'GOPROXY', mirror, fixMsg('fix.note.mirror')), why];
}

/** When the checksum database is unreachable: its Google-run mirror, or skip it for private modules only. */
export function sumdbFix(model: ConfigModel, modulePath: string | undefined): Fix[] {
  const fixes = [setFix(model, 'GOSUMDB', 'sum.golang.google.cn')];
  if (modulePath && !inGoprivate(model, modulePath))
    fixes.push(goprivateFix(model, modulePath, fixMsg('fix.note.sumdbSkip', { module: modulePath })));
  return fixes;
}

/** Trust a TLS-inspecting gateway's CA (Linux/BSD read SSL_CERT_FILE; macOS/Windows use the OS store until Go 1.27). */
export function tlsFix(): Fix[] {
  return [
    setFix(null, 'SSL_CERT_FILE', '/path/to/corporate-ca.pem', fixMsg('fix.note.sslCertFile')),
    commandFix(['gomodctl', 'doctor'], fixMsg('fix.note.doctorIssuer')),
  ];
}

/** Git credentials without prompts: rewrite the URL with a token, or use .netrc (go help private). */
export function gitAuthFix(model: ConfigModel, modulePath: string | undefined, gitUrl?: string): Fix[] {
  const host = modulePath ? modulePathHost(modulePath) : 'git.example.com';
  const gitHost = gitUrl ? urlHostname(gitUrl) : undefined;
  if (modulePath && gitUrl && gitHost && gitHost !== host) {
    // git named the URL it really asked (after its insteadOf rewrite): the credentials are for that host, in ~/.netrc by
    // host name without the port (curl's netrc matching). A new insteadOf for `host` would lose to the longer rewrite
    // already in place (git-config: the longest matching prefix wins).
    const line = code(`machine ${gitHost} login USER password TOKEN`);
    const out = [
      commentFix(fixMsg('fix.note.netrcRewritten', { line, module: modulePath, url: redactUrl(gitUrl), host })),
    ];
    if (!inGoprivate(model, modulePath)) out.push(goprivateFix(model, modulePath));
    return out;
  }
  const out = [
    commandFix(['git', 'config', '--global', `url.https://oauth2:TOKEN@${host}/.insteadOf`, `https://${host}/`]),
    commentFix(fixMsg('fix.note.netrcOr', { line: code(`machine ${host} login USER password TOKEN`) })),
  ];
  if (modulePath && !inGoprivate(model, modulePath)) out.push(goprivateFix(model, modulePath));
  return out;
}

/** Toolchain download problems: stay on the local Go, or reach a proxy that serves golang.org/toolchain. */
export function toolchainFix(model: ConfigModel): Fix[] {
  return [
    setFix(model, 'GOTOOLCHAIN', 'local', fixMsg('fix.note.toolchainLocal')),
    setFix(model, 'GOPROXY', 'https://proxy.golang.org|https://goproxy.cn|direct', fixMsg('fix.note.toolchainProxy')),
  ];
}

/** A whole configuration that is wrong: the doctor and the wizard. */
export function configFix(): Fix[] {
  return [commandFix(['gomodctl', 'doctor']), commandFix(['gomodctl', 'init'])];
}

/**
 * A zip body that stops half-way (a filtering gateway, a proxy that holds large downloads): advice only, since nothing
 * here verified which hop holds it; another attempt with a stall kill is what tidy itself can do.
 */
export function bodyStallFix(_model: ConfigModel, proxies: ProxyEntry[], url: string | undefined): Fix[] {
  const host = url ? urlHost(url) : undefined;
  const visible = proxies.filter((e) => e.kind === 'url');
  return [
    commentFix(
      host
        ? fixMsg(visible.length ? 'fix.note.bodyStall.hostMirror' : 'fix.note.bodyStall.host', { host })
        : fixMsg(visible.length ? 'fix.note.bodyStall.noHostMirror' : 'fix.note.bodyStall.noHost'),
      visible.length ? 'GOPROXY' : undefined,
    ),
    commentFix(fixMsg('fix.note.retryStall', { command: code('gomodctl tidy --retry 2 --stall-kill') })),
  ];
}

/**
 * A run that was slow, not stuck: more time, or a nearer mirror where downloads were moving; more time alone where
 * none was (Go was resolving, or had only just started, when the run ended).
 */
export function slowFix(moving = true): Fix[] {
  return [commentFix(fixMsg(moving ? 'fix.note.slow' : 'fix.note.slowActive'))];
}

/**
 * Fixes for a request that failed at the HTTP(S)_PROXY hop, in doctor's words (core/proxy-hop-fixes.ts): credentials
 * in the proxy URL (a redacted placeholder) for a 407, NO_PROXY for an intranet target.
 */
export function proxyHopFix(
  url: string,
  proxy: { url: string; variable: string },
  action: ProxyAction,
  answer: { status?: number | undefined; statusText?: string | undefined; firstLine?: string | undefined } = {},
): Fix[] {
  // What is known of the proxy's answer: from Go's words (a refused CONNECT: the status text and the status it stands
  // for), or from a probe of the proxy (also the first line of its body).
  const said = {
    ...(answer.status !== undefined ? { status: answer.status } : {}),
    ...(answer.statusText !== undefined ? { reason: answer.statusText } : {}),
    ...(answer.firstLine !== undefined ? { firstLine: answer.firstLine } : {}),
  };
  return proxyHopFixes(
    {
      url: redactUrl(url),
      ok: false,
      hop: 'proxy',
      peer: redactUrl(proxy.url),
      proxy: { url: redactUrl(proxy.url), variable: proxy.variable, action, ...said },
      timings: { totalMs: 0 },
    },
    proxy.variable,
  );
}

/**
 * A VCS fetch that failed: the real command or repository URL to try by hand (never a placeholder), and GOPRIVATE
 * only for a path that looks private (never a bare shared host such as github.com).
 */
export function vcsFix(model: ConfigModel, d: { module?: string; url?: string; command?: string }): Fix[] {
  const repo = d.url ?? /(?:https?|ssh|git):\/\/\S+/.exec(d.command ?? '')?.[0];
  const out: Fix[] = [];
  if (repo) out.push(commandFix(['git', 'ls-remote', redactUrl(repo)], fixMsg('fix.note.lsRemote')));
  if (d.module && !getVar(model, 'GOPRIVATE') && privatePatternFor(d.module) && !isPublicModulePath(d.module))
    out.push(goprivateFix(model, d.module, fixMsg('fix.note.ifModulePrivate')));
  out.push(commandFix(['gomodctl', 'doctor']));
  return out;
}

/** Settings whose change sends Go to another host or through another hop (a mirror, `|direct`, the checksum database). */
const ROUTE_VARS = new Set(['GOPROXY', 'GOSUMDB', 'GONOPROXY', 'GONOSUMDB', 'NO_PROXY']);

/** Whether a GOPRIVATE (GONOPROXY, GONOSUMDB) value adds a pattern that is no private-looking prefix. */
function addsPublicPattern(model: ConfigModel, variable: string, value: string): boolean {
  const had = new Set(getVar(model, variable).split(','));
  return value.split(',').some((p) => p !== '' && !had.has(p) && isPublicModulePath(p));
}

/** A setting's change in words (`VAR=value`, "add V to VAR", `unset VAR`); undefined for commands and advice. */
export function changeText(f: Fix): Text | undefined {
  if (f.kind === 'unset') return `unset ${f.variable}`;
  if (f.kind !== 'set') return undefined;
  return f.append
    ? fixMsg('fix.note.change.add', { value: f.value ?? '', variable: f.variable })
    : `${f.variable}=${f.value ?? `$${f.valueFrom ?? ''}`}`;
}

/**
 * Issue 13: a fix that changes the network route and that nothing verified (no probe saw the mirror, the `|direct`,
 * the other checksum database work) becomes advice in words, "not verified: …"; GOPRIVATE for a private-looking
 * prefix and the certain fixes (GOFLAGS=-mod=mod, GOTOOLCHAIN, a command to run) stay as they are.
 */
function unverifiedAsAdvice(f: Fix, model: ConfigModel): Fix {
  if (f.verifiedBy !== undefined || (f.kind !== 'set' && f.kind !== 'unset')) return f;
  const v = f.variable.toUpperCase();
  const privacy = v === 'GOPRIVATE' || v === 'GONOPROXY' || v === 'GONOSUMDB';
  const route =
    f.kind === 'set' && privacy && f.value !== undefined
      ? addsPublicPattern(model, f.variable, f.value)
      : ROUTE_VARS.has(v) && !(privacy && f.kind === 'set');
  if (!route) return f;
  const change = changeText(f)!;
  const note = f.note
    ? fixMsg('fix.note.notVerifiedWhy', { change, why: f.note })
    : fixMsg('fix.note.notVerified', { change });
  return commentFix(note, f.variable);
}

/** What fixesFor sees besides the problem: the configuration as Go reports it and GOPROXY parsed once. */
interface FixContext {
  model: ConfigModel;
  proxies: ProxyEntry[];
}

/**
 * The one place a tidy problem's fixes leave the diagnosis (diagnose.ts runs every problem through it): today the
 * fixes its rule drafted (rules.ts, stall.ts, the leak check), deduplicated, with GOPRIVATE first when the problem
 * is a leak, and every unverified route change turned into advice (unverifiedAsAdvice). Same Fix data as doctor.
 */
export function fixesFor(p: TidyProblem, ctx: FixContext): Fix[] {
  const seen = new Set<string>();
  const out: Fix[] = [];
  for (const f of p.fix.map((x) => unverifiedAsAdvice(x, ctx.model))) {
    const k = JSON.stringify(f);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(f);
  }
  if (p.cause === 'leak')
    out.sort((a, b) => Number(fixVariable(b) === 'GOPRIVATE') - Number(fixVariable(a) === 'GOPRIVATE'));
  return out;
}
