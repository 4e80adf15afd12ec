// Reporters of `gomodctl tidy`: GitHub workflow-command escaping, job summary, GitLab sections, human lines, redaction.
import { describe, expect, it } from 'vitest';
import { Chalk } from 'chalk';
import {
  githubAnnotations,
  githubSummaryMarkdown,
  gitlabSection,
  parseAnnotateMode,
  resolveAnnotateMode,
} from '../../../src/report/tidy-ci.js';
import { renderHuman } from '../../../src/report/tidy-render.js';
import { decideOutcome, exitCodeFor } from '../../../src/core/tidy/report-model.js';
import type { TidyReport } from '../../../src/core/tidy/report-model.js';
import { tidyArgs } from '../../../src/core/tidy/tidy-args.js';

const c = new Chalk({ level: 0 });
const report: TidyReport = {
  outcome: 'failed',
  goExitCode: 1,
  durationMs: 1234,
  modules: [],
  problems: [
    {
      rule: 'auth',
      cause: 'auth',
      module: 'example.com/a,b',
      url: 'https://user:hunter2@proxy.corp/example.com/a/@v/list',
      message: 'refused: 100%\nsecond line https://bob:hunter2@x.example/',
      fix: [{ kind: 'set', variable: 'GOPROXY', value: 'https://alice:hunter2@proxy.corp|direct', scope: 'goenv' }],
    },
  ],
};

describe('tidy reporters', () => {
  it('escapes GitHub workflow commands and redacts passwords', () => {
    const [line] = githubAnnotations(report);
    expect(line).toMatch(/^::error title=gomodctl tidy%3A auth example.com\/a%2Cb::refused: 100%25%0Asecond line/);
    expect(line).not.toContain('hunter2');
    expect(line).toContain('alice:xxxxx@proxy.corp');
  });

  it('writes a Markdown table for the job summary, redacted', () => {
    const md = githubSummaryMarkdown(report);
    expect(md).toMatch(/^### gomodctl tidy: failed \(1\.2s\)/);
    expect(md).toContain('| auth | example.com/a,b |');
    expect(md).not.toContain('hunter2');
  });

  it('wraps GitLab sections with start and end markers', () => {
    const lines = gitlabSection('gomodctl_tidy', 'header', ['a'], 42);
    expect(lines[0]).toBe('\x1b[0Ksection_start:42:gomodctl_tidy[collapsed=true]\r\x1b[0Kheader');
    expect(lines.at(-1)).toBe('\x1b[0Ksection_end:42:gomodctl_tidy\r\x1b[0K');
  });

  it('renders problems with fixes only with --explain; never a password', () => {
    const ctx = { interrupted: false, requestCount: 3, go: 'go' };
    const plain = renderHuman(report, ctx, false, c).join('\n');
    const explained = renderHuman(report, ctx, true, c).join('\n');
    expect(plain).toContain('go mod tidy failed with exit code 1');
    expect(plain).not.toContain('go env -w');
    expect(explained).toContain("   fix:\n     go env -w 'GOPROXY=https://alice:xxxxx@proxy.corp|direct'");
    expect(explained + plain).not.toContain('hunter2');
  });

  it('a go the watchdog killed (--stall-kill) says so, not "exit code ?"; interrupted in a stall stays interrupted', () => {
    const stalled: TidyReport = { ...report, outcome: 'stalled', goExitCode: null };
    const ctx = { interrupted: false, requestCount: 3, go: 'go', stallMs: 1000 };
    const [line] = renderHuman(stalled, ctx, false, c);
    expect(line).toBe(
      '✗ go mod tidy killed by the watchdog (--stall-kill) after 1.0s without progress (0 modules fetched, 3 requests, 1.2s, 1 problem)',
    );
    expect(renderHuman(stalled, { ...ctx, interrupted: true }, false, c)[0]).toContain('go mod tidy interrupted');
  });

  it('maps run ends to outcomes and exit codes (0, 1, 3, 130)', () => {
    const base = { goExitCode: 0, timedOut: false, interrupted: false, stalled: false };
    expect([decideOutcome(base), exitCodeFor(base)]).toEqual(['ok', 0]);
    expect([decideOutcome({ ...base, goExitCode: 1 }), exitCodeFor({ ...base, goExitCode: 1 })]).toEqual(['failed', 1]);
    const killed = { ...base, goExitCode: null, timedOut: true };
    expect([decideOutcome(killed), exitCodeFor(killed)]).toEqual(['timeout', 3]);
    const intr = { ...base, goExitCode: null, interrupted: true, stalled: true };
    expect([decideOutcome(intr), exitCodeFor(intr)]).toEqual(['stalled', 130]);
  });

  it('validates and resolves --annotate', () => {
    expect(() => parseAnnotateMode('travis')).toThrow(/invalid --annotate "travis"/);
    expect(resolveAnnotateMode('auto', { GITHUB_ACTIONS: 'true' })).toBe('github');
    expect(resolveAnnotateMode('auto', { GITLAB_CI: 'true' })).toBe('gitlab');
    expect(resolveAnnotateMode('auto', {})).toBe('none');
  });

  it('adds -x only where go mod tidy accepts it (Go 1.21+) and the user did not ask for it', () => {
    expect(tidyArgs('go1.26.8', [])).toEqual({ args: ['mod', 'tidy', '-v', '-x'], addedX: true });
    expect(tidyArgs('go1.21.0', ['-e'])).toEqual({ args: ['mod', 'tidy', '-v', '-x', '-e'], addedX: true });
    expect(tidyArgs('go1.19.8', [])).toEqual({ args: ['mod', 'tidy', '-v'], addedX: false });
    expect(tidyArgs('go1.26.8', ['-x']).addedX).toBe(false);
    expect(tidyArgs('go1.26.8', [], '-modcacherw -x').addedX).toBe(false);
  });
});
