// Checksum database: find its URL as Go does (cmd/go/internal/modfetch/sumdb.go initBase), fetch what Go fetches,
// verify the signed tree note (x/mod/sumdb/note Open; docs/go-rules.md#the-checksum-database).
import type { CheckResult } from '../check.js';
import type { ProxyEntry } from '../../goproxy.js';
import type { SumdbConfig } from '../../gosumdb.js';
import type { ProbeResult } from '../../probe-types.js';
import type { DoctorCheck } from '../check.js';
import { doctorMsg } from '../../i18n/messages/doctor.js';
import type { Text } from '../../i18n/message.js';
import { getVar } from '../../config-model.js';
import { parseGosumdb } from '../../gosumdb.js';
import { escapePath, escapeVersion } from '../../escape.js';
import { matchPrefixPatterns } from '../../patterns.js';
import { redactUrl } from '../../redact.js';
import { parseTreeNote, verifyNote } from '../../sumdb-note.js';
import type { DoctorContext } from './context.js';
import { probeFields, timingText } from './probe-fields.js';
import { caFixes } from './probe-fixes.js';
import { commentFix, setFix } from '../../fix/fix.js';
import { fixMsg } from '../../i18n/messages/fix.js';
import { code } from '../../i18n/message.js';

type Db = Extract<SumdbConfig, { kind: 'db' }>;
type BaseResult = { base: string; via: string; tried: string[] } | { error: ProbeResult; via: string; tried: string[] };

/**
 * Walks GOPROXY like initBase: `<proxy>/sumdb/<name>/supported` 200 → use it; 404/410 (or any error after `|`) → next.
 */
async function resolveSumdbBase(ctx: DoctorContext, db: Db, entries: ProxyEntry[]): Promise<BaseResult> {
  if (db.url) return { base: db.url.replace(/\/+$/, ''), via: 'GOSUMDB URL', tried: [] };
  const tried: string[] = [];
  for (const e of entries) {
    if (e.kind === 'noproxy') continue; // errUseProxy is "not exist": next entry
    if (e.kind !== 'url') break; // direct/off: stop, go direct
    const url = `${e.url.replace(/\/+$/, '')}/sumdb/${db.name}/supported`;
    tried.push(redactUrl(url));
    const r = await ctx.probe(url);
    if (r.ok) return { base: `${e.url.replace(/\/+$/, '')}/sumdb/${db.name}`, via: redactUrl(e.url), tried };
    if (r.status === 404 || r.status === 410 || e.fallBackOnError) continue;
    return { error: r, via: redactUrl(e.url), tried };
  }
  return { base: `https://${db.name}`, via: 'direct', tried };
}

/** Extracts the signed tree note from a /lookup answer: after the record's terminating blank line. */
function noteFromLookup(body: string): string | null {
  const i = body.indexOf('\n\n');
  return i < 0 ? null : body.slice(i + 2);
}

const BASE = { id: 'sumdb', group: 'sumdb', title: doctorMsg('check.sumdb.title') };

/** The database Go would consult for the canary, or the skip result saying why none is. */
function databaseFor(ctx: DoctorContext): Db | CheckResult {
  const m = ctx.loaded.model;
  const value = getVar(m, 'GOSUMDB');
  const parsed = parseGosumdb(value);
  if (!parsed.ok)
    return {
      ...BASE,
      status: 'skip',
      target: value,
      message: doctorMsg('check.sumdb.invalid', { error: parsed.error }),
    };
  if (parsed.config.kind === 'off')
    return { ...BASE, status: 'skip', target: 'off', message: doctorMsg('check.sumdb.off') };
  const canary = ctx.canary.path;
  if (!matchPrefixPatterns(getVar(m, 'GONOSUMDB'), canary)) return parsed.config;
  const message = doctorMsg('check.sumdb.gonosumdb', { module: canary });
  return { ...BASE, status: 'skip', target: parsed.config.name, message };
}

/** Verifies the signed tree note of a lookup (or /latest) answer against the GOSUMDB key. */
function verified(ctx: DoctorContext, db: Db, r: ProbeResult, target: string, via: string): CheckResult {
  const note = ctx.canary.version ? noteFromLookup(r.body ?? '') : (r.body ?? '');
  const v = note === null ? { ok: false as const, error: 'answer has no signed tree note' } : verifyNote(note, db.key);
  if (!v.ok) {
    return {
      ...BASE,
      ...probeFields(r),
      target,
      status: 'fail',
      cause: 'bad-signature',
      message: doctorMsg('check.sumdb.badSignature', { target, name: db.name, error: v.error }),
      fix: [
        commentFix(fixMsg('fix.note.sumdbKey'), 'GOSUMDB'),
        setFix(ctx.loaded.model, 'GOSUMDB', 'sum.golang.google.cn', fixMsg('fix.note.sumdbTrustedMirror')),
      ],
    };
  }
  const tree = parseTreeNote(v.text);
  const timings = timingText(r);
  const message = tree
    ? doctorMsg('check.sumdb.verifiedSize', { name: db.name, via, size: tree.size, timings })
    : doctorMsg('check.sumdb.verified', { name: db.name, via, timings });
  return { ...BASE, ...probeFields(r), target, status: 'ok', message };
}

async function run(ctx: DoctorContext): Promise<CheckResult> {
  const db = databaseFor(ctx);
  if ('status' in db) return db;
  const where = await resolveSumdbBase(ctx, db, ctx.loaded.proxies);
  if ('error' in where) {
    const what = doctorMsg('check.sumdb.cannotSay', { via: where.via, name: db.name });
    return failure(ctx, { ...BASE, target: db.name }, where.error, what);
  }
  const { path, version } = ctx.canary;
  const url = version ? `${where.base}/lookup/${escapePath(path)}@${escapeVersion(version)}` : `${where.base}/latest`;
  const r = await ctx.probe(url, { readBody: 64 * 1024 });
  const target = redactUrl(where.base);
  if (!r.ok)
    return failure(ctx, { ...BASE, target }, r, doctorMsg('check.sumdb.via', { name: db.name, via: where.via }));
  return verified(ctx, db, r, target, where.via);
}

function failure(
  ctx: DoctorContext,
  base: Pick<CheckResult, 'id' | 'group' | 'title' | 'target'>,
  r: ProbeResult,
  what: Text,
): CheckResult {
  const priv = getVar(ctx.loaded.model, 'GOPRIVATE');
  const fix =
    r.cause === 'tls'
      ? caFixes(r, ctx.platform)
      : [
          setFix(ctx.loaded.model, 'GOSUMDB', 'sum.golang.google.cn', fixMsg('fix.note.sumdbChinaMirror')),
          // GOPRIVATE already keeps private modules away from the database; without it, say how to (not a command to
          // copy).
          ...(priv
            ? []
            : [
                commentFix(
                  fixMsg('fix.note.sumdbPrivate', { command: code('go env -w GOPRIVATE=corp.example.com') }),
                  'GOPRIVATE',
                ),
              ]),
        ];
  return {
    ...base,
    ...probeFields(r),
    status: 'fail',
    message: doctorMsg('check.sumdb.failed', { what, error: r.message ?? r.cause ?? 'unknown' }),
    fix,
  };
}

/** The checksum-database validator. */
export const sumdbCheck: DoctorCheck<DoctorContext> = { ...BASE, run };
