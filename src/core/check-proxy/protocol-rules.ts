// The GOPROXY protocol answers for one canary, judged as `go` reads them (cmd/go/internal/modfetch/proxy.go:
// Versions, Latest, Stat, GoMod, Zip; modfetch/fetch.go downloadZip; golang.org/x/mod/zip checkZip).
import { checkProxyMsg } from '../i18n/messages/check-proxy.js';
import { checkedZipError, checkModuleZip, unexpectedZipFile } from '../modzip/check-zip.js';
import { readZip, ZipError } from '../modzip/zip-reader.js';
import { parseGoMod } from '../gomod.js';
import { isValidSemver } from '../semver.js';
import { hashGoMod, hashZip } from '../sumdb/dirhash.js';
import type { ProbeResult } from '../probe-types.js';
import { bodyText, dataAnswerProblem, exchangeOf, isHtml, type Finding } from './exchange.js';
import type { Text } from '../i18n/message.js';
import type { Canary, ProxyCheck } from './types.js';

/** What the protocol checks learned for the integrity checks: the h1: hashes of what was served. */
export interface Served {
  zipHash?: string;
  modHash?: string;
}

function verdict(
  c: Canary,
  id: string,
  title: Text,
  r: ProbeResult,
  finding: Finding | null,
  ok: Text,
  warn = false,
): ProxyCheck {
  const base = { id, group: 'protocol' as const, title, module: `${c.path}@${c.version}`, exchanges: [exchangeOf(r)] };
  if (!finding) return { ...base, status: 'pass', message: ok };
  return { ...base, status: warn ? 'warn' : 'fail', problem: finding.problem, message: finding.message };
}

/** Proxy.Versions: 200, one version per line (lines that are not versions are ignored by go). */
function listFinding(c: Canary, r: ProbeResult): { finding: Finding | null; warn: boolean } {
  const bad = dataAnswerProblem(r, '@v/list');
  if (bad) return { finding: bad, warn: false };
  const lines = bodyText(r)
    .split('\n')
    .map((l) => l.trim().split(/\s+/)[0] ?? '')
    .filter((v) => v !== '');
  const invalid = lines.find((v) => !isValidSemver(v));
  if (invalid !== undefined)
    return {
      finding: { problem: 'bad-list', message: checkProxyMsg('list.notVersion', { line: invalid.slice(0, 60) }) },
      warn: true,
    };
  if (!lines.includes(c.version))
    return {
      finding: { problem: 'bad-list', message: checkProxyMsg('list.missing', { version: c.version }) },
      warn: true,
    };
  return { finding: null, warn: false };
}

