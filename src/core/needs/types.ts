// The vocabulary of "what Go will need": the fetches `go mod tidy` / `go mod download` make, and the inputs the
// prediction reads (plain values gathered at the edge, plus injected readers).

/** A module version; version "" is a main module or a directory replacement (no download). */
export interface ModVer {
  path: string;
  version: string;
}

/** What Go fetches: a GOPROXY-protocol file, a version query, or a checksum-database lookup. */
type NeedWhat = 'info' | 'mod' | 'zip' | 'list' | 'latest' | 'sumdb-lookup';

/**
 * Why Go fetches it:
 * require       a requirement in a main module's go.mod (its go.mod for the graph, its zip for packages)
 * import        the zip of a module whose path is a prefix of a package the load reaches (cmd/go fetches every
 *               such module in the build list to rule out ambiguous imports)
 * unpruned-dep  a go.mod read because a module on the path predates graph pruning (go < 1.17)
 * compat        a go.mod read by `go mod tidy`'s go 1.16 compatibility check (main module at go 1.17)
 * test-dep      a module that only a dependency's tests import (tidy loads tests of every package in "all")
 * upgraded-root a root whose selected version is above the one go.mod lists (go.mod not tidy)
 * query         a missing import: Go asks every path prefix for versions, then fetches the one that provides it
 * toolchain     the golang.org/toolchain download that GOTOOLCHAIN switches to
 * go.sum-missing  a checksum-database lookup for a go.sum line that is not there
 */
export type NeedWhy =
  | 'require'
  | 'import'
  | 'unpruned-dep'
  | 'compat'
  | 'test-dep'
  | 'upgraded-root'
  | 'query'
  | 'toolchain'
  | 'go.sum-missing';

/**
 * How sure the prediction is. sure: Go's rules applied to files on disk or fetched go.mod files.
 * likely: the zip of a module whose code is not on disk, taken from go.sum or go.mod evidence of an earlier tidy.
 * possible: the zip of a requirement of a module whose code is not on disk yet (its imports are unknown).
 */
export type Certainty = 'sure' | 'likely' | 'possible';

/** One fetch Go will make (after subtracting what the module cache, replacements and go.sum already provide). */
export interface Need {
  module: string;
  /** Absent for 'list' and 'latest' (and for a query's follow-up whose version the list decides). */
  version?: string;
  what: NeedWhat;
  why: NeedWhy;
  /** The go.mod that required it: a file path for a main module, "path@version" for a dependency's go.mod. */
  from?: string;
  certainty: Certainty;
  /** The package import path that makes Go fetch it (why 'import', 'test-dep', 'query'). */
  importPath?: string;
  /** For a replacement by another module version: the module@version go.mod names (module is the replacement). */
  replaces?: string;
  /** For 'latest': only when the version list is empty (proxy.go Latest); for a query's zip: the version list decides. */
  condition?: 'list-empty' | 'list-resolves';
}

/** A go.mod as the graph walk needs it (modload/modfile.go modFileSummary). */
export interface ModSummary {
  /** The module line (null when the go.mod has none). */
  module: string | null;
  /** The go line, or null (then the module is unpruned: modfile.go summaryFromModFile). */
  go: string | null;
  require: ModVer[];
}

/** The Go commands whose fetches can be predicted. */
export type NeedsCommand = 'tidy' | 'download';
