// Ordered diagnosis rule table: first match wins, strictest first (flutter gradle_errors.dart style).
// Each rule turns one error Go printed into a problem whose fixes are real settings (docs/go-rules.md#what-go-prints).
import { matchPrefixPatterns } from '../patterns.js';
import type { TidyCause, TidyProblem } from './report-model.js';
import { goLanguageVersion } from '../go-version.js';
import { redactSecrets, redactUrl } from '../redact.js';
import { code, mapVerbatim, type Text } from '../i18n/message.js';
import { fixMsg } from '../i18n/messages/fix.js';
import { tidyMsg } from '../i18n/messages/tidy.js';
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
import { loginFix } from '../netrc.js';

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
  explain(i: RuleInput): { message: Text; fix: Fix[]; cause?: TidyCause };
}

const NETWORK: TidyCause[] = ['dns', 'refused', 'timeout', 'reset', 'tls'];
const subj = (d: ErrorDetail): Text => d.module ?? d.package ?? tidyMsg('problem.theModule');
/** "the module proxy" or "the module proxy at HOST". */
const proxyAt = (d: ErrorDetail): Text =>
  d.host ? tidyMsg('problem.proxyAt', { host: d.host }) : tidyMsg('problem.theProxy');
/** The server's words as Go printed them (`server response:`), quoted after the status. */
const words = (d: ErrorDetail): Text =>
  d.serverResponse ? tidyMsg('problem.serverSays', { words: d.serverResponse }) : '';
/**
 * A module path that looks private (internal host labels, not a known public host) and that a proxy was asked for: its
 * name left the company, and GOPRIVATE is the fix (go help private).
 */
const leakedPrivate = (d: ErrorDetail, model: ConfigModel): string | undefined => {
  const mod = d.module ?? d.package;
  if (!mod || d.phase !== 'proxy' || isPublicModulePath(mod) || !isInternalLookingHost(modulePathHost(mod)))
    return undefined;
  // GONOPROXY (GOPRIVATE when unset) that does not match it is no cover: the path was sent, it leaked.
  return matchPrefixPatterns(getVar(model, 'GONOPROXY'), mod) ? undefined : mod;
};
/**
 * After a checksum mismatch, the narrow step (checked with the real go 1.19, 1.26, 1.27): go.sum disagrees, so only its
 * lines for the module version go, and go mod tidy writes them again from a download the checksum database vouches
 * for; when the database disagrees, the server serves other bits. `go clean -modcache` fixes neither: the same bits
 * come back.
 */
const checksumFix = (d: ErrorDetail): Fix => {
  const mod = d.module ?? d.package;
  if (d.phase === 'module' && mod && d.version) {
    const v = d.version.replace(/\/go\.mod$/, ''); // `verifying M@V/go.mod: checksum mismatch` names the go.mod line
    const lines = `${mod} ${v} h1:…", "${mod} ${v}/go.mod h1:…`;
    const file = d.checksumSource ?? 'go.sum';
    return commentFix(fixMsg('fix.note.dropSumLines', { lines, file, command: code('go mod tidy') }));
  }
  if (d.phase === 'sumdb') return commentFix(fixMsg('fix.note.sumdbServesOther', { module: subj(d) }));
  return commandFix(['go', 'clean', '-modcache'], fixMsg('fix.note.cleanRetry'));
};
/** The toolchain Go names (`download go1.99.0 for …`, `cannot find "go1.99.0" in PATH`), or "another Go toolchain". */
const toolchainNamed = (text: string): Text => {
  const v = /download (go1[^\s:]*)|"(go1[^"]*)"|requires go >= (\S+)/.exec(text);
  const name = v?.[1] ?? v?.[2] ?? (v?.[3] ? `go${v[3]}` : undefined);
  return name ? tidyMsg('problem.toolchainNamed', { toolchain: name }) : tidyMsg('problem.toolchainAnother');
};
const leakWords = (mod: string | undefined): Text => (mod ? tidyMsg('problem.leaked', { module: mod }) : '');
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
const NET_KEYS = {
  dns: 'problem.net.dns',
  refused: 'problem.net.refused',
  timeout: 'problem.net.timeout',
  reset: 'problem.net.reset',
  tls: 'problem.net.tls',
} as const;
/** What a host does wrong at the network level (NETWORK causes), in words. */
const netWords = (cause: string): Text =>
  cause in NET_KEYS ? tidyMsg(NET_KEYS[cause as keyof typeof NET_KEYS]) : cause;
