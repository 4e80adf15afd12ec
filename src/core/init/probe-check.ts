// Whether a GOPROXY list about to be written works from here: each entry's probe (a URL entry's canary `@v/list`,
// `direct`'s origin request) judged as Go would use it. A proxy that answers 404/410 is a proper "not here" (Go falls
// through, proxy.go TryProxies), so it counts as working; no answer, or an error status, is a failed entry.
import { parseGoproxy } from '../goproxy.js';
import type { ProbeResult } from '../probe-types.js';
import { redactUrl } from '../redact.js';

/** One GOPROXY entry and what its probe said. */
export interface EntryProbe {
  /** The entry as written: a URL, "direct" or "off". */
  entry: string;
  ok: boolean;
  /** Why it failed (the probe's message), or "" when it works. */
  reason: string;
}

/** The entries of a GOPROXY list to probe, in order ([] when the list does not parse). */
export function proxyListEntries(proxy: string): string[] {
  const parsed = parseGoproxy(proxy, '');
  if (!parsed.ok) return [];
  return parsed.entries.flatMap((e) => (e.kind === 'url' ? [e.url] : e.kind === 'noproxy' ? [] : [e.kind]));
}

/** The verdict on one entry from its probe (null: `off`, which never downloads anything). */
export function judgeEntry(entry: string, r: ProbeResult | null): EntryProbe {
  if (r === null) return { entry, ok: false, reason: 'module lookup disabled by GOPROXY=off' };
  const isDirect = entry === 'direct';
  const ok = r.ok || r.status === 404 || r.status === 410 || (isDirect && r.status !== undefined);
  return { entry: isDirect ? entry : redactUrl(entry), ok, reason: ok ? '' : String(r.message ?? r.cause ?? 'failed') };
}

/** True when the list has entries and every one failed. */
export function allEntriesFailed(results: EntryProbe[]): boolean {
  return results.length > 0 && results.every((r) => !r.ok);
}
