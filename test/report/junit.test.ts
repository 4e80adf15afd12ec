// The JUnit XML writer, parsed back with a strict XML 1.0 parser (saxes) and checked against the structure GitLab's
// unit test reports and Jenkins' junit step need (the Ant JUnit schema's elements and attributes).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SaxesParser } from 'saxes';
import { doctorJUnit, renderJUnit, tidyJUnit, xmlAttr, type JUnitSuite } from '../../src/report/junit.js';
import { classifyText } from '../helpers/classify-text.js';
import { Timeline } from '../../src/core/tidy/timeline.js';
import { diagnose } from '../../src/core/tidy/diagnose.js';
import { buildTidyReport } from '../../src/core/tidy/report-model.js';
import { tidySettings } from '../core/tidy/model.js';
import type { CheckResult } from '../../src/core/doctor/check.js';
import type { TidyReport } from '../../src/core/tidy/report-model.js';

interface El {
  name: string;
  attrs: Record<string, string>;
  children: El[];
  text: string;
}

/** Parses with saxes (XML 1.0 well-formedness, character rules included); throws on the first error. */
function parseXml(xml: string): El {
  const p = new SaxesParser();
  const root: El = { name: '#document', attrs: {}, children: [], text: '' };
  const stack = [root];
  p.on('error', (e) => {
    throw e;
  });
  p.on('opentag', (t) => {
    const el: El = { name: t.name, attrs: t.attributes as Record<string, string>, children: [], text: '' };
    stack[stack.length - 1]!.children.push(el);
    stack.push(el);
  });
  p.on('text', (t) => {
    stack[stack.length - 1]!.text += t;
  });
  p.on('closetag', () => void stack.pop());
  p.write(xml).close();
  return root.children[0]!;
}

const NUM = /^\d+$/;
const TIME = /^\d+(\.\d+)?$/;

/** What GitLab and Jenkins need of a JUnit report; returns the violations (empty when fine). */
function junitViolations(root: El): string[] {
  const bad: string[] = [];
  const need = (el: El, name: string, re?: RegExp) => {
    const v = el.attrs[name];
    if (v === undefined || (re && !re.test(v))) bad.push(`<${el.name}> ${name}="${v}"`);
  };
  if (root.name !== 'testsuites') bad.push(`root is <${root.name}>`);
  let total = 0;
  for (const s of root.children) {
    if (s.name !== 'testsuite') bad.push(`<${s.name}> in <testsuites>`);
    need(s, 'name');
    for (const a of ['tests', 'failures', 'errors', 'skipped']) need(s, a, NUM);
    need(s, 'time', TIME);
    if (s.attrs.timestamp !== undefined) need(s, 'timestamp', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
    const cases = s.children.filter((c) => c.name === 'testcase');
    total += cases.length;
    if (Number(s.attrs.tests) !== cases.length) bad.push(`${s.attrs.name}: tests=${s.attrs.tests} ≠ ${cases.length}`);
    const n = (tag: string) => cases.filter((c) => c.children.some((x) => x.name === tag)).length;
    for (const [attr, tag] of [
      ['failures', 'failure'],
      ['errors', 'error'],
      ['skipped', 'skipped'],
    ] as const)
      if (Number(s.attrs[attr]) !== n(tag)) bad.push(`${s.attrs.name}: ${attr}=${s.attrs[attr]} ≠ ${n(tag)}`);
    for (const c of cases) {
      need(c, 'classname');
      need(c, 'name');
      need(c, 'time', TIME);
      const results = c.children.filter((x) => ['failure', 'error', 'skipped'].includes(x.name));
      if (results.length > 1) bad.push(`${c.attrs.name}: ${results.length} results`);
      for (const r of results) if (r.name !== 'skipped') need(r, 'message');
    }
  }
  if (Number(root.attrs.tests) !== total) bad.push(`testsuites tests=${root.attrs.tests} ≠ ${total}`);
  return bad;
}

const DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'tidy');

