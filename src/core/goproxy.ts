// GOPROXY parsing and validation, ported from golang/go src/cmd/go/internal/modfetch/proxy.go (proxyList,
// newProxyRepo); URLs are checked with the net/url port in go-url.ts. Error texts are Go's, with URLs redacted.
import type { Message } from './i18n/message.js';
import { commonMsg } from './i18n/messages/common.js';
import { UsageError } from './errors.js';
import { parseGoUrl } from './go-url.js';
import { redactSecrets, redactUrl } from './redact.js';
import { getVar } from './config-model.js';
import type { ConfigModel } from './config-types.js';

/** One entry of a parsed GOPROXY list (modfetch/proxy.go proxyList). */
export type ProxyEntry =
  | { kind: 'url'; url: string; fallBackOnError: boolean }
  | { kind: 'direct'; fallBackOnError: boolean }
  | { kind: 'off'; fallBackOnError: boolean }
  /** Implicit entry Go prepends when GONOPROXY is set and GOPROXY != "direct". */
  | { kind: 'noproxy'; fallBackOnError: boolean };

/** Go's newProxyRepo validation of one proxy URL: null when accepted, else Go's error text (redacted). */
function checkProxyUrl(raw: string): string | null {
  const r = parseGoUrl(raw);
  if (!r.ok) return r.error;
  const u = r.url;
  const redacted = redactUrl(raw);
  switch (u.scheme) {
    case 'http':
    case 'https':
      return null;
    case 'file': {
      // Go compares the whole URL with URL{Scheme, Path, RawPath}; "file:/x" sets OmitHost, so it fails too.
      const omitHost = !u.hasAuthority && u.path.startsWith('/');
      if (
        omitHost ||
        u.host !== '' ||
        u.user ||
        u.opaque !== '' ||
        u.rawQuery !== '' ||
        u.forceQuery ||
        u.fragment !== ''
      ) {
        return `invalid file:// proxy URL with non-path elements: ${redacted}`;
      }
      return null;
    }
    case '':
      return `invalid proxy URL missing scheme: ${redacted}`;
    default:
      return `invalid proxy URL scheme (must be https, http, file): ${redacted}`;
  }
}

/** filepath.IsAbs || path.IsAbs as on the running OS is unknown here: accept both Unix and Windows forms. */
function isAbsPath(s: string): boolean {
  return s.startsWith('/') || /^[a-zA-Z]:[\\/]/.test(s) || s.startsWith('\\\\');
}

/** Parses GOPROXY exactly as Go's proxyList does (an implicit "noproxy" entry first when GONOPROXY is set). */
export function parseGoproxy(
  goproxy: string,
  gonoproxy: string,
): { ok: true; entries: ProxyEntry[] } | { ok: false; error: string } {
  const entries: ProxyEntry[] = [];
  if (gonoproxy !== '' && goproxy !== 'direct') entries.push({ kind: 'noproxy', fallBackOnError: false });
  let s = goproxy;
  while (s !== '') {
    const i = s.search(/[,|]/);
    let entry: string;
    let fallBackOnError = false;
    if (i >= 0) {
      entry = s.slice(0, i);
      fallBackOnError = s[i] === '|';
      s = s.slice(i + 1);
    } else {
      entry = s;
      s = '';
    }
    entry = goTrimSpace(entry);
    if (entry === '') continue;
    if (entry === 'off' || entry === 'direct') {
      // "off"/"direct" end the list; later entries are ignored and not validated.
      entries.push({ kind: entry, fallBackOnError });
      break;
    }
    if (/[.:/]/.test(entry) && !entry.includes(':/') && !isAbsPath(entry)) entry = 'https://' + entry;
    const err = checkProxyUrl(entry);
    if (err !== null) return { ok: false, error: err };
    entries.push({ kind: 'url', url: entry, fallBackOnError });
  }
  if (entries.length === 0 || (entries.length === 1 && entries[0]!.kind === 'noproxy')) {
    return { ok: false, error: 'GOPROXY list is not the empty string, but contains no entries' };
  }
  return { ok: true, entries };
}

/** A config model's GOPROXY parsed once (with GONOPROXY's implicit entry); [] when invalid (the lint says why). */
export function modelProxies(model: ConfigModel): ProxyEntry[] {
  const parsed = parseGoproxy(getVar(model, 'GOPROXY'), getVar(model, 'GONOPROXY'));
  return parsed.ok ? parsed.entries : [];
}

/** The base URLs of a GOPROXY list's URL entries, in order (what Go appends module paths to). */
export function proxyUrls(entries: ProxyEntry[]): string[] {
  return entries.flatMap((e) => (e.kind === 'url' ? [e.url] : []));
}

/** strings.TrimSpace (ASCII and Unicode white space). */
function goTrimSpace(s: string): string {
  return s.replace(/^[\s\u0085]+|[\s\u0085]+$/gu, '');
}

/** Formats entries back into a GOPROXY value (the implicit noproxy entry is left out). */
export function formatGoproxy(entries: ProxyEntry[]): string {
  const visible = entries.filter((e) => e.kind !== 'noproxy');
  return visible
    .map((e, i) => {
      const text = e.kind === 'url' ? e.url : e.kind;
      if (i === visible.length - 1) return text;
      return text + (e.fallBackOnError ? '|' : ',');
    })
    .join('');
}

/** A printable label for one entry, credentials redacted. */
export function proxyEntryLabel(e: ProxyEntry): string {
  if (e.kind === 'url') return redactUrl(e.url);
  if (e.kind === 'noproxy') return 'noproxy (GONOPROXY/GOPRIVATE modules fetched directly)';
  return e.kind;
}

/** Validates a GOPROXY value before `go env -w`; stricter than Go. Throws UsageError naming the problem. */
export function validateGoproxyForWrite(value: string, opts: { allowCredentials?: boolean } = {}): void {
  const shown = JSON.stringify(redactUrl(redactSecrets(value)));
  const fail = (what: Message): never => {
    throw new UsageError(commonMsg('goproxy.invalidValue', { value: shown, what }));
  };
  if (value.trim() === '') fail(commonMsg('goproxy.empty'));
  if (/\s/.test(value)) fail(commonMsg('goproxy.whiteSpace'));
  const parts = value.split(/[,|]/);
  parts.forEach((p, i) => {
    if (p === '') fail(commonMsg('goproxy.emptyEntry'));
    if (!/[.:/]/.test(p) && p !== 'direct' && p !== 'off') {
      fail(commonMsg('goproxy.unknownKeyword', { keyword: JSON.stringify(p) }));
    }
    if ((p === 'direct' || p === 'off') && i < parts.length - 1) {
      fail(commonMsg('goproxy.afterKeyword', { keyword: p }));
    }
  });
  const parsed = parseGoproxy(value, '');
  if (!parsed.ok) fail(commonMsg('goproxy.goError', { error: parsed.error }));
  for (const e of parsed.ok ? parsed.entries : []) {
    if (e.kind !== 'url') continue;
    const u = parseGoUrl(e.url);
    const hasPassword = u.ok && u.url.user !== undefined;
    if (!hasPassword) continue;
    if (u.ok && u.url.scheme === 'http') fail(commonMsg('goproxy.credentialsHttp'));
    if (!opts.allowCredentials) fail(commonMsg('goproxy.credentials'));
  }
}