/** The git command and its reason after a VCS failure: " (`git …`: reason)". */
const vcsDetail = (d: ErrorDetail): Text =>
  d.command && d.reason
    ? tidyMsg('problem.vcsCmdReason', { command: d.command, reason: d.reason })
    : d.command
      ? tidyMsg('problem.vcsCmd', { command: d.command })
      : d.reason
        ? tidyMsg('problem.vcsReason', { reason: d.reason })
        : '';

/**
 * git (not Go) failed to resolve the host: the VPN or DNS, and, when git's host is not the module's, the insteadOf
 * rewrite that sent it there (git config url.<base>.insteadOf).
 */
function gitDnsFix(d: ErrorDetail): Fix[] {
  const host = d.host ?? fixMsg('fix.note.theHost');
  const rewritten = d.module && d.host && modulePathHost(d.module) !== d.host.replace(/:\d+$/, '');
  return [
    commentFix(fixMsg('fix.note.gitDns', { host })),
    ...(rewritten
      ? [
          commandFix(
            ['git', 'config', '--get-regexp', '^url\\..*\\.insteadof$'],
            fixMsg('fix.note.insteadOfRewrite', { module: d.module ?? '', host }),
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
    explain: ({ d, text }) => ({
      // Which side disagreed (detect-error.ts phaseOf): go.sum / go.work.sum, or the checksum database (fetch.go).
      message:
        d.phase === 'module'
          ? tidyMsg('problem.checksumSum', { module: subj(d), file: d.checksumSource ?? 'go.sum' })
          : d.phase === 'sumdb' && /checksum mismatch/.test(text)
            ? tidyMsg('problem.checksumDb', {
                module: subj(d),
                sumdb: d.checksumSource
                  ? tidyMsg('problem.sumdbAt', { host: d.checksumSource })
                  : tidyMsg('problem.theSumdb'),
              })
            : tidyMsg('problem.checksum', { module: subj(d) }),
      fix: [commentFix(fixMsg('fix.note.whoChanged')), checksumFix(d)],
    }),
  },
  {
    id: 'git-terminal-prompt',
    match: ({ d }) => d.cause === 'vcs-auth',
    explain: ({ d, model }) => ({
      message: tidyMsg('problem.gitPrompt', { module: subj(d) }),
      fix: gitAuthFix(model, d.module ?? d.package, d.url),
    }),
  },
  {
    id: 'module-path-mismatch',
    match: ({ d }) => d.cause === 'module-path',
    explain: ({ d }) => ({
      message: tidyMsg('problem.modulePath', { module: subj(d) }),
      fix: [
        commentFix(fixMsg('fix.note.requireDeclared')),
        commentFix(fixMsg('fix.note.replaceDirective', { line: code('replace OLD => NEW vX.Y.Z') })),
      ],
    }),
  },
  {
    id: 'missing-go-sum',
    match: ({ d }) => d.cause === 'go-sum',
    explain: ({ d }) => ({
      message: tidyMsg('problem.goSum', { module: subj(d) }),
      fix: [
        commandFix(['go', 'mod', 'download', ...(d.module ? [d.module] : [])]),
        commandFix(['gomodctl', 'tidy', '--explain'], fixMsg('fix.note.goSumWrites')),
      ],
    }),
  },
  {
    id: 'toolchain',
    match: ({ d }) => d.cause === 'toolchain' || (d.phase === 'toolchain' && d.cause !== 'config'),
    explain: ({ d, text, model }) => ({
      cause: 'toolchain',
      message: /invalid go version/.test(text)
        ? tidyMsg('problem.goVersionUnreadable', { version: /invalid go version '([^']+)'/.exec(text)![1]! })
        : tidyMsg('problem.toolchain', {
            which: toolchainNamed(text),
            from: d.host ? tidyMsg('problem.toolchainFrom', { host: d.host }) : '',
          }),
      fix: /invalid go version/.test(text)
        ? [
            commentFix(fixMsg('fix.note.installGo121', { url: 'https://go.dev/dl/' })),
            commandFix(
              ['go', 'mod', 'edit', `-go=${goLanguageVersion(model.goVersion ?? '') ?? '1.21'}`],
              fixMsg('fix.note.lowerGoLine'),
            ),
          ]
        : toolchainFix(model),
    }),
  },
  {
    id: 'goproxy-off',
    match: ({ text }) => /module lookup disabled by GOPROXY=off/.test(text),
    explain: ({ d, model }) => ({
      message: tidyMsg('problem.goproxyOff', { module: subj(d) }),
      fix: [setFix(model, 'GOPROXY', 'https://proxy.golang.org,direct', fixMsg('fix.note.orMirror')), ...configFix()],
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
            fixMsg('fix.note.majorPath', {
              module: d.module ?? fixMsg('fix.note.theModule'),
              major,
              version: d.version ?? '',
            }),
          ),
          commandFix(['go', 'list', '-m', '-versions', d.module ?? 'MODULE'], fixMsg('fix.note.versionsOfPath')),
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
          ? tidyMsg('problem.hop.auth')
          : h.statusText
            ? tidyMsg('problem.hop.status', { status: h.statusText })
            : tidyMsg('problem.hop.fails', { action: h.action });
      return {
        cause,
        message: tidyMsg('problem.hop', {
          module: subj(i.d),
          proxy: redactUrl(h.proxy.url),
          variable: h.proxy.variable,
          what,
          target: i.d.host ?? tidyMsg('problem.theProxy'),
        }),
        fix: proxyHopFix(i.d.url!, h.proxy, h.action, h),
      };
    },
  },
  {
    id: 'config',
    match: ({ d }) => d.cause === 'config',
    explain: ({ text }) => ({
      message: tidyMsg('problem.config', { error: text.replace(/^\t?(go: )?/, '') }),
      fix: /go\.mod file not found/.test(text)
        ? [
            commandFix(['gomodctl', 'tidy', '-C', 'path/to/module'], fixMsg('fix.note.runWhereGoMod')),
            commandFix(['go', 'mod', 'init', 'example.com/yourmodule'], fixMsg('fix.note.startModule')),
          ]
        : configFix(),
    }),
  },
  {
    id: 'sumdb-unreachable',
    match: ({ d }) => d.phase === 'sumdb' && NETWORK.includes(d.cause),
    explain: ({ d, model }) => ({
      message: tidyMsg('problem.sumdbNet', {
        sumdb: d.host ? tidyMsg('problem.sumdbAt', { host: d.host }) : tidyMsg('problem.theSumdb'),
        what: netWords(d.cause),
        module: subj(d),
      }),
      fix: d.cause === 'tls' ? [...tlsFix(), ...sumdbFix(model, d.module)] : sumdbFix(model, d.module),
    }),
  },
  {
    id: 'vcs-host-unreachable',
    match: ({ d }) => d.phase === 'direct' && NETWORK.includes(d.cause),
    explain: ({ d, model }) => ({
      message: d.host
        ? tidyMsg('problem.vcsNetAt', { module: subj(d), host: d.host, what: netWords(d.cause), detail: vcsDetail(d) })
        : tidyMsg('problem.vcsNet', { module: subj(d), what: netWords(d.cause), detail: vcsDetail(d) }),
      fix: [
        ...(d.cause === 'dns' && d.reason
          ? gitDnsFix(d)
          : d.cause === 'dns'
            ? [commentFix(fixMsg('fix.note.vcsDns', { host: d.host ?? fixMsg('fix.note.theHost') }))]
            : [
                commentFix(fixMsg('fix.note.vcsRoute', { host: d.host ?? fixMsg('fix.note.theHost') })),
                commandFix(
                  ['git', 'config', '--global', 'url.https://MIRROR/.insteadOf', `https://${d.host ?? 'HOST'}/`],
                  fixMsg('fix.note.gitMirror'),
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
      message: tidyMsg('problem.tls', { proxy: proxyAt(d), what: netWords('tls') }),
      fix: tlsFix(),
    }),
  },
  {
    id: 'proxy-network',
    match: ({ d }) => NETWORK.includes(d.cause),
    explain: ({ d, model, proxies, text }) => ({
      message: /stream error: stream ID \d+/.test(text)
        ? tidyMsg('problem.h2Reset', {
            proxy: proxyAt(d),
            module: subj(d),
            error: /stream error: [^;]*; [A-Z_]+/.exec(text)![0],
          })
        : tidyMsg('problem.proxyNet', { proxy: proxyAt(d), what: netWords(d.cause), module: subj(d) }),
      fix: pipeFix(model, proxies),
    }),
  },
  {
    id: 'auth',
    match: ({ d }) => d.cause === 'auth',
    explain: ({ d, model, proxies }) => {
      const leaked = leakedPrivate(d, model);
      const why = d.serverResponse ? words(d) : tidyMsg('problem.authWhy');
      return {
        message: tidyMsg('problem.auth', {
          proxy: proxyAt(d),
          module: subj(d),
          status: d.httpStatus ?? 'auth',
          why,
          leak: leakWords(leaked),
        }),
        // A private path: another proxy (or proxy.golang.org after `|`) would be sent it too; GOPRIVATE, or a login.
        fix: leaked
          ? [goprivateFix(model, leaked), loginFix(d.url, d.host, model.goVersion)]
          : [loginFix(d.url, d.host, model.goVersion), ...pipeFix(model, proxies)],
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
        message: tidyMsg('problem.unknownRevision', { module: mod, rev }),
        fix: [
          commandFix(['go', 'list', '-m', '-versions', mod], fixMsg('fix.note.versionsGoSees')),
          commentFix(fixMsg('fix.note.requireExisting', { module: mod, command: code(`go get ${mod}@latest`) })),
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
        message: tidyMsg('problem.notFound', {
          module: d.version ? `${String(subj(d))}@${d.version}` : subj(d),
          at: d.host ? tidyMsg('problem.notFoundAt', { host: d.host }) : '',
          status: d.httpStatus ?? 'not found',
          words: words(d),
          private: priv ? tidyMsg('problem.notFoundPrivate') : '',
        }),
        fix: priv
          ? [goprivateFix(model, mod)]
          : [commandFix(['go', 'list', '-m', '-versions', mod ?? 'MODULE'], fixMsg('fix.note.checkImport'))],
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
          ? tidyMsg('problem.notProxyAnswer', { proxy: proxyAt(d) })
          : d.httpStatus === 429
            ? tidyMsg('problem.rateLimited', { proxy: proxyAt(d), module: subj(d), words: words(d) })
            : tidyMsg('problem.httpStatus', {
                proxy: proxyAt(d),
                status: d.httpStatus ?? '?',
                module: subj(d),
                words: words(d),
                leak: leakWords(leaked),
              }),
        fix: leaked ? [goprivateFix(model, leaked)] : [...pipeFix(model, proxies), commandFix(['gomodctl', 'doctor'])],
      };
    },
  },
  {
    id: 'vcs',
    match: ({ d }) => d.cause === 'vcs',
    explain: ({ d, model }) => ({
      message: tidyMsg('problem.vcs', {
        module: subj(d),
        command: d.command ? tidyMsg('problem.vcsCmd', { command: d.command }) : '',
        reason: d.reason ? tidyMsg('problem.vcsReasonColon', { reason: d.reason }) : '',
      }),
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
  const p: TidyProblem = {
    rule: rule.id,
    cause: e.cause ?? d.cause,
    message: mapVerbatim(e.message, redactSecrets),
    fix: e.fix,
  };
  if (d.module) p.module = d.module;
  if (d.version) p.version = d.version;
  if (d.package) p.package = d.package;
  if (d.url) p.url = redactUrl(d.url);
  if (d.host) p.host = d.host;
  if (d.phase) p.phase = d.phase;
  if (rule.id === 'proxy-hop') p.hop = 'proxy';
  return p;
}