/** The tidy report the real pipeline builds from a capture of the real go 1.26. */
function reportOf(name: string, goprivate = ''): TidyReport {
  const text = readFileSync(join(DIR, 'go1.26', `${name}.txt`), 'utf8');
  const exit = readFileSync(join(DIR, 'go1.26', `${name}.exit`), 'utf8').trim();
  const t = new Timeline(0);
  classifyText(text).forEach((e, i) => {
    t.apply(e, i + 1);
  });
  const stalled = exit === 'killed';
  const settings = tidySettings({ GOPROXY: 'http://127.0.0.1:PORT', GOPRIVATE: goprivate, GOSUMDB: 'x' });
  const problems = diagnose(t, { ...settings, stalled, stalledForMs: 1000, now: 10_000 });
  const end = { goExitCode: stalled ? null : Number(exit), timedOut: stalled, interrupted: false, stalled };
  return buildTidyReport(t, problems, end, 1234);
}

const HOSTILE =
  'a<b>&c"d\'e ]]> \u0001\u0008\u000b\u001b[31mred\u001b[0m \ud800 tab\there\r\nline2 😀 https://bob:hunter2@x.test/';

describe('JUnit XML', () => {
  it('tidy captures (healthy, 404, leak, stall, checksum) give well-formed JUnit with the right counts', () => {
    const at = new Date('2026-03-01T12:34:56.789Z');
    for (const name of ['healthy', 'status-404', 'private-leak', 'stall-zip', 'checksum-mismatch', 'toolchain-hang']) {
      const r = reportOf(name);
      const root = parseXml(renderJUnit([tidyJUnit(r, { timestamp: at })]));
      expect(junitViolations(root), name).toEqual([]);
      const suite = root.children[0]!;
      expect(suite.attrs).toMatchObject({ name: 'gomodctl tidy', timestamp: '2026-03-01T12:34:56', time: '1.234' });
      const failed = suite.children.filter((c) => c.children.some((x) => x.name === 'failure'));
      if (r.outcome === 'ok') expect(failed, name).toEqual([]);
      else expect(failed.length, name).toBeGreaterThanOrEqual(Math.max(1, r.problems.length));
    }
  });

  it('one case per module and one per problem: the 404 names module, cause, URL and fix', () => {
    const r = reportOf('status-404');
    const suite = parseXml(renderJUnit([tidyJUnit(r)])).children[0]!;
    const names = suite.children.filter((c) => c.name === 'testcase').map((c) => c.attrs.name);
    expect(names).toContain('example.com/hello [not-found]');
    const c = suite.children.find((x) => x.attrs.name === 'example.com/hello [not-found]')!;
    const f = c.children[0]!;
    expect(f.attrs).toMatchObject({ type: 'not-found' });
    expect(f.text).toContain('URL: http://127.0.0.1:PORT/status/404/example.com/hello/@v/list');
    expect(f.text).toMatch(/^Fix: /m);
    const healthy = parseXml(renderJUnit([tidyJUnit(reportOf('healthy'))])).children[0]!;
    expect(healthy.children.map((x) => [x.attrs.name, x.children.length])).toEqual(
      expect.arrayContaining([
        ['example.com/hello@v1.1.0', 0],
        ['example.com/dep@v1.0.0', 0],
      ]),
    );
  });

  it('escapes markup, keeps line breaks and tabs in attributes, drops what XML 1.0 cannot carry, redacts', () => {
    const suite: JUnitSuite = {
      name: HOSTILE,
      properties: { [HOSTILE.slice(0, 3)]: HOSTILE },
      cases: [
        { classname: 'c', name: HOSTILE, status: 'failed', message: HOSTILE, type: 'x', details: HOSTILE },
        { classname: 'c', name: 'e', status: 'error', message: HOSTILE },
        { classname: 'c', name: 's', status: 'skipped', message: HOSTILE },
        { classname: 'c', name: 'p', status: 'passed', output: HOSTILE },
      ],
    };
    const xml = renderJUnit([suite]);
    expect(xml).not.toContain('hunter2');
    const root = parseXml(xml); // strict parser: throws on any character or escaping error
    expect(junitViolations(root)).toEqual([]);
    const s = root.children[0]!;
    expect(s.attrs).toMatchObject({ tests: '4', failures: '1', errors: '1', skipped: '1' });
    const failure = s.children.find((c) => c.attrs.classname === 'c')!.children[0]!;
    // What a CI view shows: the same text, with the colour codes and the disallowed characters gone.
    const shown = 'a<b>&c"d\'e ]]> \ufffd\ufffd\ufffdred \ufffd tab\there\r\nline2 😀 https://bob:xxxxx@x.test/';
    expect(failure.attrs.message).toBe(shown);
    expect(failure.text).toBe(shown.replace('\r\n', '\n')); // XML parsers normalise CRLF in text, not in &#13;
    expect(s.children[0]!.name).toBe('properties');
  });

  it('attribute escaping is exact for the five markup characters and whitespace', () => {
    expect(xmlAttr(`<&>"'\t\n\r`)).toBe('&lt;&amp;&gt;&quot;&apos;&#9;&#10;&#13;');
  });

  it('doctor checks: fail → failure with the cause and fix, skip → skipped, warn → passed with the warning', () => {
    const checks: CheckResult[] = [
      { id: 'go', group: 'go', title: 'Go found', status: 'ok', message: 'go1.26.8' },
      {
        id: 'proxy.0',
        group: 'proxy',
        title: 'Proxy',
        target: 'https://proxy.corp.test',
        status: 'fail',
        cause: 'tls',
        message: 'x509: certificate signed by unknown authority',
        details: ['issuer: Corp Root'],
        fix: [{ kind: 'set', variable: 'SSL_CERT_FILE', value: '/etc/corp/ca.pem', scope: 'env' }],
        timings: { totalMs: 250 },
      },
      { id: 'sumdb', group: 'sumdb', title: 'Checksum database', status: 'skip', message: 'GOSUMDB=off' },
      { id: 'cfg', group: 'config', title: 'GOFLAGS', status: 'warn', message: '-insecure is deprecated' },
    ];
    const root = parseXml(renderJUnit([doctorJUnit(checks, { durationMs: 900 })]));
    expect(junitViolations(root)).toEqual([]);
    const cases = root.children[0]!.children;
    expect(cases.map((c) => [c.attrs.classname, c.attrs.name, c.children.map((x) => x.name).join()])).toEqual([
      ['gomodctl.doctor.go', 'Go found', ''],
      ['gomodctl.doctor.proxy', 'Proxy (https://proxy.corp.test)', 'failure'],
      ['gomodctl.doctor.sumdb', 'Checksum database', 'skipped'],
      ['gomodctl.doctor.config', 'GOFLAGS', 'system-out'],
    ]);
    expect(cases[1]!.attrs.time).toBe('0.250');
    expect(cases[1]!.children[0]!.attrs).toMatchObject({ type: 'tls' });
    expect(cases[1]!.children[0]!.text).toBe(
      'x509: certificate signed by unknown authority\nissuer: Corp Root\nFix: export SSL_CERT_FILE=/etc/corp/ca.pem',
    );
  });

  it('a failed run with no diagnosis still fails one case; an empty ok run passes one', () => {
    const base: TidyReport = {
      outcome: 'timeout',
      goExitCode: null,
      durationMs: 5,
      modules: [],
      problems: [],
    };
    const t = parseXml(renderJUnit([tidyJUnit(base)])).children[0]!;
    expect(t.attrs).toMatchObject({ tests: '1', failures: '1' });
    const ok = parseXml(renderJUnit([tidyJUnit({ ...base, outcome: 'ok', goExitCode: 0 })])).children[0]!;
    expect(ok.attrs).toMatchObject({ tests: '1', failures: '0' });
  });
});
