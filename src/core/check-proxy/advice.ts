// For each named non-conformance: what `go` does because of it (from cmd/go's source: web/http.go, modfetch/proxy.go
// TryProxies, modfetch/sumdb.go initBase, modfetch/fetch.go, x/mod/sumdb/client.go), and what to change on the
// server — with the product's own setting where the product is known and the setting is documented. Data only.
import type { Message } from '../i18n/message.js';
import { checkProxyMsg } from '../i18n/messages/check-proxy.js';
import type { ProblemCode, ProxyProduct, ServerInfo } from './types.js';

interface Advice {
  goEffect: Message;
  fix: Message[];
  /** Product-specific settings, shown first when the server is recognised. */
  product?: Partial<Record<ProxyProduct, Message[]>>;
}

// The sentences are in the check-proxy catalogue (effect.<problem>, fix.<problem>, athens.*), each citing the Go
// source it ports in the comment of this file.
const ADVICE: Record<ProblemCode, Advice> = {
  unreachable: { goEffect: checkProxyMsg('effect.unreachable'), fix: [checkProxyMsg('fix.unreachable')] },
  'tls-unknown-authority': {
    goEffect: checkProxyMsg('effect.tls-unknown-authority'),
    fix: [checkProxyMsg('fix.tls-unknown-authority')],
  },
  'tls-chain-incomplete': {
    goEffect: checkProxyMsg('effect.tls-chain-incomplete'),
    fix: [checkProxyMsg('fix.tls-chain-incomplete')],
    product: { athens: [checkProxyMsg('athens.chain')] },
  },
  'tls-name-mismatch': {
    goEffect: checkProxyMsg('effect.tls-name-mismatch'),
    fix: [checkProxyMsg('fix.tls-name-mismatch')],
  },
  'tls-expired': { goEffect: checkProxyMsg('effect.tls-expired'), fix: [checkProxyMsg('fix.tls-expired')] },
  'tls-expires-soon': {
    goEffect: checkProxyMsg('effect.tls-expires-soon'),
    fix: [checkProxyMsg('fix.tls-expires-soon')],
  },
  'auth-over-http': {
    goEffect: checkProxyMsg('effect.auth-over-http'),
    fix: [checkProxyMsg('fix.auth-over-http')],
    product: { athens: [checkProxyMsg('athens.https')] },
  },
  'auth-required': { goEffect: checkProxyMsg('effect.auth-required'), fix: [checkProxyMsg('fix.auth-required')] },
  'auth-rejected': { goEffect: checkProxyMsg('effect.auth-rejected'), fix: [checkProxyMsg('fix.auth-rejected')] },
  'auth-no-challenge': {
    goEffect: checkProxyMsg('effect.auth-no-challenge'),
    fix: [checkProxyMsg('fix.auth-no-challenge')],
  },
  concurrency: { goEffect: checkProxyMsg('effect.concurrency'), fix: [checkProxyMsg('fix.concurrency')] },
  slow: {
    goEffect: checkProxyMsg('effect.slow'),
    fix: [checkProxyMsg('fix.slow')],
    product: { athens: [checkProxyMsg('athens.upstream')] },
  },
  'missing-status': { goEffect: checkProxyMsg('effect.missing-status'), fix: [checkProxyMsg('fix.missing-status')] },
  'html-200': { goEffect: checkProxyMsg('effect.html-200'), fix: [checkProxyMsg('fix.html-200')] },
  'missing-200': { goEffect: checkProxyMsg('effect.missing-200'), fix: [checkProxyMsg('fix.missing-200')] },
  'not-served': {
    goEffect: checkProxyMsg('effect.not-served'),
    fix: [checkProxyMsg('fix.not-served')],
    product: { athens: [checkProxyMsg('athens.upstream')] },
  },
  'bad-status': { goEffect: checkProxyMsg('effect.bad-status'), fix: [checkProxyMsg('fix.bad-status')] },
  'bad-list': { goEffect: checkProxyMsg('effect.bad-list'), fix: [checkProxyMsg('fix.bad-list')] },
  'bad-info': {
    goEffect: checkProxyMsg('effect.bad-info'),
    fix: [checkProxyMsg('fix.bad-info', { json: '{"Version":"<the requested version>","Time":"<RFC 3339>"}' })],
  },
  'bad-mod': { goEffect: checkProxyMsg('effect.bad-mod'), fix: [checkProxyMsg('fix.bad-mod')] },
  'latest-missing': {
    goEffect: checkProxyMsg('effect.latest-missing'),
    fix: [checkProxyMsg('fix.latest-missing', { json: '{"Version": …, "Time": …}' })],
  },
  'latest-error': { goEffect: checkProxyMsg('effect.latest-error'), fix: [checkProxyMsg('fix.latest-error')] },
  'zip-not-zip': { goEffect: checkProxyMsg('effect.zip-not-zip'), fix: [checkProxyMsg('fix.zip-not-zip')] },
  'zip-prefix': { goEffect: checkProxyMsg('effect.zip-prefix'), fix: [checkProxyMsg('fix.zip-prefix')] },
  'zip-invalid': { goEffect: checkProxyMsg('effect.zip-invalid'), fix: [checkProxyMsg('fix.zip-invalid')] },
  'zip-too-large': { goEffect: checkProxyMsg('effect.zip-too-large'), fix: [checkProxyMsg('fix.zip-too-large')] },
  'case-escaping': { goEffect: checkProxyMsg('effect.case-escaping'), fix: [checkProxyMsg('fix.case-escaping')] },
  'error-text': { goEffect: checkProxyMsg('effect.error-text'), fix: [checkProxyMsg('fix.error-text')] },
  'content-type': { goEffect: checkProxyMsg('effect.content-type'), fix: [checkProxyMsg('fix.content-type')] },
  redirect: { goEffect: checkProxyMsg('effect.redirect'), fix: [checkProxyMsg('fix.redirect')] },
  'hash-mismatch': { goEffect: checkProxyMsg('effect.hash-mismatch'), fix: [checkProxyMsg('fix.hash-mismatch')] },
  'supported-status': {
    goEffect: checkProxyMsg('effect.supported-status'),
    fix: [checkProxyMsg('fix.supported-status')],
    product: { athens: [checkProxyMsg('athens.sumDbs')] },
  },
  'supported-blind': {
    goEffect: checkProxyMsg('effect.supported-blind'),
    fix: [checkProxyMsg('fix.supported-blind')],
    product: { athens: [checkProxyMsg('athens.sumDbs')] },
  },
  'sumdb-unreachable': {
    goEffect: checkProxyMsg('effect.sumdb-unreachable'),
    fix: [checkProxyMsg('fix.sumdb-unreachable')],
    product: { athens: [checkProxyMsg('athens.sumDbsPrivate')] },
  },
  'sumdb-signature': { goEffect: checkProxyMsg('effect.sumdb-signature'), fix: [checkProxyMsg('fix.sumdb-signature')] },
  'sumdb-record': { goEffect: checkProxyMsg('effect.sumdb-record'), fix: [checkProxyMsg('fix.sumdb-record')] },
  'sumdb-inclusion': { goEffect: checkProxyMsg('effect.sumdb-inclusion'), fix: [checkProxyMsg('fix.sumdb-inclusion')] },
  'sumdb-consistency': {
    goEffect: checkProxyMsg('effect.sumdb-consistency'),
    fix: [checkProxyMsg('fix.sumdb-consistency')],
  },
};

