// A route walked against simulated answers: the request sequence of a cold `go mod download M@V` (.info, .mod, the
// checksum database, .zip), each operation walking GOPROXY on its own as cmd/go/internal/modfetch/proxy.go
// TryProxies does, and the sumdb base found as modfetch/sumdb.go initBase does. Checked against the real go in
// test/e2e/route-diff.test.ts; the verdict engine walks routes with it.
import type { Route, RouteStep } from './route.js';

/** How a simulated server answers one request. */
export type SimAnswer = 'ok' | 'not-found' | 'error';

/** What Go would request, in order, if each URL answered as `answer` says. */
interface SimResult {
  requests: string[];
  outcome: 'ok' | 'direct' | 'off' | 'error' | 'not-found';
}

/** One operation (.info, .mod or .zip) walking the list on its own, as TryProxies does for each. */
function simulateOp(
  steps: RouteStep[],
  k: number,
  answer: (url: string) => SimAnswer,
  out: string[],
): SimResult['outcome'] {
  let outcome: SimResult['outcome'] = 'not-found';
  for (const step of steps) {
    if (step.kind === 'off') return 'off';
    const url = step.kind === 'proxy' ? step.requests?.[k] : step.requests?.[0];
    if (url === undefined) continue;
    out.push(url);
    const a = answer(url);
    if (a === 'ok') return 'ok';
    outcome = step.kind === 'proxy' ? (a === 'error' ? 'error' : 'not-found') : 'direct';
    const moveOn = step.fallThrough === 'on-any-error' || (step.fallThrough === 'on-404-410' && a === 'not-found');
    if (!moveOn) return outcome;
  }
  return outcome;
}

/** The checksum-database requests (initBase's /supported walk, then the first lookup). */
function simulateSumdb(route: Route, answer: (url: string) => SimAnswer, out: string[]): boolean {
  const direct = route.steps.find((s) => s.kind === 'sumdb');
  const lookupPath = direct?.requests?.[0]?.replace(/^.*?\/lookup\//, '/lookup/');
  for (const step of route.steps.filter((s) => s.kind === 'sumdb-supported')) {
    out.push(step.url!);
    const a = answer(step.url!);
    if (a === 'ok')
      return lookupPath === undefined || lookup(step.url!.replace(/\/supported$/, '') + lookupPath, answer, out);
    if (a === 'error' && step.fallThrough !== 'on-any-error') return false;
  }
  return direct?.requests?.[0] === undefined || lookup(direct.requests[0], answer, out);
}

function lookup(url: string, answer: (url: string) => SimAnswer, out: string[]): boolean {
  out.push(url);
  return answer(url) === 'ok';
}

/**
 * Expands a route into the request sequence of a cold `go mod download M@V`
 * (docs/go-rules.md#the-module-proxy-protocol: .info, .mod, checksum database, .zip), given how each URL answers. Each
 * operation walks the GOPROXY list separately, so a 404 proxy is asked again for .mod and .zip (verified with Go 1.19
 * and 1.26).
 */
export function simulateRoute(route: Route, answer: (url: string) => SimAnswer): SimResult {
  const requests: string[] = [];
  const download = route.steps.filter(
    (s) => s.kind === 'proxy' || s.kind === 'direct' || s.kind === 'vcs' || s.kind === 'off',
  );
  const ops = Math.max(1, ...download.map((s) => (s.kind === 'proxy' ? (s.requests?.length ?? 1) : 1)));
  for (let k = 0; k < ops; k++) {
    if (k === 2 && route.sumdb.checked && (!route.sumdb.name || !simulateSumdb(route, answer, requests))) {
      return { requests, outcome: 'error' };
    }
    const outcome = simulateOp(download, k, answer, requests);
    if (outcome !== 'ok') return { requests, outcome };
  }
  return { requests, outcome: 'ok' };
}
