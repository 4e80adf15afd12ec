// What the edge observed, as plain data for the pure rules: probe results by request key, the TLS handshake,
// and the checksum-database client's verification. Nothing here decides a verdict.
import type { Text } from '../i18n/message.js';
import type { ProbeResult } from '../probe-types.js';
import type { Canary, Exchange, SumdbUse } from './types.js';

/** One certificate as the TLS handshake presented (or completed) it. */
export interface CertFacts {
  subject: string;
  issuer: string;
  validFrom: string;
  validTo: string;
  selfIssued: boolean;
  /** Authority Information Access "CA Issuers" URL: where a missing intermediate could be fetched. */
  caIssuers?: string;
  altNames?: string;
}

/** What a handshake offering "h2" and "http/1.1" (as Go's default transport does) showed. */
export interface TlsFacts {
  /** Negotiated ALPN protocol, or null when the server chose none (HTTP/1.1). */
  alpn: string | null;
  /** "TLSv1.3" … */
  version: string | null;
  /** The server certificate (leaf) first. */
  chain: CertFacts[];
  /** OpenSSL's verification error code against Go's trusted roots, when the chain is not trusted. */
  authorizationError?: string;
}

/** Result of one checksum-database read (a lookup, /latest, or a tile) in the client's verification. */
export interface SumdbStep {
  ok: boolean;
  exchange: Exchange;
  /** Problem found at this step: signature, record, inclusion… */
  problem?: 'sumdb-unreachable' | 'sumdb-signature' | 'sumdb-record' | 'sumdb-inclusion' | 'sumdb-consistency';
  /** What the step showed (a catalogue message) or the client's error, verbatim. */
  message: Text;
}

/** A canary's lookup: its record lines once verified, or the failing step. */
export interface SumdbLookup extends SumdbStep {
  canary: number;
  /** go.sum lines of the record, when the record verified. */
  lines?: string[];
  /** Tree size the record's note signed. */
  treeSize?: number;
  /** Length of the record-inclusion proof that checked. */
  proofHashes?: number;
}

/** The checksum-database client's work: /latest, each lookup with inclusion proofs, consistency of the trees. */
export interface SumdbVerification {
  latest: SumdbStep & { treeSize?: number };
  lookups: SumdbLookup[];
  /** Tree consistency (ProveTree/CheckTree) between every tree seen and the newest. */
  consistency: SumdbStep & { trees: number[] };
  /** Tile requests, as evidence. */
  tiles: Exchange[];
}

/** Everything check-proxy observed about one proxy. */
export interface CheckProxyFacts {
  /** The proxy URL, redacted. */
  url: string;
  scheme: 'http' | 'https';
  /** The URL carried user:password (Go refuses to send them over http). */
  hasUserinfo: boolean;
  /** Credentials were sent (a .netrc entry or userinfo, over https). */
  credentialsSent: boolean;
  canaries: Canary[];
  /** Probe results of planProxyRequests, by key. */
  results: Record<string, ProbeResult>;
  /** The unescaped @v/list of canaries whose escaped requests failed (diagnoses "!" handling). */
  unescaped: Record<number, ProbeResult>;
  /** A second request for the first canary's zip (cache timing). */
  again?: ProbeResult;
  /** Eight parallel requests for the first canary's .info. */
  burst: ProbeResult[];
  /** null: http, or the handshake could not be made. */
  tls: TlsFacts | null;
  sumdb: {
    use: SumdbUse;
    /** Why each canary was not looked up (privacy), by canary index. */
    skipped: Record<number, Text>;
    verification?: SumdbVerification;
  };
}
