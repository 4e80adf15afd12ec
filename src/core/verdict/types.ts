// The vocabulary of a verdict: for each fetch Go will make (core/needs), what happens when Go walks its route
// (cmd/go/internal/modfetch/proxy.go TryProxies, repo.go lookupDirect, fetch.go checkModSum), and whether
// `go mod tidy` / `go mod download` as a whole will fail.
import type { Text } from '../i18n/message.js';
import type { Need } from '../needs/types.js';
import type { ProbeCause, ProbeResult } from '../probe-types.js';

/** ok: Go gets it; fail: Go stops with an error; hang: Go waits without a bound; leak: Go itself sends a private path out. */
export type Outcome = 'ok' | 'fail' | 'hang' | 'leak';

/** Where along the route the deciding answer came from. */
export type OutcomeHop = 'proxy' | 'direct' | 'sumdb' | 'connect-proxy' | 'toolchain';

/** What Go will do for one need. */
export interface NeedOutcome {
  need: Need;
  outcome: Outcome;
  hop?: OutcomeHop;
  /** The redacted GOPROXY entry, or 'direct'/'off', or the checksum database base, that decided the outcome. */
  entry?: string;
  /** The redacted URL (or git repository) whose answer decided the outcome. */
  url?: string;
  cause?: ProbeCause;
  status?: number;
  /** What happens and why: a catalogue Message, or Go's/a server's words (the JSON carries the English text). */
  message: Text;
  /** The module path looks private (GOPRIVATE/GONOPROXY, or a host not in the public list). */
  privateLooking: boolean;
  durationMs?: number;
  /** True when this outcome makes the Go command fail (fail, hang, or a leak whose route then fails). */
  failing: boolean;
}

/** The verdict: will the Go command fail, and what happens to every need. */
export interface Verdict {
  willFail: boolean;
  outcomes: NeedOutcome[];
  /** The outcomes that make the command fail, one per module@version and hop. */
  failures: NeedOutcome[];
  /** Hosts probed in this run (host:port), sorted. */
  probed: string[];
  /** Why Go stops before fetching anything (Go's words), e.g. an invalid GOPROXY or GOTOOLCHAIN. */
  errors: string[];
}

/** What `git ls-remote` answered (bounded; the user's git config applies, so url.insteadOf does too). */
export interface GitAnswer {
  ok: boolean;
  /** Git did not finish within the bound (Go runs git without a bound: a hang). */
  timedOut?: boolean;
  /** First line of git's error output. */
  message?: string;
}

/** The network as the engine sees it: injected, so the engine stays pure. Answers are cached by URL by the caller too. */
export interface RouteProbe {
  /** One bounded GET the way Go would send it (proxies, trust, credentials); never throws. */
  get(url: string): Promise<ProbeResult>;
  /** One bounded GET that also returns the body (the ?go-get=1 page, a go.mod); defaults to get. */
  getBody?(url: string): Promise<ProbeResult>;
  /** `git ls-remote <repo>` bounded; absent → direct VCS steps are not probed (reported as not verified). */
  gitLsRemote?(repo: string): Promise<GitAnswer>;
}
