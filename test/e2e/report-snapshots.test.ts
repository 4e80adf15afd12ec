// Snapshots of the human reports (issue 8), normalised: no colour (NO_COLOR), and durations, ports, temp paths, Go's
// version, backup ids and times replaced by placeholders. env and route are in i18n-env-route.test.ts (en and zh).
// Run with the machine's go only (test/go-legs.txt): they pin our layout, not Go's behaviour. Update them with
// `npx vitest run test/e2e/report-snapshots.test.ts -u` and read the diff; the doctor and tidy ones change when those
// reports do.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CANARY_ARGS, startBadProxy, type BadProxy } from '../helpers/bad-proxies.js';
import { refusedUrl, startFaultProxy, type FaultProxy } from '../helpers/fault-proxy.js';
import { makeHermeticGo, TEST_GO, type HermeticGo } from '../helpers/go-env.js';
import { runCli } from '../helpers/run-cli.js';
import { goMinor, prepare, SCENARIOS, type Prepared } from '../fixtures/tidy/scenarios.js';

const SNAP = join(import.meta.dirname, '__snapshots__', 'reports');
const temps: Array<{ close(): unknown } | HermeticGo> = [];
let p: FaultProxy;
let conformant: BadProxy;
let dead: string;
beforeAll(async () => {
  [p, conformant, dead] = await Promise.all([startFaultProxy(), startBadProxy('conformant'), refusedUrl()]);
});
afterAll(async () => {
  await Promise.all([p?.close(), conformant?.close()]);
  for (const t of temps) 'cleanup' in t ? t.cleanup() : await t.close();
});

/** The text without what differs between runs and machines. */
function normalise(text: string, dirs: string[]): string {
  let t = text;
  for (const d of dirs) t = t.replaceAll(d, '<TMP>');
  return t
    .replace(/\/tmp\/[\w.-]+/g, '<TMP>')
    .replace(/(127\.0\.0\.1|localhost):\d+/g, '$1:<PORT>')
    .replace(/go1\.\d+(\.\d+)?(rc\d+)?/g, 'go1.N')
    .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g, '<TIME>')
    .replace(/\b\d{8}T\d{6,9}Z?-[0-9a-f]+\b/g, '<ID>')
    .replace(/\b\d+(\.\d+)?(ms|s)\b/g, '<T>')
    .replace(/\b\dm\d\ds\b/g, '<T>')
    .replace(/[ \t]+$/gm, '');
}

function hermetic(env: NodeJS.ProcessEnv): HermeticGo {
  const h = makeHermeticGo({ GONOSUMDB: undefined, GOFLAGS: undefined, ...env });
  temps.push(h);
  return h;
}

async function run(args: string[], h: HermeticGo, cwd = h.dir) {
  const r = await runCli(args, { env: { ...h.env, NO_COLOR: '1', COLUMNS: '100' }, cwd, timeoutMs: 30_000 });
  return { ...r, text: normalise(r.stdout, [h.dir]) };
}

describe.skipIf(Boolean(process.env.GOMODCTL_TEST_GO))('human reports (normalised snapshots)', () => {
  it('init --dry-run', async () => {
    const h = hermetic({ GOPROXY: undefined, GOSUMDB: undefined });
    const r = await run(
      [
        'init',
        '--dry-run',
        '--proxy',
        'https://goproxy.cn,direct',
        '--private',
        'corp.example.com',
        '--sumdb',
        'sum.golang.google.cn',
      ],
      h,
    );
    expect(r.exitCode, r.stderr).toBe(0);
    await expect(r.text).toMatchFileSnapshot(join(SNAP, 'init-dry-run.txt'));
  });

  it('restore --list and restore --dry-run after an init', async () => {
    const h = hermetic({ GOPROXY: undefined, GOSUMDB: undefined });
    expect((await run(['init', '--yes', '--proxy', 'https://goproxy.cn,direct'], h)).exitCode).toBe(0);
    const list = await run(['restore', '--list'], h);
    const dry = await run(['restore', '--dry-run'], h);
    expect([list.exitCode, dry.exitCode], list.stderr + dry.stderr).toEqual([0, 0]);
    await expect(
      `$ gomodctl restore --list\n${list.text}\n$ gomodctl restore --dry-run\n${dry.text}`,
    ).toMatchFileSnapshot(join(SNAP, 'restore.txt'));
  });

  it('check-proxy against a conformant proxy', async () => {
    const h = hermetic({ GOSUMDB: conformant.sumdb.verifierKey, SSL_CERT_FILE: conformant.caFile });
    const r = await run(['check-proxy', conformant.url, '--timeout', '5s', ...CANARY_ARGS], h);
    expect(r.exitCode, r.stderr).toBe(0);
    await expect(r.text).toMatchFileSnapshot(join(SNAP, 'check-proxy.txt'));
  });

  it.each([
    ['healthy', () => ({ GOPROXY: p.url, GOSUMDB: p.sumdb.verifierKey }), 0],
    ['refused', () => ({ GOPROXY: dead, GOSUMDB: p.sumdb.verifierKey }), 1],
  ] as const)('doctor, %s proxy', async (name, env, exit) => {
    // The fix search (issue 13) probes the mirrors of GOMODCTL_MIRRORS instead of the public ones.
    const h = hermetic({ ...env(), GOMODCTL_MIRRORS: dead });
    const r = await run(['doctor', '--timeout', '1s', '--module', 'example.com/hello@v1.0.0'], h);
    expect(r.exitCode, r.stderr).toBe(exit);
    await expect(r.text).toMatchFileSnapshot(join(SNAP, `doctor-${name}.txt`));
  });

  it.each([
    ['healthy', 0],
    ['status-404', 1],
  ] as const)('tidy --explain, %s', async (name, exit) => {
    const h = hermetic({});
    const minor = goMinor((await runCli(['env', '--json'], { env: h.env })).stdout.match(/go1\.\d+/)?.[0] ?? null);
    const s: Prepared = await prepare(SCENARIOS.find((x) => x.name === name)!, h.dir, minor);
    temps.push(s.proxy);
    const r = await runCli(['tidy', '--explain', '--stall', '1s', '--timeout', '10s', '--go', TEST_GO, '-C', s.dir], {
      env: { ...h.env, ...s.env, NO_COLOR: '1', COLUMNS: '100' },
      timeoutMs: 30_000,
    });
    expect(r.exitCode, r.stderr).toBe(exit);
    await expect(normalise(r.stdout, [h.dir, s.dir])).toMatchFileSnapshot(join(SNAP, `tidy-${name}.txt`));
  });
});
