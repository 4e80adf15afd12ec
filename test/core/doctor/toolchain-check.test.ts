// The Go toolchain validator over a fake probe: found or not, and what a newer go line in go.mod makes Go download
// (cmd/go/internal/toolchain/select.go Select; golang.org/toolchain through GOPROXY,
// cmd/go/internal/modfetch/proxy.go).
import { describe, expect, it } from 'vitest';
import { toolchainCheck } from '../../../src/core/doctor/checks/toolchain.js';
import type { CheckResult } from '../../../src/core/doctor/check.js';
import { renderFixes } from '../../../src/report/fix-render.js';
import { english, type FakeAnswer, fakeContext } from './fake-context.js';

const NEWER = 'module example.com/m\n\ngo 1.99.0\n';
const TC_INFO = 'https://proxy.golang.org/golang.org/toolchain/@v/v0.0.1-go1.99.0.linux-amd64.info';

async function run(o: Parameters<typeof fakeContext>[0]): Promise<{ results: CheckResult[]; probed: string[] }> {
  const ctx = fakeContext(o);
  const r = await toolchainCheck.run(ctx);
  return { results: (Array.isArray(r) ? r : [r]).map(english), probed: ctx.probed };
}

describe('toolchain check', () => {
  it('Go not found: a warning, and nothing is probed', async () => {
    const { results, probed } = await run({ goVersion: null, goMod: NEWER });
    expect(results).toMatchObject([{ id: 'go', status: 'warn' }]);
    expect(probed).toEqual([]);
  });

  it('no go.mod, or one this Go satisfies: only the Go found line', async () => {
    expect((await run({})).results).toMatchObject([{ id: 'go', status: 'ok', title: 'go1.26.8' }]);
    const same = await run({ goMod: 'module m\n\ngo 1.21\n' });
    expect(same.results.map((r) => r.id)).toEqual(['go']);
  });

  const table: Array<[string, Parameters<typeof fakeContext>[0], Partial<CheckResult>, RegExp, string[]]> = [
    ['Go 1.19 predates switching', { goVersion: 'go1.19.8' }, { status: 'warn' }, /predates toolchain switching/, []],
    [
      'GOTOOLCHAIN=local forbids switching',
      { goenv: { GOTOOLCHAIN: 'local' } },
      { status: 'fail' },
      /GOTOOLCHAIN=local forbids switching/,
      [],
    ],
    [
      'an empty GOTOOLCHAIN (a packager removed it) forbids switching',
      { goenv: { GOTOOLCHAIN: '' } },
      { status: 'fail' },
      /GOTOOLCHAIN=\(empty\) forbids switching/,
      [],
    ],
    [
      'path only looks in PATH',
      { goenv: { GOTOOLCHAIN: 'path' } },
      { status: 'warn' },
      /only looks for it in PATH/,
      [],
    ],
    [
      'toolchains are always verified: GOSUMDB=off fails',
      { goenv: { GOSUMDB: 'off' } },
      { status: 'fail' },
      /GOSUMDB=off makes them fail/,
      [],
    ],
    ['GOPROXY=off cannot download it', { goenv: { GOPROXY: 'off' } }, { status: 'fail' }, /GOPROXY=off forbids/, []],
    [
      'the proxy serves it',
      { answers: [[TC_INFO, { status: 200 }]] },
      { status: 'ok', httpStatus: 200 },
      /will download golang.org\/toolchain@v0.0.1-go1.99.0.linux-amd64/,
      [TC_INFO],
    ],
    [
      'the proxy does not have it',
      { answers: [[TC_INFO, { status: 404, message: 'not found' }]] },
      { status: 'fail', httpStatus: 404 },
      /is not available from https:\/\/proxy.golang.org/,
      [TC_INFO],
    ],
    [
      'GONOPROXY matching golang.org/toolchain: the go-import meta tag names go.dev/dl/mod',
      {
        goenv: { GONOPROXY: 'golang.org' },
        answers: [['https://go.dev/dl/mod/golang.org/toolchain/@v/', { status: 200 } as FakeAnswer]],
      },
      { status: 'ok' },
      /from https:\/\/go.dev\/dl\/mod/,
      ['https://go.dev/dl/mod/golang.org/toolchain/@v/v0.0.1-go1.99.0.linux-amd64.info'],
    ],
  ];
  it.each(table)('%s', async (_name, o, want, message, urls) => {
    const { results, probed } = await run({ goMod: NEWER, ...o });
    const sw = results.find((r) => r.id === 'go.toolchain');
    expect(sw).toMatchObject(want);
    expect(sw!.message).toMatch(message);
    expect(probed).toEqual(urls);
  });

  it('fixes name settings that exist in this Go', async () => {
    const local = await run({ goMod: NEWER, goenv: { GOTOOLCHAIN: 'local' } });
    expect(renderFixes(local.results[1]!.fix)).toEqual(['go env -w GOTOOLCHAIN=auto', '# or install go1.99.0']);
    const off = await run({ goMod: NEWER, goenv: { GOSUMDB: 'off' } });
    expect(renderFixes(off.results[1]!.fix)[0]).toBe('go env -u GOSUMDB');
  });
});
