// Which -mod mode a build command (go build, go list, go test, go run) uses: a port of modload/init.go
// setDefaultBuildMod. go mod tidy and go mod download always use -mod=mod and do not take -mod (nor GOFLAGS=-mod),
// so vendor/ never spares them a download; build commands in vendor mode download no module at all.
import { compareGoVersions } from '../go-version.js';

/** A go.mod or go.work root as setDefaultBuildMod sees it. */
export interface VendorRoot {
  /** Its go line; null when absent. */
  goLine: string | null;
  /** vendor/ exists next to it, as a directory. */
  vendorDir: boolean;
  /** vendor/modules.txt starts with a "## workspace" annotation line (modulesTextIsForWorkspace). */
  modulesTxtForWorkspace: boolean;
}

/** What setDefaultBuildMod reads. */
interface BuildModInput {
  /** The running Go, e.g. "1.26.8". */
  goVersion: string;
  /** GOFLAGS as set (its -mod=… applies to build commands). */
  goflags: string;
  /** The go.work root in workspace mode, else null. */
  work: VendorRoot | null;
  /** The main modules' roots. */
  modules: VendorRoot[];
}

/** The mode and Go's reason (cfg.BuildModReason). */
export interface BuildMod {
  mode: 'mod' | 'readonly' | 'vendor';
  reason: string;
}

/** The -mod value GOFLAGS sets, if any (the last one wins, as flag parsing does). */
export function goflagsMod(goflags: string): string | null {
  let mode: string | null = null;
  for (const f of goflags.split(/\s+/)) {
    const m = /^--?mod=(.*)$/.exec(f);
    if (m) mode = m[1]!;
  }
  return mode;
}

/**
 * Port of setDefaultBuildMod for build commands. Go 1.22 added vendored workspaces (vendor/ next to go.work, its
 * modules.txt marked "## workspace"); before, only a single main module's vendor/ counted, workspace or not.
 */
export function defaultBuildMod(i: BuildModInput): BuildMod {
  const explicit = goflagsMod(i.goflags);
  if (explicit === 'mod' || explicit === 'readonly' || explicit === 'vendor') {
    return { mode: explicit, reason: `-mod=${explicit} from GOFLAGS` };
  }
  const modern = compareGoVersions(i.goVersion, '1.22') >= 0;
  const root = modern ? (i.work ?? i.modules[0]) : i.modules.length === 1 ? i.modules[0] : undefined;
  const source = modern && i.work ? 'go.work' : 'go.mod';
  if (!root?.vendorDir) return { mode: 'readonly', reason: 'no vendor directory' };
  if (root.goLine === null) {
    return { mode: 'readonly', reason: `Go version in ${source} is unspecified, so vendor directory was not used.` };
  }
  if (compareGoVersions(root.goLine, '1.14') < 0) {
    return { mode: 'readonly', reason: `Go version in ${source} is ${root.goLine}, so vendor directory was not used.` };
  }
  if (modern && root.modulesTxtForWorkspace !== (i.work !== null)) {
    const reason = root.modulesTxtForWorkspace
      ? 'Outside workspace mode, but vendor directory is for a workspace.'
      : 'In workspace mode, but vendor directory is not for a workspace';
    return { mode: 'readonly', reason };
  }
  return { mode: 'vendor', reason: `Go version in ${source} is at least 1.14 and vendor directory exists.` };
}
