// Messages of gomodctl doctor (checks, causes, fixes, the summary), in English and Chinese:
// keys "doctor.*". How to declare, use and render them: docs/i18n.md.
import { defineMessages, type Translation } from '../message.js';

const en = {
  // report/doctor-report.ts: the frame of the report (headings, phases, labels, summary)
  'frame.group.go': 'Go toolchain',
  'frame.group.config': 'Configuration',
  'frame.group.proxy': 'Proxies (GOPROXY)',
  'frame.group.sumdb': 'Checksum database (GOSUMDB)',
  'frame.group.private': 'Private modules (GOPRIVATE / GONOPROXY)',
  'frame.group.deps': 'Requirements of go.mod',
  'frame.phase.dns': 'dns',
  'frame.phase.connect': 'connect',
  'frame.phase.tls': 'tls',
  'frame.phase.ttfb': 'first byte',
  'frame.phase.total': 'total',
  'frame.phase.reused': 'reused connection',
  'frame.stalledIn': '{phases} (stalled in: {phase})',
  'frame.failedIn': '{phases} (failed in: {phase})',
  'frame.target': 'target: {target}',
  'frame.fixLabel': 'fix:',
  'frame.fixOneOf': 'fix, one of:',
  'frame.headingLine': '{title}: {verdict} (canary {canary})',
  'frame.warnings': { one: '{count} warning', other: '{count} warnings' },
  'frame.checksFailed': '{fail} of {total} checks failed',
  'frame.noneFailed': 'no check failed, {warnings}',
  'frame.allPassed': 'all {count} checks passed',
  'frame.ok': '{count} ok',
} as const;

const zh = {
  'frame.group.go': 'Go 工具链',
  'frame.group.config': '配置',
  'frame.group.proxy': '模块代理（GOPROXY）',
  'frame.group.sumdb': '校验和数据库（GOSUMDB）',
  'frame.group.private': '私有模块（GOPRIVATE / GONOPROXY）',
  'frame.group.deps': 'go.mod 的依赖',
  'frame.phase.dns': 'DNS 解析',
  'frame.phase.connect': '建立连接',
  'frame.phase.tls': 'TLS 握手',
  'frame.phase.ttfb': '首字节',
  'frame.phase.total': '总计',
  'frame.phase.reused': '复用连接',
  'frame.stalledIn': '{phases}（卡在：{phase}）',
  'frame.failedIn': '{phases}（失败于：{phase}）',
  'frame.target': '目标：{target}',
  'frame.fixLabel': '修复：',
  'frame.fixOneOf': '修复（任选其一）：',
  'frame.headingLine': '{title}：{verdict}（探测用模块 {canary}）',
  'frame.warnings': '{count} 个警告',
  'frame.checksFailed': '{total} 项检查中有 {fail} 项失败',
  'frame.noneFailed': '没有检查失败，{warnings}',
  'frame.allPassed': '全部 {count} 项检查通过',
  'frame.ok': '{count} 项正常',
} as const satisfies Translation<typeof en>;

/** Builds a doctor message: `doctorMsg('key', { params })`. */
export const doctorMsg = defineMessages('doctor', en, zh);
