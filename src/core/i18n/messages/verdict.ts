// Messages of the verdict (what `go mod tidy` will do, doctor's first lines), in English and Chinese: keys
// "verdict.*". How to declare, use and render them: docs/i18n.md.
import { defineMessages, type Translation } from '../message.js';

const en = {
  willFail: {
    one: 'go mod tidy will fail: {count} module cannot be fetched',
    other: 'go mod tidy will fail: {count} modules cannot be fetched',
  },
  willFailBefore: 'go mod tidy will fail before fetching: {error}',
  willSucceed: {
    one: 'go mod tidy will succeed: {count} fetch checked along its route',
    other: 'go mod tidy will succeed: {count} fetches checked along their routes',
  },
  nothingToFetch: 'go mod tidy will succeed: nothing to fetch (module cache, go.sum and replacements cover it)',
  failure: '{module} ({hop}, {outcome}): {message}',
  leakNote: '{module}: {message}',
  'hop.proxy': 'module proxy',
  'hop.direct': 'direct VCS',
  'hop.sumdb': 'checksum database',
  'hop.connectProxy': 'HTTPS_PROXY',
  'hop.toolchain': 'toolchain download',
  'outcome.fail': 'fails',
  'outcome.hang': 'hangs',
  'outcome.leak': 'leaks a private path',
  'outcome.ok': 'ok',
} as const;

const zh = {
  willFail: 'go mod tidy 将会失败：{count} 个模块无法获取',
  willFailBefore: 'go mod tidy 将在下载之前失败：{error}',
  willSucceed: 'go mod tidy 将会成功：已沿路由检查 {count} 次获取',
  nothingToFetch: 'go mod tidy 将会成功：无需下载（模块缓存、go.sum 和 replace 已覆盖）',
  failure: '{module}（{hop}，{outcome}）：{message}',
  leakNote: '{module}：{message}',
  'hop.proxy': '模块代理',
  'hop.direct': '直连 VCS',
  'hop.sumdb': '校验和数据库',
  'hop.connectProxy': 'HTTPS_PROXY',
  'hop.toolchain': '工具链下载',
  'outcome.fail': '失败',
  'outcome.hang': '卡住',
  'outcome.leak': '泄露私有路径',
  'outcome.ok': '正常',
} as const satisfies Translation<typeof en>;

/** Builds a verdict message: `verdictMsg('key', { params })`. */
export const verdictMsg = defineMessages('verdict', en, zh);
