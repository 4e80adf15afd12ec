// GOSUMDB parsing, ported from golang/go src/cmd/go/internal/modfetch/sumdb.go dbDial and key.go
// (docs/go-rules.md#the-checksum-database): "off" | "<key> [<url>]", key = full verifier key or a known name,
// and the exact alias "sum.golang.google.cn". Error texts are Go's.
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

const EXAMPLE =
  'for example GOSUMDB=sum.golang.org, GOSUMDB=sum.golang.google.cn, or GOSUMDB="<name>+<hash>+<key> https://sum.example.com"';

/** Validates a GOSUMDB value before `go env -w`; throws UsageError naming the value and the problem. */
export function validateGosumdbForWrite(value: string): void {
  const shown = JSON.stringify(redactSecrets(value));
  const fail = (what: string): never => {
    throw new UsageError(`GOSUMDB value ${shown} ${what}; ${EXAMPLE}`);
  };
  if (value.trim() === '')
    fail('is empty (an empty GOSUMDB breaks Go 1.21+: "missing GOSUMDB"; use `go env -u GOSUMDB`)');
  if (value !== value.trim()) fail('has leading or trailing white space');
  const r = parseGosumdb(value);
  if (!r.ok) {
    // dbDial (cmd/go/internal/modfetch/sumdb.go) knows two names without a key: sum.golang.org and its mirror
    // sum.golang.google.cn; the example below names both, so the hint must too.
    const hint = r.error.includes('malformed verifier id')
      ? ' (only sum.golang.org and sum.golang.google.cn may be named without a key: any other needs <name>+<hash>+<key>)'
      : '';
    fail(`is invalid: ${r.error}${hint}`);
  }
  if (r.ok && r.config.kind === 'db' && r.config.url !== undefined) {
    const u = parseGoUrl(r.config.url);
    if (!u.ok || (u.url.scheme !== 'https' && u.url.scheme !== 'http') || u.url.host === '') {
      fail(`has the URL ${JSON.stringify(redactSecrets(r.config.url))}, which is not an absolute http(s) URL`);
    }
    if (u.ok && u.url.user) fail('has credentials in its URL (they would be stored in plain text)');
  }
}
