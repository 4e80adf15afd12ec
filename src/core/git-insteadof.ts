// Pure: git's url.<base>.insteadOf rewrites (git-config(1) "url.<base>.insteadOf": of the prefixes that match, the
// longest wins), read from `git config --get-regexp` output, so a report names the server git really talks to.

/** One rewrite: a URL starting with `prefix` is fetched from `base` + the rest. */
export interface GitRewrite {
  base: string;
  prefix: string;
}

/** The rewrites in `git config --get-regexp 'url\..*\.insteadof'` output ("url.<base>.insteadof <prefix>" lines). */
export function parseGitRewrites(stdout: string): GitRewrite[] {
  const out: GitRewrite[] = [];
  for (const line of stdout.split('\n')) {
    const m = /^url\.(.+)\.insteadof (.+)$/i.exec(line.trim());
    if (m) out.push({ base: m[1]!, prefix: m[2]! });
  }
  return out;
}

/** The URL git fetches for `url` after its insteadOf rewrites (the longest matching prefix); `url` when none match. */
export function rewriteGitUrl(url: string, rewrites: readonly GitRewrite[]): string {
  let best: GitRewrite | undefined;
  for (const r of rewrites) if (url.startsWith(r.prefix) && r.prefix.length > (best?.prefix.length ?? -1)) best = r;
  return best ? best.base + url.slice(best.prefix.length) : url;
}
