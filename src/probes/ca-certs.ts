// The certificate authorities `go` trusts, so probes fail or succeed exactly where Go would
// (crypto/x509/root_unix.go loadSystemRoots, root_linux.go certFiles/certDirectories;
// docs/go-rules.md#the-network-as-go-sees-it).
import { readFile, readdir, lstat, readlink } from 'node:fs/promises';
import { join } from 'node:path';

/** Where Go looks for roots on this platform: candidate bundle files (first readable wins) and directories. */
export interface GoCaLocations {
  /** True when Go uses the OS verifier (darwin, win32 up to Go 1.26): we fall back to Node's default roots. */
  platformVerifier: boolean;
  files: string[];
  dirs: string[];
  /** Which environment variable replaced which list, for the `sources` explanation. */
  overriddenBy: string[];
}

/** Go's certFiles for Linux (root_linux.go), in order; the first readable one is used. */
export const LINUX_CERT_FILES = [
  '/etc/ssl/certs/ca-certificates.crt',
  '/etc/pki/tls/certs/ca-bundle.crt',
  '/etc/ssl/ca-bundle.pem',
  '/etc/pki/tls/cacert.pem',
  '/etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem',
  '/etc/ssl/cert.pem',
];

/** Go's certDirectories for Linux (root_linux.go). */
export const LINUX_CERT_DIRS = ['/etc/ssl/certs', '/etc/pki/tls/certs'];

/**
 * Pure per-OS rule: on Linux (and other Unix, approximated with Linux's lists) SSL_CERT_FILE replaces the bundle
 * list and SSL_CERT_DIR (colon-separated) replaces the directory list, independently. darwin and win32 use the
 * OS verifier, which Go ≤1.26 does not let SSL_CERT_* override (1.27 does; not modelled here).
 */
export function getGoCaLocations(input: {
  platform: NodeJS.Platform;
  env: Record<string, string | undefined>;
}): GoCaLocations {
  if (input.platform === 'darwin' || input.platform === 'win32') {
    return { platformVerifier: true, files: [], dirs: [], overriddenBy: [] };
  }
  const overriddenBy: string[] = [];
  let files = LINUX_CERT_FILES;
  let dirs = LINUX_CERT_DIRS;
  if (input.env.SSL_CERT_FILE) {
    files = [input.env.SSL_CERT_FILE];
    overriddenBy.push('SSL_CERT_FILE');
  }
  if (input.env.SSL_CERT_DIR) {
    dirs = input.env.SSL_CERT_DIR.split(':');
    overriddenBy.push('SSL_CERT_DIR');
  }
  return { platformVerifier: false, files, dirs, overriddenBy };
}

const PEM_RE = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g;

/** The PEM CERTIFICATE blocks in a file's text (what Go's AppendCertsFromPEM keeps). */
export function extractPemCertificates(text: string): string[] {
  return text.match(PEM_RE) ?? [];
}

/**
 * Loads the roots Go trusts: `ca` for undici/tls (undefined = Node's defaults, used on darwin/win32) and the
 * human-readable `sources` that were read. An empty `ca` means Go would trust nothing (every TLS probe fails).
 */
export async function loadGoTrustedCAs(input: {
  platform: NodeJS.Platform;
  env: Record<string, string | undefined>;
}): Promise<{ ca: string[] | undefined; sources: string[] }> {
  const loc = getGoCaLocations(input);
  if (loc.platformVerifier) {
    return {
      ca: undefined,
      sources: [
        `Node's built-in roots (Go ≤1.26 uses the ${input.platform === 'darwin' ? 'macOS' : 'Windows'} system verifier and ignores SSL_CERT_FILE/SSL_CERT_DIR there)`,
      ],
    };
  }
  const ca = new Set<string>();
  const sources: string[] = [];
  for (const file of loc.files) {
    const text = await readFile(file, 'utf8').catch(() => null);
    if (text === null) continue;
    extractPemCertificates(text).forEach((c) => ca.add(c));
    sources.push(file);
    break;
  }
  for (const dir of loc.dirs) {
    const n = await loadDirectory(dir, ca);
    if (n > 0) sources.push(`${dir} (${n} files)`);
  }
  return { ca: [...ca], sources };
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
    certs.forEach((c) => ca.add(c));
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
