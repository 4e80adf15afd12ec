// What a check result copies from a probe: its cause, phase, status, failing hop and peer, and phase timings, and their one-line summary.
import type { ProbeResult } from '../../probe-types.js';

/** "dns 3ms, connect 20ms, tls 41ms, first byte 110ms". */
export function timingText(r: ProbeResult): string {
  const t = r.timings;
  const parts: string[] = [];
  if (t.dnsMs !== undefined) parts.push(`dns ${Math.round(t.dnsMs)}ms`);
  if (t.connectMs !== undefined) parts.push(`connect ${Math.round(t.connectMs)}ms`);
  if (t.tlsMs !== undefined) parts.push(`tls ${Math.round(t.tlsMs)}ms`);
  if (t.ttfbMs !== undefined) parts.push(`first byte ${Math.round(t.ttfbMs)}ms`);
  return parts.join(', ');
}

/** Copies a probe's diagnostic fields into a check result. */
export function probeFields(r: ProbeResult) {
  return {
    ...(r.cause ? { cause: r.cause } : {}),
    ...(r.phase ? { phase: r.phase } : {}),
    ...(r.status !== undefined ? { httpStatus: r.status } : {}),
    ...(r.hop ? { hop: r.hop } : {}),
    ...(r.peer ? { peer: r.peer } : {}),
    timings: { ...r.timings },
  };
}
