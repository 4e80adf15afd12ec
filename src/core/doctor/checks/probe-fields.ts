// What a check result copies from a probe: its cause, phase, status, failing hop and peer, and phase timings, and their one-line summary.
import type { Message, Text } from '../../i18n/message.js';
import { doctorMsg } from '../../i18n/messages/doctor.js';
import type { ProbeResult } from '../../probe-types.js';

/** "dns 3ms, connect 20ms, tls 41ms, first byte 110ms" (a message: the phase names in the user's language). */
export function timingText(r: ProbeResult): Text {
  const t = r.timings;
  const parts: Message[] = [];
  if (t.dnsMs !== undefined) parts.push(doctorMsg('check.timing.dns', { ms: Math.round(t.dnsMs) }));
  if (t.connectMs !== undefined) parts.push(doctorMsg('check.timing.connect', { ms: Math.round(t.connectMs) }));
  if (t.tlsMs !== undefined) parts.push(doctorMsg('check.timing.tls', { ms: Math.round(t.tlsMs) }));
  if (t.ttfbMs !== undefined) parts.push(doctorMsg('check.timing.ttfb', { ms: Math.round(t.ttfbMs) }));
  if (parts.length === 0) return '';
  return parts.reduceRight((rest: Message, first) => doctorMsg('check.timing.list', { first, rest }));
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
