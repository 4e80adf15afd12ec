// The checksum-database validator over a fake probe: the database is found as Go's initBase does
// (cmd/go/internal/modfetch/sumdb.go: <proxy>/sumdb/<name>/supported, else direct, or the URL in GOSUMDB), the
// lookup Go would make is fetched, and its signed tree note verified (golang.org/x/mod/sumdb/note Open).
import { describe, expect, it } from 'vitest';
import { sumdbCheck } from '../../../src/core/doctor/checks/sumdb.js';
import type { CheckResult } from '../../../src/core/doctor/check.js';
import { renderFixes } from '../../../src/report/fix-render.js';
import { formatTreeNote, generateKeyPair, signNote } from '../../helpers/note-signer.js';
import { english, type FakeAnswer, fakeContext } from './fake-context.js';

const NAME = 'sum.test.example';
const keys = generateKeyPair(NAME, new Uint8Array(32).fill(3));
const other = generateKeyPair(NAME, new Uint8Array(32).fill(4));
const tree = (signer: string) => signNote(formatTreeNote(7, new Uint8Array(32).fill(1)), signer);
const lookupBody = (signer: string) =>
  `42\ngolang.org/x/text v0.14.0 h1:abc=\ngolang.org/x/text v0.14.0/go.mod h1:def=\n\n${tree(signer)}`;
const SUPPORTED = `https://proxy.golang.org/sumdb/${NAME}/supported`;
const LOOKUP = `https://proxy.golang.org/sumdb/${NAME}/lookup/golang.org/x/text@v0.14.0`;

async function run(goenv: Record<string, string>, answers: Array<[string, FakeAnswer]>) {
  const ctx = fakeContext({ goenv, answers });
  const r = english((await sumdbCheck.run(ctx)) as CheckResult);
  return { r, probed: ctx.probed, fix: renderFixes(r.fix) };
}

describe('sumdb check', () => {
  it.each<[string, Record<string, string>, RegExp]>([
    ['GOSUMDB=off', { GOSUMDB: 'off' }, /checksums are not verified/],
    ['an invalid GOSUMDB (the configuration check explains it)', { GOSUMDB: 'a b c' }, /GOSUMDB is invalid/],
    ['the canary matches GONOSUMDB', { GONOSUMDB: 'golang.org' }, /not sent to the checksum database/],
  ])('%s: skipped without a probe', async (_name, goenv, message) => {
    const { r, probed } = await run(goenv, []);
    expect(r.status).toBe('skip');
    expect(r.message).toMatch(message);
    expect(probed).toEqual([]);
  });

  it('proxied by the first GOPROXY entry: verified against the key', async () => {
    const { r, probed } = await run({ GOSUMDB: keys.verifierKey }, [
      [SUPPORTED, { status: 200 }],
      [LOOKUP, { status: 200, body: lookupBody(keys.signerKey) }],
    ]);
    expect(r).toMatchObject({ status: 'ok' });
    expect(r.message).toMatch(/signed tree verified \(size 7\)/);
    expect(probed).toEqual([SUPPORTED, LOOKUP]);
  });

  it('a proxy that does not proxy it (404): Go goes to the database directly', async () => {
    const direct = `https://${NAME}/lookup/golang.org/x/text@v0.14.0`;
    const { r, probed } = await run({ GOSUMDB: keys.verifierKey }, [
      [SUPPORTED, { status: 404 }],
      [direct, { status: 200, body: lookupBody(keys.signerKey) }],
    ]);
    expect(r.status).toBe('ok');
    expect(probed).toEqual([SUPPORTED, direct]);
  });

  it('an answer signed by another key fails as bad-signature', async () => {
    const { r, fix } = await run({ GOSUMDB: keys.verifierKey }, [
      [SUPPORTED, { status: 200 }],
      [LOOKUP, { status: 200, body: lookupBody(other.signerKey) }],
    ]);
    expect(r).toMatchObject({ status: 'fail', cause: 'bad-signature' });
    expect(fix[0]).toBe('# check the GOSUMDB key (name+hash+keydata) with the database operator');
  });

  it('a proxy that errors on /supported after ",": Go stops there', async () => {
    const { r, probed, fix } = await run({ GOSUMDB: keys.verifierKey }, [
      [SUPPORTED, { status: 500, cause: 'http-status', message: 'answered 500' }],
    ]);
    expect(r.status).toBe('fail');
    expect(r.message).toMatch(/could not say whether it proxies sum.test.example/);
    expect(probed).toEqual([SUPPORTED]);
    expect(fix).toContain(
      'go env -w GOSUMDB=sum.golang.google.cn   # reachable mirror of sum.golang.org (mainland China)',
    );
  });

  it('the URL in GOSUMDB bypasses the proxies', async () => {
    const url = 'https://sumdb.corp.example/db';
    const { r, probed } = await run({ GOSUMDB: `${keys.verifierKey} ${url}` }, [
      [`${url}/lookup/`, { status: 200, body: lookupBody(keys.signerKey) }],
    ]);
    expect(r.status).toBe('ok');
    expect(probed).toEqual([`${url}/lookup/golang.org/x/text@v0.14.0`]);
  });
});
