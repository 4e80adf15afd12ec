// Tidy fixes and URL subjects: hang fixes by phase, no redacted password in a copyable command, `export` for
// variables the OS environment sets, GOPROXY base paths with a dot, and the real URL the watchdog probes.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { classifyText } from '../../helpers/classify-text.js';
import { Timeline } from '../../../src/core/tidy/timeline.js';
import { diagnose, type ProbeFinding } from '../../../src/core/tidy/diagnose.js';
import { fixesFor, goprivateFix, pipeFix, sumdbFix } from '../../../src/core/tidy/fixes.js';
import { type Fix, setFix } from '../../../src/core/fix/fix.js';
import type { TidyProblem } from '../../../src/core/tidy/report-model.js';
import { isPrivateLeakingUrl, realProbeUrl } from '../../../src/core/tidy/probe-targets.js';
import { urlSubject } from '../../../src/core/tidy/url-subject.js';
import { proxyUrls } from '../../../src/core/goproxy.js';
import { renderFix, renderFixes } from '../../../src/report/fix-render.js';
import { probeFindingText } from '../../../src/report/tidy-render.js';
import { timeoutFailure } from '../../../src/core/probe-hop.js';
import { translator } from '../../../src/core/i18n/message.js';
import { type TidySettings, tidySettings } from './model.js';

const DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures', 'tidy');
// The captured runs say http://127.0.0.1:PORT; a real port makes the GOPROXY entries parse as Go parses them.
const LOOP = 'http://127.0.0.1:8080';
const BH = `${LOOP}/blackhole`;
const LIST = `${BH}/example.com/hello/@v/list`;
const base = { GOPROXY: `${BH},https://proxy.golang.org,direct` };

function stalled(ver: string, cfg: TidySettings, probes: ProbeFinding[], proxyAs = LOOP) {
  const t = new Timeline(0, { proxyBases: proxyUrls(cfg.proxies) });
  const text = readFileSync(join(DIR, ver, 'blackhole.txt'), 'utf8').replaceAll('http://127.0.0.1:PORT', proxyAs);
  for (const [i, e] of classifyText(text).entries()) t.apply(e, i + 1);
  const p = diagnose(t, { ...cfg, stalled: true, stalledForMs: 5000, now: 10_000, probes })[0]!;
  return { ...p, fix: renderFixes(p.fix) };
}

describe('a proxy request that hangs (captured blackhole runs; proxy.go TryProxies, no response timeout)', () => {
  const silent: ProbeFinding = {
    url: LIST,
    ok: false,
    cause: 'timeout',
    phase: 'first-byte',
    message: 'connected, no response in 5 s',
  };
  const refused: ProbeFinding = {
    url: LIST,
    ok: false,
    cause: 'refused',
    phase: 'connect',
    message: 'connection refused',
  };

  for (const ver of ['go1.26', 'go1.19']) {
    it(`${ver}: accepts and never answers → drop the entry, not "|" (it never errors)`, () => {
      const p = stalled(ver, tidySettings(base), [silent]);
      expect(p).toMatchObject({ cause: 'timeout', url: LIST });
      const fix = p.fix.join('\n');
      // The list without the silent entry; nothing probed it, so it is advice, not a command (issue 13).
      expect(fix).toContain('# not verified: GOPROXY=https://proxy.golang.org,direct (without');
      expect(fix).not.toContain('go env -w');
      expect(fix).toMatch(/"\|" only helps when a proxy errors/);
      expect(fix).not.toContain(`${BH}|`);
    });

    it(`${ver}: fails to connect → "|" falls through (Go errors there)`, () => {
      const p = stalled(ver, tidySettings(base), [refused]);
      expect(p.fix).toEqual([`# not verified: GOPROXY=${BH}|https://proxy.golang.org|direct`]);
    });
  }

  it('the only entry hangs (the probe found it silent): a mirror, as unverified advice', () => {
    const p = stalled('go1.26', tidySettings({ GOPROXY: BH }), [silent]);
    expect(p.fix[0]).toBe(
      '# not verified: GOPROXY=https://proxy.golang.org|https://goproxy.cn|direct (instead of http://127.0.0.1:8080/blackhole, which accepts connections and never answers)',
    );
  });
});

describe('what the probe saw, in the report and in the stall notice', () => {
  // The probe's own message (probe-hop.ts timeoutFailure) as the watchdog hands it over: a message, not English text
  const failure = timeoutFailure('first-byte', 2000, { address: '127.0.0.1:8080' });
  const finding: ProbeFinding = { url: LIST, ok: false, phase: 'first-byte', ...failure };

  it("says what Go does once, and in the report's language", () => {
    const p = stalled('go1.26', tidySettings(base), [finding]);
    const en = String(p.message);
    expect(en.match(/Go sets no limit/g)).toHaveLength(1);
    expect(en).toContain('probe: connection to 127.0.0.1:8080 succeeded, no response within 2.0s');
    const zh = translator('zh').t(p.message);
    expect(zh).toContain('与 127.0.0.1:8080 的连接已建立，但 2.0s 内没有响应');
    expect(zh).not.toMatch(/succeeded|no response/);
  });

  it('the stall notice: the probe line leaves what Go does to the line after it', () => {
    expect(probeFindingText(finding)).toBe(
      `gomodctl: probe ${LIST}: connection to 127.0.0.1:8080 succeeded, no response within 2.0s`,
    );
    expect(probeFindingText(finding, translator('zh'))).toContain('但 2.0s 内没有响应');
  });
});