/** What Go does and what to change, for a problem on a server of the given kind. */
export function adviceFor(problem: ProblemCode, server: ServerInfo): { goEffect: Message; fix: Message[] } {
  const a = ADVICE[problem];
  const specific = server.product ? (a.product?.[server.product] ?? []) : [];
  return { goEffect: a.goEffect, fix: [...specific, ...a.fix] };
}

/** Recognises the product from response headers (lower-case names). */
export function detectServer(headers: Record<string, string> | undefined): ServerInfo {
  const h = headers ?? {};
  const server = h.server;
  const info: ServerInfo = server ? { header: server } : {};
  const by = (product: ProxyProduct, evidence: string): ServerInfo => ({ ...info, product, evidence });
  if (h['x-artifactory-id'] || h['x-jfrog-version']) return by('artifactory', 'X-Artifactory-Id / X-JFrog-Version');
  if (h['x-gitlab-meta']) return by('gitlab', 'X-Gitlab-Meta');
  if (server) {
    const rules: [RegExp, ProxyProduct][] = [
      [/athens/i, 'athens'],
      [/artifactory/i, 'artifactory'],
      [/nexus/i, 'nexus'],
      [/goproxy/i, 'goproxy'],
      [/google frontend/i, 'google'],
    ];
    const hit = rules.find(([re]) => re.test(server));
    if (hit) return by(hit[1], `Server: ${server}`);
  }
  return info;
}
