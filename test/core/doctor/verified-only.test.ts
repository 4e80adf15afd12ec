// Issue 13: the network checks keep their findings and what only a person can do; their route changes leave (the
// verified list is their one place); lint findings keep every fix.
import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../../../src/core/doctor/check.js';
import { withoutUnverifiedRouteFixes } from '../../../src/core/doctor/verified-only.js';
import { proxyFixes } from '../../../src/core/doctor/checks/probe-fixes.js';
import { appendFix, commandFix, commentFix, setFix, unsetFix } from '../../../src/core/fix/fix.js';

const result = (id: string, group: string, fix: CheckResult['fix'], extra: Partial<CheckResult> = {}): CheckResult => ({
  id,
  group,
  title: id,
  status: 'fail',
  message: 'm',
  ...(fix ? { fix } : {}),
  ...extra,
});

describe('withoutUnverifiedRouteFixes', () => {
  it('drops route settings of network checks, keeps comments, CA files, placeholder credentials and git rewrites', () => {
    const out = withoutUnverifiedRouteFixes([
      result('proxy.0', 'proxy', [
        commentFix('127.0.0.1:9 cannot be reached'),
        setFix(null, 'GOPROXY', 'https://goproxy.cn|https://proxy.golang.org,direct'),
        setFix(null, 'SSL_CERT_FILE', '/path/to/corporate-ca.pem'),
        setFix(null, 'HTTPS_PROXY', 'http://USER:xxxxx@127.0.0.1:3128'),
        appendFix('NO_PROXY', 'goproxy.corp.test'),
      ]),
      result('sumdb', 'sumdb', [setFix(null, 'GOSUMDB', 'sum.golang.google.cn')]),
      result('private.git.corp', 'private', [
        commandFix(['git', 'config', '--global', 'url.ssh://git@git.corp/.insteadOf', 'https://git.corp/']),
        commandFix(['go', 'env', '-w', 'GOPRIVATE=git.corp']),
      ]),
      result('deps', 'deps', [{ ...setFix(null, 'GOPRIVATE', 'git.corp'), verifiedBy: ['probe'] }]),
    ]);
    expect(
      out.map((r) =>
        r.fix?.map((f) => (f.kind === 'command' ? f.argv.join(' ') : f.kind === 'comment' ? f.note : f.variable)),
      ),
    ).toEqual([
      ['127.0.0.1:9 cannot be reached', 'SSL_CERT_FILE', 'HTTPS_PROXY'],
      undefined,
      ['git config --global url.ssh://git@git.corp/.insteadOf https://git.corp/'],
      ['GOPRIVATE'],
    ]);
    expect(out[1]).not.toHaveProperty('fix');
  });

  it('keeps config findings and a toolchain switch that a setting forbids; drops the probed toolchain download', () => {
    const lint = result('config.gosumdb-off', 'config', [unsetFix(null, 'GOSUMDB'), setFix(null, 'GONOSUMDB', 'x')]);
    const forbidden = result('go.toolchain', 'go', [setFix(null, 'GOTOOLCHAIN', 'auto')]);
    const download = result('go.toolchain', 'go', [setFix(null, 'GOTOOLCHAIN', 'local'), commentFix('or install')], {
      timings: { totalMs: 3 },
    });
    const out = withoutUnverifiedRouteFixes([lint, forbidden, download]);
    expect(out).toEqual([lint, forbidden, { ...download, fix: [commentFix('or install')] }]);
  });
});

describe('proxyFixes: no .netrc login advice for a public proxy (it takes no credentials)', () => {
  const answer = (url: string) => ({ url, ok: false, cause: 'auth', status: 403, timings: { totalMs: 1 } }) as const;
  it('a 403 from proxy.golang.org gets none; an intranet proxy gets it', () => {
    const notes = (url: string) =>
      proxyFixes(answer(url), [{ kind: 'url', url, fallBackOnError: false }], 0, 'linux').flatMap((f) =>
        f.kind === 'comment' ? [f.note] : [],
      );
    expect(notes('https://proxy.golang.org').join('\n')).not.toContain('.netrc');
    expect(notes('https://goproxy.corp.test').join('\n')).toContain('machine goproxy.corp.test');
  });
});

describe('proxyFixes: the login advice is only where Go sends credentials (web/http.go: https only)', () => {
  const answer = (url: string) => ({ url, ok: false, cause: 'auth', status: 401, timings: { totalMs: 1 } }) as const;
  const notes = (url: string) =>
    proxyFixes(answer(url), [{ kind: 'url', url, fallBackOnError: false }], 0, 'linux').flatMap((f) =>
      f.kind === 'comment' ? [String(f.note)] : [],
    );
  it('an http:// proxy gets no .netrc line, but says Go sends nothing over http', () => {
    const text = notes('http://goproxy.corp.test:8080').join('\n');
    expect(text).not.toContain('machine ');
    expect(text).toContain('Go sends no credentials to an http:// GOPROXY');
  });
  it('an https proxy with a port: the machine name Go matches (host:port from Go 1.21, without a model: the newest)', () => {
    expect(notes('https://goproxy.corp.test:8443').join('\n')).toContain('machine goproxy.corp.test:8443 login');
  });
});
