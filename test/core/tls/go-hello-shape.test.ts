// The ClientHello engine against the captured hellos of the real go 1.19 … 1.27 (test/fixtures/tls-hello, every
// GODEBUG variant): the built record must parse to exactly what go sent, and the measured table must agree.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { keyShareData, readServerAnswer, sniName } from '../../../src/core/tls/client-hello.js';
import { GROUP } from '../../../src/core/tls/go-hello-shape.js';
import { GO_HELLO_TABLE } from '../../../src/core/tls/go-hello-table.js';
import type { ParsedClientHello } from '../../helpers/tls-record.js';
import { engineHello } from '../../helpers/go-hello.js';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures', 'tls-hello');
type Capture = ParsedClientHello & { godebug: string; host: string };
const captured = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(readFileSync(join(FIXTURES, f), 'utf8')) as { go: string; captures: Capture[] });

describe('every captured ClientHello is reproduced exactly (shape, sizes, extension order)', () => {
  it('fixtures exist for every release in the table', () => {
    expect(captured.map((c) => c.go).sort()).toEqual(GO_HELLO_TABLE.map((r) => r.go).sort());
  });
  for (const { go, captures } of captured) {
    it.each(captures.map((c) => [c.godebug || '(none)', c.host, c] as const))(`${go} GODEBUG=%s %s`, (_, host, c) => {
      const { godebug: debug, host: _h, ...real } = c;
      expect(engineHello(go, debug, host)).toEqual(real);
    });
  }
});

describe('GO_HELLO_TABLE', () => {
  it.each(GO_HELLO_TABLE.map((r) => [r.go, r] as const))('%s: sizes and key shares', (go, row) => {
    const names: Record<number, string> = {
      [GROUP.x25519]: 'x25519',
      [GROUP.x25519MLKEM768]: 'x25519mlkem768',
      [GROUP.p256]: 'p256',
    };
    const h = engineHello(go, '', '127.0.0.1');
    expect(h.recordBytes).toBe(row.bytes);
    expect(h.keyShares.map((k) => `${names[k.group]}:${k.bytes}`).join(' ')).toBe(row.keyShares);
    for (const [debug, bytes] of Object.entries(row.godebug))
      expect([debug, engineHello(go, debug, '127.0.0.1').recordBytes]).toEqual([debug, bytes]);
  });
  it('a host name adds the server_name extension: 9 bytes + the name', () => {
    expect(engineHello('go1.26.8', '', 'goproxy.corp.test').recordBytes).toBe(1501 + 9 + 'goproxy.corp.test'.length);
  });
});

describe('sniName (crypto/tls hostnameInSNI)', () => {
  it.each([
    ['127.0.0.1', undefined],
    ['[::1]', undefined],
    ['fe80::1%eth0', undefined],
    ['goproxy.corp.test.', 'goproxy.corp.test'],
    ['999.1.1.1', '999.1.1.1'],
    ['01.2.3.4', '01.2.3.4'],
  ])('%s → %s', (h, want) => expect(sniName(h)).toBe(want));
});

describe('key shares', () => {
  it('the ML-KEM part of X25519MLKEM768 is a well-formed encapsulation key (every coefficient < q)', () => {
    const k = keyShareData(0x11ec, 1216, (n) => new Uint8Array(n).fill(0xff));
    for (let i = 0; i < 1152; i += 3) {
      expect(k[i]! | ((k[i + 1]! & 0x0f) << 8)).toBeLessThan(3329);
      expect((k[i + 1]! >> 4) | (k[i + 2]! << 4)).toBeLessThan(3329);
    }
  });
});

describe('readServerAnswer', () => {
  const serverHello = (random: string) =>
    Uint8Array.from([0x16, 0x03, 0x03, 0x00, 0x7a, 0x02, 0, 0, 0x76, 0x03, 0x03, ...Buffer.from(random, 'hex')]);
  it('ServerHello, HelloRetryRequest, alert, not TLS, incomplete', () => {
    expect(readServerAnswer(serverHello('00'.repeat(32)))).toEqual({ kind: 'server-hello' });
    const hrr = 'cf21ad74e59a6111be1d8c021e65b891c2a211167abb8c5e079e09e2c8a8339c';
    expect(readServerAnswer(serverHello(hrr))).toEqual({ kind: 'hello-retry' });
    expect(readServerAnswer(Uint8Array.from([0x15, 3, 3, 0, 2, 2, 40]))).toEqual({
      kind: 'alert',
      level: 2,
      description: 40,
    });
    expect(readServerAnswer(Buffer.from('HTTP/1.1 400 Bad Request\r\n'))).toEqual({ kind: 'not-tls' });
    expect(readServerAnswer(Uint8Array.from([0x16, 3, 3]))).toBeNull();
  });
});
