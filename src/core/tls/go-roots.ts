// Where the running Go looks for its trusted roots, per OS and release: crypto/x509 root_linux.go, root_bsd.go,
// root_solaris.go, root_aix.go (certFiles, certDirectories), root_unix.go loadSystemRoots (Go ≤ 1.26) and root.go
// loadSystemRoots/loadOnDiskRoots (Go 1.27, which also lets SSL_CERT_FILE/SSL_CERT_DIR replace the macOS and
// Windows verifiers unless GODEBUG=x509sslcertoverrideplatform=0).
import { effectiveGodebug } from '../godebug.js';
import { goMinorVersion } from '../go-version.js';

/** Where Go looks for roots on this platform: candidate bundle files (first readable wins) and directories. */
interface GoCaLocations {
  /** True when Go uses the OS verifier (macOS, Windows): we fall back to Node's bundled roots. */
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

/** Go's certDirectories for Linux (root_linux.go); Go ≤ 1.21 also reads Android's directory everywhere. */
export const LINUX_CERT_DIRS = ['/etc/ssl/certs', '/etc/pki/tls/certs'];
const ANDROID_DIR_UNTIL_121 = '/system/etc/security/cacerts';

const UNIX_LISTS: Partial<Record<NodeJS.Platform, { files: string[]; dirs: string[] }>> = {
  freebsd: {
    files: [
      '/usr/local/etc/ssl/cert.pem',
      '/etc/ssl/cert.pem',
      '/usr/local/share/certs/ca-root-nss.crt',
      '/etc/openssl/certs/ca-certificates.crt',
    ],
    dirs: ['/etc/ssl/certs', '/usr/local/share/certs', '/etc/openssl/certs'],
  },
  sunos: {
    files: ['/etc/certs/ca-certificates.crt', '/etc/ssl/certs/ca-certificates.crt', '/etc/ssl/cacert.pem'],
    dirs: ['/etc/certs/CA'],
  },
  aix: { files: ['/var/ssl/certs/ca-bundle.crt'], dirs: ['/var/ssl/certs'] },
};
UNIX_LISTS.openbsd = UNIX_LISTS.freebsd; // root_bsd.go serves all the BSDs
UNIX_LISTS.netbsd = UNIX_LISTS.freebsd;

/**
 * The rule for `platform` and `goVersion` (null/undefined: newest): on Unix SSL_CERT_FILE replaces the file list
 * and SSL_CERT_DIR (":"-separated) the directory list, independently. macOS and Windows use the OS verifier, which
 * Go ≤ 1.26 does not let SSL_CERT_* override; from 1.27 either variable switches to those files alone.
 */
export function getGoCaLocations(input: {
  platform: NodeJS.Platform;
  env: Record<string, string | undefined>;
  goVersion?: string | null;
}): GoCaLocations {
  const minor = goMinorVersion(input.goVersion) ?? 99;
  const file = input.env.SSL_CERT_FILE ?? '';
  const dir = input.env.SSL_CERT_DIR ?? '';
  const platformOs = input.platform === 'darwin' || input.platform === 'win32';
  if (platformOs) {
    const override = minor >= 27 && (file !== '' || dir !== '');
    const optOut = effectiveGodebug(input.env.GODEBUG, input.goVersion).get('x509sslcertoverrideplatform') === '0';
    if (!override || optOut) return { platformVerifier: true, files: [], dirs: [], overriddenBy: [] };
  }
  const lists = platformOs ? { files: [], dirs: [] } : (UNIX_LISTS[input.platform] ?? linuxLists(minor));
  const overriddenBy: string[] = [];
  let files = lists.files;
  let dirs = lists.dirs;
  if (file !== '') {
    files = [file];
    overriddenBy.push('SSL_CERT_FILE');
  }
  if (dir !== '') {
    dirs = dir.split(input.platform === 'win32' ? ';' : ':'); // filepath.SplitList
    overriddenBy.push('SSL_CERT_DIR');
  }
  return { platformVerifier: false, files, dirs, overriddenBy };
}

function linuxLists(minor: number): { files: string[]; dirs: string[] } {
  return { files: LINUX_CERT_FILES, dirs: minor <= 21 ? [...LINUX_CERT_DIRS, ANDROID_DIR_UNTIL_121] : LINUX_CERT_DIRS };
}
