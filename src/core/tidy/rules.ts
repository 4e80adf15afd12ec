// Ordered diagnosis rule table: first match wins, strictest first (flutter gradle_errors.dart style).
// Each rule turns one error Go printed into a problem whose fixes are real settings (docs/go-rules.md#what-go-prints).
import type { TidyCause, TidyProblem } from './report-model.js';
import { goAtLeast, goLanguageVersion } from '../go-version.js';
import { redactSecrets, redactUrl } from '../redact.js';
import type { ErrorDetail } from './detect-error.js';
import type { ErrorEvent } from './timeline.js';
import { getVar } from '../config-model.js';
import { commandFix, commentFix, type Fix, setFix } from '../fix/fix.js';
import { isPublicModulePath } from '../public-hosts.js';
import type { ConfigModel } from '../config-types.js';
import type { ProxyEntry } from '../goproxy.js';
import {
  configFix,
  gitAuthFix,
  goprivateFix,
  pipeFix,
  proxyHopFix,
  sumdbFix,
  tlsFix,
  toolchainFix,
  vcsFix,
} from './fixes.js';
import { isInternalLookingHost } from '../public-hosts.js';
import { modulePathHost } from '../hosts.js';
import { proxyHopFromGoError } from '../go-proxy-errors.js';
import { goProxyFor } from './proxy-env.js';

/** What a rule sees: the detail of one error line, its text, the config and a public-host test. */
interface RuleInput {
  d: ErrorDetail;
  text: string;
  /** The configuration as Go reports it. */
  model: ConfigModel;
  /** GOPROXY parsed once. */
  proxies: ProxyEntry[];
}

/** One diagnosis rule. */
interface TidyRule {
  id: string;
  match(i: RuleInput): boolean;
  explain(i: RuleInput): { message: string; fix: Fix[]; cause?: TidyCause };
}

const NETWORK: TidyCause[] = ['dns', 'refused', 'timeout', 'reset', 'tls'];
const at = (d: ErrorDetail): string => (d.host ? ` at ${d.host}` : '');
const subj = (d: ErrorDetail): string => d.module ?? d.package ?? 'the module';
/** The server's words as Go printed them (`server response:`), quoted after the status. */
const words = (d: ErrorDetail): string => (d.serverResponse ? `: the server says "${d.serverResponse}"` : '');
/**
 * A module path that looks private (internal host labels, not a known public host) and that a proxy was asked for: its
 * name left the company, and GOPRIVATE is the fix (go help private).
 */
const leakedPrivate = (d: ErrorDetail, model: ConfigModel): string | undefined => {
  const mod = d.module ?? d.package;
  if (!mod || d.phase !== 'proxy' || isPublicModulePath(mod) || !isInternalLookingHost(modulePathHost(mod)))
    return undefined;
  return getVar(model, 'GONOPROXY') || getVar(model, 'GOPRIVATE') ? undefined : mod;
};
const leakWords = (mod: string | undefined): string =>
  mod ? `; ${mod} looks private and its path was sent to the proxy (it leaked): GOPRIVATE keeps it off proxies` : '';
/** The HTTPS_PROXY hop in Go's error (a CONNECT that failed), when the model's proxy settings cover the URL. */
const hopOf = (i: RuleInput) => {
  const proxy = i.d.url ? goProxyFor(i.model, i.d.url) : null;
  const hop = proxy ? proxyHopFromGoError(i.text, true) : null;
  return hop && proxy ? { ...hop, proxy } : null;
};
const HOP_CAUSE: Record<string, TidyCause> = {
  'auth-required': 'auth',
  denied: 'auth',
  unresolved: 'dns',
  refused: 'refused',
  unreachable: 'timeout',
  silent: 'timeout',
  'tunnel-silent': 'timeout',
  closed: 'reset',
  'error-status': 'http-status',
};
const NET_WORDS: Record<string, string> = {
  dns: 'does not resolve (DNS)',
  refused: 'refuses connections',
  timeout: 'does not answer in time',
  reset: 'drops the connection',
  tls: 'presents a certificate Go does not trust',
};

/**
 * git (not Go) failed to resolve the host: the VPN or DNS, and, when git's host is not the module's, the insteadOf
 * rewrite that sent it there (git config url.<base>.insteadOf).
 */
