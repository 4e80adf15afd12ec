// Slow is not stuck: the stall notice (waitingNow) and the final report (stallProblems) read the same transfers, from
// real captures (test/fixtures/tidy/go1.NN) plus the byte observations download-watch makes (e2e/download-watch).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { classifyText } from '../../helpers/classify-text.js';
import { Timeline } from '../../../src/core/tidy/timeline.js';
import { diagnose } from '../../../src/core/tidy/diagnose.js';
import { formatBytes, movingTransfers, waitingNow, waitingWords } from '../../../src/core/tidy/progress.js';
import { tidySettings } from './model.js';
import { render } from '../../../src/core/i18n/message.js';
import { sumdbSettingsOf } from '../../../src/core/needs/fetch-rules.js';
import { addGoSum, parseGoSum, type GoSums } from '../../../src/core/sumdb/go-sum.js';

const DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures', 'tidy');
const S = tidySettings({ GOPROXY: 'http://127.0.0.1:8080', GOSUMDB: 'sum.gomodctl.test' });
const HELLO = { module: 'example.com/hello', version: 'v1.1.0' };

/** As app/tidy.ts builds it: a run of Go < 1.21 knows go.sum (`sums`, none by default) and the checksum settings. */
function replay(ver: string, name: string, sums: GoSums = new Map()): { t: Timeline; end: number } {
  const zipSums = { sums, settings: sumdbSettingsOf(S.model, {}) };
  const t = new Timeline(0, ver === 'go1.19' ? { zipSums } : {});
  const events = classifyText(readFileSync(join(DIR, ver, `${name}.txt`), 'utf8'));
  for (const [i, e] of events.entries()) t.apply(e, i + 1);
  return { t, end: events.length + 1 };
}

