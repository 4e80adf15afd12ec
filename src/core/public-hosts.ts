// The one list of public hosts: module hosts whose paths are public, hosts shared by many owners, and public module
// proxies (a private module path sent to one leaks its name). Used by doctor, tidy, route and the init wizard.
import { modulePathHost, urlHostname } from './hosts.js';

/** Hosts whose modules are public: sending their paths to a public proxy leaks nothing. */
export const PUBLIC_MODULE_HOSTS: readonly string[] = [
  'github.com',
  'golang.org',
  'gopkg.in',
  'go.uber.org',
  'google.golang.org',
  'cloud.google.com',
  'k8s.io',
  'sigs.k8s.io',
  'gitlab.com',
  'bitbucket.org',
  'go.opentelemetry.io',
  'go.etcd.io',
  'gotest.tools',
  'honnef.co',
  'go.mongodb.org',
  'go.opencensus.io',
  'gorm.io',
  'mvdan.cc',
  'filippo.io',
  'modernc.org',
  'rsc.io',
  'cel.dev',
  'buf.build',
  'connectrpc.com',
  'go.starlark.net',
  'go.yaml.in',
  'gonum.org',
  'golang.zx2c4.com',
  'tailscale.com',
  'git.sr.ht',
  'codeberg.org',
  'gitee.com',
  'go4.org',
  'cuelang.org',
  'entgo.io',
  'helm.sh',
  'istio.io',
  'knative.dev',
  'go.temporal.io',
  'gvisor.dev',
  'dario.cat',
  'nhooyr.io',
  'launchpad.net',
  'code.gitea.io',
  'go.elastic.co',
  'go.mozilla.org',
  'storj.io',
  'oras.land',
  'dagger.io',
  'go.bug.st',
  'lukechampine.com',
  'howett.net',
  // More vanity hosts of widely used public modules (a path elsewhere looks private: no public proxy is probed for it).
  'ariga.io',
  'atomicgo.dev',
  'bazil.org',
  'charm.land',
  'fyne.io',
  'gioui.org',
  'go.digitalxero.dev',
  'go.duckdb.org',
  'go.einride.tech',
  'go.jetify.com',
  'go.k6.io',
  'go.mau.fi',
  'go.podman.io',
  'go.step.sm',
  'gocloud.dev',
  'gorgonia.org',
  'gosrc.io',
  'libvirt.org',
  'maragu.dev',
  'maunium.net',
  'mellium.im',
  'miniflux.app',
  'oss.terrastruct.com',
  'pault.ag',
  'periph.io',
  'pgregory.net',
  'riverqueue.com',
  'sigsum.org',
  'tags.cncf.io',
  'tinygo.org',
  'vitess.io',
  'zombiezen.com',
  'inet.af',
  'xorm.io',
  'gitea.com',
  'bou.ke',
  'go.chromium.org',
  'code.cloudfoundry.org',
  'crawshaw.io',
  'dmitri.shuralyov.com',
  '9fans.net',
  'goa.design',
  'gomodules.xyz',
  'kmodules.xyz',
  'aead.dev',
  'zgo.at',
  'moul.io',
  'go.lsp.dev',
  'gobot.io',
  'nanomsg.org',
];

/** Hosts of public module proxies (a private path sent there leaks its name). */
const PUBLIC_PROXY_HOSTS: readonly string[] = [
  'proxy.golang.org',
  'goproxy.cn',
  'goproxy.io',
  'mirrors.aliyun.com',
  'proxy.golang.com.cn',
  'mirrors.tencent.com',
  'goproxy.baidu.com',
  'repo.huaweicloud.com',
  'mirrors.cloud.tencent.com',
  'gocenter.io',
  'athens.azurefd.net',
];

/**
 * Hosts that serve many owners' repositories: a private pattern there must name the owner (github.com/acme), and
 * the host alone says nothing about whether a module is public (dev.azure.com hosts mostly private ones).
 */
export const SHARED_MODULE_HOSTS: readonly string[] = [
  'github.com',
  'gitlab.com',
  'bitbucket.org',
  'gitee.com',
  'codeberg.org',
  'dev.azure.com',
];

const within = (host: string, list: readonly string[]): boolean =>
  list.some((h) => host === h || host.endsWith(`.${h}`));

/** Whether a module path starts with a known public host (or a subdomain of one). */
export function isPublicModulePath(path: string): boolean {
  return within(modulePathHost(path), PUBLIC_MODULE_HOSTS);
}

/** Whether a proxy URL points at a known public proxy. */
export function isPublicProxyUrl(url: string): boolean {
  return within((urlHostname(url) ?? '').toLowerCase(), PUBLIC_PROXY_HOSTS);
}

/** TLDs and labels that mark a host as internal (corp.example.com, git.lan, a single-label name). */
const INTERNAL_HOST = /(^|\.)(corp|internal|intranet|local|lan|intra|private|home|test)(\.|$)|^[^.]+$/;

/** Whether a host name looks internal (a company's own network), by its labels. */
export function isInternalLookingHost(host: string): boolean {
  return INTERNAL_HOST.test(host);
}

/**
 * The GOPRIVATE pattern that covers a module path: host/owner on a host shared by many owners (github.com/acme: the
 * bare host would make every module there private), else the host. null when neither is safe to suggest.
 */
export function privatePatternFor(path: string): string | null {
  const host = modulePathHost(path);
  if (within(host, SHARED_MODULE_HOSTS)) {
    const owner = path.split('/')[1];
    return owner ? `${host}/${owner}` : null;
  }
  return isPublicModulePath(path) ? null : host;
}
