// A definite failure in the -x trace (real go 1.26/1.27 captures): reported as soon as seen, first when the run is
// killed with other requests in flight; never for Go's own prefix probes or where a later GOPROXY entry can answer.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { classifyText } from '../../helpers/classify-text.js';
import { Timeline } from '../../../src/core/tidy/timeline.js';
import { diagnose } from '../../../src/core/tidy/diagnose.js';
import { definiteFailure } from '../../../src/core/tidy/definite.js';
import { tidySettings } from './model.js';

const DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures', 'tidy');
// The captures write the proxy's port as PORT; a real one makes GOPROXY parse.
const events = (ver: string, name: string) =>
  classifyText(readFileSync(join(DIR, ver, `${name}.txt`), 'utf8').replaceAll('PORT', '8080'));
const S = (goproxy: string) => tidySettings({ GOPROXY: goproxy, GOSUMDB: 'sum.gomodctl.test' });

for (const ver of ['go1.26', 'go1.27']) {
  describe(ver, () => {
    it('status-500: the 500 on @v/list is definite when no entry follows; not with "|direct" after it', () => {
      const base = 'http://127.0.0.1:8080/status/500';
      const found = events(ver, 'status-500')
        .map((e) => definiteFailure(e, S(base).proxies))
        .filter(Boolean);
      expect(found.length).toBeGreaterThan(0);
      expect(found[0]!.detail).toMatchObject({ cause: 'http-status', httpStatus: 500, phase: 'proxy' });
      const piped = events(ver, 'status-500').map((e) => definiteFailure(e, S(`${base}|direct`).proxies));
      expect(piped.filter(Boolean)).toEqual([]);
    });

    it("status-404: Go's 404 on @v/list (its prefix probes) is never definite", () => {
      const s = S('http://127.0.0.1:8080/status/404');
      expect(
        events(ver, 'status-404')
          .map((e) => definiteFailure(e, s.proxies))
          .filter(Boolean),
      ).toEqual([]);
    });

    it('killed with a request still in flight: the 500 seen earlier comes first', () => {
      const s = S('http://127.0.0.1:8080/status/500');
      const t = new Timeline(0, { proxyBases: ['http://127.0.0.1:8080/status/500'] });
      const evs = events(ver, 'status-500').filter((e) => e.kind !== 'error'); // killed before go printed its error
      for (const [i, e] of evs.entries()) t.apply(e, i + 1);
      t.apply({ kind: 'get-start', url: 'http://127.0.0.1:8080/status/500/example.com/dep/@v/list' }, 100);
      const problems = diagnose(t, { ...s, stalled: true, stallMs: 1000, now: 5000 });
      expect(problems[0]).toMatchObject({ cause: 'http-status', module: 'example.com/hello' });
      expect(problems.map((p) => p.rule)).toContain('request-hang');
    });
  });
}
