// The frames of tidy's human and CI reports and its stall notices in English and Chinese, as snapshots from one
// report model (the problems' own texts belong to the tidy rules and are passed through). No go, no network.
import { join } from 'node:path';
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { translator } from '../../src/core/i18n/message.js';
import type { TidyReport } from '../../src/core/tidy/report-model.js';
import { githubAnnotations, githubSummaryMarkdown } from '../../src/report/tidy-ci.js';
import {
  probeFindingText,
  renderHuman,
  spinnerText,
  stallStartText,
  stillWaitingText,
} from '../../src/report/tidy-render.js';

const c = new Chalk({ level: 0 });
const report: TidyReport = {
  outcome: 'timeout',
  goExitCode: null,
  durationMs: 61_000,
  modules: [{ path: 'golang.org/x/text', status: 'ok' }] as TidyReport['modules'],
  problems: [
    {
      rule: 'stall',
      cause: 'timeout',
      module: 'git.corp.example.com/infra/log',
      version: 'v1.2.0',
      phase: 'connect',
      url: 'https://goproxy.cn/git.corp.example.com/infra/log/@v/list',
      message: 'the request to goproxy.cn gets no answer',
      fix: [
        { kind: 'set', variable: 'GOPRIVATE', value: 'git.corp.example.com', scope: 'goenv' },
        { kind: 'comment', note: 'check the VPN' },
      ],
    },
  ],
};

describe.each(['en', 'zh'] as const)('tidy frames in %s', (lang) => {
  it('summary, problem facts, CI annotation and summary, stall notices', async () => {
    const tr = translator(lang);
    const ctx = { interrupted: false, requestCount: 1, go: 'go', timeoutMs: 60_000 };
    const text = [
      ...renderHuman(report, ctx, false, c, tr),
      ...renderHuman(report, ctx, true, c, tr),
      ...renderHuman({ ...report, outcome: 'ok', problems: [] }, ctx, true, c, tr),
      ...renderHuman({ ...report, outcome: 'failed', goExitCode: 1, problems: [] }, ctx, true, c, tr),
      ...githubAnnotations(report, tr),
      githubSummaryMarkdown(report, tr),
      githubSummaryMarkdown({ ...report, outcome: 'ok', problems: [] }, tr),
      spinnerText('golang.org/x/text', 12_000, 5_000, tr),
      stallStartText(10_000, 'https://goproxy.cn/golang.org/x/text/@v/list', 2, tr),
      probeFindingText({ url: 'https://goproxy.cn/', ok: true, status: 200 }, tr),
      probeFindingText({ url: 'https://git.corp.example.com/', ok: false, cause: 'dns' }, tr),
      stillWaitingText('Go waits without a limit for the response headers', tr),
    ].join('\n');
    await expect(text).toMatchFileSnapshot(join(import.meta.dirname, '__snapshots__', `tidy-frames.${lang}.txt`));
    if (lang === 'en') expect(text).not.toMatch(/[\u4e00-\u9fff]/);
  });
});
