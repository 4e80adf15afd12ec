// Go 1.19 prints no -x: for a checksum database that never answers (test/fixtures/tidy/go1.19/sumdb-blackhole.txt,
// real output: only `go: finding module for package example.com/hello`) the watchdog predicts the request Go waits on.
// x/mod/sumdb/client.go asks the server `/lookup/M@V` (and tiles) only; `/latest` is read from its local config. The
// real Go 1.19 asked the fault proxy .../lookup/example.com/hello@v1.1.0 after writing @v/v1.1.0.info to the cache.
import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { classifyText } from '../../helpers/classify-text.js';
import { Timeline } from '../../../src/core/tidy/timeline.js';
import { diagnose } from '../../../src/core/tidy/diagnose.js';
import { predictedModule, probeTargets } from '../../../src/core/tidy/probe-targets.js';
import { proxyUrls } from '../../../src/core/goproxy.js';
import { versionBeingChecked } from '../../../src/go/module-cache.js';
import { tidySettings } from './model.js';

const DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures', 'tidy');
const PROXY = 'http://127.0.0.1:8080';
const DB = `${PROXY}/sumdb-blackhole/sumdb/sum.gomodctl.test`;
const KEY = 'sum.gomodctl.test+3d7ac52a+AdihNVixhNQ0TeLiwFaxtWx1I33hqrZ/+agDoFXHUpt5';
const cfg = tidySettings({ GOPROXY: PROXY, GOSUMDB: `${KEY} ${DB}` }, { goVersion: 'go1.19.8' });
const LOOKUP = `${DB}/lookup/example.com/hello@v1.1.0`;

function timeline() {
  const text = readFileSync(join(DIR, 'go1.19', 'sumdb-blackhole.txt'), 'utf8');
  const t = new Timeline(0, { proxyBases: proxyUrls(cfg.proxies) });
  for (const [i, e] of classifyText(text).entries()) t.apply(e, i + 1);
  return t;
}

describe('Go 1.19 sumdb-blackhole: the checksum request Go really waits on', () => {
  it('with the version the module cache shows resolved: /lookup/M@V, never /latest', () => {
    const t = timeline();
    expect(predictedModule(t)).toBe('example.com/hello');
    const targets = probeTargets(t, cfg.model, cfg.proxies, 'v1.1.0');
    expect(targets).toContain(LOOKUP);
    expect(targets.filter((u) => u.endsWith('/latest'))).toEqual([]);
  });

  it('with no version known: no checksum request is named (Go asks none without one)', () => {
    const targets = probeTargets(timeline(), cfg.model, cfg.proxies);
    expect(targets.filter((u) => u.startsWith(DB))).toEqual([]);
    expect(targets).toContain(`${PROXY}/example.com/hello/@v/list`);
  });

  it('the report names the lookup and the version when its probe times out', () => {
    const t = timeline();
    const probes = probeTargets(t, cfg.model, cfg.proxies, 'v1.1.0').map((url) =>
      url === LOOKUP
        ? { url, ok: false, cause: 'timeout', phase: 'response', message: 'no response' }
        : { url, ok: true, status: 200 },
    );
    const [p] = diagnose(t, { ...cfg, stalled: true, stalledForMs: 3000, now: 3400, probes });
    expect(p).toMatchObject({ rule: 'route-stall', phase: 'sumdb', url: LOOKUP, module: 'example.com/hello' });
    expect(p).toMatchObject({ version: 'v1.1.0' });
    expect(String(p!.message)).toContain(`of the URLs Go would request for it, ${LOOKUP} fails`);
  });
});

describe('versionBeingChecked: a .info Go wrote whose .mod it has not (modfetch/cache.go)', () => {
  it('the newest such version; none once the .mod is there; escaped paths', async () => {
    const cache = mkdtempSync(join(tmpdir(), 'gomodctl-resolved-'));
    try {
      const dir = join(cache, 'cache', 'download', 'example.com', '!hello', '@v');
      mkdirSync(dir, { recursive: true });
      expect(await versionBeingChecked(cache, 'example.com/Hello')).toBeUndefined();
      writeFileSync(join(dir, 'v1.0.0.info'), '{}');
      writeFileSync(join(dir, 'v1.0.0.mod'), 'module example.com/Hello\n');
      expect(await versionBeingChecked(cache, 'example.com/Hello')).toBeUndefined();
      writeFileSync(join(dir, 'v1.1.0.info'), '{}');
      expect(await versionBeingChecked(cache, 'example.com/Hello')).toBe('v1.1.0');
      expect(await versionBeingChecked(cache, 'example.com/other')).toBeUndefined();
    } finally {
      rmSync(cache, { recursive: true, force: true });
    }
  });
});
