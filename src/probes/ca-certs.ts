// The certificate authorities `go` trusts, so probes fail or succeed exactly where Go would: the locations per OS
// and Go release come from core/tls/go-roots.ts (crypto/x509 root_*.go); this file reads them.
import { readFile, readdir, lstat, readlink } from 'node:fs/promises';
import { join } from 'node:path';
import { goMinorVersion } from '../core/go-version.js';
import { getGoCaLocations } from '../core/tls/go-roots.js';

const PEM_RE = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g;

/** The PEM CERTIFICATE blocks in a file's text (what Go's AppendCertsFromPEM keeps). */
export function extractPemCertificates(text: string): string[] {
  return text.match(PEM_RE) ?? [];
}

/**
 * Loads the roots Go trusts: `ca` for the probes (undefined = Node's bundled roots, for the macOS/Windows verifier)
 * and the human-readable `sources` that were read. An empty `ca` means Go would trust nothing (every TLS probe
 * fails). `goVersion` selects the release's rules (null/undefined: newest).
 */
export async function loadGoTrustedCAs(input: {
  platform: NodeJS.Platform;
  env: Record<string, string | undefined>;
  goVersion?: string | null;
}): Promise<{ ca: string[] | undefined; sources: string[] }> {
  const loc = getGoCaLocations(input);
  if (loc.platformVerifier) return { ca: undefined, sources: [platformVerifierSource(input)] };
  const ca = new Set<string>();
  const sources: string[] = [];
  for (const file of loc.files) {
    const text = await readFile(file, 'utf8').catch(() => null);
    if (text === null) continue;
    for (const c of extractPemCertificates(text)) ca.add(c);
    sources.push(file);
    break;
  }
  for (const dir of loc.dirs) {
    const n = await loadDirectory(dir, ca);
    if (n > 0) sources.push(`${dir} (${n} files)`);
  }
  return { ca: [...ca], sources };
}

function platformVerifierSource(input: {
  platform: NodeJS.Platform;
  env: Record<string, string | undefined>;
  goVersion?: string | null;
}): string {
  const os = input.platform === 'darwin' ? 'macOS' : 'Windows';
  const set = Boolean(input.env.SSL_CERT_FILE || input.env.SSL_CERT_DIR);
  const why = !set
    ? 'SSL_CERT_FILE/SSL_CERT_DIR are not set'
    : (goMinorVersion(input.goVersion) ?? 99) >= 27
      ? 'GODEBUG=x509sslcertoverrideplatform=0 makes Go 1.27+ ignore SSL_CERT_FILE/SSL_CERT_DIR there'
      : 'Go ≤1.26 ignores SSL_CERT_FILE/SSL_CERT_DIR there';
  return `Node's built-in roots, standing in for the ${os} system verifier Go uses (${why})`;
}

/** Reads every file of a cert directory, skipping symlinks into the same directory (readUniqueDirectoryEntries). */
async function loadDirectory(dir: string, ca: Set<string>): Promise<number> {
  const names = await readdir(dir).catch(() => [] as string[]);
  let count = 0;
  for (const name of names) {
    const path = join(dir, name);
    if (await isSameDirSymlink(path)) continue;
    const text = await readFile(path, 'utf8').catch(() => null);
    if (text === null) continue;
    const certs = extractPemCertificates(text);
    for (const c of certs) ca.add(c);
    if (certs.length > 0) count++;
  }
  return count;
}

// Go: a symlink whose target has no "/" points into the same directory (root_unix.go isSameDirSymlink).
async function isSameDirSymlink(path: string): Promise<boolean> {
  const st = await lstat(path).catch(() => null);
  if (!st?.isSymbolicLink()) return false;
  const target = await readlink(path).catch(() => '/');
  return !target.includes('/');
}
