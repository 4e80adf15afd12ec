// Ordered diagnosis rule table: first match wins, strictest first (flutter gradle_errors.dart style).
// Each rule turns one error Go printed into a problem whose fixes are real settings (go-semantics.md §8.2).
import type { TidyCause, TidyProblem } from '../types.js';
import { goAtLeast, goLanguageVersion } from '../go-version.js';
import { redactSecrets, redactUrl } from '../redact.js';
import type { ErrorDetail } from './detect-error.js';
import type { ErrorEvent } from './timeline.js';
import {
  configFix,
  gitAuthFix,
  goprivateFix,
  pipeFix,
  setVarCommand,
  sumdbFix,
  tlsFix,
  toolchainFix,
  type TidyConfig,
} from './fixes.js';

/** What a rule sees: the detail of one error line, its text, the config and a public-host test. */
export interface RuleInput {
  d: ErrorDetail;
  text: string;
  cfg: TidyConfig;
  isKnownPublic: (modulePath: string) => boolean;
}

/** One diagnosis rule. */
export interface TidyRule {
  id: string;
  match(i: RuleInput): boolean;
  explain(i: RuleInput): { message: string; fix: string[]; cause?: TidyCause };
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
        'find out who changed the module before trusting it',
        'go clean -modcache   (then retry; if it persists, check GOPROXY for a rewriting mirror)',
      ],
    }),
  },
  {
    id: 'git-terminal-prompt',
    match: ({ d }) => d.cause === 'vcs-auth',
    explain: ({ d, cfg }) => ({
      message: `${subj(d)}: git needs credentials and Go disables terminal prompts (GIT_TERMINAL_PROMPT=0)`,
      fix: gitAuthFix(cfg, d.module ?? d.package),
    }),
  },
  {
    id: 'module-path-mismatch',
    match: ({ d }) => d.cause === 'module-path',
    explain: ({ d }) => ({
      message: `${subj(d)}: its go.mod declares a different module path than the one it was required as`,
      fix: [
        '# require (and import) the module by the path its go.mod declares',
        '# or add a replace directive to go.mod: replace OLD => NEW vX.Y.Z',
      ],
    }),
  },
  {
    id: 'missing-go-sum',
    match: ({ d }) => d.cause === 'go-sum',
    explain: ({ d }) => ({
      message: `${subj(d)}: go.sum has no checksum for it`,
      fix: [
        d.module ? `go mod download ${d.module}` : 'go mod download',
        'gomodctl tidy --explain   # tidy writes the missing go.sum lines',
      ],
    }),
  },
  {
    id: 'toolchain',
    match: ({ d }) => d.cause === 'toolchain' || (d.phase === 'toolchain' && d.cause !== 'config'),
    explain: ({ d, text, cfg }) => ({
      cause: 'toolchain',
      message: /invalid go version/.test(text)
        ? 'go.mod asks for a Go version this Go cannot read: it needs a newer Go (toolchain switching exists from Go 1.21)'
        : `the go line in go.mod needs another Go toolchain and it cannot be downloaded${d.host ? ` from ${d.host}` : ''} (golang.org/toolchain through GOPROXY)`,
      fix: /invalid go version/.test(text)
        ? [
            '# install Go 1.21 or later: https://go.dev/dl/',
            `go mod edit -go=${goLanguageVersion(cfg.goVersion ?? '') ?? '1.21'}   # or: lower the go line to this Go`,
          ]
        : toolchainFix(cfg),
    }),
  },
  {
    id: 'goproxy-off',
    match: ({ text }) => /module lookup disabled by GOPROXY=off/.test(text),
    explain: ({ d, cfg }) => ({
      message: `${subj(d)}: GOPROXY=off forbids downloading modules that are not in the module cache`,
      fix: [
        setVarCommand(cfg, 'GOPROXY', 'https://proxy.golang.org,direct', 'or a mirror you can reach'),
        ...configFix(),
      ],
    }),
  },
  {
    id: 'config',
    match: ({ d }) => d.cause === 'config',
    explain: ({ text }) => ({
      message: `Go rejects the module configuration: ${text.replace(/^\t?(go: )?/, '')}`,
      fix: /go\.mod file not found/.test(text)
        ? [
            'gomodctl tidy -C path/to/module   # run where go.mod is',
            'go mod init example.com/yourmodule   # or: start a module here',
          ]
        : configFix(),
    }),
  },
  {
    id: 'sumdb-unreachable',
    match: ({ d }) => d.phase === 'sumdb' && NETWORK.includes(d.cause),
    explain: ({ d, cfg }) => ({
      message: `the checksum database${at(d)} ${NET_WORDS[d.cause]}; Go cannot verify ${subj(d)}`,
      fix: d.cause === 'tls' ? [...tlsFix(), ...sumdbFix(cfg, d.module)] : sumdbFix(cfg, d.module),
    }),
  },
  {
    id: 'vcs-host-unreachable',
    match: ({ d }) => d.phase === 'direct' && NETWORK.includes(d.cause),
    explain: ({ d, cfg }) => ({
      message: `${subj(d)} is fetched directly from its VCS host${at(d)}, which ${NET_WORDS[d.cause]}`,
      fix: [
        ...(d.cause === 'dns'
          ? [
              `# ${d.host ?? 'the host'} does not resolve here: connect the VPN or fix DNS (Go fetches ?go-get=1 itself; git settings do not help)`,
            ]
          : [
              `# check the VPN / network route to ${d.host ?? 'the host'} (modules in GOPRIVATE/GONOPROXY are fetched from it directly)`,
              `git config --global url."https://MIRROR/".insteadOf "https://${d.host ?? 'HOST'}/"   # or: point git at a reachable mirror`,
            ]),
        ...(d.module && !cfg.goprivate ? [goprivateFix(cfg, d.module)] : []),
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
    explain: ({ d, cfg }) => ({
      message: `the module proxy${at(d)} ${NET_WORDS[d.cause]} while fetching ${subj(d)}`,
      fix: pipeFix(cfg),
    }),
  },
  {
    id: 'auth',
    match: ({ d }) => d.cause === 'auth',
    explain: ({ d, cfg, isKnownPublic }) => ({
      message: `the module proxy${at(d)} refuses ${subj(d)} (HTTP ${d.httpStatus ?? 'auth'}): credentials missing or wrong`,
      fix: [
        `# add "machine ${d.host ?? 'HOST'} login USER password TOKEN" to ~/.netrc (chmod 600)${goAtLeast(cfg.goVersion, '1.24') ? ', or set GOAUTH' : ''}`,
        ...(d.module && !isKnownPublic(d.module) ? [goprivateFix(cfg, d.module)] : []),
        ...pipeFix(cfg),
      ],
    }),
  },
  {
    id: 'not-found',
    match: ({ d }) => d.cause === 'not-found' || d.cause === 'gone',
    explain: ({ d, cfg, isKnownPublic }) => {
      const mod = d.module ?? d.package;
      const priv = mod !== undefined && !isKnownPublic(mod);
      return {
        message: `${subj(d)}${d.version ? `@${d.version}` : ''} was not found${at(d)} (${d.httpStatus ?? 'not found'})${priv ? ': a private module must not be fetched through a proxy' : ''}`,
        fix: priv
          ? [goprivateFix(cfg, mod)]
          : [`check the import path and version; go list -m -versions ${mod ?? 'MODULE'}`],
      };
    },
  },
  {
    id: 'http-status',
    match: ({ d }) => d.cause === 'http-status',
    explain: ({ d, cfg, text }) => ({
      message: /invalid response from proxy/.test(text)
        ? `the module proxy${at(d)} answers with something that is not a Go module proxy response (a login page or a block page?)`
        : `the module proxy${at(d)} fails with HTTP ${d.httpStatus ?? '?'} for ${subj(d)}`,
      fix: [...pipeFix(cfg), 'gomodctl doctor'],
    }),
  },
  {
    id: 'vcs',
    match: ({ d }) => d.cause === 'vcs',
    explain: ({ d, cfg }) => ({
      message: `${subj(d)}: fetching directly from version control failed`,
      fix: [
        ...(d.module ? [goprivateFix(cfg, d.module)] : []),
        'git ls-remote https://HOST/PATH   (check access by hand)',
        'gomodctl doctor',
      ],
    }),
  },
  {
    id: 'unknown',
    match: () => true,
    explain: ({ text }) => ({ cause: 'unknown', message: text.replace(/^\t?(go: )?/, ''), fix: ['gomodctl doctor'] }),
  },
];

/** Applies the rule table to one error event; the first matching rule explains it. */
export function explainError(ev: ErrorEvent, cfg: TidyConfig, isKnownPublic: (p: string) => boolean): TidyProblem {
  const d: ErrorDetail = ev.kind === 'error' ? ev.detail : (ev.detail ?? { cause: 'unknown' });
  const text = ev.kind === 'error' ? ev.text : ev.error;
  if (ev.kind === 'get-error' && !d.url) d.url = ev.url;
  const input: RuleInput = { d, text, cfg, isKnownPublic };
  const rule = RULES.find((r) => r.match(input))!;
  const e = rule.explain(input);
  const p: TidyProblem = {
    cause: e.cause ?? d.cause,
    message: redactSecrets(e.message),
    fix: e.fix.map(redactSecrets),
  };
  if (d.module) p.module = d.module;
  if (d.version) p.version = d.version;
  if (d.package) p.package = d.package;
  if (d.url) p.url = redactUrl(d.url);
  if (d.host) p.host = d.host;
  if (d.phase) p.phase = d.phase;
  return p;
}
