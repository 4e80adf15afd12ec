// The GOPRIVATE pattern that covers a failing private module and nothing more than its repository: the repository
// root for the hosts Go knows statically (cmd/go/internal/vcs/vcs.go vcsPaths, and its `.git`/`.hg`/… suffix rule),
// host/owner/repo on hosts shared by many owners, else the host of an intranet server (git.corp.example: all of it is
// private). Never a bare host that serves public modules (GOPRIVATE=github.com sends every GitHub dependency to
// direct VCS and skips the checksum database for them).
import { modulePathHost } from '../hosts.js';
import { PUBLIC_MODULE_HOSTS, SHARED_MODULE_HOSTS } from '../public-hosts.js';

// vcs.go vcsPaths regexps (Go 1.19–1.27 agree on these roots).
const STATIC_ROOTS: readonly RegExp[] = [
  /^(github\.com\/[\w.-]+\/[\w.-]+)(\/[\w.-]+)*$/,
  /^(bitbucket\.org\/[\w.-]+\/[\w.-]+)(\/[\w.-]+)*$/,
  /^(hub\.jazz\.net\/git\/[a-z0-9]+\/[\w.-]+)(\/[\w.-]+)*$/,
  /^(git\.apache\.org\/[a-z0-9_.-]+\.git)(\/[\w.-]+)*$/,
  /^(git\.openstack\.org\/[\w.-]+\/[\w.-]+)(\.git)?(\/[\w.-]+)*$/,
  /^(chiselapp\.com\/user\/[A-Za-z0-9]+\/repository\/[\w.-]+)$/,
  // The generic rule: a path element ending in .git/.hg/… names the repository root.
  /^((?:[a-z0-9.-]+\.)+[a-z0-9.-]+(?::[0-9]+)?(?:\/~?[\w.-]+)+?\.(?:bzr|fossil|git|hg|svn))(\/~?[\w.-]+)*$/,
];

const within = (host: string, list: readonly string[]): boolean =>
  list.some((h) => host === h || host.endsWith(`.${h}`));

/** Whether a GOPRIVATE pattern would be a whole host that serves public modules or many owners. */
export function isTooWidePattern(pattern: string): boolean {
  if (pattern.includes('/')) return false;
  const host = pattern.replace(/^\*\./, '');
  return within(host, PUBLIC_MODULE_HOSTS) || within(host, SHARED_MODULE_HOSTS) || host === '*' || host === '';
}

/** Whether a module path is on a host that serves many owners' repositories (github.com, gitlab.com, …). */
export function isSharedHostPath(modulePath: string): boolean {
  return within(modulePathHost(modulePath), SHARED_MODULE_HOSTS);
}

/** The narrowest pattern that still covers the module's whole repository, or null when none is safe. */
export function privatePrefix(modulePath: string): string | null {
  for (const re of STATIC_ROOTS) {
    const m = re.exec(modulePath);
    if (m) return m[1]!;
  }
  const host = modulePathHost(modulePath);
  const elems = modulePath.split('/');
  if (within(host, SHARED_MODULE_HOSTS) || within(host, PUBLIC_MODULE_HOSTS)) {
    return elems.length >= 3 ? elems.slice(0, 3).join('/') : null;
  }
  return isTooWidePattern(host) ? null : host;
}