/** encoding/json matches field names case-insensitively: the value of "Version" / "version" / … */
function jsonField(obj: Record<string, unknown>, name: string): unknown {
  if (name in obj) return obj[name];
  const k = Object.keys(obj).find((x) => x.toLowerCase() === name.toLowerCase());
  return k === undefined ? undefined : obj[k];
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

/** Proxy.Stat's reading of .info (and Latest's of @latest): JSON, the requested version, an RFC 3339 Time. */
export function infoFinding(body: string, want: string | null): Finding | null {
  let v: unknown;
  try {
    v = JSON.parse(body);
  } catch (err) {
    return { problem: 'bad-info', message: `invalid response from proxy: ${(err as Error).message}` };
  }
  if (v === null || typeof v !== 'object' || Array.isArray(v))
    return { problem: 'bad-info', message: 'invalid response from proxy: not a JSON object' };
  const version = jsonField(v as Record<string, unknown>, 'Version');
  const time = jsonField(v as Record<string, unknown>, 'Time');
  if (time !== undefined && time !== null && !(typeof time === 'string' && RFC3339.test(time)))
    return {
      problem: 'bad-info',
      message: `invalid response from proxy: Time ${JSON.stringify(time)} is not RFC 3339`,
    };
  if (typeof version !== 'string' || (want !== null && version !== want)) {
    const got = typeof version === 'string' ? version : 'none';
    return { problem: 'bad-info', message: `proxy returned info for version ${got} instead of requested version` };
  }
  return null;
}

function latestCheck(c: Canary, r: ProbeResult): ProxyCheck {
  const title = checkProxyMsg('latest.title');
  if (r.status === 404 || r.status === 410) {
    const f = { problem: 'latest-missing' as const, message: checkProxyMsg('latest.missing', { status: r.status }) };
    return verdict(c, 'protocol.latest', title, r, f, '', true);
  }
  const bad = dataAnswerProblem(r, '@latest');
  const finding = bad ? { problem: 'latest-error' as const, message: bad.message } : infoFinding(bodyText(r), null);
  const f = finding?.problem === 'bad-info' ? { problem: 'latest-error' as const, message: finding.message } : finding;
  return verdict(c, 'protocol.latest', title, r, f, checkProxyMsg('latest.ok'));
}

function infoCheck(c: Canary, r: ProbeResult): ProxyCheck {
  const f = dataAnswerProblem(r, '.info') ?? infoFinding(bodyText(r), c.version);
  return verdict(c, 'protocol.info', '.info', r, f, checkProxyMsg('info.ok', { version: c.version }));
}

function modCheck(c: Canary, r: ProbeResult, served: Served): ProxyCheck {
  let f = dataAnswerProblem(r, '.mod');
  if (!f) {
    const module = parseGoMod(bodyText(r)).module;
    if (module !== c.path)
      f = {
        problem: 'bad-mod',
        message: checkProxyMsg('mod.declares', {
          what: module === null ? checkProxyMsg('mod.noModule') : checkProxyMsg('mod.module', { module }),
          path: c.path,
        }),
      };
    else served.modHash = hashGoMod(r.bytes ?? Buffer.from(r.body ?? ''));
  }
  return verdict(c, 'protocol.mod', '.mod', r, f, checkProxyMsg('mod.ok', { path: c.path }));
}

/** The zip as downloadZip and Unzip see it: size, a zip at all, the prefix, then checkZip; also its h1: hash. */
function zipFinding(c: Canary, r: ProbeResult, served: Served): Finding | null {
  const bad = dataAnswerProblem(r, '.zip');
  if (bad) return bad;
  if (r.truncated) return { problem: 'zip-too-large', message: 'downloaded zip file too large' };
  try {
    const zip = readZip(r.bytes ?? new Uint8Array(0));
    const prefix = unexpectedZipFile(c, zip);
    if (prefix) return { problem: 'zip-prefix', message: prefix };
    served.zipHash = hashZip(zip);
    const cf = checkModuleZip(c, zip);
    const err = checkedZipError(cf);
    if (err)
      return {
        problem: cf.sizeError ? 'zip-too-large' : 'zip-invalid',
        message: err.split('\n').slice(0, 5).join('\n'),
      };
    return null;
  } catch (err) {
    if (!(err instanceof ZipError)) throw err;
    const notZip = err.message === 'zip: not a valid zip file';
    return { problem: notZip ? (isHtml(r) ? 'html-200' : 'zip-not-zip') : 'zip-invalid', message: err.message };
  }
}

/** The five protocol answers for one canary: @v/list, @latest, .info, .mod, .zip. */
export function canaryChecks(
  c: Canary,
  rs: Record<'list' | 'latest' | 'info' | 'mod' | 'zip', ProbeResult>,
): {
  checks: ProxyCheck[];
  served: Served;
} {
  const served: Served = {};
  const list = listFinding(c, rs.list);
  const zip = zipFinding(c, rs.zip, served);
  const checks = [
    verdict(
      c,
      'protocol.list',
      '@v/list',
      rs.list,
      list.finding,
      checkProxyMsg('list.ok', { version: c.version }),
      list.warn,
    ),
    latestCheck(c, rs.latest),
    infoCheck(c, rs.info),
    modCheck(c, rs.mod, served),
    verdict(c, 'protocol.zip', '.zip', rs.zip, zip, checkProxyMsg('zip.ok', { bytes: rs.zip.bytes?.length ?? 0 })),
  ];
  return { checks, served };
}
