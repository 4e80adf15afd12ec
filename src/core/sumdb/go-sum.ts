// go.sum files and the SECURITY ERROR Go prints when one disagrees with the checksum database: a port of
// cmd/go/internal/modfetch/fetch.go readGoSum (fields, emptyGoModHash), HaveSum and haveModSumLocked (the first h1:
// line that differs from the downloaded hash is fatal), where the download is assumed to be what the database records.
// The one go.sum parser: the needs prediction (core/needs) reads go.sum through it too.
import { goFields } from '../go-fields.js';

/** One hash line of go.sum: "<path> <version>[/go.mod] <hash>". */
interface GoSumLine {
  path: string;
  /** The version as written, "/go.mod" suffix included. */
  version: string;
  hash: string;
  lineno: number;
}

/** readGoSum's result: the lines in order, and the malformed ones (Go stops on them except in `go mod tidy`). */
interface GoSum {
  lines: GoSumLine[];
  malformed: { lineno: number; fields: number }[];
}

/** The hash Go once wrote for non-modules (a 0-length go.mod); readGoSum drops such lines. */
export const EMPTY_GO_MOD_HASH = 'h1:G7mAYYxgmS0lVkHyy2hEOLQCFB0DlQFTMLWggykrydY=';

/** readGoSum: splits on "\n", fields by Go's white space, skips blank lines and the emptyGoModHash bug. */
export function parseGoSum(data: string): GoSum {
  const out: GoSum = { lines: [], malformed: [] };
  data.split('\n').forEach((line, i) => {
    const f = goFields(line);
    if (f.length !== 0 && f.length !== 3) out.malformed.push({ lineno: i + 1, fields: f.length });
    else if (f.length === 3 && f[2] !== EMPTY_GO_MOD_HASH)
      out.lines.push({ path: f[0]!, version: f[1]!, hash: f[2]!, lineno: i + 1 });
  });
  return out;
}

/** Hashes by "path version" (version may end in "/go.mod"), across every go.sum file Go consults (goSum.m). */
export type GoSums = Map<string, string[]>;

/** Adds a parsed go.sum's hashes to `into` in file order, as readGoSum fills its dst map; returns `into`. */
export function addGoSum(into: GoSums, sum: GoSum): GoSums {
  for (const l of sum.lines) {
    const key = `${l.path} ${l.version}`;
    into.set(key, [...(into.get(key) ?? []), l.hash]);
  }
  return into;
}

/** fetch.go HaveSum: go.sum has an h1: hash for the module's zip (suffix "") or its go.mod (suffix "/go.mod"). */
export function haveSum(sums: GoSums, path: string, version: string, suffix: '' | '/go.mod'): boolean {
  return (sums.get(`${path} ${version}${suffix}`) ?? []).some((h) => h.startsWith('h1:'));
}

/** A go.sum line that Go will reject once it downloads the module: the database says otherwise. */
interface GoSumMismatch {
  path: string;
  /** "v1.2.3" or "v1.2.3/go.mod". */
  version: string;
  goSum: string;
  sumdb: string;
  lineno: number;
  /** What `go` prints (its first lines; the SECURITY ERROR paragraph follows in Go's output). */
  goMessage: string;
}

/**
 * Predicts go.sum checksum mismatches: for each module version the database knows (its record lines
 * "<path> <version>[/go.mod] h1:…"), walks that version's go.sum lines in order as haveModSumLocked does:
 * the first h1: line unequal to the database hash is Go's "checksum mismatch … SECURITY ERROR"; an equal line
 * before it means no error. Lines with other hash algorithms are skipped, as Go skips them.
 */
export function predictGoSumMismatches(goSum: GoSum, sumdbLines: string[], file = 'go.sum'): GoSumMismatch[] {
  const known = new Map<string, string>();
  for (const l of sumdbLines) {
    const f = goFields(l);
    if (f.length === 3 && f[2]!.startsWith('h1:')) known.set(`${f[0]} ${f[1]}`, f[2]!);
  }
  const decided = new Set<string>();
  const out: GoSumMismatch[] = [];
  for (const line of goSum.lines) {
    const k = `${line.path} ${line.version}`;
    const want = known.get(k);
    if (want === undefined || decided.has(k)) continue;
    if (line.hash === want) decided.add(k);
    else if (line.hash.startsWith('h1:')) {
      decided.add(k);
      const goMessage = `verifying ${line.path}@${line.version}: checksum mismatch\n\tdownloaded: ${want}\n\t${file}:     ${line.hash}\n\nSECURITY ERROR\nThis download does NOT match an earlier download recorded in go.sum.`;
      out.push({
        path: line.path,
        version: line.version,
        goSum: line.hash,
        sumdb: want,
        lineno: line.lineno,
        goMessage,
      });
    }
  }
  return out;
}