describe('fixes never carry a redacted password', () => {
  const secret = tidySettings({ GOPROXY: 'https://bob:s3cret@nexus.corp/go,https://proxy.golang.org,direct' });

  it('pipeFix describes the edit in words', () => {
    const fix = renderFixes(pipeFix(secret.model, secret.proxies));
    expect(fix).toEqual([
      '# in GOPROXY, replace the "," after https://bob:xxxxx@nexus.corp/go with "|" so Go falls through on any error',
      '# in GOPROXY, replace the "," after https://proxy.golang.org with "|" so Go falls through on any error',
    ]);
    expect(fix.join('\n')).not.toMatch(/go env -w|s3cret/);
  });

  it('a hang fix names the entry to remove without a command holding it', () => {
    // go -x prints the URL redacted (cmd/go/internal/web/http.go); the fix is found from the real entry and still
    // redacted.
    const p = stalled(
      'go1.26',
      tidySettings({ GOPROXY: `https://bob:s3cret@127.0.0.1:8080/blackhole,direct` }),
      [
        {
          url: 'https://bob:xxxxx@127.0.0.1:8080/blackhole/example.com/hello/@v/list',
          ok: false,
          cause: 'timeout',
          phase: 'first-byte',
        },
      ],
      'https://bob:xxxxx@127.0.0.1:8080',
    );
    const fix = p.fix.join('\n');
    expect(fix).toContain(
      'remove https://bob:xxxxx@127.0.0.1:8080/blackhole (and the separator after it) from GOPROXY',
    );
    expect(fix).not.toMatch(/s3cret|go env -w 'GOPROXY=direct'/);
  });
});

describe('variables set in the OS environment get `export`, not `go env -w` (envcmd/env.go runEnvW only warns)', () => {
  const fromEnv = tidySettings({}, { env: { GOPROXY: base.GOPROXY, GONOSUMDB: 'x' } });
  it.each([
    [
      () => renderFix(pipeFix(fromEnv.model, fromEnv.proxies)[0]!),
      `export GOPROXY='${BH}|https://proxy.golang.org|direct'   # GOPROXY comes from your environment: change it where your shell profile or CI sets it`,
    ],
    [
      () => renderFix(sumdbFix(fromEnv.model, 'git.corp.example/x')[1]!),
      'go env -w GOPRIVATE=git.corp.example   # if git.corp.example/x is private: it then skips the checksum database',
    ],
    [() => renderFix(goprivateFix(fromEnv.model, 'git.corp.example/x')), 'go env -w GOPRIVATE=git.corp.example'],
  ])('%#', (fix, want) => {
    expect(fix()).toBe(want);
  });
});

describe('GOPROXY base paths are stripped before the module path is read', () => {
  const nexus = 'https://nexus.corp/repository/go.proxy';
  const cfg = tidySettings({ GOPROXY: `${nexus},direct`, GOPRIVATE: 'git.corp.example' });
  it.each([
    [`${nexus}/git.corp.example/team/lib/@v/list`, { kind: 'list', via: 'proxy', module: 'git.corp.example/team/lib' }],
    [
      `https://u:xxxxx@nexus.corp/repository/go.proxy/github.com/!azure/go/@v/v1.2.3.zip`,
      { kind: 'zip', via: 'proxy', module: 'github.com/Azure/go', version: 'v1.2.3' },
    ],
  ])('%s', (url, want) => {
    expect(urlSubject(url, proxyUrls(cfg.proxies))).toEqual(want);
  });

  it('privacy filter and leak fix name the real module', () => {
    expect(isPrivateLeakingUrl(`${nexus}/git.corp.example/team/lib/@v/list`, cfg.model, cfg.proxies)).toBe(true);
    const t = new Timeline(0, { proxyBases: proxyUrls(cfg.proxies) });
    const text = readFileSync(join(DIR, 'go1.26', 'private-leak.txt'), 'utf8').replaceAll(
      'http://127.0.0.1:PORT',
      nexus,
    );
    for (const [i, e] of classifyText(text).entries()) t.apply(e, i + 1);
    const open = tidySettings({ GOPROXY: `${nexus},direct` });
    const leak = diagnose(t, { ...open, stalled: false, now: 10 }).find((p) => p.cause === 'leak');
    expect(leak).toMatchObject({ module: 'git.corp.invalid/team/lib' });
    expect(renderFixes(leak!.fix)).toEqual(['go env -w GOPRIVATE=git.corp.invalid']);
  });
});

