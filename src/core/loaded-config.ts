// What the edge gathered about the local Go setup, as one plain value: the config model, the Go that was found,
// what `go env -json` itself reported, and the module's go.mod.
import type { ConfigModel } from './types.js';
import type { GoMod } from './gomod.js';

/** The Go installation that answered `go env -json`. */
export interface GoInstall {
  path: string;
  version: string;
  goenv: string;
  goroot: string;
}

/** Everything gathered about the local Go setup (go/load-config.ts loadConfig). */
export interface LoadedConfig {
  model: ConfigModel;
  go: GoInstall | null;
  /** What `go env -json` itself reports for the module variables (null without Go). */
  goReported: Record<string, string> | null;
  goModPath: string | null;
  goMod: GoMod | null;
}
