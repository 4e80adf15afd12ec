// CI that keeps the fix: in GitHub Actions an environment fix is a $GITHUB_ENV line, annotations stay within GitHub's
// per-step limit with the rest in the step summary (under its size limit), GitLab expands the section of a failed
// run, and doctor writes the same dialect. Problems come from the real go 1.26 captures (test/fixtures/tidy).
import { afterAll, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Chalk } from 'chalk';
import { classifyText } from '../helpers/classify-text.js';
import { Timeline } from '../../src/core/tidy/timeline.js';
import { diagnose } from '../../src/core/tidy/diagnose.js';
import { buildTidyReport, type TidyProblem, type TidyReport } from '../../src/core/tidy/report-model.js';
import { githubAnnotations, gitlabSection, summaryMarkdown, writeCiReport } from '../../src/report/tidy-ci.js';
import { renderHuman } from '../../src/report/tidy-render.js';
import { doctorFindings, writeDoctorCi } from '../../src/report/doctor-ci.js';
import { tidySettings } from '../core/tidy/model.js';
import { PassThrough } from 'node:stream';
import { createOutput } from '../../src/report/output.js';
import { commentFix } from '../../src/core/fix/fix.js';
import { code } from '../../src/core/i18n/message.js';
import { fixMsg } from '../../src/core/i18n/messages/fix.js';
import type { CheckResult } from '../../src/core/doctor/check.js';

const DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'tidy', 'go1.26');
const tmp = mkdtempSync(join(tmpdir(), 'gomodctl-ci-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The report of a captured run, with GOPROXY from the OS environment (so its fix is an environment variable). */
function reportOf(name: string): TidyReport {
  const s = tidySettings({}, { env: { GOPROXY: 'http://127.0.0.1:8080', HTTPS_PROXY: 'http://127.0.0.1:3128' } });
  const t = new Timeline(0);
  for (const [i, e] of classifyText(readFileSync(join(DIR, `${name}.txt`), 'utf8')).entries()) t.apply(e, i + 1);
  const problems = diagnose(t, { ...s, stalled: false, now: 100 });
  return buildTidyReport(t, problems, { goExitCode: 1, timedOut: false, interrupted: false, stalled: false }, 100);
}

it('GitHub: an environment fix is a $GITHUB_ENV line in annotations, summary and the human report', () => {
  const r = reportOf('connect-407');
  const [line] = githubAnnotations(r);
  expect(line).toContain('Fix: echo HTTPS_PROXY=http://USER:xxxxx@127.0.0.1:3128 >> "$GITHUB_ENV"');
  expect(line).not.toMatch(/Fix: export /);
  const human = renderHuman(
    r,
    { interrupted: false, requestCount: 2, go: 'go', dialect: 'github-env' },
    true,
    new Chalk({ level: 0 }),
  );
  expect(human.join('\n')).toContain('>> "$GITHUB_ENV"');
  const file = join(tmp, 'summary.md');
  writeFileSync(file, '');
  writeCiReport('github', r, { GITHUB_STEP_SUMMARY: file }, () => {});
  expect(readFileSync(file, 'utf8')).toContain('$GITHUB_ENV');
});

it('GitHub: 10 error annotations per step, one notice pointing to the summary, every problem in the summary', () => {
  const base = reportOf('status-500').problems[0]!;
  const many: TidyProblem[] = Array.from({ length: 25 }, (_, i) => ({ ...base, module: `example.com/m${i}` }));
  const r: TidyReport = { outcome: 'failed', goExitCode: 1, durationMs: 5, modules: [], problems: many };
  const lines = githubAnnotations(r);
  expect(lines.filter((l) => l.startsWith('::error ')).length).toBe(10);
  expect(lines.filter((l) => l.startsWith('::notice ')).length).toBe(1);
  expect(lines.at(-1)).toContain('15 more');
  const file = join(tmp, 'summary-many.md');
  writeFileSync(file, '');
  writeCiReport('github', r, { GITHUB_STEP_SUMMARY: file }, () => {});
  const md = readFileSync(file, 'utf8');
  for (let i = 0; i < 25; i++) expect(md).toContain(`example.com/m${i} `);
});

it('GitHub: the step summary stays under 1 MiB with what the file already holds', () => {
  const base = reportOf('status-500').problems[0]!;
  const findings = Array.from({ length: 4000 }, (_, i) => ({
    level: 'error' as const,
    title: 't',
    kind: 'http-status',
    subject: `example.com/m${i}`,
    message: `${base.message} ${'x'.repeat(300)}`,
    facts: [],
    fix: base.fix,
  }));
  const md = summaryMarkdown('gomodctl tidy: failed', findings, 200_000);
  expect(Buffer.byteLength(md)).toBeLessThanOrEqual(1024 * 1024 - 200_000);
  expect(md).toMatch(/\d+ more not shown: GitHub limits a step summary to 1 MiB/);
});

it('GitLab: the diagnosis section is collapsed for a healthy run, expanded for a failed one', () => {
  expect(gitlabSection('s', 'h', ['a'], 1, true)[0]).toContain('[collapsed=true]');
  expect(gitlabSection('s', 'h', ['a'], 1, false)[0]).toContain('[collapsed=false]');
});

it('doctor --annotate github: failed checks as errors, warnings after, env fixes as $GITHUB_ENV lines', () => {
  const checks: CheckResult[] = [
    { id: 'a', group: 'network', title: 'proxy', status: 'warn', message: 'slow' },
    {
      id: 'b',
      group: 'network',
      title: 'HTTPS_PROXY',
      status: 'fail',
      target: 'http://127.0.0.1:3128',
      cause: 'auth',
      message: 'the proxy wants credentials',
      fix: reportOf('connect-407').problems[0]!.fix,
    },
    { id: 'c', group: 'config', title: 'GOPROXY', status: 'ok', message: 'fine' },
  ];
  expect(doctorFindings(checks).map((f) => f.level)).toEqual(['error', 'warning']);
  const out: string[] = [];
  writeDoctorCi('github', checks, 10, {}, (l) => out.push(l));
  expect(out[0]).toMatch(/^::error title=gomodctl doctor%3A HTTPS_PROXY \(http%3A\/\/127.0.0.1%3A3128\)::/);
  expect(out[0]).toContain('>> "$GITHUB_ENV"');
  expect(out[1]).toMatch(/^::warning /);
});

it("CI text has plain spaces in commands, whatever translator the command passes (the terminal's are no-break)", () => {
  // app/doctor.ts and app/tidy.ts pass their Output, whose t() keeps code() on one line with U+00A0 for the terminal.
  const out = createOutput({ lang: 'zh', env: {}, stdout: new PassThrough() as unknown as NodeJS.WriteStream });
  const dir = mkdtempSync(join(tmpdir(), 'gomodctl-ci-nbsp-'));
  const summary = join(dir, 'summary.md');
  const command = code('go env -w GOPRIVATE=corp.example.com');
  const check = {
    id: 'sumdb',
    group: 'sumdb',
    title: 't',
    status: 'fail',
    message: 'm',
    fix: [commentFix(fixMsg('fix.note.sumdbPrivate', { command }))],
  } as CheckResult;
  const lines: string[] = [];
  writeDoctorCi('github', [check], 5, { GITHUB_STEP_SUMMARY: summary }, (l) => lines.push(l), out);
  const text = `${readFileSync(summary, 'utf8')}\n${lines.join('\n')}`;
  rmSync(dir, { recursive: true, force: true });
  expect(text).toContain('go env -w GOPRIVATE=corp.example.com');
  expect(text).not.toContain('\u00a0');
});
