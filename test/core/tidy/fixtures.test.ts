// Table tests on stderr captured from REAL `go mod tidy -v [-x]` runs (test/fixtures/tidy/go1.NN, see capture.test.ts).
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { classifyText } from '../../helpers/classify-text.js';
import { Timeline } from '../../../src/core/tidy/timeline.js';
import { diagnose } from '../../../src/core/tidy/diagnose.js';
import { buildTidyReport } from '../../../src/core/tidy/report-model.js';
import { renderFixes } from '../../../src/report/fix-render.js';
import { tidySettings } from './model.js';
import { sumdbSettingsOf } from '../../../src/core/needs/fetch-rules.js';

const DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures', 'tidy');

/**
 * Expected diagnosis per scenario: the rule ids of every problem in order (core/tidy/rules.ts RULES or a diagnosis
 * of core/tidy/diagnose.ts), the first problem's cause and phase, and what it must name. `untracedRules`: what Go
 * < 1.21 leaves to diagnose without its -x trace, where that differs.
 */
const EXPECT: Record<
  string,
  {
    rules: string[];
    untracedRules?: string[];
    /** Rule ids where a Go version prints something else (go1.19 cannot read a toolchain line). */
    rulesOf?: Record<string, string[]>;
    /** What download-watch saw in the module cache for a zip when the capture ended (e2e/download-watch.test.ts). */
    /** What the module cache showed (download-watch): a partial temp file, unless `state` says otherwise. */
    cached?: { module: string; version: string; bytes: number; state?: 'partial' | 'received'; lookupCached?: boolean };
    cause?: string;
    phase?: string;
    module?: string;
    urlHas?: string;
    host?: string;
    leak?: boolean;
  }
