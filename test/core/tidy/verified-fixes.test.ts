// Tidy's route advice through doctor's fix search (core/tidy/verified-fixes.ts): which problems are searched for, the
// needs they make, and how the search's answer takes the place of the advice.
import { describe, expect, it } from 'vitest';
import { commentFix, type Fix } from '../../../src/core/fix/fix.js';
import { render } from '../../../src/core/i18n/message.js';
import { fixMsg } from '../../../src/core/i18n/messages/fix.js';
import type { TidyProblem } from '../../../src/core/tidy/report-model.js';
import { searchNeeds, withSearchedFixes } from '../../../src/core/tidy/verified-fixes.js';
import { renderFixes } from '../../../src/report/fix-render.js';
import { tidyJson } from '../../../src/report/tidy-render.js';

const advice = commentFix(
  fixMsg('fix.note.notVerified', { change: 'GOPROXY=https://mirror.example|direct' }),
  'GOPROXY',
);
const login = commentFix('log in to the proxy');
const problem = (o: Partial<TidyProblem>): TidyProblem => ({
  rule: 'proxy-network',
  cause: 'refused',
  module: 'example.com/hello',
  phase: 'proxy',
  message: 'x',
  fix: [login, advice],
  ...o,
});
const LIST = ['example.com/hello@ list'];
const drop: Fix = {
  kind: 'set',
  variable: 'GOPROXY',
  value: 'http://127.0.0.1:1',
  scope: 'env',
  verifiedBy: ['probe'],
};

describe('searchNeeds', () => {
  it('the version list without a version, the .info with one, the lookup for a checksum-database problem', () => {
    expect(
      searchNeeds([
        problem({}),
        problem({ module: 'example.com/a', version: 'v1.0.0' }),
        problem({ module: 'example.com/b', version: 'v1.2.0', phase: 'sumdb' }),
        problem({}), // the same need once
      ]).map((n) => `${n.module}@${n.version ?? ''} ${n.what}`),
    ).toEqual(['example.com/hello@ list', 'example.com/a@v1.0.0 info', 'example.com/b@v1.2.0 sumdb-lookup']);
  });

  it('the file its URL asked for: a .zip, a .mod, @latest', () => {
    const at = (file: string, version?: string) =>
      problem({ url: `http://127.0.0.1:8080/example.com/hello/${file}`, ...(version ? { version } : {}) });
    expect(
      searchNeeds([at('@v/v1.1.0.zip', 'v1.1.0'), at('@v/v1.1.0.mod', 'v1.1.0'), at('@latest')]).map(
        (n) => `${n.version ?? ''} ${n.what}`,
      ),
    ).toEqual(['v1.1.0 zip', 'v1.1.0 mod', ' latest']);
  });

  it('nothing for a problem without unverified route advice, a leak, a toolchain, or no module', () => {
    expect(
      searchNeeds([
        problem({ fix: [login] }),
        problem({ cause: 'leak' }),
        problem({ module: 'golang.org/toolchain', version: 'v0.0.1-go1.99.0.linux-amd64' }),
        problem({ module: undefined }),
      ]),
    ).toEqual([]);
  });
});

describe('withSearchedFixes', () => {
  it('a verified fix takes the advice’s place, said to be verified', () => {
    const p = withSearchedFixes(problem({}), { failing: LIST, verified: [drop], tried: [] });
    expect(renderFixes(p.fix)).toEqual([
      '# log in to the proxy',
      '# verified here: probed as Go would request it, the change makes example.com/hello fetchable',
      'export GOPROXY=http://127.0.0.1:1   # GOPROXY comes from your environment: change it where your shell profile or CI sets it',
    ]);
    expect(p.fixSearch).toEqual({ verified: true, tried: [] });
  });

  it('none verified: one line naming what was tried, instead of the advice', () => {
    const tried = [{ fixes: [{ ...drop, verifiedBy: undefined }], reason: 'refused' }];
    const p = withSearchedFixes(problem({}), { failing: LIST, tried });
    expect(renderFixes(p.fix)).toEqual([
      '# log in to the proxy',
      '# no verified fix: none of the changes tried from here makes it fetchable (GOPROXY=http://127.0.0.1:1)',
    ]);
    // JSON: the search's answer in fields of its own, the changes tried as the commands they are.
    const json = tidyJson({ outcome: 'failed', goExitCode: 1, durationMs: 1, modules: [], problems: [p] });
    expect((json.problems as Array<Record<string, unknown>>)[0]!.fixSearch).toEqual({
      verified: false,
      tried: [
        {
          fixes: [
            'export GOPROXY=http://127.0.0.1:1   # GOPROXY comes from your environment: change it where your shell profile or CI sets it',
          ],
          reason: 'refused',
        },
      ],
    });
  });

  it("the changes tried in the reader's language: a candidate of two changes, an addition to a list", () => {
    const both: Fix[] = [
      { kind: 'set', variable: 'GOPRIVATE', value: 'example.com', scope: 'goenv' },
      { kind: 'set', variable: 'NO_PROXY', value: 'proxy.corp.example', append: true, scope: 'env' },
    ];
    const tried = [
      { fixes: both, reason: 'x' },
      { fixes: [{ ...drop, verifiedBy: undefined }], reason: 'y' },
    ];
    const note = withSearchedFixes(problem({}), { failing: LIST, tried }).fix[1]!.note!;
    expect(render(note, 'en')).toBe(
      'no verified fix: none of the changes tried from here makes it fetchable (GOPRIVATE=example.com with add proxy.corp.example to NO_PROXY; GOPROXY=http://127.0.0.1:1)',
    );
    expect(render(note, 'zh')).toContain('（GOPRIVATE=example.com，并且 ');
    expect(render(note, 'zh')).toContain('；GOPROXY=http://127.0.0.1:1）');
  });

  it('a problem the search was not for stays as it is', () => {
    const p = problem({ cause: 'leak' });
    expect(withSearchedFixes(p, { failing: LIST, verified: [drop], tried: [] })).toBe(p);
  });

  it('stays as it is when its own fetch did not fail in the search, or there is nothing to say instead', () => {
    const p = problem({});
    expect(withSearchedFixes(p, { failing: ['example.com/other@ list'], verified: [drop], tried: [] })).toBe(p);
    expect(withSearchedFixes(p, { failing: LIST, tried: [] })).toBe(p);
    const secret = { ...drop, value: 'https://u:pw@proxy.corp.example' };
    expect(withSearchedFixes(p, { failing: LIST, verified: [secret], tried: [] })).toBe(p);
  });

  it('a checksum-database problem without a version is not searched', () => {
    expect(searchNeeds([problem({ phase: 'sumdb' })])).toEqual([]);
  });
});
