// Lint rules that read one setting at a time (GOPROXY, GOSUMDB, GOFLAGS, GOPRIVATE-style patterns), with Go's own
// parsers, each finding with its fix.
import { doctorMsg } from '../i18n/messages/doctor.js';
import { getVar } from '../config-model.js';
import type { ConfigModel } from '../config-types.js';
import { commandFix, commentFix, setFix, unsetFix } from '../fix/fix.js';
import { fixMsg } from '../i18n/messages/fix.js';
import { code } from '../i18n/message.js';
import { type ProxyEntry, parseGoproxy } from '../goproxy.js';
import { parseGosumdb } from '../gosumdb.js';
import { lintPatterns } from '../patterns.js';
import { redactSecrets } from '../redact.js';
import type { Finding } from './lint.js';

/** GOPROXY: invalid (Go's own error), credentials in a URL, or off. */
export function lintGoproxy(model: ConfigModel): Finding[] {
  const value = getVar(model, 'GOPROXY');
  const parsed = parseGoproxy(value, getVar(model, 'GONOPROXY'));
  const out: Finding[] = [];
  if (!parsed.ok) {
    out.push({
      id: 'config.goproxy-invalid',
      title: 'GOPROXY',
      status: 'fail',
      target: redactSecrets(value),
      message: doctorMsg('lint.goproxyInvalid', { error: parsed.error }),
      fix: [
        setFix(model, 'GOPROXY', 'https://proxy.golang.org,direct'),
        commandFix(['gomodctl', 'init'], fixMsg('fix.note.wizard')),
      ],
    });
    return out;
  }
  out.push(...lintProxyCredentials(parsed.entries));
  const explicit = parsed.entries.filter((e) => e.kind !== 'noproxy'); // GONOPROXY adds an implicit first entry
  if (explicit.length === 1 && explicit[0]!.kind === 'off') {
    out.push({
      id: 'config.goproxy-off',
      title: 'GOPROXY',
      status: 'warn',
      target: 'off',
      message: doctorMsg('lint.goproxyOff'),
      fix: [setFix(model, 'GOPROXY', 'https://proxy.golang.org,direct')],
    });
  }
  return out;
}

/** GOSUMDB: invalid (Go's own error), or off for every module. */
export function lintGosumdb(model: ConfigModel): Finding[] {
  const value = getVar(model, 'GOSUMDB');
  const parsed = parseGosumdb(value);
  if (!parsed.ok) {
    return [
      {
        id: 'config.gosumdb-invalid',
        title: 'GOSUMDB',
        status: 'fail',
        target: redactSecrets(value),
        message: doctorMsg('lint.gosumdbInvalid', { error: parsed.error }),
        fix: [
          unsetFix(model, 'GOSUMDB'),
          setFix(model, 'GOSUMDB', 'sum.golang.google.cn', fixMsg('fix.note.gosumdbChina')),
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
      message: doctorMsg('lint.gosumdbOff'),
      fix: [
        unsetFix(model, 'GOSUMDB'),
        setFix(model, 'GONOSUMDB', priv || '*.corp.example.com', priv ? undefined : fixMsg('fix.note.privatePatterns')),
      ],
    },
  ];
}

/** GOFLAGS holding -insecure, which Go 1.17 removed. */
export function lintGoflags(model: ConfigModel): Finding[] {
  const flags = getVar(model, 'GOFLAGS');
  if (!/(^|\s)--?insecure(=\S*)?(\s|$)/.test(flags)) return [];
  return [
    {
      id: 'config.goflags-insecure',
      title: 'GOFLAGS',
      status: 'fail',
      target: flags,
      message: doctorMsg('lint.insecureFlag'),
      fix: [
        setFix(model, 'GOFLAGS', flags.replace(/(^|\s)--?insecure(=\S*)?/g, '').trim()),
        setFix(model, 'GOINSECURE', '*.corp.example.com', fixMsg('fix.note.insecureHosts')),
      ],
    },
  ];
}

/** GOPRIVATE-style pattern lists Go silently never matches (spaces, schemes, malformed globs). */
export function lintAllPatterns(model: ConfigModel): Finding[] {
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
        ...(issue.suggestion !== undefined ? { fix: [setFix(model, name, issue.suggestion)] } : {}),
      });
    }
  }
  return out;
}

/** Passwords inside GOPROXY URLs: refused by Go over http, leaked to history and logs over https. */
function lintProxyCredentials(entries: ProxyEntry[]): Finding[] {
  const out: Finding[] = [];
  for (const e of entries) {
    if (e.kind !== 'url') continue;
    const m = /^(\w+):\/\/([^/@]*)@/.exec(e.url);
    if (!m || !m[2]!.includes(':')) continue;
    const insecure = m[1] === 'http';
    out.push({
      id: 'config.goproxy-credentials',
      title: 'GOPROXY credentials',
      status: insecure ? 'fail' : 'warn',
      target: redactSecrets(e.url),
      message: insecure ? doctorMsg('lint.passwordHttp') : doctorMsg('lint.passwordUrl'),
      fix: insecure
        ? [commentFix(fixMsg('fix.note.httpsFirst')), commandFix(['gomodctl', 'init'])]
        : [
            commentFix(
              fixMsg('fix.note.netrcCredentials', { line: code('machine HOST login USER password TOKEN') }),
              'GOPROXY',
            ),
            commandFix(['gomodctl', 'init']),
          ],
    });
  }
  return out;
}
