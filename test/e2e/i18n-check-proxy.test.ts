// `gomodctl check-proxy` in English and Chinese, as snapshots: a conformant proxy and a non-conformant one (an HTML
// page with status 200 for what does not exist), against loopback servers of our own (colours off; durations, ports,
// temp paths, dates and hashes normalised). The --json document is byte-identical in both languages apart from
// durations; lines fit 80 columns unless a line is one word or a URL.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { displayWidth } from '../../src/core/text-width.js';
import { startBadProxy, CANARY_ARGS, type BadProxy, type BadProxyKind } from '../helpers/bad-proxies.js';
import { makeHermeticGo } from '../helpers/go-env.js';
import { runCli } from '../helpers/run-cli.js';

const SNAP = join(import.meta.dirname, '__snapshots__', 'i18n');
const KINDS = ['conformant', 'html-200'] as const;
const proxies = new Map<BadProxyKind, BadProxy>();

beforeAll(async () => {
  for (const kind of KINDS) proxies.set(kind, await startBadProxy(kind));
});
afterAll(async () => {
  await Promise.all([...proxies.values()].map((p) => p.close()));
});

async function checkProxy(kind: BadProxyKind, lang: string, json = false, extra: NodeJS.ProcessEnv = {}) {
  const p = proxies.get(kind)!;
  const h = makeHermeticGo({
    GOSUMDB: p.sumdb.verifierKey,
    SSL_CERT_FILE: p.caFile,
    GOMODCTL_LANG: lang,
    COLUMNS: '80',
    ...extra,
  });
  try {
    const args = ['check-proxy', p.url, '--timeout', '15s', ...CANARY_ARGS, ...(json ? ['--json'] : [])];
    const r = await runCli(args, { env: h.env, cwd: h.dir });
    return { ...r, stdout: normalise(r.stdout, p.url, h.dir) };
  } finally {
    h.cleanup();
  }
}

/** Without what differs between runs: the proxy's port, durations, the certificate's dates, temp paths. */
function normalise(text: string, url: string, dir: string): string {
  return text
    .replaceAll(url, '<PROXY>')
    .replaceAll(dir, '<TMP>')
    .replace(/127\.0\.0\.1:\d+/g, '127.0.0.1:<PORT>')
    .replace(/\b\d+(\.\d+)?(ms|s)\b/g, '<D>')
    .replace(/"(ms|durationMs|generatedAt)": ?("[^"]*"|\d+)/g, '"$1":0')
    .replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z/g, '<DATE>')
    .replace(/\b[A-Z][a-z]{2} [A-Z][a-z]{2} +\d+ \d{2}:\d{2}:\d{2} \d{4} GMT\b/g, '<DATE>')
    .replace(/\b\d+ (bytes|字节)/g, 'N $1')
    .replace(/（\d+ 字节）|\(\d+ bytes\)/g, (m) => m.replace(/\d+/, 'N'));
}

// Concurrent: each test is one CLI run against the shared servers (the snapshots use the test's own expect).
describe.concurrent.each(['en', 'zh'])('language %s', (lang) => {
  it.for(KINDS)('%s proxy: the report', async (kind, { expect }) => {
    const r = await checkProxy(kind, lang);
    expect(r.exitCode, r.stderr).toBe(kind === 'conformant' ? 0 : 1);
    await expect(r.stdout).toMatchFileSnapshot(join(SNAP, `check-proxy-${kind}.${lang}.txt`));
    const wide = r.stdout.split('\n').filter((l) => displayWidth(l) > 80 && /\S\s+\S/.test(l.trim()));
    // An exchange line (GET <url> → …) and a module list are data; prose is wrapped.
    expect(wide.filter((l) => !/^\s+GET |https?:\/\/\S{30,}/.test(l))).toEqual([]);
  });
});

describe.concurrent('machine output does not depend on the language', () => {
  it('html-200 proxy: the JSON is byte-identical in en and zh (durations aside)', async ({ expect }) => {
    const kind = 'html-200';
    const [en, zh] = await Promise.all(['en', 'zh'].map((lang) => checkProxy(kind, lang, true)));
    expect(en!.stdout).toMatch(/"schemaVersion"/);
    expect(zh!.stdout).toBe(en!.stdout);
    expect(en!.stdout).not.toMatch(/[\u4e00-\u9fff]/);
  });
});

describe.concurrent('a terminal that cannot show ✓ ✗ → …', () => {
  it('TERM=dumb: English in ASCII', async ({ expect }) => {
    const r = await checkProxy('html-200', '', false, { TERM: 'dumb', LANG: 'en_US.UTF-8', GOMODCTL_LANG: undefined });
    expect(r.stdout).toMatch(/^ {2}\+ reachable$/m);
    expect(r.stdout).toMatch(/^ {2}x a module that does not exist: 404\/410/m);
    expect(r.stdout).toMatch(/ -> 200 text\/html/);
    expect(r.stdout.split('\n').filter((l) => /[^\x00-\x7f]/.test(l))).toEqual([]);
  });
});
