// What the edge gathered about the local Go setup, as one plain value: the config model, the Go that was found,
// what `go env -json` itself reported, and the module's go.mod.
import type { ConfigModel } from './config-types.js';
import type { ProxyEntry } from './goproxy.js';
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
  /** The configuration with the values Go reported (config-model.ts withGoReported). */
  model: ConfigModel;
  /** GOPROXY parsed once (goproxy.ts modelProxies); [] when invalid. */
  proxies: ProxyEntry[];
  go: GoInstall | null;
  goModPath: string | null;
  /** GOMODCACHE as `go env -json` reported it (where download-watch looks for partial zips); null if unknown. */
  gomodcache?: string | null;
  goMod: GoMod | null;
}
