// go.sum files as Go reads them (cmd/go/internal/modfetch/fetch.go readGoSum, HaveSum): "<path> <version>[/go.mod] <hash>"
// lines; blank lines skipped, the old empty-go.mod hash dropped, malformed lines ignored (as `go mod tidy` does; other
// commands stop with "malformed go.sum", which the caller reports separately).

/** fetch.go emptyGoModHash: written for non-modules by an old bug, dropped on read. */
const EMPTY_GO_MOD_HASH = 'h1:G7mAYYxgmS0lVkHyy2hEOLQCFB0DlQFTMLWggykrydY=';

/** Hashes by "path version" (version may end in "/go.mod"), across every go.sum file Go consults. */
export type GoSums = Map<string, string[]>;

/** Parses one go.sum file into `into` (or a new map); returns the map and the malformed line numbers. */
export function parseGoSum(text: string, into: GoSums = new Map()): { sums: GoSums; malformed: number[] } {
  const malformed: number[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const f = lines[i]!.trim().split(/\s+/).filter(Boolean);
    if (f.length === 0 || f[2] === EMPTY_GO_MOD_HASH) continue;
    if (f.length !== 3) {
      malformed.push(i + 1);
      continue;
    }
    const key = `${f[0]} ${f[1]}`;
    into.set(key, [...(into.get(key) ?? []), f[2]!]);
  }
  return { sums: into, malformed };
}

/** fetch.go HaveSum: go.sum has an h1: hash for the module's zip (suffix "") or its go.mod (suffix "/go.mod"). */
export function haveSum(sums: GoSums, path: string, version: string, suffix: '' | '/go.mod'): boolean {
  return (sums.get(`${path} ${version}${suffix}`) ?? []).some((h) => h.startsWith('h1:'));
}
