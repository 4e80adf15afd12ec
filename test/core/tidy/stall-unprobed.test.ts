// A stall reported before the watchdog's probe finished (--timeout came first), and a hanging git behind a
// url.<base>.insteadOf rewrite: what the report may say from Go's captured output alone (test/fixtures/tidy).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { classifyText } from '../../helpers/classify-text.js';
import { Timeline } from '../../../src/core/tidy/timeline.js';
import { diagnose, type DiagnoseOptions } from '../../../src/core/tidy/diagnose.js';
import { proxyUrls } from '../../../src/core/goproxy.js';
import { parseGitRewrites, rewriteGitUrl } from '../../../src/core/git-insteadof.js';
import { renderFixes } from '../../../src/report/fix-render.js';
import { type TidySettings, tidySettings } from './model.js';

const DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures', 'tidy');
const TLS = 'https://127.0.0.1:8443';
const LIST = `${TLS}/example.com/hello/@v/list`;

/** Go's output up to the line `upTo` rejects (what Go had printed while it still waited), classified into a timeline. */
function timeline(ver: string, name: string, cfg: TidySettings, upTo: (l: string) => boolean = () => false, as = TLS) {
  const raw = readFileSync(join(DIR, ver, `${name}.txt`), 'utf8');
  const lines = raw.split('\n');
  const end = lines.findIndex(upTo);
  const text = (end < 0 ? lines : lines.slice(0, end)).join('\n').replaceAll('https://127.0.0.1:PORT', as);
  const t = new Timeline(0, { proxyBases: proxyUrls(cfg.proxies) });
  for (const [i, e] of classifyText(text).entries()) t.apply(e, i + 1);
  return t;
}

function problems(t: Timeline, cfg: TidySettings, extra: Partial<DiagnoseOptions> = {}) {
  return diagnose(t, { ...cfg, stalled: true, stalledForMs: 3000, now: 3400, probes: [], ...extra }).map((p) => ({
    ...p,
    message: String(p.message),
    fix: renderFixes(p.fix),
  }));
}

// The TLS handshake never completes (tls-handshake-timeout); the capture's lines before Go's 10 s error are what Go
// had printed while it waited.
const beforeError = (l: string) => /^# get \S+: Get /.test(l);

for (const ver of ['go1.26', 'go1.27']) {
  describe(`${ver}: no probe finished before --timeout`, () => {
    it('https GOPROXY: no "no limit" claim, Go\'s TLS bound, a fix that finds the step (not "never answers")', () => {
      const cfg = tidySettings({ GOPROXY: TLS, GOSUMDB: 'sum.gomodctl.test' }, { goVersion: `${ver}.0` });
      const [p, ...rest] = problems(timeline(ver, 'tls-handshake-timeout', cfg, beforeError), cfg);
      expect(rest).toEqual([]);
      expect(p).toMatchObject({ rule: 'request-hang', cause: 'timeout', url: LIST, module: 'example.com/hello' });
      expect(p!.message).not.toContain('Go sets no limit on a response');
      expect(p!.message).toContain('the TLS handshake after 10 s');
      expect(p!.message).toContain('no probe finished in time');
      const fix = p!.fix.join('\n');
      expect(fix).not.toMatch(/accepts connections and never answers\)|only helps when a proxy errors/);
      expect(fix).toMatch(/^gomodctl check-proxy https:\/\/127\.0\.0\.1:8443 {3}# tells at which step/m);
    });

    it('through HTTPS_PROXY: the proxy named, the CONNECT bound, the module proxy not blamed', () => {
      // Loopback is never proxied (x/net/http/httpproxy useProxy): the module proxy has a name, as in connect-hops.
      const corp = 'https://goproxy.corp.test';
      const cfg = tidySettings(
        { GOPROXY: corp, GOSUMDB: 'sum.gomodctl.test' },
        { goVersion: `${ver}.0`, env: { HTTPS_PROXY: 'http://127.0.0.1:3128' } },
      );
      const [p] = problems(timeline(ver, 'tls-handshake-timeout', cfg, beforeError, corp), cfg);
      expect(p).toMatchObject({ rule: 'request-hang', url: `${corp}/example.com/hello/@v/list` });
      expect(p!.message).toMatch(
        /^Go has had no answer to https:\/\/goproxy\.corp\.test\/example\.com\/hello\/@v\/list/,
      );
      expect(p!.message).toContain('through the proxy http://127.0.0.1:3128 (HTTPS_PROXY)');
      expect(p!.message).toContain('a CONNECT the proxy leaves unanswered after 1 min');
      expect(p!.message).not.toMatch(/sets no limit on a response|the module proxy has not answered/);
      const fix = p!.fix.join('\n');
      expect(fix).not.toMatch(/GOPROXY=|never answers|must leave GOPROXY/);
      expect(fix).toContain('through the proxy http://127.0.0.1:3128 (HTTPS_PROXY)');
    });

    it('a password in GOPROXY: the note alone, never a command holding it redacted', () => {
      const cfg = tidySettings({ GOPROXY: 'https://bob:s3cret@127.0.0.1:8443' }, { goVersion: `${ver}.0` });
      const t = new Timeline(0, { proxyBases: proxyUrls(cfg.proxies) });
      const raw = readFileSync(join(DIR, ver, 'tls-handshake-timeout.txt'), 'utf8').split('\n');
      const text = raw.slice(0, raw.findIndex(beforeError)).join('\n');
      for (const [i, e] of classifyText(
        text.replaceAll('https://127.0.0.1:PORT', 'https://bob:xxxxx@127.0.0.1:8443'),
      ).entries())
        t.apply(e, i + 1);
      const [p] = problems(t, cfg);
      expect(p!.fix.join('\n')).not.toMatch(/s3cret|gomodctl check-proxy/);
    });
  });
}