for (const ver of ['go1.19', 'go1.26', 'go1.27']) {
  describe(`body-stall (${ver})`, () => {
    it('a body that grows is slow ("slow, N KB/s"), never a stall; alone, no module is blamed', () => {
      const { t, end } = replay(ver, 'body-stall');
      for (let i = 0; i <= 20; i++) t.observeZip({ ...HELLO, state: 'partial', bytes: 1000 * i }, end + i * 250);
      const [p] = diagnose(t, { ...S, stalled: true, stallMs: 10_000, now: end + 20 * 250 + 100 });
      expect(p).toMatchObject({ rule: 'slow', cause: 'timeout' });
      expect(p!.module).toBeUndefined();
    });

    it('the one download still moving long after the others finished is named (slow, not stuck)', () => {
      const { t, end } = replay(ver, 'body-stall');
      t.apply({ kind: 'downloading', module: 'example.com/dep', version: 'v1.0.0' }, end);
      t.observeZip({ module: 'example.com/dep', version: 'v1.0.0', state: 'complete', bytes: 900 }, end + 20);
      for (let i = 0; i <= 20; i++) t.observeZip({ ...HELLO, state: 'partial', bytes: 1000 * i }, end + i * 250);
      const now = end + 20 * 250 + 100;
      expect(movingTransfers(t, now, 10_000)).toEqual([expect.objectContaining({ ...HELLO, bytes: 20_000 })]);
      const [p, ...rest] = diagnose(t, { ...S, stalled: true, stallMs: 10_000, now });
      expect(rest).toEqual([]);
      expect(p).toMatchObject({ rule: 'slow', cause: 'timeout', ...HELLO });
      expect(p!.url).toMatch(/\/example\.com\/hello\/@v\/v1\.1\.0\.zip$/);
      expect(String(p!.message)).toMatch(/slow, 4\.0 KB\/s .*example\.com\/hello@v1\.1\.0: 20\.0 KB so far/);
      expect(p!.fix.every((f) => f.kind === 'comment')).toBe(true); // advice, not a verified command
    });

    it('every download slowed but moving: "slow" with the progress, and no module blamed', () => {
      const { t, end } = replay(ver, 'body-stall');
      const DEP = { module: 'example.com/dep', version: 'v1.0.0' };
      for (let i = 0; i <= 8; i++) {
        t.observeZip({ ...HELLO, state: 'partial', bytes: 500 * i }, end + i * 250);
        t.observeZip({ ...DEP, state: 'partial', bytes: 100 * i }, end + i * 250);
      }
      const [p, ...rest] = diagnose(t, { ...S, stalled: true, stallMs: 10_000, now: end + 8 * 250 + 50 });
      expect(rest).toEqual([]);
      expect(p).toMatchObject({ rule: 'slow', cause: 'timeout' });
      expect(p!.module).toBeUndefined();
      expect(String(p!.message)).toMatch(/^nothing is stuck, the run is slow, 2\.4 KB\/s \(2 downloads still moving/);
      // The run's language: Chinese prose, the module and the figures as they are (JSON keeps the English above).
      expect(render(p!.message, 'zh')).toMatch(
        /^没有卡住，只是下载得慢：总速度 2\.4 KB\/s（2 个下载仍在进行：example\.com\/hello@v1\.1\.0 已收到 4\.0 KB，example\.com\/dep@v1\.0\.0 已收到 800 B）；结束前已下载完 0 个 zip$/,
      );
    });

    it('ended (--timeout) between one download and the next: nothing stuck, no "printed nothing for 60ms"', () => {
      const { t, end } = replay(ver, 'body-stall');
      t.observeZip({ ...HELLO, state: 'complete', bytes: 900 }, end);
      t.apply({ kind: 'downloading', module: 'example.com/dep', version: 'v1.0.0' }, end + 10);
      const o = { ...S, stalled: true, stallMs: 1000 };
      const [p, ...rest] = diagnose(t, { ...o, now: end + 70, stalledForMs: 60 });
      expect(rest).toEqual([]);
      expect(p).toMatchObject({ rule: 'slow', cause: 'timeout' });
      expect(p!.module).toBeUndefined();
      expect(String(p!.message)).toBe(
        'nothing is stuck: the run ended while Go was still at work (its last progress 60ms before the end); 1 zip downloaded before it ended',
      );
      // No download was moving: more time, not a nearer mirror.
      expect(p!.fix.map((f) => String(f.note))).toEqual([
        'Go was still at work when the run ended: give it more time (a larger --timeout)',
      ]);
      // Quiet for longer than that: a silence worth naming, not this.
      const [late] = diagnose(t, { ...o, now: end + 2010, stalledForMs: 2000 });
      expect(late!.rule).not.toBe('slow');
    });

    it('ended 60 ms after a line, but a request (or git, or a zip without a byte) waited longer: not "at work"', () => {
      const o = { ...S, stalled: true, stallMs: 10_000, now: 3000, stalledForMs: 60 };
      const older = (add: (t: Timeline) => void) => {
        const { t } = replay(ver, 'body-stall');
        t.observeZip({ ...HELLO, state: 'complete', bytes: 900 }, 100);
        add(t);
        t.apply({ kind: 'downloading', module: 'example.com/dep', version: 'v1.0.0' }, 2940);
        return diagnose(t, o)[0]!.rule;
      };
      expect(older(() => {})).toBe('slow');
      const url = 'http://127.0.0.1:8080/example.com/other/@v/list';
      const git = { kind: 'vcs', command: 'cd /x; git ls-remote -q origin', tool: 'git' } as const;
      expect(older((t) => t.apply(git, 1500))).not.toBe('slow');
      expect(older((t) => t.apply(git, 2900))).toBe('slow'); // younger than a second: at work
      expect(older((t) => t.apply({ kind: 'get-start', url }, 1500))).not.toBe('slow');
      expect(older((t) => t.apply({ kind: 'downloading', module: 'example.com/z', version: 'v1.0.0' }, 1500))).not.toBe(
        'slow',
      );
    });

    it('a body that stopped: the notice and the report name the same module, version, URL and bytes', () => {
      const { t, end } = replay(ver, 'body-stall');
      t.observeZip({ ...HELLO, state: 'partial', bytes: 256 }, end);
      const now = end + 12_000;
      const w = waitingNow(t, S.model, now)!;
      const [p] = diagnose(t, { ...S, stalled: true, stallMs: 10_000, now });
      expect(w).toMatchObject({ kind: 'body', ...HELLO, bytes: 256 });
      expect(p).toMatchObject({ rule: 'body-stall', phase: 'body', ...HELLO, url: w.url });
      expect(String(waitingWords(w))).toContain(`the body of example.com/hello@v1.1.0 (${w.url}): 256 B received`);
      expect(render(waitingWords(w), 'zh')).toBe(
        `example.com/hello@v1.1.0 的响应体（${w.url}）：已收到 256 B，之后 12.0s 没有任何数据`,
      );
      expect(String(p!.message)).toContain('256 B received');
    });
  });
}

for (const ver of ['go1.19', 'go1.26', 'go1.27']) {
  const traced = ver !== 'go1.19';
  describe(`a whole zip in its temp file (${ver})`, () => {
    const WHOLE = 491;
    it('while the lookup of M@V hangs: the lookup is what Go waits on, not the zip (partial or whole)', () => {
      // A partial zip with the lookup open: the last poll came before the body's end (only -x shows the lookup).
      for (const state of traced ? (['received', 'partial'] as const) : (['received'] as const)) {
        const { t, end } = replay(ver, 'sumdb-blackhole-required');
        t.observeZip({ ...HELLO, state: 'partial', bytes: WHOLE }, end); // seen growing, then at rest
        t.observeZip({ ...HELLO, state, bytes: WHOLE }, end + 250);
        const now = end + 12_000;
        const problems = diagnose(t, { ...S, stalled: true, stallMs: 10_000, now });
        expect(problems.map((p) => p.rule)).not.toContain('body-stall');
        if (traced) {
          expect(waitingNow(t, S.model, now)).toMatchObject({ kind: 'request' });
          expect(problems[0]!.url).toMatch(/\/lookup\/example\.com\/hello@v1\.1\.0$/);
        } else if (state === 'received') expect(waitingNow(t, S.model, now)).toBeUndefined();
      }
    });

    it('no checksum request follows: the response never ended after its last byte (-x), a body stall', () => {
      const { t, end } = replay(ver, 'body-stall');
      t.observeZip({ ...HELLO, state: 'partial', bytes: WHOLE }, end);
      t.observeZip({ ...HELLO, state: 'received', bytes: WHOLE, lookupCached: true }, end + 250);
      const now = end + 12_000;
      const [p] = diagnose(t, { ...S, stalled: true, stallMs: 10_000, now });
      expect(p).toMatchObject({ rule: 'body-stall', phase: 'body', ...HELLO });
      if (traced)
        expect(String(p!.message)).toMatch(
          /^the download of example\.com\/hello@v1\.1\.0 never ended: the whole zip came \(491 B from 127\.0\.0\.1:PORT\), then the response neither ended/,
        );
      if (traced)
        expect(render(p!.message, 'zh')).toMatch(
          /^example\.com\/hello@v1\.1\.0 的下载一直没有结束：整个 zip（491 B）已收到（来自 127\.0\.0\.1:PORT），之后/,
        );
      expect(movingTransfers(t, end + 300, 10_000)).toEqual([]); // a whole zip moves no more
    });

    it.skipIf(traced)('without -x: the lookup cache and go.sum say whether Go is asking the database', () => {
      const rule = (sums: GoSums, lookupCached: boolean) => {
        const { t, end } = replay(ver, 'body-stall', sums);
        t.observeZip({ ...HELLO, state: 'partial', bytes: WHOLE }, end);
        t.observeZip({ ...HELLO, state: 'received', bytes: WHOLE, lookupCached }, end + 250);
        return diagnose(t, { ...S, stalled: true, stallMs: 10_000, now: end + 12_000 })[0]?.rule;
      };
      const none: GoSums = new Map();
      const zipHash = addGoSum(new Map(), parseGoSum('example.com/hello v1.1.0 h1:x=\n'));
      const modHash = addGoSum(new Map(), parseGoSum('example.com/hello v1.1.0/go.mod h1:x=\n'));
      expect(rule(none, false)).not.toBe('body-stall'); // Go asks the database: the lookup is what it waits on
      expect(rule(modHash, false)).not.toBe('body-stall');
      expect(rule(none, true)).toBe('body-stall'); // its record is cached: nothing to ask, the body never ended
      expect(rule(zipHash, false)).toBe('body-stall'); // go.sum has the zip's hash: nothing to ask
    });

    it("a temp file written before this go started is a killed go's leftover: not this download", () => {
      const { t, end } = replay(ver, 'body-stall');
      const z = t.transfers.zip(HELLO.module, HELLO.version)!;
      const now = end + 100;
      t.observeZip({ ...HELLO, state: 'received', bytes: WHOLE, writtenAgoMs: now - z.startedMs + 2500 }, now);
      expect(z.bytes).toBeUndefined();
      expect(z.received).toBeUndefined();
      // Written before this go started (the run clock's 0): --retry's killed attempt left it.
      t.observeZip({ ...HELLO, state: 'received', bytes: WHOLE, writtenAgoMs: now + 100 }, now);
      expect(z.bytes).toBeUndefined();
      // Written once this go ran, a moment before its line was read: this download's.
      t.observeZip({ ...HELLO, state: 'received', bytes: WHOLE, writtenAgoMs: now }, now);
      expect(z.bytes).toBe(WHOLE);
    });
  });
}

for (const ver of ['go1.26', 'go1.27']) {
  it(`toolchain-hang (${ver}): the notice says "toolchain go1.99.0", as the report`, () => {
    const { t, end } = replay(ver, 'toolchain-hang');
    const w = waitingNow(t, S.model, end + 9000)!;
    expect(String(waitingWords(w))).toMatch(
      /^toolchain go1\.99\.0 \(http:\/\/127\.0\.0\.1:8080\/golang\.org\/toolchain\//,
    );
    const [p] = diagnose(t, { ...S, stalled: true, stallMs: 8000, now: end + 9000 });
    expect(p).toMatchObject({ rule: 'toolchain-stall', url: w.url, module: 'golang.org/toolchain' });
  });
}

it('formatBytes', () => {
  expect([0, 999, 1000, 123_456, 5_000_000].map(formatBytes)).toEqual(['0 B', '999 B', '1.0 KB', '123.5 KB', '5.0 MB']);
});
