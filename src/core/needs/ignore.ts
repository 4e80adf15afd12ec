// go.mod `ignore` directives (Go 1.25+): a port of cmd/go/internal/search/search.go IgnorePatterns.ShouldIgnore.
// "./x" ignores the directory x at the module root; "x" ignores every directory whose path contains x as a whole
// path segment sequence, wherever it is.

/** normalizePath: slashes at both ends, so patterns match whole path elements. */
const normalize = (p: string): string => `${p.startsWith('/') ? '' : '/'}${p}${p.endsWith('/') ? '' : '/'}`;

/** Returns whether a module-relative directory (slash-separated) is ignored by the patterns. */
export function ignoreMatcher(patterns: string[]): (dir: string) => boolean {
  const relative = patterns.filter((p) => p.startsWith('./')).map((p) => normalize(p.slice(2)));
  const anywhere = patterns.filter((p) => !p.startsWith('./')).map(normalize);
  return (dir) => {
    if (dir === '') return false;
    const d = normalize(dir);
    return relative.some((p) => d.startsWith(p)) || anywhere.some((p) => d.includes(p));
  };
}
