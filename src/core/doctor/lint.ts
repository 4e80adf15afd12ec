// Configuration lint: pure checks of the whole Go module configuration, each finding with the exact fix.
import type { CheckResult, ConfigModel } from '../types.js';
import type { GoMod } from '../gomod.js';
import { getVar, shadowedVars } from '../config-model.js';
import { parseGoproxy } from '../goproxy.js';
import { parseGosumdb } from '../gosumdb.js';
import { lintPatterns, matchPrefixPatterns } from '../patterns.js';
import { GO_KNOWN_ENV } from '../known-vars.js';
import { redactSecrets } from '../redact.js';
import { isPublicProxyUrl } from '../route.js';
import { setVarCommand, unsetVarCommand } from '../set-command.js';
import { misspelledVars } from './misspelled-vars.js';
import { lintProxyEnv } from './proxy-env.js';

/** What the lint needs besides the model; the edge fills in file-system facts. */
export interface LintInput {
  model: ConfigModel;
  /** Process environment, for variables Go does not know. */
  env: Record<string, string | undefined>;
  goMod: GoMod | null;
  /** Local replace targets (as written in go.mod) → whether the directory exists. */
  replaceDirs?: Record<string, boolean>;
  /** What `go env -json` reported for module variables, to catch disagreement with our model. */
  goReported?: Record<string, string> | null;
}

type Finding = Omit<CheckResult, 'group'>;

/** Runs every lint rule; returns one `ok` result when nothing is wrong. */
export function lintConfig(input: LintInput): CheckResult[] {
  const findings: Finding[] = [
    ...misspelledVars(input.env, GO_KNOWN_ENV),
    ...lintGoproxy(input.model),
    ...lintGosumdb(input.model),
    ...lintGoflags(input.model),
    ...lintAllPatterns(input.model),
    ...lintLeaks(input.model),
    ...lintHttpProxy(input.env),
    ...lintProxyEnv(input.env, input.model.goVersion),
    ...lintReplaceDirs(input.goMod, input.replaceDirs ?? {}),
    ...lintDisagreement(input.model, input.goReported ?? null),
  ];
  // One finding per variable: a variable with its own finding already gets env-aware fixes (export, not go env -w).
  const named = new Set(findings.map((f) => f.title));
  findings.push(...lintShadowing(input.model).filter((f) => !named.has(f.title)));
  if (findings.length === 0) {
    return [
      {
        id: 'config',
        group: 'config',
        title: 'Configuration',
        status: 'ok',
        message: 'no problems found in the Go module configuration',
      },
    ];
  }
  return findings.map((f) => ({ ...f, group: 'config' }));
}

function lintGoproxy(model: ConfigModel): Finding[] {
  const value = getVar(model, 'GOPROXY');
  const parsed = parseGoproxy(value, getVar(model, 'GONOPROXY'));
  const out: Finding[] = [];
  if (!parsed.ok) {
    out.push({
      id: 'config.goproxy-invalid',
      title: 'GOPROXY',
      status: 'fail',
      target: redactSecrets(value),
      message: `GOPROXY is invalid: ${parsed.error}`,
      fix: [
        setVarCommand(model, 'GOPROXY', 'https://proxy.golang.org,direct'),
        'gomodctl init   # or choose a proxy with the wizard',
      ],
    });
    return out;
  }
  for (const e of parsed.entries) {
    if (e.kind !== 'url') continue;
    const m = /^(\w+):\/\/([^/@]*)@/.exec(e.url);
    if (!m || !m[2]!.includes(':')) continue;
    const insecure = m[1] === 'http';
    out.push({
      id: 'config.goproxy-credentials',
      title: 'GOPROXY credentials',
      status: insecure ? 'fail' : 'warn',
      target: redactSecrets(e.url),
      message: insecure
        ? 'GOPROXY has a password in an http:// URL; Go refuses to send it ("refusing to pass credentials to insecure URL")'
        : 'GOPROXY has a password in the URL; it shows up in shell history, go env output and CI logs',
      fix: insecure
        ? [
            '# switch the proxy to https:// first: Go sends credentials (URL or ~/.netrc) only over https',
            'gomodctl init',
          ]
        : [
            '# put the credentials in ~/.netrc (machine HOST login USER password TOKEN, chmod 600) and remove them from GOPROXY',
            'gomodctl init',
          ],
    });
  }
  const explicit = parsed.entries.filter((e) => e.kind !== 'noproxy'); // GONOPROXY adds an implicit first entry
  if (explicit.length === 1 && explicit[0]!.kind === 'off') {
    out.push({
      id: 'config.goproxy-off',
      title: 'GOPROXY',
      status: 'warn',
      target: 'off',
      message: 'GOPROXY=off: every public module lookup fails with "module lookup disabled by GOPROXY=off"',
      fix: [setVarCommand(model, 'GOPROXY', 'https://proxy.golang.org,direct')],
    });
  }
  return out;
}

