// Secret redaction for every output: URL passwords become "xxxxx" like Go's url.URL.Redacted
// (cmd/go's own messages); net/http's "***" form is left as it is (go-semantics.md §1.6).

const SCHEME_AUTHORITY = /([a-zA-Z][a-zA-Z0-9+.-]*:\/\/)([^\s/?#"'<>`]*)/g;

/** Redacts the password of one authority ("user:pass@host" → "user:xxxxx@host"). */
function redactAuthority(authority: string): string {
  const at = authority.lastIndexOf('@'); // Go's parseAuthority splits at the LAST "@"
  if (at < 0) return authority;
  const userinfo = authority.slice(0, at);
  const colon = userinfo.indexOf(':');
  if (colon < 0) return authority;
  const password = userinfo.slice(colon + 1);
  if (password === '***' || password === 'xxxxx') return authority;
  return `${userinfo.slice(0, colon)}:xxxxx${authority.slice(at)}`;
}

/** Go's url.Redacted: a password in the URL becomes "xxxxx", the username is kept; non-URLs unchanged. */
export function redactUrl(url: string): string {
  const m = /^([a-zA-Z][a-zA-Z0-9+.-]*:\/\/)([^/?#]*)/.exec(url);
  if (!m) return url;
  const authority = m[2] ?? '';
  return m[1] + redactAuthority(authority) + url.slice(m[0].length);
}

/** Redacts every "scheme://user:pass@" in free text (already-redacted "***"/"xxxxx" forms stay). */
export function redactSecrets(text: string): string {
  return text.replace(SCHEME_AUTHORITY, (_all, scheme: string, authority: string) => scheme + redactAuthority(authority));
}
