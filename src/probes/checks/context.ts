// What every doctor check receives: the loaded configuration, the canary module and a bounded probe.
import type { LoadedConfig } from '../../go/load-config.js';
import type { ProbeResult } from '../../core/types.js';

/** The module used to exercise proxies and the checksum database. */
export interface Canary {
  path: string;
  version?: string;
  /** Why this module: "--module", "go.mod", "default". */
  source: string;
}

/** Injected dependencies and facts for doctor checks. */
export interface DoctorContext {
  env: Record<string, string | undefined>;
  platform: NodeJS.Platform;
  arch: string;
  cwd: string;
  loaded: LoadedConfig;
  timeoutMs: number;
  canary: Canary;
  deps: boolean;
  /** One bounded HTTP request that sees the network as Go does (proxy env, CA roots, .netrc). */
  probe(url: string, opts?: { readBody?: number }): Promise<ProbeResult>;
  /** Whether `git` can be run (bounded). */
  hasGit(): Promise<string | null>;
}