function gitDnsFix(d: ErrorDetail): Fix[] {
  const host = d.host ?? 'the host';
  const rewritten = d.module && d.host && modulePathHost(d.module) !== d.host.replace(/:\d+$/, '');
  return [
    commentFix(`git could not resolve ${host}: connect the VPN or fix DNS`),
    ...(rewritten
      ? [
          commandFix(
            ['git', 'config', '--get-regexp', '^url\\..*\\.insteadof$'],
            `git fetches ${d.module} from ${host}: a url.<base>.insteadOf rule rewrites it`,
          ),
        ]
      : []),
  ];
}

/** The rule table, in order. */
export const RULES: TidyRule[] = [
  {
    id: 'checksum-mismatch',
    match: ({ d }) => d.cause === 'checksum',
    explain: ({ d }) => ({
      message: `${subj(d)}: the downloaded code does not match go.sum or the checksum database (SECURITY ERROR): someone changed the module or something on the path rewrites downloads`,
      fix: [
        commentFix('find out who changed the module before trusting it'),
        commandFix(['go', 'clean', '-modcache'], 'then retry; if it persists, check GOPROXY for a rewriting mirror'),
      ],
    }),
  },
  {
    id: 'git-terminal-prompt',
    match: ({ d }) => d.cause === 'vcs-auth',
    explain: ({ d, model }) => ({
      message: `${subj(d)}: git needs credentials and Go disables terminal prompts (GIT_TERMINAL_PROMPT=0)`,
      fix: gitAuthFix(model, d.module ?? d.package),
    }),
  },
  {
    id: 'module-path-mismatch',
    match: ({ d }) => d.cause === 'module-path',
    explain: ({ d }) => ({
      message: `${subj(d)}: its go.mod declares a different module path than the one it was required as`,
      fix: [
        commentFix('require (and import) the module by the path its go.mod declares'),
        commentFix('or add a replace directive to go.mod: replace OLD => NEW vX.Y.Z'),
      ],
    }),
  },
  {
    id: 'missing-go-sum',
    match: ({ d }) => d.cause === 'go-sum',
    explain: ({ d }) => ({
      message: `${subj(d)}: go.sum has no checksum for it`,
      fix: [
        commandFix(['go', 'mod', 'download', ...(d.module ? [d.module] : [])]),
        commandFix(['gomodctl', 'tidy', '--explain'], 'tidy writes the missing go.sum lines'),
      ],
    }),
  },
  {
    id: 'toolchain',
    match: ({ d }) => d.cause === 'toolchain' || (d.phase === 'toolchain' && d.cause !== 'config'),
    explain: ({ d, text, model }) => ({
      cause: 'toolchain',
      message: /invalid go version/.test(text)
        ? 'go.mod asks for a Go version this Go cannot read: it needs a newer Go (toolchain switching exists from Go 1.21)'
        : `the go line in go.mod needs another Go toolchain and it cannot be downloaded${d.host ? ` from ${d.host}` : ''} (golang.org/toolchain through GOPROXY)`,
      fix: /invalid go version/.test(text)
        ? [
            commentFix('install Go 1.21 or later: https://go.dev/dl/'),
            commandFix(
              ['go', 'mod', 'edit', `-go=${goLanguageVersion(model.goVersion ?? '') ?? '1.21'}`],
              'or: lower the go line to this Go',
            ),
          ]
        : toolchainFix(model),
    }),
  },
  {
    id: 'goproxy-off',
    match: ({ text }) => /module lookup disabled by GOPROXY=off/.test(text),
    explain: ({ d, model }) => ({
      message: `${subj(d)}: GOPROXY=off forbids downloading modules that are not in the module cache`,
      fix: [setFix(model, 'GOPROXY', 'https://proxy.golang.org,direct', 'or a mirror you can reach'), ...configFix()],
    }),
  },
  {
    id: 'invalid-version',
    match: ({ text }) => /version "[^"]+" invalid: should be v0 or v1, not v\d+/.test(text),
    explain: ({ d, text }) => {
      const major = /not (v\d+)/.exec(text)?.[1] ?? 'v2';
      return {
        cause: 'config',
        message: `go.mod requires ${d.module ?? 'a module'} ${d.version ?? ''}, a ${major} version, of a path without the /${major} suffix: Go rejects it (semantic import versioning: modfile's version check)`,
        fix: [
          commentFix(
            `require (and import) ${d.module ?? 'the module'}/${major} ${d.version ?? ''} if that module has a /${major} go.mod path, else a v0/v1 version`,
          ),
          commandFix(['go', 'list', '-m', '-versions', d.module ?? 'MODULE'], 'the versions of that path'),
        ],
      };
    },
  },
  {
    id: 'proxy-hop',
    match: (i) => hopOf(i) !== null,
    explain: (i) => {
      const h = hopOf(i)!;
      const cause = HOP_CAUSE[h.action] ?? 'unknown';
      const what =
        h.action === 'auth-required'
          ? 'asks for credentials (407 Proxy Authentication Required) before it opens a tunnel'
          : h.statusText
            ? `answers CONNECT with "${h.statusText}"`
            : `fails (${h.action})`;
      return {
        cause,
        message: `the request for ${subj(i.d)} goes through the proxy ${redactUrl(h.proxy.url)} (${h.proxy.variable}), which ${what} to ${i.d.host ?? 'the module proxy'}; the module proxy itself was never reached`,
        fix: proxyHopFix(i.d.url!, h.proxy, h.action),
      };
    },
  },
  {
    id: 'config',
    match: ({ d }) => d.cause === 'config',
    explain: ({ text }) => ({
      message: `Go rejects the module configuration: ${text.replace(/^\t?(go: )?/, '')}`,
      fix: /go\.mod file not found/.test(text)
        ? [
            commandFix(['gomodctl', 'tidy', '-C', 'path/to/module'], 'run where go.mod is'),
            commandFix(['go', 'mod', 'init', 'example.com/yourmodule'], 'or: start a module here'),
          ]
        : configFix(),
    }),
  },
  {
    id: 'sumdb-unreachable',
    match: ({ d }) => d.phase === 'sumdb' && NETWORK.includes(d.cause),
    explain: ({ d, model }) => ({
      message: `the checksum database${at(d)} ${NET_WORDS[d.cause]}; Go cannot verify ${subj(d)}`,
      fix: d.cause === 'tls' ? [...tlsFix(), ...sumdbFix(model, d.module)] : sumdbFix(model, d.module),
    }),
  },
  {
    id: 'vcs-host-unreachable',
    match: ({ d }) => d.phase === 'direct' && NETWORK.includes(d.cause),
    explain: ({ d, model }) => ({
      message: `${subj(d)} is fetched directly from its VCS host${at(d)}, which ${NET_WORDS[d.cause]}${d.command ? ` (\`${d.command}\`` : ''}${d.command && d.reason ? `: ${d.reason})` : d.command ? ')' : d.reason ? ` (${d.reason})` : ''}`,
      fix: [
        ...(d.cause === 'dns' && d.reason
          ? gitDnsFix(d)
          : d.cause === 'dns'
            ? [
                commentFix(
                  `${d.host ?? 'the host'} does not resolve here: connect the VPN or fix DNS (Go fetches ?go-get=1 itself; git settings do not help)`,
                ),
              ]
            : [
                commentFix(
                  `check the VPN / network route to ${d.host ?? 'the host'} (modules in GOPRIVATE/GONOPROXY are fetched from it directly)`,
                ),
                commandFix(
                  ['git', 'config', '--global', 'url.https://MIRROR/.insteadOf', `https://${d.host ?? 'HOST'}/`],
                  'or: point git at a reachable mirror',
                ),
              ]),
        ...(d.module && !getVar(model, 'GOPRIVATE') && !isPublicModulePath(d.module)
          ? [goprivateFix(model, d.module)]
          : []),
      ],
    }),
  },
  {
    id: 'tls',
    match: ({ d }) => d.cause === 'tls',
    explain: ({ d }) => ({
      message: `the module proxy${at(d)} ${NET_WORDS.tls} (a TLS-inspecting gateway?)`,
      fix: tlsFix(),
    }),
  },
  {
    id: 'proxy-network',
    match: ({ d }) => NETWORK.includes(d.cause),
    explain: ({ d, model, proxies, text }) => ({
      message: /stream error: stream ID \d+/.test(text)
        ? `the module proxy${at(d)} resets the HTTP/2 stream while fetching ${subj(d)} (${/stream error: [^;]*; [A-Z_]+/.exec(text)![0]}): transient on most servers, --retry retries it`
        : `the module proxy${at(d)} ${NET_WORDS[d.cause]} while fetching ${subj(d)}`,
      fix: pipeFix(model, proxies),
    }),
  },
  {
    id: 'auth',
    match: ({ d }) => d.cause === 'auth',
    explain: ({ d, model, proxies }) => {
      const leaked = leakedPrivate(d, model);
      const why = d.serverResponse ? words(d) : ': credentials missing or wrong';
      return {
        message: `the module proxy${at(d)} refuses ${subj(d)} (HTTP ${d.httpStatus ?? 'auth'})${why}${leakWords(leaked)}`,
        fix: [
          ...(leaked ? [goprivateFix(model, leaked)] : []),
          commentFix(
            `add "machine ${d.host ?? 'HOST'} login USER password TOKEN" to ~/.netrc (chmod 600)${goAtLeast(model.goVersion, '1.24') ? ', or set GOAUTH' : ''}`,
          ),
          ...pipeFix(model, proxies),
        ],
      };
    },
  },
  {
    id: 'unknown-revision',
    match: ({ text }) => /unknown revision \S+/.test(text),
    explain: ({ d, text }) => {
      const rev = /unknown revision (\S+)/.exec(text)![1]!;
      const mod = d.module ?? d.package ?? 'the module';
      return {
        cause: 'not-found',
        message: `${mod}@${rev}: its repository has no revision ${rev} (Go: "unknown revision ${rev}"): a tag that was never pushed, deleted or moved`,
        fix: [
          commandFix(['go', 'list', '-m', '-versions', mod], 'the versions Go can see'),
          commentFix(`require a version of ${mod} that exists (the go.mod require line, or go get ${mod}@latest)`),
        ],
      };
    },
  },
  {
    id: 'not-found',
    match: ({ d }) => d.cause === 'not-found' || d.cause === 'gone',
    explain: ({ d, model }) => {
      const mod = d.module ?? d.package;
      const priv = mod !== undefined && !isPublicModulePath(mod);
      return {
        message: `${subj(d)}${d.version ? `@${d.version}` : ''} was not found${at(d)} (${d.httpStatus ?? 'not found'})${words(d)}${priv ? ': a private module must not be fetched through a proxy' : ''}`,
        fix: priv
          ? [goprivateFix(model, mod)]
          : [commandFix(['go', 'list', '-m', '-versions', mod ?? 'MODULE'], 'check the import path and version')],
      };
    },
  },
  {
    id: 'http-status',
    match: ({ d }) => d.cause === 'http-status',
    explain: ({ d, model, proxies, text }) => {
      const leaked = leakedPrivate(d, model);
      return {
        message: /invalid response from proxy/.test(text)
          ? `the module proxy${at(d)} answers with something that is not a Go module proxy response (a login page or a block page?)`
          : d.httpStatus === 429
            ? `the module proxy${at(d)} rate-limits the requests for ${subj(d)} (429 Too Many Requests)${words(d)}: transient, --retry waits and retries`
            : `the module proxy${at(d)} fails with HTTP ${d.httpStatus ?? '?'} for ${subj(d)}${words(d)}${leakWords(leaked)}`,
        fix: [
          ...(leaked ? [goprivateFix(model, leaked)] : []),
          ...pipeFix(model, proxies),
          commandFix(['gomodctl', 'doctor']),
        ],
      };
    },
  },
  {
    id: 'vcs',
    match: ({ d }) => d.cause === 'vcs',
    explain: ({ d, model }) => ({
      message: `${subj(d)}: fetching directly from version control failed${d.command ? ` (\`${d.command}\`)` : ''}${d.reason ? `: ${d.reason}` : ''}`,
      fix: vcsFix(model, d),
    }),
  },
  {
    id: 'unknown',
    match: () => true,
    explain: ({ text }) => ({
      cause: 'unknown',
      message: text.replace(/^\t?(go: )?/, ''),
      fix: [commandFix(['gomodctl', 'doctor'])],
    }),
  },
];

/** Applies the rule table to one error event; the first matching rule explains it. */
export function explainError(ev: ErrorEvent, model: ConfigModel, proxies: ProxyEntry[]): TidyProblem {
  const d: ErrorDetail = ev.kind === 'error' ? ev.detail : (ev.detail ?? { cause: 'unknown' });
  const text = ev.kind === 'error' ? ev.text : ev.error;
  if (ev.kind === 'get-error' && !d.url) d.url = ev.url;
  const input: RuleInput = { d, text, model, proxies };
  const rule = RULES.find((r) => r.match(input))!;
  const e = rule.explain(input);
  const p: TidyProblem = { rule: rule.id, cause: e.cause ?? d.cause, message: redactSecrets(e.message), fix: e.fix };
  if (d.module) p.module = d.module;
  if (d.version) p.version = d.version;
  if (d.package) p.package = d.package;
  if (d.url) p.url = redactUrl(d.url);
  if (d.host) p.host = d.host;
  if (d.phase) p.phase = d.phase;
  if (rule.id === 'proxy-hop') p.hop = 'proxy';
  return p;
}