> = {
  healthy: { rules: [] },
  drip: { rules: [] },
  blackhole: {
    rules: ['request-hang'],
    cause: 'timeout',
    module: 'example.com/hello',
    urlHas: '/blackhole/example.com/hello/@v/list',
  },
  'stall-zip': {
    rules: ['request-hang'],
    untracedRules: ['request-hang'], // Go 1.19: `go: downloading` and no byte: the route's zip URL hangs
    cause: 'timeout',
    module: 'example.com/hello',
    urlHas: '/example.com/hello/@v/v1.1.0.zip',
  },
  'sumdb-blackhole': { rules: ['request-hang'], cause: 'timeout', urlHas: '/lookup/example.com/hello@v1.1.0' },
  'sumdb-blackhole-required': {
    rules: ['request-hang'],
    // The whole zip waits in its temp file while Go asks the database (download-watch `received`): Go 1.19 prints
    // nothing more, and what hangs is the route's lookup, probed (test/e2e/tidy.test.ts).
    cached: { module: 'example.com/hello', version: 'v1.1.0', bytes: 491, state: 'received' },
    cause: 'timeout',
    module: 'example.com/hello',
    urlHas: '/lookup/example.com/hello@v1.1.0',
  },
  'proxy-dns': {
    rules: ['proxy-network'],
    cause: 'dns',
    phase: 'proxy',
    host: 'proxy.gomodctl.invalid',
    module: 'example.com/hello',
  },
  'sumdb-dns': {
    rules: ['sumdb-unreachable'],
    cause: 'dns',
    phase: 'sumdb',
    host: 'sumdb.gomodctl.invalid',
    module: 'example.com/hello',
  },
  refused: { rules: ['proxy-network'], cause: 'refused', phase: 'proxy', module: 'example.com/hello' },
  reset: { rules: ['proxy-network'], cause: 'reset', phase: 'proxy', module: 'example.com/hello' },
  'status-404': {
    rules: ['not-found', 'private-leak'],
    cause: 'not-found',
    module: 'example.com/hello',
    urlHas: '/status/404/',
  },
  'status-410': { rules: ['not-found', 'private-leak'], cause: 'gone', module: 'example.com/hello' },
  'status-500': { rules: ['http-status'], cause: 'http-status', module: 'example.com/hello' },
  'status-401': { rules: ['auth'], cause: 'auth', module: 'example.com/hello' },
  'https-401': {
    rules: ['auth'],
    cause: 'auth',
    phase: 'proxy',
    module: 'example.com/hello',
    urlHas: 'https://127.0.0.1:8443/status/401/',
  },
  notgo: { rules: ['http-status'], cause: 'http-status', module: 'example.com/hello' },
  'tls-self-signed': { rules: ['tls'], cause: 'tls', module: 'example.com/hello' },
  'private-leak': {
    rules: ['not-found', 'private-leak'],
    cause: 'not-found',
    module: 'git.corp.invalid/team/lib',
    leak: true,
  },
  'private-unreachable': { rules: ['vcs-host-unreachable'], cause: 'dns', phase: 'direct', host: 'git.corp.invalid' },
  'goproxy-off': { rules: ['goproxy-off'], cause: 'config', module: 'example.com/hello' },
  'git-hang': {
    rules: ['vcs-hang'],
    untracedRules: ['vcs-hang'], // Go 1.19 prints no git command: a GOPRIVATE path is fetched with git directly
    cause: 'timeout',
    phase: 'direct',
    module: 'github.com/private/repo',
    urlHas: 'https://github.com/private/repo',
  },
  'git-prompt': {
    rules: ['git-terminal-prompt'],
    cause: 'vcs-auth',
    phase: 'direct',
    module: 'github.com/private/repo',
  },
  toolchain: { rules: ['toolchain'], cause: 'toolchain' },
  'zip-unended': {
    // Every byte, then the response never ends: Go waits in io.Copy with the whole zip in its temp file, asking
    // nothing more (the database answered the go.mod's lookup: its record is in Go's lookup cache).
    rules: ['body-stall'],
    untracedRules: ['body-stall'],
    cause: 'timeout',
    phase: 'body',
    module: 'example.com/hello',
    urlHas: '/stall-zip-end/example.com/hello/@v/v1.1.0.zip',
    cached: { module: 'example.com/hello', version: 'v1.1.0', bytes: 491, state: 'received', lookupCached: true },
  },
  // The captures of tidy part A.
  'body-stall': {
    rules: ['body-stall'],
    untracedRules: ['body-stall'],
    cause: 'timeout',
    phase: 'body',
    module: 'example.com/hello',
    urlHas: '/example.com/hello/@v/v1.1.0.zip',
    cached: { module: 'example.com/hello', version: 'v1.1.0', bytes: 256 },
  },
  'toolchain-hang': {
    rules: ['toolchain-stall'],
    rulesOf: { 'go1.19': ['toolchain'] },
    cause: 'timeout',
    module: 'golang.org/toolchain',
  },
  'drip-zip': { rules: [] },
  'gateway-403': {
    rules: ['auth'],
    cause: 'auth',
    phase: 'proxy',
    module: 'example.com/hello',
    urlHas: '/gateway/403/',
  },
  // A gateway refusing a private-looking path: the server's words, GOPRIVATE first, and the leak said.
  'private-gateway-400': {
    rules: ['http-status', 'private-leak'],
    cause: 'http-status',
    module: 'git.corp.invalid/team/lib',
    leak: true,
  },
  'private-gateway-403': {
    rules: ['auth', 'private-leak'],
    cause: 'auth',
    phase: 'proxy',
    module: 'git.corp.invalid/team/lib',
    leak: true,
  },
  // git's own reason and the host git really used (a url.insteadOf rewrite), not a placeholder command.
  'vcs-dns': {
    rules: ['vcs-host-unreachable'],
    cause: 'dns',
    phase: 'direct',
    module: 'github.com/private/repo',
    host: 'git.gomodctl.invalid',
  },
  '404-comma-direct': {
    rules: ['vcs-host-unreachable'],
    cause: 'dns',
    phase: 'direct',
    module: 'github.com/private/repo',
    host: 'git.gomodctl.invalid',
  },
  '404-pipe-direct': {
    rules: ['vcs-host-unreachable', 'private-leak'],
    untracedRules: ['vcs-host-unreachable'],
    cause: 'dns',
    phase: 'direct',
    host: 'git.corp.invalid',
  },
  '403-pipe-direct': {
    rules: ['vcs-host-unreachable', 'private-leak'],
    untracedRules: ['vcs-host-unreachable'], // Go 1.19 prints no -x: the 403 that sent Go to direct is not in the log
    cause: 'dns',
    phase: 'direct',
    host: 'git.corp.invalid',
  },
  'flaky-500': { rules: ['http-status'], cause: 'http-status', phase: 'proxy', urlHas: '/fail-first/2/' },
  'status-429': { rules: ['http-status'], cause: 'http-status', module: 'example.com/hello' },
  'conn-reset': { rules: ['proxy-network'], cause: 'reset', phase: 'proxy', module: 'example.com/hello' },
  'tls-handshake-timeout': { rules: ['proxy-network'], cause: 'timeout', phase: 'proxy', module: 'example.com/hello' },
  'git-502': { rules: ['vcs'], cause: 'vcs', phase: 'direct', module: 'github.com/private/repo' },
  'unknown-revision': { rules: ['unknown-revision'], cause: 'not-found', module: 'github.com/private/repo' },
  // The CONNECT to HTTPS_PROXY answered 407: the proxy hop, in doctor's words (core/proxy-hop-fixes.ts).
  'connect-407': { rules: ['proxy-hop'], cause: 'auth', phase: 'proxy', module: 'example.com/hello' },
  // The CONNECT answered 403 / 502 (net/http/transport.go dialConn: Go prints only the status text): the hop, the module
  // Go names (not the parent-path probe example.com/@v/list of the trace) and the status, on every Go version.
  'connect-403': {
    rules: ['proxy-hop'],
    cause: 'auth',
    phase: 'proxy',
    module: 'example.com/hello',
    urlHas: 'https://goproxy.corp.test/example.com/hello/@v/list',
  },
  'connect-502': {
    rules: ['proxy-hop'],
    cause: 'http-status',
    phase: 'proxy',
    module: 'example.com/hello',
    urlHas: 'https://goproxy.corp.test/example.com/hello/@v/list',
  },
  'h2-stream-reset': { rules: ['proxy-network'], cause: 'reset', phase: 'proxy', module: 'example.com/hello' },
  'invalid-version': { rules: ['invalid-version'], cause: 'config', phase: 'module', module: 'example.com/hello' },
  // go.sum disagrees (modfetch/fetch.go haveModSumLocked), not the checksum database; Go's SECURITY ERROR note after it
  // is no problem of its own.
  'checksum-mismatch': {
    rules: ['checksum-mismatch'],
    cause: 'checksum',
    phase: 'module',
    module: 'example.com/hello',
  },
  // The checksum database disagrees (fetch.go checkSumDB: `verifying module: checksum mismatch`), no go.sum line.
  'sumdb-mismatch': { rules: ['checksum-mismatch'], cause: 'checksum', phase: 'sumdb', module: 'example.com/hello' },
};

