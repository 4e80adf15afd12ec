// Classifier, timeline and rule table on arbitrary input (fast-check), plus bounded memory on a long log.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { LineClassifier } from '../../../src/core/tidy/classify.js';
import { classifyText } from '../../helpers/classify-text.js';
import { detectError } from '../../../src/core/tidy/detect-error.js';
import { Timeline } from '../../../src/core/tidy/timeline.js';
import { diagnose } from '../../../src/core/tidy/diagnose.js';
import { urlSubject } from '../../../src/core/tidy/url-subject.js';
import { isPrivateLeakingUrl } from '../../../src/core/tidy/probe-targets.js';
import { tidySettings } from './model.js';

const cfg = tidySettings({ GOPROXY: 'https://proxy.golang.org,direct', GOPRIVATE: 'git.corp.example' });

// Fragments of real go output, recombined at random so the generator reaches the interesting branches.
const FRAGMENTS = [
  'go: ',
  '# get ',
  'https://',
  'proxy.golang.org/',
  '@v/',
  'list',
  '.zip',
  ': ',
  '200 OK',
  '(0.1s)',
  '\t',
  'reading ',
  'Get "',
  '"',
  'no such host',
  'x509: ',
  'verifying module: ',
  'lookup/',
  '@v1.0.0',
  'SECURITY ERROR',
  'unused ',
  'go: downloading ',
  'go: found ',
  ' in ',
  'server response:',
  'git ls-remote',
  'terminal prompts disabled',
  '!',
  '?go-get=1',
  'toolchain not available',
  '/go.mod at revision ',
  'sub/v2.0.0',
  'invalid response from proxy "',
  'module ',
  'download go1.99.0 for ',
];
const goish = fc.array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string()), { maxLength: 12 }).map((a) => a.join(''));

describe('the tidy line classifier on arbitrary input', () => {
  it('never throws, and the whole pipeline never throws', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(goish, fc.string({ unit: 'binary' })), { maxLength: 30 }), (lines) => {
        const c = new LineClassifier();
        const t = new Timeline(0);
        for (const [i, l] of lines.entries()) t.apply(c.push(l), i);
        const problems = diagnose(t, { ...cfg, stalled: true, now: 100, probes: [] });
        for (const p of problems) expect(p.fix.length).toBeGreaterThan(0);
        t.snapshot(false, new Set());
      }),
      { numRuns: 400 },
    );
  });

  it('detectError, urlSubject and the privacy filter never throw', () => {
    fc.assert(
      fc.property(goish, (s) => {
        detectError(s);
        urlSubject(s);
        isPrivateLeakingUrl(s, cfg.model, cfg.proxies);
      }),
      { numRuns: 1000 },
    );
  });

  it('keeps unknown lines (bounded), never drops them silently', () => {
    const evs = classifyText('something go never printed before\n');
    expect(evs).toEqual([{ kind: 'unknown', text: 'something go never printed before' }]);
  });

  it('memory stays bounded by the timeline on a 200,000-line log', () => {
    const c = new LineClassifier();
    const t = new Timeline(0);
    for (let i = 0; i < 200_000; i++) {
      const mod = `example.com/m${Math.floor(i / 3) % 50}`;
      const url = `https://proxy.example/${mod}/@v/list`;
      t.apply(
        c.push(i % 3 === 0 ? `# get ${url}` : i % 3 === 1 ? `# get ${url}: 200 OK (0.001s)` : `noise line ${i}`),
        i,
      );
    }
    expect(t.modules.size).toBe(50);
    expect(t.unknownLines.length).toBeLessThanOrEqual(64);
    for (const m of t.modules.values()) expect(m.requests.length).toBeLessThanOrEqual(32);
    expect(t.inFlight.size).toBe(0);
  });
});

describe('url subjects (go help goproxy; x/mod/sumdb server.go ServerPaths)', () => {
  it.each([
    [
      'https://proxy.golang.org/github.com/!azure/go/@v/v1.2.3.zip',
      { kind: 'zip', via: 'proxy', module: 'github.com/Azure/go', version: 'v1.2.3' },
    ],
    [
      'http://127.0.0.1:1/status/404/example.com/hello/@v/list',
      { kind: 'list', via: 'proxy', module: 'example.com/hello' },
    ],
    ['https://corp/goproxy/example.com/x/@latest', { kind: 'latest', via: 'proxy', module: 'example.com/x' }],
    [
      'https://sum.golang.org/lookup/example.com/hello@v1.1.0',
      { kind: 'sumdb-lookup', via: 'sumdb', module: 'example.com/hello', version: 'v1.1.0' },
    ],
    ['https://p/sumdb/sum.golang.org/supported', { kind: 'sumdb-supported', via: 'sumdb' }],
    ['https://p/sumdb/sum.golang.org/tile/8/0/000.p/4', { kind: 'sumdb-tile', via: 'sumdb' }],
    [
      'https://git.corp.invalid/team/lib?go-get=1',
      { kind: 'go-get', via: 'direct', module: 'git.corp.invalid/team/lib' },
    ],
  ])('%s', (url, want) => {
    expect(urlSubject(url)).toEqual(want);
  });

  it('never probes a GOPRIVATE path on a proxy or the checksum DB, but may probe its own host', () => {
    expect(isPrivateLeakingUrl('https://proxy.golang.org/git.corp.example/x/@v/list', cfg.model, cfg.proxies)).toBe(
      true,
    );
    expect(isPrivateLeakingUrl('https://sum.golang.org/lookup/git.corp.example/x@v1.0.0', cfg.model, cfg.proxies)).toBe(
      true,
    );
    expect(isPrivateLeakingUrl('https://git.corp.example/x?go-get=1', cfg.model, cfg.proxies)).toBe(false);
    expect(isPrivateLeakingUrl('https://proxy.golang.org/github.com/a/b/@v/list', cfg.model, cfg.proxies)).toBe(false);
  });
});
