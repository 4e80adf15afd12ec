// Pure: when a tidy run provably needs no diagnosis, so that its healthy path does not load the rules (start-up: a
// warm `go mod tidy` takes Go ~50 ms). Each predicate is a superset of what definite.ts and diagnose.ts act on;
// test/core/tidy/healthy.test.ts checks that over every captured log.
import type { TidyEvent } from './classify.js';
import { matchProxyBase, urlSubject } from './url-subject.js';
import type { Timeline } from './timeline.js';

/**
 * True for an event definite.ts definiteFailure may report at once: a `-x` request refused with 401, 403 or 5xx, or
 * a version's .info/.mod/.zip answered 404/410 (a 404 on @v/list or @latest is one of Go's prefix probes).
 */
export function needsTrouble(ev: TidyEvent): boolean {
  if (ev.kind !== 'get-done') return false;
  const st = ev.status;
  if (st === 401 || st === 403 || st >= 500) return true;
  return (st === 404 || st === 410) && /\.(info|mod|zip)(\?|$)/.test(ev.url);
}

/**
 * False only when diagnose() would find nothing: go exited 0 on its own and printed no error, and every request that
 * failed was for a module path Go then found, or one of its prefixes (Go asks a package's parent paths first; what
 * diagnose.ts leakProblems skips too). A refused path Go did not find is a leak to report although go exited 0.
 */
export function needsDiagnosis(t: Timeline, end: { exitCode: number | null; killed: boolean }): boolean {
  if (end.killed || end.exitCode !== 0 || t.errors.length > 0) return true;
  const resolved = t.resolvedModules();
  for (const m of t.modules.values()) {
    const failed = m.requests.some((r) => r.error !== undefined || (r.status !== undefined && r.status >= 400));
    if (failed && !resolved.some((r) => r === m.path || r.startsWith(`${m.path}/`))) return true;
  }
  return false;
}

/**
 * Whether go's lines read the same with these GOPROXY bases as with the GOPROXY go used, for a run with nothing to
 * diagnose: no error line, no failed request (Go's 404s on @v/list of a path's parents aside), and every module proxy
 * request of the `-x` trace (a version's .info/.mod/.zip, @v/list, @latest) under one of the bases, read as the module
 * path its URL itself names. Go prints the URL it built from its GOPROXY entry (modfetch/proxy.go: the entry's URL,
 * then the escaped path and /@v/…), so a URL outside every base, or read as another path (a base shorter than go's),
 * means go used another GOPROXY. The rest reads the same with any bases: checksum database requests by their path,
 * `?go-get=1` and VCS commands by their host, and Go < 1.21 prints no request at all. The events are go's lines as
 * classify.ts read them (in order, from the first): app/tidy.ts classifies each line as it arrives, beside go, so
 * that only this check is left once go exited.
 */
export function proxyTraceUnder(events: readonly TidyEvent[], bases: string[]): boolean {
  for (const ev of events) {
    if (ev.kind === 'error' || ev.kind === 'get-error' || ev.kind === 'get-note') return false;
    if (ev.kind !== 'get-start' && ev.kind !== 'get-done') continue;
    if (needsTrouble(ev)) return false; // a refusal go went past: what it means depends on the list (`,` or `|`)
    const own = urlSubject(ev.url);
    if (own.via !== 'proxy') continue;
    if (!matchProxyBase(ev.url, bases) || urlSubject(ev.url, bases).module !== own.module) return false;
  }
  return true;
}
