// The one prober: reads what the running Go trusts (CA roots), sends (.netrc credentials) and goes through
// (HTTPS_PROXY/NO_PROXY, per Go version) once, and probes URLs the way that Go would reach them. Doctor, tidy's
// watchdog and the init wizard all use it.
import type { NetrcEntry } from '../core/netrc.js';
import type { GoProxyBodyKind, ProbeResult } from '../core/probe-types.js';
import { loadGoTrustedCAs } from './ca-certs.js';
import { probeUrl } from './http-probe.js';
import { readNetrc } from './netrc-file.js';

/** Whose network to imitate, and the default bound of each probe. */
export interface GoProberOptions {
  /** The environment Go sees (HTTPS_PROXY, NO_PROXY, SSL_CERT_FILE, NETRC, HOME…). */
  env: Record<string, string | undefined>;
  /** The running Go's version ("go1.26.8"): .netrc and proxy rules differ by version; null = the newest Go. */
  goVersion: string | null;
  platform: NodeJS.Platform;
  /** Wall-clock bound of each probe unless a probe asks for another. */
  timeoutMs: number;
  /** Cancels every probe in flight (and later ones). */
  signal?: AbortSignal;
}

/** Options of one probe. */
export interface GoProbeOptions {
  /** Read up to this many body bytes into `body`. */
  readBody?: number;
  /** Check a 2xx body as a Go proxy answer of this kind. */
  expect?: GoProxyBodyKind;
  /** Another bound for this probe. */
  timeoutMs?: number;
}

/** A prober bound to one Go's view of the network. */
export interface GoProber {
  /** One bounded GET (redirects followed as Go does); never throws for network faults. */
  probe(url: string, opts?: GoProbeOptions): Promise<ProbeResult>;
  /** Why the .netrc file could not be read (no credentials are sent then), or null. */
  readonly credentialsError: string | null;
  /** The CA files and directories that were read (Go's order), for explanations. */
  readonly trustSources: string[];
  /** Cancels probes in flight; later probes end at once as cancelled. */
  close(): void;
}

/** Reads trust and credentials once and returns a prober that uses them for every request. */
export async function createGoProber(o: GoProberOptions): Promise<GoProber> {
  let credentialsError: string | null = null;
  const [trust, netrc] = await Promise.all([
    loadGoTrustedCAs({ platform: o.platform, env: o.env }).catch(() => ({ ca: undefined, sources: [] as string[] })),
    readNetrc(o.env, { platform: o.platform, goVersion: o.goVersion }).catch((err: Error): NetrcEntry[] => {
      credentialsError = err.message;
      return [];
    }),
  ]);
  const closed = new AbortController();
  const signal = o.signal ? AbortSignal.any([o.signal, closed.signal]) : closed.signal;
  return {
    probe: (url, p = {}) =>
      probeUrl(url, {
        timeoutMs: p.timeoutMs ?? o.timeoutMs,
        env: o.env,
        goVersion: o.goVersion,
        netrc,
        ca: trust.ca,
        signal,
        ...(p.readBody ? { readBody: p.readBody } : {}),
        ...(p.expect ? { expect: p.expect } : {}),
      }),
    credentialsError,
    trustSources: trust.sources,
    close: () => closed.abort(),
  };
}
