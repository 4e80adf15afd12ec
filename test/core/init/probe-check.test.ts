import { describe, expect, it } from 'vitest';
import { allEntriesFailed, judgeEntry, proxyListEntries } from '../../../src/core/init/probe-check.js';
import type { ProbeResult } from '../../../src/core/probe-types.js';

const answer = (r: Partial<ProbeResult>): ProbeResult => ({ url: 'u', ok: false, timings: { totalMs: 1 }, ...r });

describe('init probe before writing', () => {
  it('lists every entry of a GOPROXY list (URL entries, direct, off), none for an invalid list', () => {
    expect(proxyListEntries('https://a.example|https://b.example,direct')).toEqual([
      'https://a.example',
      'https://b.example',
      'direct',
    ]);
    expect(proxyListEntries('off')).toEqual(['off']);
    expect(proxyListEntries('ftp://x')).toEqual([]);
  });

  it('a 404/410 is a working proxy without the canary; no answer or another status fails; direct needs any answer', () => {
    expect(judgeEntry('https://a.example', answer({ ok: true, status: 200 })).ok).toBe(true);
    expect(judgeEntry('https://a.example', answer({ status: 404 })).ok).toBe(true);
    expect(judgeEntry('https://a.example', answer({ status: 403, message: '403 Forbidden' }))).toEqual({
      entry: 'https://a.example',
      ok: false,
      reason: '403 Forbidden',
    });
    expect(judgeEntry('https://u:secret@a.example', answer({ cause: 'dns' })).entry).not.toContain('secret');
    expect(judgeEntry('direct', answer({ status: 301 })).ok).toBe(true);
    expect(judgeEntry('direct', answer({ cause: 'refused' })).ok).toBe(false);
    expect(judgeEntry('off', null).ok).toBe(false);
  });

  it('refuses only when every entry failed', () => {
    const bad = { entry: 'x', ok: false, reason: 'dns' };
    expect(allEntriesFailed([bad, { ...bad, entry: 'direct' }])).toBe(true);
    expect(allEntriesFailed([bad, { entry: 'direct', ok: true, reason: '' }])).toBe(false);
    expect(allEntriesFailed([])).toBe(false);
  });
});
