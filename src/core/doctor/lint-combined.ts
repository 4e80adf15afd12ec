// Lint rules that read settings together, with the environment and go.mod: GONOPROXY/GONOSUMDB overriding GOPRIVATE,
// environment shadowing, HTTP_PROXY without HTTPS_PROXY, missing replace directories, and our model against Go's.
import { code } from '../i18n/message.js';
import { doctorMsg } from '../i18n/messages/doctor.js';
import { getVar, shadowedVars } from '../config-model.js';
import type { ConfigModel } from '../config-types.js';
import { commandFix, commentFix, copyVarFix, setFix, unsetFix } from '../fix/fix.js';
import { fixMsg } from '../i18n/messages/fix.js';
import type { GoMod } from '../gomod.js';
import { parseGoproxy } from '../goproxy.js';
import { matchPrefixPatterns } from '../patterns.js';
import { isPublicProxyUrl } from '../public-hosts.js';
import { redactSecrets } from '../redact.js';
import type { Finding } from './lint.js';

function literalGlobs(value: string): string[] {
  return value.split(',').filter((g) => g.trim() !== '');
}

/** An explicit GONOPROXY/GONOSUMDB that overrides GOPRIVATE and sends private modules to a public service. */
export function lintLeaks(model: ConfigModel): Finding[] {
  const priv = getVar(model, 'GOPRIVATE');
  if (!priv) return [];
  const out: Finding[] = [];
  const parsed = parseGoproxy(getVar(model, 'GOPROXY'), getVar(model, 'GONOPROXY'));
  const publicProxy = parsed.ok && parsed.entries.some((e) => e.kind === 'url' && isPublicProxyUrl(e.url));
  for (const [name, sink, isPublic] of [
    ['GONOPROXY', doctorMsg('lint.sink.proxy'), publicProxy],
    ['GONOSUMDB', doctorMsg('lint.sink.sumdb'), true],
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
      message: doctorMsg('lint.overridesPrivate', { name, value: v.value, patterns: leaked.join(', '), sink }),
      fix: [
        setFix(model, name, [v.value, ...leaked].join(',')),
        unsetFix(model, name, fixMsg('fix.note.inheritPrivate', { name })),
      ],
    });
  }
  return out;
}

/** Variables the OS environment sets over a different GOENV-file value (go env -w has no effect). */
export function lintShadowing(model: ConfigModel): Finding[] {
  return shadowedVars(model).map((v) => ({
    id: 'config.shadowed',
    title: v.name,
    status: 'warn' as const,
    target: v.name,
    message: doctorMsg('lint.shadowed', {
      name: v.name,
      value: redactSecrets(v.value),
      goenv: redactSecrets(v.shadowedGoenvValue ?? ''),
      command: code(`go env -w ${v.name}=…`),
    }),
    fix: [unsetFix(model, v.name, fixMsg('fix.note.unsetShadow'))],
  }));
}

/** HTTP_PROXY without HTTPS_PROXY: Go uses HTTPS_PROXY for https:// proxies. */
export function lintHttpProxy(env: Record<string, string | undefined>): Finding[] {
  const http = env.HTTP_PROXY || env.http_proxy;
  const https = env.HTTPS_PROXY || env.https_proxy;
  if (!http || https) return [];
  return [
    {
      id: 'config.http-proxy-only',
      title: 'HTTPS_PROXY',
      status: 'warn',
      target: redactSecrets(http),
      message: doctorMsg('lint.httpProxyOnly'),
      fix: [env.HTTP_PROXY ? copyVarFix('HTTPS_PROXY', 'HTTP_PROXY') : copyVarFix('https_proxy', 'http_proxy')],
    },
  ];
}

/** go.mod replace directives pointing at directories that do not exist. */
export function lintReplaceDirs(goMod: GoMod | null, dirs: Record<string, boolean>): Finding[] {
  if (!goMod) return [];
  return goMod.replace
    .filter((r) => r.isLocal && dirs[r.newPath] === false)
    .map((r) => ({
      id: 'config.replace-missing',
      title: 'go.mod replace',
      status: 'fail' as const,
      target: r.newPath,
      message: doctorMsg('lint.replaceMissing', { old: r.oldPath, new: r.newPath }),
      fix: [
        commandFix(['go', 'mod', 'edit', `-dropreplace=${r.oldPath}${r.oldVersion ? `@${r.oldVersion}` : ''}`]),
        commentFix(fixMsg('fix.note.createReplaceDir', { dir: r.newPath })),
      ],
    }));
}

/** Where gomodctl's precedence rules computed another value than go env -json reported. */
export function lintDisagreement(model: ConfigModel): Finding[] {
  const out: Finding[] = [];
  for (const name of ['GOPROXY', 'GONOPROXY', 'GOPRIVATE', 'GONOSUMDB', 'GOSUMDB']) {
    const v = model.vars[name];
    if (v?.computed === undefined) continue;
    out.push({
      id: 'config.model-disagrees',
      title: name,
      status: 'warn',
      target: name,
      message: doctorMsg('lint.disagree', { name, computed: redactSecrets(v.computed), value: redactSecrets(v.value) }),
    });
  }
  return out;
}
