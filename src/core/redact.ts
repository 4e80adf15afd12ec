// Secret redaction for every output: URL passwords become "xxxxx" like Go's url.URL.Redacted
// (cmd/go's own messages); net/http's "***" form is left as it is (net/url URL.Redacted vs net/http's url.Error).

// "'" is allowed in Go's userinfo (net/url validUserinfo), so it may be part of a password.
const SCHEME_AUTHORITY = /([a-zA-Z][a-zA-Z0-9+.-]*:\/\/)([^\s/?#"<>`]*)/g;
// Scheme-less proxy values Go accepts (HTTPS_PROXY=bob:pw@proxy:3128 → http://…: httpproxy parseProxy).
const BARE_USERINFO = /(^|[\s=,|"'(])([A-Za-z0-9._~%!$&*+;-]+):([^\s@/]+)@(?=[A-Za-z0-9.[\]-])/g;

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

/**
 * Whether a text (a URL, a GOPROXY list) holds a URL with a password: a command holding it would print redacted and,
 * copied, overwrite the real password, so fixes say such changes in words.
 */
export function hasPassword(text: string): boolean {
  return /:\/\/[^/?#@\s]*:[^/?#@\s]*@/.test(text);
}

/** Go's url.Redacted: a password in the URL becomes "xxxxx", the username is kept; non-URLs unchanged. */
export function redactUrl(url: string): string {
  const m = /^([a-zA-Z][a-zA-Z0-9+.-]*:\/\/)([^/?#]*)/.exec(url);
  if (!m) return url;
  const authority = m[2] ?? '';
  return m[1] + redactAuthority(authority) + url.slice(m[0].length);
}

/**
 * Hides the whole userinfo of every URL in a text ("https://TOKEN@host" → "https://xxxxx@host"), for URLs whose user
 * name may itself be a secret: git's url.<base>.insteadOf rewrites and credential helpers put tokens there.
 */
export function hideUserinfo(text: string): string {
  return text.replace(/\/\/[^/@\s]*@/g, '//xxxxx@');
}

/** Redacts every "scheme://user:pass@" in free text (already-redacted "***"/"xxxxx" forms stay). */
export function redactSecrets(text: string): string {
  let out = '';
  let last = 0;
  const re = new RegExp(SCHEME_AUTHORITY.source, 'g');
  for (let m = re.exec(text); m; m = re.exec(text)) {
    let authority = m[2] ?? '';
    // A list like "https://a:b@x,https://c:d@y" holds several URLs: stop before the next scheme.
    const next = /[,|;][a-zA-Z][a-zA-Z0-9+.-]*:/.exec(authority);
    if (next) authority = authority.slice(0, next.index);
    const start = m.index + (m[1] ?? '').length;
    out += text.slice(last, start) + redactAuthority(authority);
    last = start + authority.length;
    re.lastIndex = last;
  }
  out += text.slice(last);
  return out.replace(BARE_USERINFO, (all, pre: string, user: string, pw: string) =>
    pw === 'xxxxx' || pw === '***' || /\/\/$/.test(pre) ? all : `${pre}${user}:xxxxx@`,
  );
}
