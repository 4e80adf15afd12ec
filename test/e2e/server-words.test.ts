// Server words kept: a gateway answers the module proxy requests with an error status and a body; the real `go`
// prints the body's first lines after "server response:" (cmd/go/internal/web/api.go formatErrorDetail) and our
// probe must keep exactly the same words — and recognise HTML gateway pages, which Go does not print, by title.
import { afterEach, describe, expect, it } from 'vitest';
import { execa } from 'execa';
import { probeUrl } from '../../src/probes/http-probe.js';
import { makeHermeticGo, TEST_GO } from '../helpers/go-env.js';
import { startGatewayServer, type GatewayAnswer } from '../helpers/gateway-server.js';

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** What go prints after "server response:" for this answer ('' when nothing), and what our probe keeps. */
async function both(answer: GatewayAnswer) {
  const gw = await startGatewayServer(answer);
  cleanups.push(() => gw.close());
  const h = makeHermeticGo({ GOPROXY: gw.url });
  cleanups.push(() => h.cleanup());
  const [r, probe] = await Promise.all([
    execa(TEST_GO, ['mod', 'download', 'example.com/dep@v1.0.0'], {
      env: h.env,
      extendEnv: false,
      reject: false,
      timeout: 30_000,
      stdin: 'ignore',
    }),
    probeUrl(`${gw.url}/example.com/dep/@v/v1.0.0.info`, { timeoutMs: 2000, env: h.env }),
  ]);
  const m = /\n\tserver response:(?: |\n\t)([\s\S]*)$/.exec(String(r.stderr).trimEnd());
  return { go: m ? m[1]! : '', goStatus: /: (\d{3} [^\n]*)/.exec(String(r.stderr))?.[1], probe };
}

const TEXT = 'text/plain; charset=utf-8';

describe('server response: the same words as go', () => {
  it.each<[string, GatewayAnswer]>([
    ['one line', { status: 403, contentType: TEXT, body: 'This module version is not available.\n' }],
    [
      'several lines, stop at the first blank one',
      { status: 403, contentType: TEXT, body: 'Blocked.\nReason: policy\n\nignored\n' },
    ],
    [
      'more than 8 lines',
      { status: 400, contentType: 'text/plain', body: Array.from({ length: 12 }, (_, i) => `line ${i}`).join('\n') },
    ],
    ['a line over 648 bytes', { status: 502, contentType: TEXT, body: `${'x'.repeat(700)}\n` }],
    [
      'charset us-ascii, upper case type',
      { status: 404, contentType: 'Text/Plain; charset=US-ASCII', body: 'not here\n' },
    ],
    ['another charset: no detail', { status: 403, contentType: 'text/plain; charset=iso-8859-1', body: 'denied\n' }],
    ['a control character: no detail', { status: 403, contentType: TEXT, body: 'denied\u001b[31m\n' }],
    ['invalid UTF-8: no detail', { status: 403, contentType: TEXT, body: Buffer.from([0x64, 0xff, 0x0a]) }],
    ['HTML: no detail', { status: 403, contentType: 'text/html', body: '<html><title>Denied</title></html>' }],
    ['own reason phrase', { status: 403, reason: 'Blocked By Policy', contentType: TEXT, body: 'no\n' }],
  ])('%s', async (_name, answer) => {
    const { go, goStatus, probe } = await both(answer);
    expect(probe.ok).toBe(false);
    expect(probe.serverResponse ?? '').toBe(go);
    expect(goStatus).toBe(`${answer.status} ${probe.statusText}`);
    if (go !== '') expect(String(probe.message)).toContain('server response: ');
  });
});

describe('gateway pages', () => {
  it('an HTML 403 is named by its title; a login form is recognised', async () => {
    const html = await both({
      status: 403,
      contentType: 'text/html',
      body: '<html><head><title>Access Denied &ndash; Corp</title></head></html>',
    });
    expect(html.probe.gateway).toEqual({ kind: 'html', title: 'Access Denied &ndash; Corp' });
    expect(String(html.probe.message)).toContain('with an HTML page "Access Denied &ndash; Corp"');
    const login = await both({
      status: 401,
      contentType: 'text/html; charset=utf-8',
      body: '<!doctype html><title>Corp SSO</title><form action="/login"><input type="password" name="p"></form>',
    });
    expect(login.probe).toMatchObject({ cause: 'auth', gateway: { kind: 'login-form', title: 'Corp SSO' } });
  });

  it('a 200 HTML page where a version list belongs is a bad response naming the page', async () => {
    const gw = await startGatewayServer({
      status: 200,
      contentType: 'text/html',
      body: '<html><title>Welcome to Hotel WiFi</title><form><input type=password></form></html>',
    });
    cleanups.push(() => gw.close());
    const r = await probeUrl(`${gw.url}/example.com/dep/@v/list`, { timeoutMs: 2000, env: {}, expect: 'list' });
    expect(r).toMatchObject({ ok: false, cause: 'bad-response', hop: 'target' });
    expect(String(r.message)).toBe(
      'the server answered with a login page "Welcome to Hotel WiFi", not a Go module proxy response (a gateway asking to sign in)',
    );
  });
});
