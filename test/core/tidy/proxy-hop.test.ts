// The HTTPS_PROXY hop in tidy's diagnosis: a request through a silent proxy names the proxy and what Go does there
// (from the probe's hop and Go's bound: core/go-net-bounds.ts), never a blanket "Go would wait forever". Lines from
// the real go 1.26/1.27 connect-407 captures, cut where the requests are still open.
import { expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { classifyText } from '../../helpers/classify-text.js';
import { Timeline } from '../../../src/core/tidy/timeline.js';
import { diagnose } from '../../../src/core/tidy/diagnose.js';
import { renderFixes } from '../../../src/report/fix-render.js';
import { tidySettings } from './model.js';

const DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures', 'tidy');

for (const ver of ['go1.26', 'go1.27']) {
  it(`${ver}: a request hanging at a silent HTTPS_PROXY names the proxy and Go's 1 min CONNECT bound`, () => {
    const s = tidySettings(
      { GOPROXY: 'https://goproxy.gomodctl.test', GOSUMDB: 'sum.gomodctl.test' },
      { env: { HTTPS_PROXY: 'http://user:secret@10.0.0.1:3128' } },
    );
    const t = new Timeline(0, { proxyBases: ['https://goproxy.gomodctl.test'] });
    const lines = classifyText(readFileSync(join(DIR, ver, 'connect-407.txt'), 'utf8'));
    for (const [i, e] of lines.filter((e) => e.kind === 'get-start' || e.kind === 'finding').entries())
      t.apply(e, i + 1);
    const url = 'https://goproxy.gomodctl.test/example.com/hello/@v/list';
    const proxy = { url: 'http://user:xxxxx@10.0.0.1:3128', variable: 'HTTPS_PROXY', action: 'silent' as const };
    const go = { limitMs: 60_000, error: 'context deadline exceeded' };
    const probes = [{ url, ok: false, cause: 'timeout', phase: 'proxy-connect', hop: 'proxy' as const, proxy, go }];
    const [p] = diagnose(t, { ...s, stalled: true, stallMs: 1000, now: 5000, probes });
    expect(p).toMatchObject({ rule: 'request-hang', hop: 'proxy', module: 'example.com/hello' });
    // Which hop is silent (the proxy itself, at the CONNECT), its userinfo redacted; never the fault's name.
    expect(String(p!.message)).toContain(
      `Go has had no answer to ${url} for 5.0s: the proxy http://user:xxxxx@10.0.0.1:3128 (HTTPS_PROXY) accepts the connection but never answers the CONNECT to goproxy.gomodctl.test:443, so the request never reaches the module proxy`,
    );
    expect(String(p!.message)).not.toMatch(/\(silent\)|stalls there|has not answered/);
    expect(String(p!.message)).toContain(
      'Go gives up after 1 min in the proxy-connect phase with "context deadline exceeded"',
    );
    expect(String(p!.message)).not.toMatch(/forever/);
    expect(String(p!.message)).not.toContain('secret');
    expect(renderFixes(p!.fix).join('\n')).toMatch(/accepts connections but never answers CONNECT/);
  });
}

it('a hang whose probe found the HTTPS_PROXY refusing CONNECT (403) names its status and words, never "(undefined)"', () => {
  const s = tidySettings(
    { GOPROXY: 'https://goproxy.gomodctl.test', GOSUMDB: 'sum.gomodctl.test' },
    { env: { HTTPS_PROXY: 'http://10.0.0.1:3128' } },
  );
  const t = new Timeline(0, { proxyBases: ['https://goproxy.gomodctl.test'] });
  const lines = classifyText(readFileSync(join(DIR, 'go1.26', 'connect-407.txt'), 'utf8'));
  for (const [i, e] of lines.filter((e) => e.kind === 'get-start').entries()) t.apply(e, i + 1);
  const url = 'https://goproxy.gomodctl.test/example.com/hello/@v/list';
  const proxy = {
    url: 'http://10.0.0.1:3128',
    variable: 'HTTPS_PROXY',
    action: 'denied' as const,
    status: 403,
    reason: 'Forbidden',
    firstLine: 'Blocked by policy.',
  };
  const probes = [{ url, ok: false, cause: 'auth', phase: 'proxy-connect', hop: 'proxy' as const, proxy }];
  const [p] = diagnose(t, { ...s, stalled: true, stallMs: 1000, now: 5000, probes });
  const fixes = renderFixes(p!.fix).join('\n');
  expect(fixes).toContain('# proxy http://10.0.0.1:3128 blocks goproxy.gomodctl.test (403 ("Blocked by policy.")): ');
  expect(fixes).not.toContain('undefined');
});
