// Issue 13: a fix that changes how Go reaches the network is printed only after the fix search verified it. The
// network checks (proxy, sumdb, private, deps, the toolchain download) keep their findings and the advice only a person
// can follow (comments, the CA file to trust, git's URL rewrite); their template settings leave, since the verified
// list (report/fix-search-report.ts) is the one place for those. Lint findings (group config) keep every fix: they are
// certain, not network guesses.
import type { Fix } from '../fix/fix.js';
import type { CheckResult } from './check.js';

/** The settings that change which host Go asks, through what, and with which checksum database. */
const ROUTE_VARS = new Set([
  'GOPROXY',
  'GOSUMDB',
  'GOPRIVATE',
  'GONOSUMDB',
  'GONOPROXY',
  'HTTPS_PROXY',
  'HTTP_PROXY',
  'ALL_PROXY',
  'NO_PROXY',
  'GODEBUG',
  'GOTOOLCHAIN',
]);

const NETWORK_GROUPS = new Set(['proxy', 'sumdb', 'private', 'deps']);

/** The variables a `go env -w NAME=value` / `go env -u NAME` command changes; [] for any other command. */
function goEnvCommandVars(argv: string[]): string[] {
  const [bin, sub, flag, ...rest] = argv;
  if (bin !== 'go' || sub !== 'env' || (flag !== '-w' && flag !== '-u')) return [];
  return rest.map((a) => a.split('=')[0] ?? a);
}

/**
 * Whether a fix sets, unsets or `go env -w`s a route variable (a comment never counts: a person judges it). The same
 * HTTP(S) proxy with placeholder credentials (core/proxy-hop-fixes.ts placeholderProxyUrl) keeps the route: only a
 * person can fill in the login, and no probe could verify it.
 */
function changesRoute(fix: Fix): boolean {
  if (fix.kind === 'set' && fix.value?.includes('://USER:xxxxx@')) return false;
  if (fix.kind === 'set' || fix.kind === 'unset') return ROUTE_VARS.has(fix.variable.toUpperCase());
  if (fix.kind === 'command') return goEnvCommandVars(fix.argv).some((v) => ROUTE_VARS.has(v.toUpperCase()));
  return false;
}

/**
 * Whether a result's fixes are network guesses: the proxy, checksum-database, private-host and --deps checks, and the
 * toolchain download when it was probed (a switch that GOTOOLCHAIN or GOSUMDB=off forbids is a certain fix and stays).
 */
function isNetworkResult(r: CheckResult): boolean {
  if (NETWORK_GROUPS.has(r.group)) return true;
  return r.id === 'go.toolchain' && (r.timings !== undefined || (r.fix ?? []).some((f) => fixVar(f) === 'GOPROXY'));
}

const fixVar = (f: Fix): string | undefined => (f.kind === 'command' ? undefined : f.variable);

/**
 * The check results with the unverified route changes of the network checks removed (an emptied fix list goes).
 */
export function withoutUnverifiedRouteFixes(results: CheckResult[]): CheckResult[] {
  return results.flatMap((r) => {
    if (!r.fix || !isNetworkResult(r)) return [r];
    const fix = r.fix.filter((f) => f.verifiedBy !== undefined || !changesRoute(f));
    if (fix.length === r.fix.length) return [r];
    const { fix: _dropped, ...rest } = r;
    return [fix.length > 0 ? { ...rest, fix } : rest];
  });
}
