// GOSUMDB parsing, ported from golang/go src/cmd/go/internal/modfetch/sumdb.go dbDial and key.go
// (docs/go-rules.md#the-checksum-database): "off" | "<key> [<url>]", key = full verifier key or a known name,
// and the exact alias "sum.golang.google.cn". Error texts are Go's.
import type { Message } from './i18n/message.js';
import { commonMsg } from './i18n/messages/common.js';
import { UsageError } from './errors.js';
import { goFields } from './go-fields.js';
import { parseGoUrl } from './go-url.js';
import { redactSecrets } from './redact.js';
import { parseVerifierKey } from './sumdb-note.js';

/** Parsed GOSUMDB (modfetch/sumdb.go dbDial). */
export type SumdbConfig =
  | { kind: 'off' }
  | {
      kind: 'db';
      /** Database name, e.g. "sum.golang.org". */
      name: string;
      /** Full verifier key name+hash+keydata. */
      key: string;
      /** Explicit URL from GOSUMDB, bypassing proxies; undefined → resolved through GOPROXY. */
      url?: string;
    };

/** cmd/go's built-in verifier keys (modfetch/key.go knownGOSUMDB). */
export const KNOWN_SUMDB_KEYS: Readonly<Record<string, string>> = {
  'sum.golang.org': 'sum.golang.org+033de0ae+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn8',
};

/** The database name must be host[/path] (dbDial's "no funny business" check). */
function validSumdbName(name: string): boolean {
  const r = parseGoUrl('https://' + name);
  if (!r.ok || name.endsWith('/') || name.includes('%')) return false;
  const u = r.url;
  return u.host !== '' && !u.user && u.rawQuery === '' && !u.forceQuery && u.fragment === '' && u.opaque === '';
}

/** Parses GOSUMDB as Go's dbDial does: the config or Go's error text. */
export function parseGosumdb(value: string): { ok: true; config: SumdbConfig } | { ok: false; error: string } {
  let gosumdb = value;
  if (gosumdb === 'sum.golang.google.cn') gosumdb = 'sum.golang.org https://sum.golang.google.cn';
  if (gosumdb === 'off') return { ok: true, config: { kind: 'off' } };
  const fields = goFields(gosumdb);
  if (fields.length === 0) return { ok: false, error: 'missing GOSUMDB' };
  if (fields.length > 2) return { ok: false, error: 'invalid GOSUMDB: too many fields' };
  const key = Object.hasOwn(KNOWN_SUMDB_KEYS, fields[0]!) ? KNOWN_SUMDB_KEYS[fields[0]!]! : fields[0]!;
  const vkey = parseVerifierKey(key);
  if (!vkey.ok) return { ok: false, error: `invalid GOSUMDB: ${vkey.error}` };
  const name = vkey.name;
  if (!validSumdbName(name)) return { ok: false, error: `invalid sumdb name (must be host[/path]): ${name}` };
  const config: SumdbConfig = { kind: 'db', name, key };
  if (fields.length === 2) {
    const u = parseGoUrl(fields[1]!);
    if (!u.ok) return { ok: false, error: `invalid GOSUMDB URL: ${u.error}` };
    config.url = fields[1]!;
  }
  return { ok: true, config };
}

/** Validates a GOSUMDB value before `go env -w`; throws UsageError naming the value and the problem. */
export function validateGosumdbForWrite(value: string): void {
  const shown = JSON.stringify(redactSecrets(value));
  const fail = (what: Message): never => {
    throw new UsageError(commonMsg('gosumdb.invalidValue', { value: shown, what }));
  };
  if (value.trim() === '') fail(commonMsg('gosumdb.empty'));
  if (value !== value.trim()) fail(commonMsg('gosumdb.whiteSpace'));
  const r = parseGosumdb(value);
  if (!r.ok) {
    const key = r.error.includes('malformed verifier id') ? 'gosumdb.goErrorKey' : 'gosumdb.goError';
    fail(commonMsg(key, { error: r.error }));
  }
  if (r.ok && r.config.kind === 'db' && r.config.url !== undefined) {
    const u = parseGoUrl(r.config.url);
    if (!u.ok || (u.url.scheme !== 'https' && u.url.scheme !== 'http') || u.url.host === '') {
      fail(commonMsg('gosumdb.badUrl', { url: JSON.stringify(redactSecrets(r.config.url)) }));
    }
    if (u.ok && u.url.user) fail(commonMsg('gosumdb.credentials'));
  }
}