it('go1.19 (no -x), no probe of the route in time: said so, and no silent GOPROXY entry claimed', () => {
  const cfg = tidySettings({ GOPROXY: TLS, GOSUMDB: 'sum.gomodctl.test' }, { goVersion: 'go1.19.8' });
  const [p, ...rest] = problems(timeline('go1.19', 'blackhole', cfg), cfg);
  expect(rest).toEqual([]);
  expect(p).toMatchObject({ rule: 'silent-stall', cause: 'timeout', module: 'example.com/hello' });
  expect(p!.message).toContain('no probe of the URLs Go would request for it finished in time');
  expect(p!.fix).toEqual([
    'gomodctl doctor   # probes every GOPROXY entry (through HTTPS_PROXY when one applies) and names the one that stalls',
  ]);
});

describe("git-hang: the server git is stuck on after git's url.<base>.insteadOf", () => {
  const rewrites = parseGitRewrites(
    'url.http://127.0.0.1:8080/blackhole/github.com/private/.insteadof https://github.com/private/\n',
  );
  const REAL = 'http://127.0.0.1:8080/blackhole/github.com/private/repo';

  it('git-config(1): the longest matching prefix wins; no match keeps the URL', () => {
    const two = parseGitRewrites(
      'url.https://a/.insteadof https://github.com/\nurl.https://b/.insteadOf https://github.com/x/\n',
    );
    expect(rewriteGitUrl('https://github.com/x/y', two)).toBe('https://b/y');
    expect(rewriteGitUrl('https://github.com/z/y', two)).toBe('https://a/z/y');
    expect(rewriteGitUrl('https://gitlab.com/z/y', two)).toBe('https://gitlab.com/z/y');
  });

  for (const ver of ['go1.26', 'go1.27']) {
    it(`${ver}: url and host are the rewritten server, git's command kept`, () => {
      const cfg = tidySettings({ GOPROXY: 'http://127.0.0.1:8080', GOPRIVATE: 'github.com/private' });
      const [p] = problems(timeline(ver, 'git-hang', cfg), cfg, { gitRewrites: rewrites });
      expect(p).toMatchObject({ rule: 'vcs-hang', phase: 'direct', url: REAL, host: '127.0.0.1:8080' });
      expect(p!.message).toContain('`git ls-remote -q --end-of-options https://github.com/private/repo`');
      expect(p!.message).toContain(`sends https://github.com/private/repo to ${REAL}`);
      expect(p!.fix[0]).toMatch(/^# check the network route to 127\.0\.0\.1:8080, where git's url/);
      expect(p!.fix.join('\n')).not.toContain('route to github.com');
    });
  }

  it('go1.19 (no -x): "git for <module> has not finished", the real host, no GOPROXY advice', () => {
    const cfg = tidySettings(
      { GOPROXY: 'http://127.0.0.1:8080', GOPRIVATE: 'github.com/private' },
      { goVersion: 'go1.19.8' },
    );
    const [p, ...rest] = problems(timeline('go1.19', 'git-hang', cfg), cfg, { gitRewrites: rewrites });
    expect(rest).toEqual([]);
    expect(p).toMatchObject({ rule: 'vcs-hang', cause: 'timeout', phase: 'direct', module: 'github.com/private/repo' });
    expect(p).toMatchObject({ url: REAL, host: '127.0.0.1:8080' });
    expect(p!.message).toMatch(/^git for github\.com\/private\/repo has not finished for 3\.0s/);
    expect(p!.message).toContain('matches GOPRIVATE');
    expect(p!.fix.join('\n')).not.toMatch(/GOPROXY|gomodctl doctor/);
    // Without a rewrite: the repository Go hands git (vcs.go vcsPaths: github.com).
    const [q] = problems(timeline('go1.19', 'git-hang', cfg), cfg);
    expect(q).toMatchObject({ url: 'https://github.com/private/repo', host: 'github.com' });
  });

  it.each(['go1.19', 'go1.26'])(
    '%s: a token in the rewrite (url.https://TOKEN@host/.insteadOf) is never shown',
    (ver) => {
      const withToken = parseGitRewrites(
        'url.https://ghp_s3cr3tT0ken@git.corp.test/mirror/.insteadof https://github.com/private/\n' +
          'url.https://oauth2:s3cr3t@git.corp.test/mirror/.insteadof https://github.com/private/x\n',
      );
      const cfg = tidySettings({ GOPROXY: 'http://127.0.0.1:8080', GOPRIVATE: 'github.com/private' });
      const [p] = problems(timeline(ver, 'git-hang', cfg), cfg, { gitRewrites: withToken });
      expect(p).toMatchObject({ url: 'https://xxxxx@git.corp.test/mirror/repo', host: 'git.corp.test' });
      const all = JSON.stringify(p) + String(p!.message) + p!.fix.join('\n');
      expect(all).not.toContain('ghp_s3cr3tT0ken');
      expect(all).not.toContain('s3cr3t');
    },
  );
});

// Ended by --timeout before --stall (a loaded machine: go printed its requests late). Go looks a package up at every
// prefix of its path at once (modload/query.go queryPrefixModules): both lists hang, the watchdog's probes come back
// in whichever order they finished, and the report names the request for the module Go waits on.
describe('go1.26 blackhole, --timeout before --stall: the requests Go printed, the most specific named', () => {
  const BASE = 'http://127.0.0.1:8080/blackhole';
  const LIST = `${BASE}/example.com/hello/@v/list`;
  const PARENT = `${BASE}/example.com/@v/list`;
  const cfg = tidySettings({ GOPROXY: BASE, GOSUMDB: 'off' }, { goVersion: 'go1.26.8' });
  const bh = () => {
    const text = readFileSync(join(DIR, 'go1.26', 'blackhole.txt'), 'utf8').replaceAll(
      'http://127.0.0.1:PORT',
      BASE.replace('/blackhole', ''),
    );
    const t = new Timeline(0, { proxyBases: proxyUrls(cfg.proxies) });
    for (const [i, e] of classifyText(text).entries()) t.apply(e, i + 1);
    return t;
  };
  const timedOut = (url: string) => ({ url, ok: false, cause: 'timeout', phase: 'response', message: 'no response' });

  it.each([
    ['the parent probed first', [PARENT, LIST]],
    ['the module probed first', [LIST, PARENT]],
  ])('%s', (_, urls) => {
    const [p, ...rest] = problems(bh(), cfg, { stallMs: 10_000, probes: urls.map(timedOut) });
    expect(rest).toEqual([]);
    expect(p).toMatchObject({ rule: 'request-hang', cause: 'timeout', module: 'example.com/hello', url: LIST });
    expect(p!.message).toContain('probe: no response');
  });

  it('no probe finished: the same request, and the report says so', () => {
    const [p, ...rest] = problems(bh(), cfg, { stallMs: 10_000 });
    expect(rest).toEqual([]);
    expect(p).toMatchObject({ rule: 'request-hang', module: 'example.com/hello', url: LIST });
    expect(p!.message).toContain('no probe finished in time');
  });

  it('requests that answered when probed are not blamed (cut short, not hung)', () => {
    const probes = [LIST, PARENT].map((url) => ({ url, ok: true, status: 200 }));
    const [p] = problems(bh(), cfg, { stallMs: 10_000, probes });
    expect(p).not.toMatchObject({ rule: 'request-hang' });
  });

  it('requests younger than a second when --timeout came are not blamed', () => {
    const [p] = problems(bh(), cfg, { stallMs: 10_000, now: 800, stalledForMs: 797 });
    expect(p).not.toMatchObject({ rule: 'request-hang' });
  });
});
