// The report model of `gomodctl check-proxy` (JSON schemaVersion 1): one verdict per requirement of the GOPROXY
// protocol, the module integrity, the checksum-database proxying and the transport, each with its evidence.

import type { Text } from '../i18n/message.js';

/** Verdict of one requirement. */
export type RequirementStatus = 'pass' | 'warn' | 'fail' | 'skip';

/** Which part of the proxy a requirement is about. */
type CheckGroup = 'transport' | 'protocol' | 'integrity' | 'sumdb';

/** A named non-conformance: what a failing (or warning) requirement found. */
export type ProblemCode =
  // transport
  | 'unreachable'
  | 'tls-unknown-authority'
  | 'tls-chain-incomplete'
  | 'tls-name-mismatch'
  | 'tls-expired'
  | 'tls-expires-soon'
  | 'auth-over-http'
  | 'auth-required'
  | 'auth-rejected'
  | 'auth-no-challenge'
  | 'concurrency'
  | 'slow'
  // protocol
  | 'missing-status'
  | 'html-200'
  | 'missing-200'
  | 'not-served'
  | 'bad-status'
  | 'bad-list'
  | 'bad-info'
  | 'bad-mod'
  | 'latest-missing'
  | 'latest-error'
  | 'zip-not-zip'
  | 'zip-prefix'
  | 'zip-invalid'
  | 'zip-too-large'
  | 'case-escaping'
  | 'error-text'
  | 'content-type'
  | 'redirect'
  // integrity
  | 'hash-mismatch'
  // checksum database
  | 'supported-status'
  | 'supported-blind'
  | 'sumdb-unreachable'
  | 'sumdb-signature'
  | 'sumdb-record'
  | 'sumdb-inclusion'
  | 'sumdb-consistency';

/** One HTTP exchange, shown as the evidence of a verdict. */
export interface Exchange {
  url: string;
  status?: number;
  contentType?: string;
  /** Body bytes read. */
  bytes?: number;
  ms: number;
  /** Transport failure (no HTTP status), one sentence. */
  error?: string;
  redirects?: string[];
}

/** The verdict on one requirement. */
export interface ProxyCheck {
  /** Stable id, e.g. "protocol.zip" (with `module` for per-module requirements). */
  id: string;
  group: CheckGroup;
  title: Text;
  status: RequirementStatus;
  /** "path@version" for per-module requirements. */
  module?: string;
  problem?: ProblemCode;
  message: Text;
  exchanges: Exchange[];
  /** What `go` does because of this (failures and warnings). */
  goEffect?: Text;
  /** What to change on the server (product-specific when the product is known). */
  fix?: Text[];
}

/** A module version the check downloads. */
export interface Canary {
  path: string;
  version: string;
  source: '--module' | 'default';
}

/** Products whose proxies can be recognised from their answers. */
export type ProxyProduct = 'athens' | 'artifactory' | 'nexus' | 'gitlab' | 'goproxy' | 'google';

/** What the server says it is. */
export interface ServerInfo {
  /** The Server header of the first answer, if any. */
  header?: string;
  product?: ProxyProduct;
  /** The header that identified the product. */
  evidence?: string;
}

/** The checksum database the integrity checks used. */
export interface SumdbUse {
  name: string;
  /** "proxy": through <url>/sumdb/<name>; "direct": its own URL; "off": GOSUMDB=off or nothing to ask. */
  via: 'proxy' | 'direct' | 'off';
  /** Base URL of the database (redacted). */
  base?: string;
}

/** The `gomodctl check-proxy --json` document's content. */
export interface CheckProxyReport {
  /** The proxy URL, redacted. */
  url: string;
  server: ServerInfo;
  canaries: Canary[];
  sumdb: SumdbUse;
  checks: ProxyCheck[];
  summary: Record<RequirementStatus, number>;
  durationMs: number;
}
