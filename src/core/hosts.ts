// Host names, one function per meaning: the host of a URL (with or without its port) and the host element that
// starts a module path (module.CheckPath: the first path element is a host name). Never confuse the two.

const AUTHORITY = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/?#]*@)?([^/?#]+)/i;

/**
 * host[:port] of a URL as written (userinfo dropped), e.g. "goproxy.cn" or "127.0.0.1:8080"; undefined if not a URL.
 */
export function urlHost(url: string): string | undefined {
  return AUTHORITY.exec(url)?.[1];
}

/** The host name of a URL without port or IPv6 brackets, as written; undefined if not a URL. */
export function urlHostname(url: string): string | undefined {
  const host = urlHost(url);
  if (host === undefined) return undefined;
  const bracketed = /^\[([^\]]*)\](?::\d*)?$/.exec(host);
  if (bracketed) return bracketed[1];
  return host.replace(/:\d*$/, '');
}

/** The first element of a module path (or of a GOPRIVATE-style pattern): "git.corp.example.com" of ".../team/lib". */
export function modulePathHost(path: string): string {
  return path.split('/')[0] ?? path;
}
