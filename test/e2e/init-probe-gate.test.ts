// `init --preset … --yes` probes the preset's proxies before writing (issue 13): refused when no entry answers,
// written when one does or with --no-probe. The preset's public URLs are reached only through a loopback
// HTTPS_PROXY that refuses (nothing leaves 127.0.0.1); `direct` is probed at GOMODCTL_DIRECT_URL.
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refusedUrl, startFaultProxy, type FaultProxy } from '../helpers/fault-proxy.js';
import { makeHermeticGo } from '../helpers/go-env.js';
import { runCli } from '../helpers/run-cli.js';

let dead: string;
let p: FaultProxy;
beforeAll(async () => {
  [dead, p] = await Promise.all([refusedUrl(), startFaultProxy()]);
});
afterAll(() => p?.close());

async function init(args: string[], directUrl: string) {
  const h = makeHermeticGo({
    GOPROXY: undefined,
    GOSUMDB: undefined,
    GONOSUMDB: undefined,
    HTTPS_PROXY: dead,
    GOMODCTL_DIRECT_URL: directUrl,
    GOMODCTL_PROBE_TIMEOUT_MS: '1500',
  });
  try {
    const r = await runCli(['init', '--preset', 'china', '--yes', ...args], {
      env: h.env,
      cwd: h.dir,
      timeoutMs: 20_000,
    });
    const goenv = existsSync(h.env.GOENV!) ? readFileSync(h.env.GOENV!, 'utf8') : '';
    return { ...r, goenv };
  } finally {
    h.cleanup();
  }
}

describe('init --preset --yes probes before writing', () => {
  it('every entry fails: exit 1, names each entry, writes nothing', async () => {
    const r = await init([], `${dead}/`);
    expect(r.exitCode, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/not writing GOPROXY=https:\/\/goproxy\.cn,direct: no entry answered.*--no-probe/);
    expect(r.stderr).toMatch(/https:\/\/goproxy\.cn: .*; direct: /);
    expect(r.goenv).not.toMatch(/GOPROXY/);
  });

  it('--no-probe writes it anyway; an entry that answers lets it through', async () => {
    const [forced, direct] = await Promise.all([init(['--no-probe'], `${dead}/`), init([], `${p.url}/`)]);
    expect(forced.exitCode, forced.stderr).toBe(0);
    expect(forced.goenv).toMatch(/GOPROXY=https:\/\/goproxy\.cn,direct/);
    expect(direct.exitCode, direct.stderr).toBe(0);
    expect(direct.goenv).toMatch(/GOPROXY=https:\/\/goproxy\.cn,direct/);
  });
});
