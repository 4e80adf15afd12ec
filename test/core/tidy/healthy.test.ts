// The healthy path of `gomodctl tidy` loads neither the rules nor the diagnosis (core/tidy/healthy.ts): over every
// log captured from a real `go` (test/fixtures/tidy/go1.NN), and under several GOPROXY lists, a line the fast path
// lets through without the rules is never one definiteFailure reports, and a run it calls clean is one diagnose()
// finds nothing in.
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { classifyText } from '../../helpers/classify-text.js';
import { Timeline } from '../../../src/core/tidy/timeline.js';
import { diagnose } from '../../../src/core/tidy/diagnose.js';
import { definiteFailure } from '../../../src/core/tidy/definite.js';
import { needsDiagnosis, needsTrouble, proxyTraceUnder } from '../../../src/core/tidy/healthy.js';
import { tidySettings } from './model.js';

const DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures', 'tidy');
const VERSIONS = readdirSync(DIR).filter((d) => /^go1\.\d+$/.test(d));
const PROXY = 'http://127.0.0.1:PORT';
const LISTS = [PROXY, `${PROXY},direct`, `${PROXY}|direct`, `${PROXY},https://proxy.golang.org`];

describe.each(VERSIONS)('captured %s output', (ver) => {
  const names = readdirSync(join(DIR, ver))
    .filter((f) => f.endsWith('.txt'))
    .map((f) => f.slice(0, -4));
  it.each(names)('%s', (name) => {
    const text = readFileSync(join(DIR, ver, `${name}.txt`), 'utf8');
    const exit = readFileSync(join(DIR, ver, `${name}.exit`), 'utf8').trim();
    const killed = exit === 'killed';
    const exitCode = killed ? null : Number(exit);
    for (const goproxy of LISTS) {
      const cfg = tidySettings({ GOPROXY: goproxy, GOSUMDB: 'sum.gomodctl.test' }, { goVersion: ver });
      const t = new Timeline(0, { proxyBases: [PROXY] });
      const events = classifyText(text);
      for (const [i, e] of events.entries()) {
        t.apply(e, i + 1);
        if (definiteFailure(e, cfg.proxies)) expect(needsTrouble(e), `${goproxy}: ${JSON.stringify(e)}`).toBe(true);
      }
      if (!needsDiagnosis(t, { exitCode, killed }))
        expect(diagnose(t, { ...cfg, stalled: killed, stalledForMs: 1000, now: 10_000 }), goproxy).toEqual([]);
    }
  });
});

it('a healthy run is clean although Go asked a parent path that does not exist (404 on example.com/@v/list)', () => {
  const text = readFileSync(join(DIR, 'go1.26', 'healthy.txt'), 'utf8');
  expect(text).toMatch(/example\.com\/@v\/list: 404/);
  const t = new Timeline(0, { proxyBases: [PROXY] });
  for (const [i, e] of classifyText(text).entries()) {
    t.apply(e, i + 1);
    expect(needsTrouble(e)).toBe(false);
  }
  expect(needsDiagnosis(t, { exitCode: 0, killed: false })).toBe(false);
  expect(needsDiagnosis(t, { exitCode: 1, killed: false })).toBe(true);
  expect(needsDiagnosis(t, { exitCode: null, killed: true })).toBe(true);
});

it('a 404 on a path Go did not find is not clean even when go exits 0 (the leak diagnose reports)', () => {
  const text = readFileSync(join(DIR, 'go1.26', 'private-leak.txt'), 'utf8');
  const t = new Timeline(0, { proxyBases: [PROXY] });
  for (const [i, e] of classifyText(text).entries()) t.apply(e, i + 1);
  expect(needsDiagnosis(t, { exitCode: 0, killed: false })).toBe(true);
});

// A healthy run that ended quickly is read with the configuration gomodctl worked out (go/load-config.ts
// computeConfig) only where go's trace agrees with it: every module proxy request under one of its GOPROXY entries.
describe('proxyTraceUnder: go fetched from these GOPROXY entries', () => {
  const logs = VERSIONS.map((v) => ({ v, lines: readFileSync(join(DIR, v, 'healthy.txt'), 'utf8').split('\n') }));
  // What app/tidy.ts hands over: each line classified as it arrived, in order.
  const under = (lines: string[], bases: string[]) => proxyTraceUnder(classifyText(lines.join('\n')), bases);
  it.each(logs)('$v healthy capture: under its own proxy, not under another', ({ v, lines }) => {
    expect(under(lines, [PROXY])).toBe(true);
    expect(under(lines, [`${PROXY}/prefix`, 'https://proxy.golang.org'])).toBe(v === 'go1.19'); // 1.19: no -x
  });
  it('checksum database and go-get requests are not proxy requests; a proxy URL with userinfo still matches', () => {
    const lines = [
      '# get https://sum.example/lookup/example.com/hello@v1.0.0',
      '# get https://sum.example/tile/8/0/000: 200 OK (0.001s)',
      '# get https://corp.example/team/lib?go-get=1: 404 Not Found (0.002s)',
      '# get https://user:xxxxx@proxy.example/sub/example.com/hello/@v/v1.0.0.zip',
    ];
    expect(under(lines, ['https://proxy.example/sub'])).toBe(true);
    expect(under(lines, ['https://proxy.example/other'])).toBe(false);
    expect(under(lines.slice(0, 3), [])).toBe(true);
  });
  it("a base shorter than go's, a refusal go went past, an error line: not read with these bases", () => {
    const zip = '# get https://proxy.example/sub/example.com/hello/@v/v1.0.0.zip: 200 OK (0.001s)';
    expect(under([zip], ['https://proxy.example/sub'])).toBe(true);
    expect(under([zip], ['https://proxy.example'])).toBe(false); // would read as sub/example.com/hello
    const refused = '# get https://a.example/example.com/hello/@v/v1.0.0.info: 404 Not Found (0.001s)';
    expect(under([refused], ['https://a.example'])).toBe(false);
    const parent = '# get https://a.example/example.com/@v/list: 404 Not Found (0.001s)'; // Go asks the parents too
    expect(under([parent], ['https://a.example'])).toBe(true);
    expect(under(['go: example.com/hello@v1.0.0: reading x: 500'], ['https://a.example'])).toBe(false);
  });
});
