// Per-request state (transfers) of the timeline, from stderr captured from REAL go 1.19, 1.26 and 1.27 runs
// (test/fixtures/tidy/go1.NN, see capture.test.ts), plus the byte observations download-watch feeds in.
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { classifyText } from '../../helpers/classify-text.js';
import { urlSubject } from '../../../src/core/tidy/url-subject.js';
import { Timeline } from '../../../src/core/tidy/timeline.js';
import {
  TransferTable,
  quietMs,
  toolchainModuleVersion,
  transferRate,
  type Transfer,
} from '../../../src/core/tidy/transfers.js';

const DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures', 'tidy');
const VERSIONS = readdirSync(DIR).filter((d) => /^go1\.\d+$/.test(d));

/** Replays a capture, one line per millisecond, into a fresh timeline. */
function replay(ver: string, name: string): Timeline {
  const t = new Timeline(0); // no GOPROXY bases: the module path starts at the first dotted element, past the fault prefix
  for (const [i, e] of classifyText(readFileSync(join(DIR, ver, `${name}.txt`), 'utf8')).entries()) t.apply(e, i + 1);
  return t;
}

const traced = (ver: string): boolean => Number(ver.slice(4)) >= 21;
const HELLO = { module: 'example.com/hello', version: 'v1.1.0' };

it('captures exist for the three Go versions of the suite', () => {
  expect(VERSIONS).toEqual(expect.arrayContaining(['go1.19', 'go1.26', 'go1.27']));
});

for (const ver of VERSIONS) {
  describe(`transfers from ${ver} captures`, () => {
    it('body-stall: the zip is the open transfer, in its body when -x shows the 200, though no `# get` is open', () => {
      const t = replay(ver, 'body-stall');
      const z = t.transfers.zip(HELLO.module, HELLO.version)!;
      expect(t.transfers.open()).toEqual([z]);
      expect(t.transfers.openZips()).toEqual([z]);
      if (traced(ver)) {
        expect(t.pending()).toEqual([]); // the stall the old timeline could not see
        expect(z).toMatchObject({ phase: 'body', status: 200, attempts: 1 });
        expect(z.url).toContain('/stall-zip-body/256/example.com/hello/@v/v1.1.0.zip');
      } else {
        expect(z).toMatchObject({ phase: 'request', attempts: 0 }); // `go: downloading` only; the URL comes from the route
        expect(z.url).toBeUndefined();
      }
      // What download-watch sees at each 250 ms tick: 256 bytes, then the same 256 for 2 s: stalled in the body.
      const at = 1000;
      t.observeZip({ ...HELLO, state: 'partial', bytes: 0 }, at - 250);
      for (let i = 0; i <= 8; i++) t.observeZip({ ...HELLO, state: 'partial', bytes: 256 }, at + i * 250);
      expect(z).toMatchObject({ phase: 'body', bytes: 256, lastByteMs: at });
      expect(quietMs(z, at + 2000)).toBe(2000);
      expect(transferRate(z)).toBe(0);
      expect(t.lastActivityMs()).toBe(Math.max(at, t.lastProgressMs));
    });

    it('drip-zip: a body that keeps growing is moving, with a rate; `go: found` ends the zip it needed', () => {
      const t = replay(ver, 'drip-zip');
      expect(t.transfers.zip(HELLO.module, HELLO.version)!.phase).toBe('done');
      const dep = t.transfers.zip('example.com/dep', 'v1.0.0')!;
      expect(dep.phase).toBe(traced(ver) ? 'body' : 'request'); // nothing in Go's output says the body ended
      for (let i = 0; i <= 4; i++)
        t.observeZip(
          { module: 'example.com/dep', version: 'v1.0.0', state: 'partial', bytes: i * 100 },
          1000 + i * 250,
        );
      expect(dep).toMatchObject({ phase: 'body', bytes: 400, lastByteMs: 2000 });
      expect(transferRate(dep)).toBeCloseTo(400, 5);
      expect(quietMs(dep, 2100)).toBe(100);
      t.observeZip({ module: 'example.com/dep', version: 'v1.0.0', state: 'complete', bytes: 512 }, 2200);
      expect(dep).toMatchObject({ phase: 'done', bytes: 512, endedMs: 2200 });
      expect(t.transfers.open()).toEqual([]);
    });

    it('toolchain-hang: the toolchain zip is the open download (Go ≥ 1.21); Go 1.19 rejects the go line', () => {
      const t = replay(ver, 'toolchain-hang');
      if (ver === 'go1.19') return void expect(t.transfers.all()).toEqual([]);
      const [z] = t.transfers.open();
      expect(z).toMatchObject({
        kind: 'zip',
        module: 'golang.org/toolchain',
        version: 'v0.0.1-go1.99.0.linux-amd64',
        toolchain: true,
        phase: 'request',
      });
      expect(t.transfers.open()).toHaveLength(1);
    });

    it('git-hang: the git command Go waits on is open, with its repository', () => {
      const t = replay(ver, 'git-hang');
      if (!traced(ver)) return void expect(t.transfers.all()).toEqual([]);
      const open = t.transfers.open();
      expect(open).toHaveLength(1);
      expect(open[0]).toMatchObject({ kind: 'vcs', via: 'vcs', repo: 'https://github.com/private/repo' });
      expect(open[0]!.command).toMatch(/; git ls-remote -q .*https:\/\/github\.com\/private\/repo$/);
    });

    // The second run finds the cache directory Go made in the first: `# DIR for git3 URL` instead of `mkdir -p`.
    for (const name of ['vcs-dns', 'vcs-dns.attempt2']) {
      it(`${name}: every git command ended (the timed line comes whatever git exits with), with its repository`, () => {
        const t = replay(ver, name);
        const vcs = t.transfers.all().filter((x) => x.kind === 'vcs');
        if (!traced(ver)) return void expect(vcs).toEqual([]);
        expect(vcs.length).toBeGreaterThan(0);
        expect(vcs.every((x) => x.phase === 'done' && x.repo === 'https://github.com/private/repo')).toBe(true);
      });
    }

    const failures: Array<[string, RegExp | number]> = [
      ['connect-407', /Proxy Authentication Required$/],
      ['conn-reset', /connection reset by peer$/],
      ['tls-handshake-timeout', /TLS handshake timeout$/],
      ['h2-stream-reset', /stream error: stream ID \d+; INTERNAL_ERROR; received from peer$/],
      ['status-429', 429],
      ['gateway-403', 403],
      ['private-gateway-400', 400],
    ];
    for (const [name, want] of failures) {
      it(`${name}: the list request failed with Go's own words`, () => {
        const t = replay(ver, name);
        const lists = t.transfers.all().filter((x) => x.kind === 'list');
        if (!traced(ver)) return void expect(lists).toEqual([]);
        expect(lists.length).toBeGreaterThan(0);
        for (const l of lists) {
          expect(l.phase).toBe('failed');
          if (typeof want === 'number') expect(l.status).toBe(want);
          else expect(l.error).toMatch(want);
        }
        expect(t.transfers.open()).toEqual([]);
      });
    }

    it('healthy: after go succeeded every transfer is done', () => {
      const t = replay(ver, 'healthy');
      t.transfers.endRun(true, 10_000);
      expect(t.transfers.all().length).toBeGreaterThan(traced(ver) ? 5 : 1);
      expect(t.transfers.open()).toEqual([]);
    });
  });
}