let VERSION_OF_DIR: string | null = null;

function cfgFor(name: string) {
  const goprivate =
    name === 'private-unreachable' ? 'git.corp.invalid' : name.startsWith('git-') ? 'github.com/private' : '';
  return tidySettings(
    { GOPROXY: 'http://127.0.0.1:8080', GOSUMDB: 'sum.gomodctl.test', ...(goprivate ? { GOPRIVATE: goprivate } : {}) },
    {
      goVersion: VERSION_OF_DIR,
      ...(name.startsWith('connect-') ? { env: { HTTPS_PROXY: 'http://127.0.0.1:3128' } } : {}),
    },
  );
}

const VERSIONS = readdirSync(DIR).filter((d) => /^go1\.\d+$/.test(d));

it('fixtures exist for both Go versions CI runs (else the loop below would test nothing)', () => {
  expect(VERSIONS).toEqual(expect.arrayContaining(['go1.19', 'go1.26']));
});

for (const ver of VERSIONS) {
  describe(`captured ${ver} output`, () => {
    for (const [name, exp] of Object.entries(EXPECT)) {
      it(`${name}`, () => {
        VERSION_OF_DIR = ver;
        const raw = readFileSync(join(DIR, ver, `${name}.txt`), 'utf8');
        // A real port where the diagnosis reads it (the .netrc machine name), in place of the capture's placeholder.
        const text = ['https-401', 'git-prompt'].includes(name)
          ? raw.replaceAll('127.0.0.1:PORT', '127.0.0.1:8443')
          : raw;
        const exit = readFileSync(join(DIR, ver, `${name}.exit`), 'utf8').trim();
        // As app/tidy.ts builds it: a run without -x knows go.sum (none in these captures) and the checksum settings.
        const untracedRun = ver === 'go1.19';
        const zipSums = { sums: new Map(), settings: sumdbSettingsOf(cfgFor(name).model, {}) };
        const t = new Timeline(0, untracedRun ? { zipSums } : {});
        const events = classifyText(text);
        for (const [i, e] of events.entries()) t.apply(e, i + 1);
        if (exp.cached) t.observeZip({ state: 'partial', ...exp.cached }, events.length + 1);
        const stalled = exit === 'killed';
        // The problems as the JSON document carries them (messages and fix notes as English text).
        const problems = diagnose(t, { ...cfgFor(name), stalled, stalledForMs: 1000, now: 10_000 }).map((x) => ({
          ...x,
          message: String(x.message),
          fix: JSON.parse(JSON.stringify(x.fix)) as typeof x.fix,
        }));
        // Go < 1.21 prints no -x trace: a hang is only known from the route's probes (e2e), not from the log.
        const hang = ['request-hang', 'vcs-hang'].includes(exp.rules[0] ?? '');
        const untraced = ver === 'go1.19' ? (exp.untracedRules ?? (hang ? ['silent-stall'] : undefined)) : undefined;
        expect(problems.map((x) => x.rule)).toEqual(exp.rulesOf?.[ver] ?? untraced ?? exp.rules);
        if (exp.rulesOf?.[ver]) return;
        const report = buildTidyReport(
          t,
          problems,
          { goExitCode: stalled ? null : Number(exit), timedOut: stalled, interrupted: false, stalled },
          5,
        );
        expect(JSON.parse(JSON.stringify(report))).toEqual(report);
        if (!exp.cause) {
          expect(problems).toEqual([]);
          expect(report.outcome).toBe('ok');
          expect(report.modules.map((m) => m.path).sort()).toEqual(['example.com/dep', 'example.com/hello']);
          expect(report.modules.every((m) => m.status === 'ok')).toBe(true);
          return;
        }
        const p = problems[0]!;
        expect(p, JSON.stringify(problems, null, 1)).toMatchObject({ cause: exp.cause });
        const traced = ver !== 'go1.19' || exp.cause !== 'timeout'; // 1.19 prints no -x: what hangs comes from probes (e2e)
        if (exp.phase && traced) expect(p.phase).toBe(exp.phase);
        if (exp.host) expect(p.host).toBe(exp.host);
        if (exp.module) expect(p.module ?? p.package).toBe(exp.module);
        // Go < 1.21 prints no -x trace: the hanging URL comes from the route resolver's probes (e2e), not the log.
        if (exp.urlHas && traced) expect(p.url).toContain(exp.urlHas);
        expect(p.fix.length).toBeGreaterThan(0);
        // Fixes are real settings of the Go that ran: no GOTOOLCHAIN (1.21+) or GOAUTH (1.24+) advice to Go 1.19.
        if (ver === 'go1.19')
          expect(renderFixes(problems.flatMap((x) => x.fix)).join('\n')).not.toMatch(/GOTOOLCHAIN|GOAUTH/);
        const leak = problems.find((x) => x.cause === 'leak');
        if (exp.leak) {
          expect(leak).toMatchObject({ module: 'git.corp.invalid/team/lib' });
          expect(leak!.message).toContain('leaked');
          expect(renderFixes(leak!.fix)).toEqual(['go env -w GOPRIVATE=git.corp.invalid']);
        }
        if (name.startsWith('private-gateway')) {
          expect(p.message).toContain('the server says "This module version is not available."');
          expect(renderFixes(p.fix)[0]).toBe('go env -w GOPRIVATE=git.corp.invalid');
          // Another proxy after `|` (a public mirror) would be sent the private path too: never advised.
          expect(renderFixes(p.fix).join('\n')).not.toMatch(/proxy\.golang\.org|goproxy\.cn|gomodctl doctor/);
        }
        if (name === 'gateway-403') expect(p.message).toContain('"This module version is not available."');
        if (name === 'status-429') expect(p.message).toContain('rate-limits the requests for example.com/hello (429');
        if (name === 'vcs-dns' || name === '404-comma-direct') {
          expect(p.message).toContain('Could not resolve host: git.gomodctl.invalid');
          expect(p.message).toMatch(
            /`git ls-remote -q (origin|--end-of-options https:\/\/github\.com\/private\/repo)`/,
          );
        }
        // No placeholder command, and never a bare shared host in GOPRIVATE.
        const all = renderFixes(problems.flatMap((x) => x.fix)).join('\n');
        expect(all).not.toContain('https://HOST/PATH');
        expect(all).not.toMatch(/GOPRIVATE=(\S+,)?github\.com(,|$|\s)/m);
        if (name === 'connect-407') {
          expect(p.hop).toBe('proxy');
          expect(p.message).toContain('http://127.0.0.1:3128 (HTTPS_PROXY)');
          expect(renderFixes(p.fix).join('\n')).toContain('export HTTPS_PROXY=http://USER:xxxxx@127.0.0.1:3128');
          expect(renderFixes(p.fix).join('\n')).toContain('NO_PROXY');
        }
        // ~/.netrc only where Go sends it: https, with the machine name of that Go (cmd/go/internal/auth AddCredentials:
        // the hostname up to 1.20; 1.21+: host with its port; 1.24+ loadCredential: a prefix of host:port/path).
        if (['status-401', 'gateway-403', 'private-gateway-403'].includes(name)) {
          const fixes = renderFixes(p.fix).join('\n');
          expect(fixes).not.toContain('machine');
          expect(fixes).toContain('Go sends no credentials to an http:// GOPROXY');
        }
        if (name === 'https-401') {
          const machine = ver === 'go1.19' ? '127.0.0.1' : '127.0.0.1:8443';
          expect(renderFixes(p.fix).join('\n')).toContain(
            `add "machine ${machine} login USER password TOKEN" to ~/.netrc`,
          );
        }
        if (name === 'checksum-mismatch' || name === 'sumdb-mismatch') {
          // Checked with the real go (e2e/tidy-causes): go clean -modcache downloads the same bits and fails again.
          const fixes = renderFixes(p.fix).join('\n');
          expect(fixes).not.toContain('go clean -modcache   #');
          if (name === 'checksum-mismatch')
            expect(fixes).toContain(
              'delete the lines "example.com/hello v1.1.0 h1:…", "example.com/hello v1.1.0/go.mod h1:…" from go.sum, then go mod tidy',
            );
          else expect(fixes).toContain('clearing the module cache does not change');
        }
        if (name === 'checksum-mismatch') {
          expect(p).toMatchObject({ version: 'v1.1.0' });
          expect(p.message).toContain('does not match the hash recorded in go.sum');
          expect(p.message).not.toContain('checksum database');
        }
        if (name === 'sumdb-mismatch') {
          expect(p).toMatchObject({ version: 'v1.1.0' });
          expect(p.message).toContain('the checksum database at sum.gomodctl.test');
          expect(p.message).not.toContain('go.sum');
        }
        if (name === 'connect-403' || name === 'connect-502') {
          const [code, text] = name === 'connect-403' ? [403, 'Forbidden'] : [502, 'Bad Gateway'];
          expect(p.hop).toBe('proxy');
          expect(p.message).toContain('the request for example.com/hello goes through the proxy http://127.0.0.1:3128');
          expect(p.message).toContain(`"${text}"`);
          const fixes = renderFixes(p.fix).join('\n');
          expect(fixes).toContain(`goproxy.corp.test (${code}): `);
          expect(fixes).not.toContain('undefined');
        }
        if (name === 'private-unreachable' || name.startsWith('status-5')) expect(leak).toBeUndefined();
        if (stalled && ver !== 'go1.19') expect(report.modules.some((m) => m.status === 'pending')).toBe(true);
        if (name === 'body-stall') {
          // Every version: module, version, zip URL (Go 1.19: the route's, no -x), bytes so far, phase body.
          expect(p).toMatchObject({ version: 'v1.1.0', phase: 'body' });
          expect(p.url).toMatch(/\/example\.com\/hello\/@v\/v1\.1\.0\.zip$/);
          expect(p.message).toContain('256 B received');
        }
        if (name === 'git-prompt') {
          // git says whom it asked: `could not read Username for 'http://127.0.0.1:8443'` (its insteadOf rewrite of
          // github.com/private/): credentials are for that host, by name (e2e/tidy-causes: the real go then succeeds).
          expect(p).toMatchObject({ url: 'http://127.0.0.1:8443', host: '127.0.0.1:8443' });
          const fixes = renderFixes(p.fix).join('\n');
          expect(fixes).toContain('# add "machine 127.0.0.1 login USER password TOKEN" to ~/.netrc');
          expect(fixes).not.toMatch(/github\.com\/\.insteadOf|machine github\.com/);
        }
        if (name === 'unknown-revision') {
          // coderepo.go findDir: "reading github.com/private/repo/go.mod at revision v1.2.3" names the module's go.mod.
          expect(p).toMatchObject({ module: 'github.com/private/repo', version: 'v1.2.3' });
          expect(renderFixes(p.fix).join('\n')).toContain('go list -m -versions github.com/private/repo');
        }
        if (name === 'notgo') {
          // proxy.go Latest: `invalid response from proxy "<entry>"` for `module M:`: the @latest request of that entry.
          expect(p).toMatchObject({
            host: '127.0.0.1:PORT',
            url: 'http://127.0.0.1:PORT/notgo/example.com/hello/@latest',
          });
          expect(p.message).toContain('the module proxy at 127.0.0.1:PORT answers with something that is not');
        }
        if (name === 'toolchain' && ver === 'go1.19') expect(p.message).toContain('go.mod asks for go 1.99.0,');
        if (name === 'toolchain' && ver !== 'go1.19') {
          // toolchain/select.go: the module version of `download go1.99.0 for linux/amd64` (gotoolchainVersion-…).
          expect(p).toMatchObject({ module: 'golang.org/toolchain', version: 'v0.0.1-go1.99.0.linux-amd64' });
          expect(p.message).toContain('the go line in go.mod needs toolchain go1.99.0 and it cannot be downloaded');
        }
        if (name === 'toolchain-hang') {
          expect(p).toMatchObject({ phase: 'toolchain', version: 'v0.0.1-go1.99.0.linux-amd64' });
          expect(p.message).toContain('toolchain go1.99.0');
          expect(p.url).toBe('http://127.0.0.1:8080/golang.org/toolchain/@v/v0.0.1-go1.99.0.linux-amd64.zip');
        }
      });
    }
  });
}

describe('a private path refused by the proxy while GOPRIVATE lists something else', () => {
  for (const ver of VERSIONS)
    it(`${ver}: GOPRIVATE for it (its path leaked all the same), not another proxy`, () => {
      VERSION_OF_DIR = ver;
      const text = readFileSync(join(DIR, ver, 'private-gateway-400.txt'), 'utf8');
      const cfg = tidySettings(
        { GOPROXY: 'http://127.0.0.1:8080', GOSUMDB: 'sum.gomodctl.test', GOPRIVATE: 'other.corp.example' },
        { goVersion: ver },
      );
      const t = new Timeline(0, {});
      for (const [i, e] of classifyText(text).entries()) t.apply(e, i + 1);
      const [p] = diagnose(t, { ...cfg, stalled: false, stalledForMs: 0, now: 10_000 });
      const fixes = renderFixes(p!.fix).join('\n');
      expect(fixes).toMatch(/^go env -w GOPRIVATE=/m);
      expect(fixes).toContain('git.corp.invalid');
      expect(fixes).not.toMatch(/proxy\.golang\.org|goproxy\.cn/);
    });
});
