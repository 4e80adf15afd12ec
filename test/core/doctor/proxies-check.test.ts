// One validator per GOPROXY URL entry over a fake probe: served, not served (404/410: Go falls through on ","),
// failures with the GOPROXY edits Go's fall-through rules call for (cmd/go/internal/modfetch/proxy.go TryProxies), and
// one recommended list when several entries fail.
import { describe, expect, it } from 'vitest';
import { proxyChecks } from '../../../src/core/doctor/checks/proxies.js';
import type { CheckResult } from '../../../src/core/doctor/check.js';
import { renderFixes } from '../../../src/report/fix-render.js';
import { english, type FakeAnswer, fakeContext } from './fake-context.js';

const A = 'https://a.corp.example';
const B = 'https://b.corp.example';
const LIST = '/golang.org/x/text/@v/list';

async function check(goproxy: string, answers: Array<[string, FakeAnswer]>): Promise<CheckResult[]> {
  const ctx = fakeContext({ goenv: { GOPROXY: goproxy }, answers });
  const results: CheckResult[] = [];
  for (const c of proxyChecks(ctx.loaded.proxies)) {
    const r = await c.run(ctx);
    results.push(...(Array.isArray(r) ? r : [r]).map(english));
  }
  return results.map((r) => ({
    ...r,
    fix: r.fix && renderFixes(r.fix),
  })) as unknown as CheckResult[];
}

describe('proxy checks', () => {
  it.each<[string, string, FakeAnswer, Partial<CheckResult>, RegExp]>([
    ['serves the canary', `${A},direct`, { status: 200, body: 'v0.13.0\nv0.14.0\n' }, { status: 'ok' }, /^serves/],
    [
      'answers 200 with a login page',
      `${A},direct`,
      { status: 200, body: '<!doctype html><title>Sign in</title>' },
      { status: 'fail', cause: 'bad-response' },
      /not as a Go module proxy: the server answered with a login page "Sign in"/,
    ],
    [
      'does not have the canary',
      `${A},direct`,
      { status: 404 },
      { status: 'ok', httpStatus: 404 },
      /reachable; does not serve .*Go falls through/,
    ],
    [
      'refuses connections',
      `${A},direct`,
      { cause: 'refused', phase: 'connect', message: 'connection refused by a.corp.example:443' },
      { status: 'fail', cause: 'refused' },
      /connection refused/,
    ],
  ])('%s', async (_name, goproxy, answer, want, message) => {
    const [r] = await check(goproxy, [[`${A}${LIST}`, answer]]);
    expect(r).toMatchObject(want);
    expect(r!.message).toMatch(message);
  });

  it('a refused first entry after ",": "|" lets Go fall through; another mirror is offered', async () => {
    const [r] = await check(`${A},${B},direct`, [
      [`${A}${LIST}`, { cause: 'refused', phase: 'connect', message: 'refused' }],
      [`${B}${LIST}`, { status: 200, body: 'v0.14.0\n' }],
    ]);
    expect(r!.fix).toEqual([
      '# a.corp.example cannot be reached from this network (connection refused)',
      'export HTTPS_PROXY=http://PROXY-HOST:PORT   # only if this network reaches the internet through a proxy',
      `go env -w 'GOPROXY=${A}|${B},direct'   # "|" falls through on any error, "," only on 404/410`,
      "go env -w 'GOPROXY=https://goproxy.cn|https://proxy.golang.org,direct'   # another mirror; compare them with: gomodctl init",
    ]);
  });

  it('the note says in words what failed, and where (a reset in the TLS handshake, a timeout while connecting)', async () => {
    const [tls] = await check(`${A},direct`, [[`${A}${LIST}`, { cause: 'reset', phase: 'tls', message: 'reset' }]]);
    expect(tls!.fix![0]).toBe(
      '# a.corp.example cannot be reached from this network (connection reset in the TLS handshake)',
    );
    const [dial] = await check(`${A},direct`, [[`${A}${LIST}`, { cause: 'timeout', phase: 'connect', message: 'x' }]]);
    expect(dial!.fix![0]).toBe('# a.corp.example cannot be reached from this network (timed out while connecting)');
  });

  it('an entry that accepts and never answers must be dropped ("|" only helps on errors)', async () => {
    const [r] = await check(`${A}|${B},direct`, [
      [`${A}${LIST}`, { cause: 'timeout', phase: 'first-byte', message: 'no response within 1s' }],
      [`${B}${LIST}`, { status: 200, body: 'v0.14.0\n' }],
    ]);
    expect(r!.fix).toContain(
      `go env -w GOPROXY=${B},direct   # drop the silent proxy: Go waits forever on it, "|" only helps on errors`,
    );
  });

  it('a GOPROXY with a password is never printed as a command', async () => {
    const secret = 'https://bob:s3cret@a.corp.example';
    const [r] = await check(`${secret},${B},direct`, [
      [`${secret}${LIST}`, { cause: 'refused', phase: 'connect', message: 'refused' }],
      [`${B}${LIST}`, { status: 200, body: 'v0.14.0\n' }],
    ]);
    const fix = (r!.fix as unknown as string[]).join('\n');
    expect(fix).toContain('# in GOPROXY, replace the "," after https://bob:xxxxx@a.corp.example with "|"');
    expect(fix).not.toContain('s3cret');
  });

  it('file:// entries are read from disk, not probed; direct and off are not probed here', async () => {
    const results = await check('file:///srv/goproxy,direct', []);
    expect(results).toMatchObject([{ id: 'proxy.0', status: 'skip' }]);
  });
});
