// The one prober: reads what the running Go trusts (CA roots for that release), sends (.netrc, or GOAUTH as that Go
// runs it) and goes through (HTTPS_PROXY/NO_PROXY, per Go version) once, and probes URLs the way that Go would reach
// them. Doctor, tidy's watchdog, the init wizard and check-proxy all use it.
import { setMaxListeners } from 'node:events';
import type { NetrcEntry } from '../core/netrc.js';
import type { ProbeResult } from '../core/probe-types.js';
import { loadGoTrustedCAs } from './ca-certs.js';
import { createGoAuth, inspectGoAuth, type GoAuthInspection } from './goauth-run.js';
import { probeUrl, type ProbeOptions } from './http-probe.js';
import { readNetrc } from './netrc-file.js';
import { createRunResolver } from './probe-connect.js';
import { ConnectionPool } from './connection-pool.js';

/** Whose network to imitate, and the default bound of each probe. */
export interface GoProberOptions {
  /** The environment Go sees (HTTPS_PROXY, NO_PROXY, SSL_CERT_FILE, NETRC, HOME…). */
  env: Record<string, string | undefined>;
  /** The running Go's version ("go1.26.8"): .netrc, GOAUTH, roots and proxy rules differ by version; null = newest. */
  goVersion: string | null;
  platform: NodeJS.Platform;
  /** GOAUTH as configured (core/goauth.ts configuredGoAuth); undefined = Go's default (netrc). */
  goauth?: string;
  /** Wall-clock bound of each probe unless a probe asks for another (also bounds each GOAUTH command). */
  timeoutMs: number;
  /** Cancels every probe in flight (and later ones). */
  signal?: AbortSignal;
}

/**
 * Options of one probe: what to read and check (see ProbeOptions: readBody, binary, responseHeaders, expect,
 * headers) and another bound. Trust, credentials, proxies and cancellation are the prober's.
 */
type GoProbeOptions = Partial<
  Pick<ProbeOptions, 'readBody' | 'binary' | 'responseHeaders' | 'expect' | 'headers' | 'timeoutMs'>
> & {
  /** Send no credentials (neither .netrc nor GOAUTH), to see what the server does without them. */
  anonymous?: boolean;
};

/** A prober bound to one Go's view of the network. */
export interface GoProber {
  /** One bounded GET (redirects followed as Go does); never throws for network faults. */
  probe(url: string, opts?: GoProbeOptions): Promise<ProbeResult>;
  /** Whether Go would send credentials with its first request to this https URL (.netrc or GOAUTH, bounded). */
  hasCredentials(url: string): Promise<boolean>;
  /** Runs GOAUTH for these URLs as Go would before its first request (bounded); says what came out, never secrets. */
  inspectGoAuth(urls: string[]): Promise<GoAuthInspection>;
  /** Why the .netrc file could not be read (no credentials are sent then), or null. */
  readonly credentialsError: string | null;
  /** The CA files and directories that were read (Go's order), for explanations. */
  readonly trustSources: string[];
  /**
   * The roots that Go trusts, for TLS checks below the HTTP request (check-proxy's handshake, the ClientHello check);
   * undefined = Node's own roots, standing in for the macOS/Windows verifier.
   */
  readonly ca: string[] | undefined;
  /** Cancels probes in flight; later probes end at once as cancelled. */
  close(): void;
}

/** Reads trust and credentials once and returns a prober that uses them for every request. */
export async function createGoProber(o: GoProberOptions): Promise<GoProber> {
  let credentialsError: string | null = null;
  const [trust, netrc] = await Promise.all([
    loadGoTrustedCAs({ platform: o.platform, env: o.env, goVersion: o.goVersion }).catch(() => ({
      ca: undefined,
      sources: [] as string[],
    })),
    readNetrc(o.env, { platform: o.platform, goVersion: o.goVersion }).catch((err: Error): NetrcEntry[] => {
      credentialsError = err.message;
      return [];
    }),
  ]);
  const auth = { goauth: o.goauth, goVersion: o.goVersion, env: o.env, netrc, platform: o.platform };
  const closed = new AbortController();
  const signal = o.signal ? AbortSignal.any([o.signal, closed.signal]) : closed.signal;
  const credentials = createGoAuth({ ...auth, timeoutMs: o.timeoutMs, signal }); // close() kills GOAUTH commands too
  const resolve = createRunResolver({ noEgress: o.env.GOMODCTL_NO_EGRESS === '1' });
  const pool = new ConnectionPool();
  // Every probe in flight listens on this one signal (doctor runs dozens at once): not a leak, so no warning.
  setMaxListeners(0, signal);
  return {
    probe: (url, { anonymous, ...p } = {}) =>
      probeUrl(url, {
        ...p,
        timeoutMs: p.timeoutMs ?? o.timeoutMs,
        env: o.env,
        goVersion: o.goVersion,
        ...(anonymous ? { netrc: [] } : { netrc, credentials }),
        ca: trust.ca,
        signal,
        resolve,
        pool,
      }),
    hasCredentials: (url) =>
      url.startsWith('https://')
        ? credentials.initial(url).then(
            (headers) => headers !== null,
            () => false,
          )
        : Promise.resolve(false),
    inspectGoAuth: (urls) => inspectGoAuth({ ...auth, timeoutMs: o.timeoutMs, urls }),
    credentialsError,
    trustSources: trust.sources,
    ca: trust.ca,
    close: () => {
      closed.abort();
      pool.close();
    },
  };
}
