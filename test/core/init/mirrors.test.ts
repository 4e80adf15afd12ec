import { LANGS, translator } from '../../../src/core/i18n/message.js';
import { cliMsg } from '../../../src/core/i18n/messages/cli.js';
import { describe, expect, it } from 'vitest';
import {
  canaryUrl,
  MIRROR_CATALOG,
  parseMirrorList,
  selectCatalog,
  sumdbSupportedUrl,
} from '../../../src/core/init/mirrors.js';
import { PRESETS, getPreset, presetsHelp } from '../../../src/core/init/presets.js';
import { isRecommended, rankMirrors, recommendProxy, type MirrorProbe } from '../../../src/core/init/rank.js';
import { netrcEntryText, appendNetrc } from '../../../src/core/init/netrc-entry.js';
import { resolveInitValues } from '../../../src/core/init/plan.js';
import type { ProbeResult } from '../../../src/core/probe-types.js';

const res = (status: number | undefined, totalMs: number): ProbeResult => ({
  url: 'x',
  ok: status === 200,
  ...(status !== undefined ? { status } : { cause: 'refused' as const }),
  timings: { totalMs },
});
const probe = (id: string, status: number | undefined, ms: number, sumdb = 404): MirrorProbe => ({
  mirror: { id, url: `https://${id}`, note: '' },
  list: res(status, ms),
  sumdb: res(sumdb, ms),
});

describe('mirror catalog', () => {
  it('builds canary and sumdb URLs', () => {
    expect(canaryUrl('https://goproxy.cn/')).toBe('https://goproxy.cn/golang.org/x/text/@v/list');
    expect(sumdbSupportedUrl('https://goproxy.cn')).toBe('https://goproxy.cn/sumdb/sum.golang.org/supported');
  });

  it('override list replaces the public catalog', () => {
    expect(selectCatalog(undefined)).toEqual([...MIRROR_CATALOG]);
    expect(selectCatalog('a=http://127.0.0.1:1/x/,http://127.0.0.1:2')).toEqual([
      { id: 'a', url: 'http://127.0.0.1:1/x', note: 'from GOMODCTL_MIRRORS' },
      { id: '127.0.0.1:2', url: 'http://127.0.0.1:2', note: 'from GOMODCTL_MIRRORS' },
    ]);
    expect(() => parseMirrorList('ftp://x')).toThrow(/not an http/);
  });

  it('ranks working mirrors first by latency, unreachable last, and recommends |', () => {
    const ranked = rankMirrors([
      probe('dead', undefined, 1),
      probe('slow', 200, 90),
      probe('fast', 200, 10, 200),
      probe('nf', 404, 5),
    ]);
    expect(ranked.map((p) => p.mirror.id)).toEqual(['fast', 'slow', 'nf', 'dead']);
    expect(recommendProxy(ranked, true)).toBe('https://fast|https://slow,direct');
    expect(recommendProxy(ranked, false)).toBe('https://fast|https://slow');
    expect(recommendProxy([probe('dead', undefined, 1)], false)).toBe('off');
  });
  it('unreachable mirrors keep the catalogue order whatever time each gave up at (issue 8: stable table)', () => {
    const run = (a: number, b: number, c: number) =>
      rankMirrors([probe('x', undefined, a), probe('ok', 200, 5), probe('y', undefined, b), probe('z', undefined, c)])
        .map((p) => p.mirror.id)
        .join(' ');
    expect(run(4000, 12, 900)).toBe('ok x y z');
    expect(run(3, 4000, 1)).toBe('ok x y z');
  });
});

describe('presets', () => {
  it('every preset validates and is documented in --help', () => {
    for (const p of PRESETS) {
      expect(() => resolveInitValues({ preset: p.name })).not.toThrow();
      for (const lang of LANGS) {
        const description = translator(lang).t(cliMsg(`preset.${p.name}`));
        expect(presetsHelp(translator(lang)).replace(/\n +/g, ' ')).toContain(description);
      }
    }
    expect(() => getPreset('x')).toThrow(/china/);
  });
});

describe('.netrc entry (core/netrc.ts findNetrcEntry)', () => {
  it('writes host:port and host for ported URLs, refuses http and spaces', () => {
    expect(netrcEntryText('https://p.corp.example.com:8443/x', 'bot', 'tok')).toBe(
      'machine p.corp.example.com:8443 login bot password tok\nmachine p.corp.example.com login bot password tok\n',
    );
    expect(() => netrcEntryText('http://p.example.com', 'a', 'b')).toThrow(/https/);
    expect(() => netrcEntryText('https://p.example.com', 'a b', 'c')).toThrow(/spaces/);
    expect(appendNetrc('machine a login b password c', 'X\n')).toBe('machine a login b password c\nX\n');
  });
});

describe('isRecommended', () => {
  it('matches whole GOPROXY entries, not substrings (http://127.0.0.1:1 is not in http://127.0.0.1:18099)', () => {
    expect(isRecommended('http://127.0.0.1:18099|https://goproxy.cn,direct', 'http://127.0.0.1:1')).toBe(false);
    expect(isRecommended('http://127.0.0.1:18099|https://goproxy.cn,direct', 'https://goproxy.cn')).toBe(true);
  });
});