function lintGosumdb(model: ConfigModel): Finding[] {
  const value = getVar(model, 'GOSUMDB');
  const parsed = parseGosumdb(value);
  if (!parsed.ok) {
    return [
      {
        id: 'config.gosumdb-invalid',
        title: 'GOSUMDB',
        status: 'fail',
        target: redactSecrets(value),
        message: `GOSUMDB is invalid: ${parsed.error} (go reports "verifying module: ${parsed.error}")`,
        fix: [
          unsetVarCommand(model, 'GOSUMDB'),
          setVarCommand(
            model,
            'GOSUMDB',
            'sum.golang.google.cn',
            'or: the mirror of sum.golang.org reachable from mainland China',
          ),
        ],
      },
    ];
  }
  if (parsed.config.kind !== 'off') return [];
  const priv = getVar(model, 'GOPRIVATE');
  return [
    {
      id: 'config.gosumdb-off',
      title: 'GOSUMDB',
      status: 'warn',
      target: 'off',
      message: 'GOSUMDB=off disables checksum verification for every module; usually only private modules need it',
      fix: [
        unsetVarCommand(model, 'GOSUMDB'),
        setVarCommand(model, 'GONOSUMDB', priv || '*.corp.example.com', priv ? undefined : 'your private patterns'),
      ],
    },
  ];
}

function lintGoflags(model: ConfigModel): Finding[] {
  const flags = getVar(model, 'GOFLAGS');
  if (!/(^|\s)--?insecure(=\S*)?(\s|$)/.test(flags)) return [];
  return [
    {
      id: 'config.goflags-insecure',
      title: 'GOFLAGS',
      status: 'fail',
      target: flags,
      message:
        'GOFLAGS contains -insecure, removed in Go 1.17: go get fails with "-insecure flag is no longer supported"',
      fix: [
        setVarCommand(model, 'GOFLAGS', flags.replace(/(^|\s)--?insecure(=\S*)?/g, '').trim()),
        setVarCommand(model, 'GOINSECURE', '*.corp.example.com', 'only the hosts that need it'),
      ],
    },
  ];
}

function lintAllPatterns(model: ConfigModel): Finding[] {
  const out: Finding[] = [];
  for (const name of ['GOPRIVATE', 'GONOPROXY', 'GONOSUMDB', 'GOINSECURE']) {
    const v = model.vars[name];
    if (!v || v.source === 'default') continue; // inherited from GOPRIVATE: reported there
    for (const issue of lintPatterns(name, v.value)) {
      const silent = issue.problem === 'whitespace' || issue.problem === 'malformed' || issue.problem === 'scheme';
      out.push({
        id: `config.pattern-${issue.problem}`,
        title: name,
        status: silent ? 'fail' : 'warn',
        target: issue.pattern,
        message: `${name}: ${issue.message}`,
        ...(issue.suggestion !== undefined ? { fix: [setVarCommand(model, name, issue.suggestion)] } : {}),
      });
    }
  }
  return out;
}

function literalGlobs(value: string): string[] {
  return value.split(',').filter((g) => g.trim() !== '');
}

