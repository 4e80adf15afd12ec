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
import { configFix, gitAuthFix, goprivateFix, pipeFix, sumdbFix, tlsFix, toolchainFix } from './fixes.js';

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
const NET_WORDS: Record<string, string> = {
  dns: 'does not resolve (DNS)',
  refused: 'refuses connections',
  timeout: 'does not answer in time',
  reset: 'drops the connection',
  tls: 'presents a certificate Go does not trust',
};

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
      message: `${subj(d)} is fetched directly from its VCS host${at(d)}, which ${NET_WORDS[d.cause]}`,
      fix: [
        ...(d.cause === 'dns'
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
        ...(d.module && !getVar(model, 'GOPRIVATE') ? [goprivateFix(model, d.module)] : []),
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
    explain: ({ d, model, proxies }) => ({
      message: `the module proxy${at(d)} ${NET_WORDS[d.cause]} while fetching ${subj(d)}`,
      fix: pipeFix(model, proxies),
    }),
  },
  {
    id: 'auth',
    match: ({ d }) => d.cause === 'auth',
    explain: ({ d, model, proxies }) => ({
      message: `the module proxy${at(d)} refuses ${subj(d)} (HTTP ${d.httpStatus ?? 'auth'}): credentials missing or wrong`,
      fix: [
        commentFix(
          `add "machine ${d.host ?? 'HOST'} login USER password TOKEN" to ~/.netrc (chmod 600)${goAtLeast(model.goVersion, '1.24') ? ', or set GOAUTH' : ''}`,
        ),
        ...(d.module && !isPublicModulePath(d.module) ? [goprivateFix(model, d.module)] : []),
        ...pipeFix(model, proxies),
      ],
    }),
  },
  {
    id: 'not-found',
    match: ({ d }) => d.cause === 'not-found' || d.cause === 'gone',
    explain: ({ d, model }) => {
      const mod = d.module ?? d.package;
      const priv = mod !== undefined && !isPublicModulePath(mod);
      return {
        message: `${subj(d)}${d.version ? `@${d.version}` : ''} was not found${at(d)} (${d.httpStatus ?? 'not found'})${priv ? ': a private module must not be fetched through a proxy' : ''}`,
        fix: priv
          ? [goprivateFix(model, mod)]
          : [commandFix(['go', 'list', '-m', '-versions', mod ?? 'MODULE'], 'check the import path and version')],
      };
    },
  },
  {
    id: 'http-status',
    match: ({ d }) => d.cause === 'http-status',
    explain: ({ d, model, proxies, text }) => ({
      message: /invalid response from proxy/.test(text)
        ? `the module proxy${at(d)} answers with something that is not a Go module proxy response (a login page or a block page?)`
        : `the module proxy${at(d)} fails with HTTP ${d.httpStatus ?? '?'} for ${subj(d)}`,
      fix: [...pipeFix(model, proxies), commandFix(['gomodctl', 'doctor'])],
    }),
  },
  {
    id: 'vcs',
    match: ({ d }) => d.cause === 'vcs',
    explain: ({ d, model }) => ({
      message: `${subj(d)}: fetching directly from version control failed`,
      fix: [
        ...(d.module ? [goprivateFix(model, d.module)] : []),
        commandFix(['git', 'ls-remote', 'https://HOST/PATH'], 'check access by hand'),
        commandFix(['gomodctl', 'doctor']),
      ],
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
  return p;
}
