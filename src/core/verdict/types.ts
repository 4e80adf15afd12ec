// STAND-IN for the verdict engine's types (VERDICT-ENGINE writes the real src/core/verdict/types.ts; the lead takes
// that one at merge). Only what the fix search compiles against: the interface named in the verdict-fixes brief.
import type { ConfigModel } from '../config-types.js';
import type { Need } from '../needs/types.js';
import type { ProbeCause, ProbeResult } from '../probe-types.js';

/** The environment Go runs with. */
export type Env = Record<string, string | undefined>;

/** What Go's fetch of one need will do: succeed, fail, wait without end, or send a private path to a public service. */
export type Outcome = 'ok' | 'fail' | 'hang' | 'leak';

/** The hop of the route that decided a need's outcome. */
export type VerdictHop = 'proxy' | 'direct' | 'sumdb' | 'connect-proxy' | 'toolchain';

/** One need and what Go will do for it. */
export interface NeedOutcome {
  need: Need;
  outcome: Outcome;
  hop?: VerdictHop;
  /** The GOPROXY entry (or GOSUMDB value) that answered last, as written. */
  entry?: string;
  url?: string;
  cause?: ProbeCause;
  status?: number;
  message: string;
  privateLooking: boolean;
  durationMs?: number;
}

/** The prediction for a whole run: whether Go will fail, every need's outcome, the failing ones, the URLs probed. */
export interface Verdict {
  willFail: boolean;
  outcomes: NeedOutcome[];
  failures: NeedOutcome[];
  probed: string[];
}

/** One request of a route walk: the URL, its hop and the environment Go would send it with. */
export interface RouteRequest {
  url: string;
  hop: VerdictHop;
  module: string;
  env: Env;
}

/** Answers one request of a route walk (bounded, never throws for network faults). */
export type RouteProbe = (req: RouteRequest) => Promise<ProbeResult>;

/** What evaluateVerdict reads. */
export interface VerdictInput {
  model: ConfigModel;
  env: Env;
  needs: Need[];
  goVersion: string;
  probe: RouteProbe;
  concurrency?: number;
}