function lintLeaks(model: ConfigModel): Finding[] {
  const priv = getVar(model, 'GOPRIVATE');
  if (!priv) return [];
  const out: Finding[] = [];
  const parsed = parseGoproxy(getVar(model, 'GOPROXY'), getVar(model, 'GONOPROXY'));
  const publicProxy = parsed.ok && parsed.entries.some((e) => e.kind === 'url' && isPublicProxyUrl(e.url));
  for (const [name, sink, isPublic] of [
    ['GONOPROXY', 'the proxy', publicProxy],
    ['GONOSUMDB', 'the checksum database', true],
  ] as const) {
    const v = model.vars[name];
    if (!v || v.source === 'default' || !isPublic) continue;
    const leaked = literalGlobs(priv).filter(
      (g) => !matchPrefixPatterns(v.value, g.replace(/\/$/, '')) && !literalGlobs(v.value).includes(g),
    );
    if (leaked.length === 0) continue;
    out.push({
      id: `config.leak-${name.toLowerCase()}`,
      title: name,
      status: 'fail',
      target: leaked.join(','),
      message: `${name}=${v.value} overrides GOPRIVATE, so modules matching ${leaked.join(', ')} are sent to ${sink}`,
      fix: [
        setVarCommand(model, name, [v.value, ...leaked].join(',')),
        `${unsetVarCommand(model, name).replace(/   #.*/, '')}   # or: let ${name} inherit GOPRIVATE`,
      ],
    });
  }
  return out;
}

function lintShadowing(model: ConfigModel): Finding[] {
  return shadowedVars(model).map((v) => ({
    id: 'config.shadowed',
    title: v.name,
    status: 'warn' as const,
    target: v.name,
    message: `${v.name} is set in the environment (${redactSecrets(v.value)}), which overrides the GOENV value (${redactSecrets(v.shadowedGoenvValue ?? '')}): go env -w ${v.name}=… has no effect`,
    fix: [
      `unset ${v.name}   # and remove it from your shell profile (~/.bashrc, ~/.zshrc) or Windows user environment`,
    ],
  }));
}

function lintHttpProxy(env: Record<string, string | undefined>): Finding[] {
  const http = env.HTTP_PROXY || env.http_proxy;
  const https = env.HTTPS_PROXY || env.https_proxy;
  if (!http || https) return [];
  return [
    {
      id: 'config.http-proxy-only',
      title: 'HTTPS_PROXY',
      status: 'warn',
      target: redactSecrets(http),
      message:
        'HTTP_PROXY is set but HTTPS_PROXY is not: Go uses HTTPS_PROXY for https:// proxies and ignores HTTP_PROXY for them',
      fix: [env.HTTP_PROXY ? 'export HTTPS_PROXY="$HTTP_PROXY"' : 'export https_proxy="$http_proxy"'],
    },
  ];
}

function lintReplaceDirs(goMod: GoMod | null, dirs: Record<string, boolean>): Finding[] {
  if (!goMod) return [];
  return goMod.replace
    .filter((r) => r.isLocal && dirs[r.newPath] === false)
    .map((r) => ({
      id: 'config.replace-missing',
      title: 'go.mod replace',
      status: 'fail' as const,
      target: r.newPath,
      message: `go.mod replaces ${r.oldPath} with ${r.newPath}, which does not exist`,
      fix: [
        `go mod edit -dropreplace=${r.oldPath}${r.oldVersion ? '@' + r.oldVersion : ''}`,
        `# or create or clone ${r.newPath}`,
      ],
    }));
}

function lintDisagreement(model: ConfigModel, reported: Record<string, string> | null): Finding[] {
  if (!reported) return [];
  const out: Finding[] = [];
  for (const name of ['GOPROXY', 'GONOPROXY', 'GOPRIVATE', 'GONOSUMDB', 'GOSUMDB']) {
    if (reported[name] === undefined || !model.vars[name]) continue;
    if (reported[name] === getVar(model, name)) continue;
    out.push({
      id: 'config.model-disagrees',
      title: name,
      status: 'warn',
      target: name,
      message: `gomodctl computed ${name}=${redactSecrets(getVar(model, name))} but go reports ${redactSecrets(reported[name]!)}; the report below follows go`,
    });
  }
  return out;
}