describe('TransferTable', () => {
  const zip = (t: TransferTable) => t.zip('example.com/a', 'v1.0.0') as Transfer;

  it('maps `go: downloading go1.X (os/arch)` back to the golang.org/toolchain version (fetch.go DownloadZip)', () => {
    expect(toolchainModuleVersion('go1.99.0', 'linux/amd64')).toBe('v0.0.1-go1.99.0.linux-amd64');
    expect(toolchainModuleVersion('go1.22.1', 'darwin/arm64')).toBe('v0.0.1-go1.22.1.darwin-arm64');
  });

  it('a zip that 404s on one proxy and is fetched from the next is one download with two attempts', () => {
    const t = new TransferTable((url) => urlSubject(url, ['http://a.test', 'http://b.test']));
    t.apply({ kind: 'downloading', module: 'example.com/a', version: 'v1.0.0' }, 1);
    t.apply({ kind: 'get-start', url: 'http://a.test/example.com/a/@v/v1.0.0.zip' }, 2);
    t.apply(
      { kind: 'get-done', url: 'http://a.test/example.com/a/@v/v1.0.0.zip', status: 404, statusText: 'Not Found' },
      3,
    );
    expect(zip(t).phase).toBe('failed');
    t.apply({ kind: 'get-start', url: 'http://b.test/example.com/a/@v/v1.0.0.zip' }, 4);
    expect(zip(t)).toMatchObject({ phase: 'request', attempts: 2, url: 'http://b.test/example.com/a/@v/v1.0.0.zip' });
  });

  it('a temp file that shrinks is a new attempt (Go truncates it for the next proxy); one that vanishes failed', () => {
    const t = new TransferTable();
    t.apply({ kind: 'downloading', module: 'example.com/a', version: 'v1.0.0' }, 0);
    const o = { module: 'example.com/a', version: 'v1.0.0', state: 'partial' as const };
    t.observeZip({ ...o, bytes: 300 }, 100);
    t.observeZip({ ...o, bytes: 10 }, 200);
    expect(zip(t)).toMatchObject({ bytes: 10, samples: [[200, 10]], lastByteMs: 100 });
    t.observeZip({ ...o, state: 'absent', bytes: 0 }, 300);
    expect(zip(t)).toMatchObject({ phase: 'failed', endedMs: 300 });
  });

  it('an empty temp file is a request without an answer yet (Go creates it before the GET)', () => {
    const t = new TransferTable();
    t.observeZip({ module: 'example.com/a', version: 'v1.0.0', state: 'partial', bytes: 0 }, 5);
    expect(zip(t)).toMatchObject({ phase: 'request', bytes: 0, startedMs: 5 });
    expect(zip(t).lastByteMs).toBeUndefined();
    expect(t.lastByteMs).toBeUndefined();
  });

  it('stays bounded: past 2048 transfers the oldest finished ones are forgotten', () => {
    const t = new TransferTable();
    for (let i = 0; i < 5000; i++) {
      const url = `http://a.test/example.com/m${i}/@v/list`;
      t.apply({ kind: 'get-start', url }, i);
      t.apply({ kind: 'get-done', url, status: 200, statusText: 'OK' }, i);
    }
    t.apply({ kind: 'get-start', url: 'http://a.test/example.com/open/@v/list' }, 5000);
    expect(t.all().length).toBeLessThanOrEqual(2048);
    expect(t.open().map((x) => x.module)).toEqual(['example.com/open']);
  });
});
