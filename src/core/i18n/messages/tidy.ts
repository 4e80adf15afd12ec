// Messages of gomodctl tidy --explain (stall notices, the report, CI summaries and annotations), in English and Chinese:
// keys "tidy.*". How to declare, use and render them: docs/i18n.md.
import { defineMessages, type Translation } from '../message.js';

const en = {
  // report/tidy-render.ts: the frame of the report (summary line, problem facts, labels, spinner)
  'frame.stats': '{modules}, {requests}, {duration}',
  'frame.modules': { one: '{count} module fetched', other: '{count} modules fetched' },
  'frame.requests': { one: '{count} request', other: '{count} requests' },
  'frame.problems': { one: '{stats}, {count} problem', other: '{stats}, {count} problems' },
  'frame.succeeded': 'go mod tidy succeeded ({stats})',
  'frame.timeout': 'go mod tidy killed at --timeout {timeout} ({stats})',
  'frame.interrupted': 'go mod tidy interrupted ({stats})',
  'frame.failed': 'go mod tidy failed with exit code {code} ({stats})',
  'frame.module': 'module {module}',
  'frame.package': 'package {package}',
  'frame.phase': 'phase {phase}',
  'frame.url': 'url',
  'frame.fixLabel': 'fix:',
  'frame.fixOneOf': 'fix, one of:',
  'frame.runExplain': 'run with --explain for the diagnosis and fixes',
  'frame.noCause': 'gomodctl found no specific cause; run {command} for the whole configuration',
  'frame.noProgress': '{what} ({elapsed}) — no progress for {quiet}',
  'frame.progress': '{what} ({elapsed})',
  // the stall notices of --explain (report/tidy-render.ts stallStartText, probeFindingText, stillWaitingText)
  'stall.start': 'gomodctl: no progress for {quiet}, go is waiting on {what}',
  'stall.startProbing': {
    one: 'gomodctl: no progress for {quiet}, go is waiting on {what}; probing {count} URL',
    other: 'gomodctl: no progress for {quiet}, go is waiting on {what}; probing {count} URLs',
  },
  'stall.probe': 'gomodctl: probe {url}: {result}',
  'stall.answered': 'answered {status}',
  'stall.failed': 'failed',
  'stall.stillWaiting': 'gomodctl: still waiting ({wait}; --timeout bounds the run)',
  'stall.kill': 'gomodctl: --stall-kill: stopping go',
  // report/tidy-ci.ts: annotations and the job summary
  'ci.invalidAnnotate':
    'invalid --annotate "{value}": expected one of auto, github, gitlab, none (e.g. --annotate github)',
  'ci.url': 'URL: {url}',
  'ci.fix': 'Fix: {fix}',
  'ci.heading': '### gomodctl tidy: {outcome} ({duration})',
  'ci.noProblems': 'No problems found.',
  'ci.columns': '| cause | module | problem | fix |',
  'ci.summaryFailed': 'gomodctl could not append to $GITHUB_STEP_SUMMARY',
  'ci.moreNotShown': '{count} more not shown: GitHub limits a step summary to 1 MiB (see the log).',
} as const;

const zh = {
  'frame.stats': '{modules}，{requests}，{duration}',
  'frame.modules': '已下载 {count} 个模块',
  'frame.requests': '{count} 个请求',
  'frame.problems': '{stats}，{count} 个问题',
  'frame.succeeded': 'go mod tidy 成功（{stats}）',
  'frame.timeout': 'go mod tidy 在 --timeout {timeout} 时被终止（{stats}）',
  'frame.interrupted': 'go mod tidy 被中断（{stats}）',
  'frame.failed': 'go mod tidy 失败，退出码 {code}（{stats}）',
  'frame.module': '模块 {module}',
  'frame.package': '包 {package}',
  'frame.phase': '环节 {phase}',
  'frame.url': 'URL',
  'frame.fixLabel': '修复：',
  'frame.fixOneOf': '修复（任选其一）：',
  'frame.runExplain': '加上 --explain 查看诊断和修复方法',
  'frame.noCause': 'gomodctl 没有找到具体原因；运行 {command} 检查整个配置',
  'frame.noProgress': '{what}（{elapsed}）— {quiet} 无进展',
  'frame.progress': '{what}（{elapsed}）',
  'stall.start': 'gomodctl：{quiet} 无进展，go 在等待 {what}',
  'stall.startProbing': 'gomodctl：{quiet} 无进展，go 在等待 {what}；正在探测 {count} 个 URL',
  'stall.probe': 'gomodctl：探测 {url}：{result}',
  'stall.answered': '返回 {status}',
  'stall.failed': '失败',
  'stall.stillWaiting': 'gomodctl：仍在等待（{wait}；--timeout 可以限制运行时长）',
  'stall.kill': 'gomodctl：--stall-kill：正在结束 go',
  'ci.invalidAnnotate': '无效的 --annotate "{value}"：应为 auto、github、gitlab、none 之一（例如 --annotate github）',
  'ci.url': 'URL：{url}',
  'ci.fix': '修复：{fix}',
  'ci.heading': '### gomodctl tidy：{outcome}（{duration}）',
  'ci.noProblems': '没有发现问题。',
  'ci.columns': '| 原因 | 模块 | 问题 | 修复 |',
  'ci.summaryFailed': 'gomodctl 无法追加到 $GITHUB_STEP_SUMMARY',
  'ci.moreNotShown': '另有 {count} 条未显示：GitHub 限制每个步骤的摘要不超过 1 MiB（请查看日志）。',
} as const satisfies Translation<typeof en>;

/** Builds a tidy message: `tidyMsg('key', { params })`. */
export const tidyMsg = defineMessages('tidy', en, zh);
