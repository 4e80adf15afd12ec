// DIFFERENTIAL suite for "what Go will need": for each project set-up, the predicted fetches (made before Go runs, with
// no network but an in-memory go.mod fetcher) must equal the requests the real `go mod tidy` / `go mod download` sends
// to the loopback proxy and checksum database. Run with GOMODCTL_TEST_GO=/usr/lib/go-1.19/bin/go for Go 1.19.
import { describe, expect, it } from 'vitest';
import { runScenario } from './diff-harness.js';
import { SCENARIOS } from './scenarios.js';
import { MORE_SCENARIOS } from './scenarios-more.js';
import { SHAPE_SCENARIOS } from './scenarios-shapes.js';

describe('predicted needs = the requests of the real go', () => {
  for (const s of [...SCENARIOS, ...MORE_SCENARIOS, ...SHAPE_SCENARIOS]) {
    it(`${s.command}: ${s.name}`, async () => {
      const r = await runScenario(s);
      if (process.env.NEEDS_DEBUG)
        console.log(s.name, {
          actual: r.actual,
          sure: r.sure,
          possible: r.possible,
          errors: r.prediction.runs.map((x) => x.result.errors),
          unreadable: r.prediction.runs.map((x) => x.result.unreadable),
        });
      const detail = JSON.stringify(
        {
          actual: r.actual,
          sure: r.sure,
          possible: r.possible,
          errors: r.prediction.runs.map((x) => x.result.errors),
          stderr: r.go.stderr,
        },
        null,
        1,
      );
      // Go fails exactly when the prediction says it stops, with the message it predicted.
      const errors = r.prediction.runs.flatMap((x) => x.result.errors);
      if (!s.toolchainOnly) expect(r.go.exitCode !== 0, detail).toBe(errors.length > 0 || !!s.goFails);
      for (const e of errors) expect(r.go.stderr, detail).toContain(e.replace(/^.*go\.mod: /, ''));
      const unpredicted = r.actual.filter((k) => !r.sure.includes(k) && !r.possible.includes(k));
      expect(unpredicted, detail).toEqual([]);
      // When a request fails, Go stops what depends on it (its checksum lookup, …): only the upper bound holds.
      if (s.goFails) return;
      if (s.exact) expect(r.actual, detail).toEqual(r.sure);
      else
        expect(
          r.sure.filter((k) => !r.actual.includes(k)),
          detail,
        ).toEqual([]);
    });
  }
});