describe('the URL the watchdog probes for one that `go -x` printed redacted', () => {
  const goproxy = 'https://bob:s3cret@nexus.corp/go/|https://proxy.golang.org,direct';
  it.each([
    ['https://bob:xxxxx@nexus.corp/go/example.com/a/@v/list', 'https://bob:s3cret@nexus.corp/go/example.com/a/@v/list'],
    ['https://bob:xxxxx@other.corp/example.com/a/@v/list', 'https://other.corp/example.com/a/@v/list'], // not an entry: rely on .netrc
    ['https://proxy.golang.org/example.com/a/@v/list', 'https://proxy.golang.org/example.com/a/@v/list'],
  ])('%s', (printed, real) => {
    expect(realProbeUrl(printed, tidySettings({ GOPROXY: goproxy }).proxies)).toBe(real);
  });
});

describe('fixesFor (the one switch point of tidy fixes)', () => {
  it('keeps the drafted fixes once each, GOPRIVATE first for a leak', async () => {
    const { fixesFor, goprivateFix: gp } = await import('../../../src/core/tidy/fixes.js');
    const { commentFix: cf } = await import('../../../src/core/fix/fix.js');
    const s = tidySettings({ GOPROXY: 'http://127.0.0.1:8080' });
    const advice = cf('advice');
    const leak = {
      rule: 'private-leak',
      cause: 'leak' as const,
      message: 'm',
      fix: [advice, gp(s.model, 'git.corp.x/a'), advice],
    };
    expect(fixesFor(leak, s).map((f) => f.kind)).toEqual(['set', 'comment']);
  });
});

describe('fixesFor: an unverified route change is advice; GOPRIVATE for a private prefix and certain fixes stay (issue 13)', () => {
  const s = tidySettings({ GOPROXY: BH });
  const problem = (fix: Fix[]) => ({ cause: 'not-found', message: 'm', fix }) as unknown as TidyProblem;
  it('GOSUMDB switch and a public GOPRIVATE become "not verified"; a private GOPRIVATE and GOFLAGS stay', () => {
    const out = fixesFor(
      problem([
        setFix(s.model, 'GOSUMDB', 'sum.golang.google.cn'),
        setFix(s.model, 'GOPRIVATE', 'github.com/spf13', 'if it is private'),
        setFix(s.model, 'GOPRIVATE', 'git.corp.example'),
        setFix(s.model, 'GOFLAGS', '-mod=mod'),
        { ...setFix(s.model, 'GOPROXY', 'http://127.0.0.1:1'), verifiedBy: ['probe'] },
      ]),
      s,
    );
    expect(renderFixes(out)).toEqual([
      '# not verified: GOSUMDB=sum.golang.google.cn',
      '# not verified: GOPRIVATE=github.com/spf13 (if it is private)',
      'go env -w GOPRIVATE=git.corp.example',
      'go env -w GOFLAGS=-mod=mod',
      'go env -w GOPROXY=http://127.0.0.1:1',
    ]);
  });
});

describe('GOPRIVATE is not suggested again for a path it already covers', () => {
  // A setting, or the advice a route change becomes until it is verified (`not verified: GOPRIVATE=…`).
  const goprivateSets = (fixes: Fix[]) =>
    fixes.filter((f) => (f.kind === 'set' || f.kind === 'comment') && f.variable === 'GOPRIVATE');
  it.each(['go1.19', 'go1.26', 'go1.27'])(
    '%s git-prompt (git asks for credentials; the path is in GOPRIVATE)',
    (ver) => {
      const text = readFileSync(join(DIR, ver, 'git-prompt.txt'), 'utf8');
      const t = new Timeline(0);
      for (const [i, e] of classifyText(text).entries()) t.apply(e, i + 1);
      const covered = tidySettings({ GOPROXY: 'http://127.0.0.1:8080', GOPRIVATE: 'github.com/private' });
      const [first] = diagnose(t, { ...covered, stalled: false, stalledForMs: 0, now: 1000 });
      expect(first?.cause).toBe('vcs-auth');
      expect(goprivateSets(first!.fix)).toEqual([]);
      const unlisted = tidySettings({ GOPROXY: 'http://127.0.0.1:8080' });
      const [again] = diagnose(t, { ...unlisted, stalled: false, stalledForMs: 0, now: 1000 });
      expect(goprivateSets(again!.fix)).toHaveLength(1);
    },
  );
  it('sumdbFix: only GOSUMDB when the module is already private', () => {
    const covered = tidySettings({ GOPRIVATE: 'git.corp.example' });
    expect(goprivateSets(sumdbFix(covered.model, 'git.corp.example/team/lib'))).toEqual([]);
    expect(goprivateSets(sumdbFix(covered.model, 'git.other.example/lib'))).toHaveLength(1);
  });
});
