// For each named non-conformance: what `go` does because of it (from cmd/go's source: web/http.go, modfetch/proxy.go
// TryProxies, modfetch/sumdb.go initBase, modfetch/fetch.go, x/mod/sumdb/client.go), and what to change on the
// server — with the product's own setting where the product is known and the setting is documented. Data only.
import type { ProblemCode, ProxyProduct, ServerInfo } from './types.js';

interface Advice {
  goEffect: string;
  fix: string[];
  /** Product-specific settings, shown first when the server is recognised. */
  product?: Partial<Record<ProxyProduct, string[]>>;
}

const FALL_THROUGH =
  'With GOPROXY="<this>,<next>" Go moves on to the next entry (or direct) only on 404 or 410; on any other answer it stops and the command fails ("|" instead of "," moves on after any error).';

const ATHENS_UPSTREAM = [
  'Athens fetches what it has not cached with `go mod download`: check ATHENS_GO_BINARY_ENV_VARS (e.g. GOPROXY=https://proxy.golang.org,direct), ATHENS_NETWORK_MODE and ATHENS_DOWNLOAD_MODE',
];

const ADVICE: Record<ProblemCode, Advice> = {
  unreachable: {
    goEffect: 'Every download that is not in the module cache fails, or waits: go has no overall timeout.',
    fix: ['make the proxy reachable from the clients (DNS, firewall, HTTPS_PROXY), then run check-proxy again'],
  },
  'tls-unknown-authority': {
    goEffect: 'go fails with "x509: certificate signed by unknown authority".',
    fix: [
      'serve a certificate from a CA the clients trust, or install the CA on the clients (SSL_CERT_FILE / SSL_CERT_DIR on Linux)',
    ],
  },
  'tls-chain-incomplete': {
    goEffect:
      'go fails with "x509: certificate signed by unknown authority": on Linux Go does not fetch missing intermediate certificates (browsers do, so the proxy looks fine in a browser).',
    fix: [
      'configure the server to send the whole chain: its certificate followed by the intermediates (a "fullchain" file)',
    ],
    product: { athens: ['ATHENS_TLSCERT_FILE must hold the certificate followed by its intermediates'] },
  },
  'tls-name-mismatch': {
    goEffect: 'go fails with "x509: certificate is valid for …, not <host>".',
    fix: ['serve a certificate whose subjectAltName covers the host name clients use in GOPROXY'],
  },
  'tls-expired': {
    goEffect: 'go fails with "x509: certificate has expired or is not yet valid".',
    fix: ['renew the certificate (and check the server clock)'],
  },
  'tls-expires-soon': {
    goEffect: 'Nothing yet; once it expires every download fails.',
    fix: ['renew the certificate before it expires'],
  },
  'auth-over-http': {
    goEffect:
      'Go never sends credentials over plain http: .netrc (and GOAUTH) credentials go only to https URLs, and a GOPROXY URL with user:password over http is refused ("refusing to pass credentials to insecure URL"), so every request gets 401.',
    fix: ['serve the proxy over https, or allow anonymous read access over http'],
    product: { athens: ['Athens serves https with ATHENS_TLSCERT_FILE and ATHENS_TLSKEY_FILE'] },
  },
  'auth-required': {
    goEffect:
      'go sends credentials only over https: from .netrc ($NETRC) for this host, GOAUTH (Go ≥ 1.24), or user:password in the GOPROXY URL; without them every request fails with 401.',
    fix: ['on each client: add "machine <host> login <user> password <token>" to ~/.netrc, or allow anonymous reads'],
  },
  'auth-rejected': {
    goEffect: 'The credentials go would send are refused: every download fails with 401/403.',
    fix: ['check the .netrc entry for this host (login and token) and the account permissions on the proxy'],
  },
  'auth-no-challenge': {
    goEffect: 'GOAUTH (Go ≥ 1.24) gets no WWW-Authenticate challenge to act on; .netrc still works.',
    fix: ['answer 401 with a WWW-Authenticate header (e.g. Basic realm="go")'],
  },
  concurrency: {
    goEffect: 'go downloads modules in parallel: downloads fail at random under load.',
    fix: ["raise the proxy's connection / rate limits for module downloads"],
  },
  slow: {
    goEffect: 'go waits without saying why (no timeout); `go mod tidy` looks hung.',
    fix: ['check how the proxy reaches its upstream (cache, upstream URL, egress)'],
    product: { athens: ATHENS_UPSTREAM },
  },
  'missing-status': {
    goEffect: `A missing module or version is an error, not "not found". ${FALL_THROUGH}`,
    fix: ['answer 404 (or 410) with a text/plain reason for modules and versions the proxy does not have'],
  },
  'html-200': {
    goEffect: `Go takes the HTML page as the answer (.info is "invalid response from proxy", a zip "not a valid zip file") and never falls through. ${FALL_THROUGH}`,
    fix: [
      'answer 404 with a text/plain body instead of an HTML page with status 200 (check login/error pages in front of the proxy)',
    ],
  },
  'missing-200': {
    goEffect: `Go takes the answer as the module's data, so it never falls through. ${FALL_THROUGH}`,
    fix: ['answer 404 or 410 for modules and versions the proxy does not have'],
  },
  'not-served': {
    goEffect: 'Go falls through to the next GOPROXY entry; with none left the download fails with "not found".',
    fix: ['let the proxy fetch public modules from its upstream (or from the origin)'],
    product: { athens: ATHENS_UPSTREAM },
  },
  'bad-status': {
    goEffect: `The download fails. ${FALL_THROUGH}`,
    fix: [
      'make the proxy answer 200 with the data for modules it serves, 404 or 410 for those it does not (a 5xx usually means its own upstream fetch failed: the request above, replayed with curl against the proxy, shows the error it logs)',
    ],
  },
  'bad-list': {
    goEffect: 'Lines that are not versions are ignored: go sees no versions ("no matching versions").',
    fix: ['answer @v/list with one version per line, text/plain'],
  },
  'bad-info': {
    goEffect:
      'go fails with "invalid response from proxy" (or "proxy returned info for version … instead of requested version").',
    fix: ['answer .info with {"Version":"<the requested version>","Time":"<RFC 3339>"}'],
  },
  'bad-mod': {
    goEffect: 'go rejects the go.mod: its module line must name the requested module path.',
    fix: [
      'serve the module\'s go.mod as it is in the module (a synthesized "module <path>" line for +incompatible versions)',
    ],
  },
  'latest-missing': {
    goEffect: '@latest is optional: go falls back to @v/list, which only works for tagged versions.',
    fix: ['serve @latest as JSON {"Version": …, "Time": …} for modules without tags'],
  },
  'latest-error': {
    goEffect: 'go stops: only 404 or 410 on @latest make it fall back to @v/list.',
    fix: ['answer @latest with 200 JSON, or 404/410'],
  },
  'zip-not-zip': {
    goEffect: 'go fails with "zip: not a valid zip file".',
    fix: ['serve the module zip itself (check for error pages or truncated downloads)'],
  },
  'zip-prefix': {
    goEffect: 'go fails with "zip for <module>@<version> has unexpected file …" before even hashing it.',
    fix: ['serve zips created as Go creates them (golang.org/x/mod/zip): every file under "<module>@<version>/"'],
  },
  'zip-invalid': {
    goEffect: 'go refuses to extract the zip (unzip: …) with the error shown.',
    fix: ['serve zips created as Go creates them (golang.org/x/mod/zip)'],
  },
  'zip-too-large': {
    goEffect: 'go fails with "downloaded zip file too large" (the limit is 500 MiB).',
    fix: ['module zips are limited to 500 MiB by Go; nothing on the server can change that'],
  },
  'case-escaping': {
    goEffect:
      'Go writes upper case in paths as "!" + lower case (github.com/!burnt!sushi/toml); this proxy does not decode it, so every module with upper case in its path fails.',
    fix: ['decode "!x" as "X" in module paths and versions (golang.org/x/mod/module UnescapePath)'],
  },
  'error-text': {
    goEffect: 'go prints only the status line; it shows the reason only when the body is text/plain.',
    fix: ['answer errors with a short text/plain body saying why'],
  },
  'content-type': {
    goEffect: 'go ignores Content-Type on 200 answers, but gateways and caches in between may not.',
    fix: ['serve .info/@latest as application/json, list/.mod as text/plain, .zip as application/zip'],
  },
  redirect: {
    goEffect:
      'go follows at most 10 redirects and never from https to http ("redirected from secure URL … to insecure URL").',
    fix: ['redirect only to https URLs, and at most a few times'],
  },
  'hash-mismatch': {
    goEffect:
      'go stops with "verifying <module>: checksum mismatch … SECURITY ERROR: This download does NOT match the one reported by the checksum server."',
    fix: [
      "the proxy serves different bytes than the module's origin: remove the cached copy from the proxy's storage so it fetches it again, and find out who changed it",
    ],
  },
  'supported-status': {
    goEffect:
      'go treats the checksum database as unavailable: after "," it stops (neither the next entry nor the database directly is tried); only after "|" does it try the next entry.',
    fix: ['answer /sumdb/<name>/supported with 200 for databases the proxy serves, 404 for the others'],
    product: { athens: ['Athens serves the databases listed in ATHENS_SUM_DBS (default https://sum.golang.org)'] },
  },
  'supported-blind': {
    goEffect:
      'For a GOSUMDB the proxy does not serve (a private database, or a mirror), go sends every lookup to the proxy instead of the database and verification fails.',
    fix: ['answer /sumdb/<name>/supported with 404 for databases the proxy does not serve'],
    product: { athens: ['Athens serves the databases listed in ATHENS_SUM_DBS (default https://sum.golang.org)'] },
  },
  'sumdb-unreachable': {
    goEffect: 'go cannot verify new downloads: "verifying module: …" and the command fails.',
    fix: ['let the proxy reach the checksum database, or set GOSUMDB to a mirror the clients can reach'],
    product: {
      athens: [
        'Athens serves the databases listed in ATHENS_SUM_DBS; private modules belong in ATHENS_GONOSUM_PATTERNS',
      ],
    },
  },
  'sumdb-signature': {
    goEffect: 'go rejects the answer ("reading tree note: … invalid signature" or "no verifiable signatures").',
    fix: ['the checksum database answers must pass through unmodified; check the GOSUMDB key'],
  },
  'sumdb-record': {
    goEffect:
      'go rejects the lookup ("malformed record data" or "cannot authenticate record data in server response").',
    fix: ['the checksum database answers must pass through unmodified'],
  },
  'sumdb-inclusion': {
    goEffect:
      'go rejects the lookup: the record is not proven to be in the signed tree ("downloaded inconsistent tile").',
    fix: ['proxy /sumdb/<name>/tile/… and /lookup/… of the same database, unmodified'],
  },
  'sumdb-consistency': {
    goEffect: 'go stops with "SECURITY ERROR go.sum database server misbehavior detected!".',
    fix: ['the proxy serves tree heads of different logs: serve one database, unmodified'],
  },
};

/** What Go does and what to change, for a problem on a server of the given kind. */
export function adviceFor(problem: ProblemCode, server: ServerInfo): { goEffect: string; fix: string[] } {
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
