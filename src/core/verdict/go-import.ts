// The direct (VCS) lookup of a module path, ported from cmd/go/internal/vcs/vcs.go: RepoRootForImportPath tries the
// static table first (vcsPaths: github.com, bitbucket.org, …, and the general "<host>/<path>.<vcs>" form, whose
// repository is pinged with `git ls-remote` over each secure scheme), then the `?go-get=1` page's go-import meta
// tags (repoRootForImportDynamic, parseMetaGoImports in discovery.go, matchGoImport).

/** A go-import meta tag: `<meta name="go-import" content="prefix vcs repoRoot">`. */
interface MetaImport {
  prefix: string;
  vcs: string;
  repoRoot: string;
}

/** How Go finds the repository of a module path without a proxy. */
type DirectPlan =
  | { kind: 'git'; repos: string[]; root: string; why: 'known-host' | 'vcs-suffix' }
  | { kind: 'meta'; url: string };

const KNOWN_GIT = /^((?:github\.com|bitbucket\.org)\/[\w.-]+\/[\w.-]+)/; // vcs.go vcsPaths (git entries)
// vcs.go vcsPaths, "General syntax for any server. Must be last."
const GENERAL = /^(([a-z0-9.-]+\.)+[a-z0-9.-]+(:[0-9]+)?(\/~?[\w.-]+)+?)\.(bzr|fossil|git|hg|svn)(\/~?[\w.-]+)*$/;

/** Which lookup Go does for a module path in direct mode (secure schemes only: https, then ssh for git). */
export function directPlan(module: string): DirectPlan {
  const known = KNOWN_GIT.exec(module);
  if (known) return { kind: 'git', repos: [`https://${known[1]}`], root: known[1]!, why: 'known-host' };
  const g = GENERAL.exec(module);
  if (g && g[5] === 'git') {
    const repo = g[1]!;
    return { kind: 'git', repos: [`https://${repo}`, `ssh://${repo}`], root: `${repo}.git`, why: 'vcs-suffix' };
  }
  return { kind: 'meta', url: `https://${module}?go-get=1` };
}

const attr = (tag: string, name: string): string | undefined => {
  const m = new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
  return m ? (m[1] ?? m[2] ?? m[3]) : undefined;
};

/** discovery.go parseMetaGoImports: go-import tags before </head> or <body>; a tag with other than 3 fields is skipped. */
export function parseMetaGoImports(html: string): MetaImport[] {
  const end = html.search(/<\/head>|<body/i);
  const head = end < 0 ? html : html.slice(0, end);
  const out: MetaImport[] = [];
  for (const m of head.matchAll(/<meta\b[^>]*>/gi)) {
    if (attr(m[0], 'name')?.toLowerCase() !== 'go-import') continue;
    const f = (attr(m[0], 'content') ?? '').trim().split(/\s+/);
    if (f.length === 3) out.push({ prefix: f[0]!, vcs: f[1]!, repoRoot: f[2]! });
  }
  // PreferMod: a "mod" tag hides other tags with the same prefix.
  return out.filter((i) => i.vcs === 'mod' || !out.some((o) => o.vcs === 'mod' && o.prefix === i.prefix));
}

/** vcs.go matchGoImport: the one tag whose prefix is the path or a path prefix of it; Go's error text otherwise. */
export function matchGoImport(imports: MetaImport[], path: string): MetaImport | string {
  const hits = imports.filter((i) => path === i.prefix || path.startsWith(`${i.prefix}/`));
  if (hits.length === 1) return hits[0]!;
  if (hits.length === 0) return `unrecognized import path "${path}": no go-import meta tags`;
  return `multiple meta tags match import path "${path}"`;
}
