// What every doctor check receives: the loaded configuration, the canary module and injected edge operations
// (a bounded probe that sees the network as Go does, whether git runs), so each check is a pure validator.
import type { LoadedConfig } from '../../loaded-config.js';
import type { CheckResult } from '../check.js';
import type { ProbeResult } from '../../probe-types.js';
import type { DoctorSummary } from '../check.js';
import type { GoAuthFacts } from '../goauth-check.js';
import type { Verdict } from '../../verdict/types.js';

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
  loaded: LoadedConfig;
  timeoutMs: number;
  canary: Canary;
  deps: boolean;
  /** Local go.mod replace targets (as written) → whether the directory exists. */
  replaceDirs: Record<string, boolean>;
  /** Why the .netrc file could not be read, or null. */
  netrcError: string | null;
  /** One bounded HTTP request that sees the network as Go does (proxy env, CA roots, .netrc or GOAUTH). */
  probe(url: string, opts?: { readBody?: number }): Promise<ProbeResult>;
  /** Runs GOAUTH for these https URLs as Go would (bounded) and says what came out, never the credentials. */
  inspectGoAuth(urls: string[]): Promise<GoAuthFacts>;
  /** `git --version`, or null when git cannot be run (bounded). */
  hasGit(): Promise<string | null>;
}

/** The doctor's result: the JSON document's content. */
export interface DoctorReport {
  go: { path: string; version: string; goenv: string } | null;
  canary: Canary;
  checks: CheckResult[];
  summary: DoctorSummary;
  durationMs: number;
  /** What `go mod tidy` will do for the module here (absent outside a module, and with --module). */
  verdict?: Verdict;
}
