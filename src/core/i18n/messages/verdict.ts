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
  // core/verdict/walk.ts, evaluate.ts: what happens to one fetch (JSON: the English text)
  hang: '{url} did not answer within {seconds} s; Go waits without a limit here',
  hangProxy:
    '{url} did not answer within {seconds} s; Go waits without a limit here and never moves on to the next GOPROXY entry',
  gitHang: 'git ls-remote {url} did not finish within {seconds} s; Go runs git without a time limit',
  leak: 'Go would send the private-looking path {module} to {where} (not probed); set GOPRIVATE to keep it inside',
  leakThen: '{leak}; then {next}',
  leakAsked:
    'Go would send the private-looking path {module} to {where}, which fails for every path (asked for the public {canary} instead): {next}',
  notReached: 'not reached (the download fails first): {message}',
  otherPrefix: 'no failure: another path prefix provides {importPath} ({message})',
  // core/verdict/choose-fix.ts: why a candidate fix was not verified (the fix search's tried list)
  notProbedNetwork: 'not probed: changes how the network is reached',
  notProbedHosts: 'not probed: {hosts}',
  // core/verdict/walk.ts: the direct step when gomodctl cannot or does not ask the repository
  gitNotProbed: '{what}: git not probed',
  noSecureProtocol: 'no secure protocol found for repository',
  vcsNotProbed: '{vcs} repository {repo}: not probed',
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
  hang: '{url} 在 {seconds} 秒内没有应答；Go 在这里会无限等待',
  hangProxy: '{url} 在 {seconds} 秒内没有应答；Go 在这里会无限等待，也不会转到 GOPROXY 的下一项',
  gitHang: 'git ls-remote {url} 在 {seconds} 秒内没有结束；Go 运行 git 时没有时间限制',
  leak: 'Go 会把看起来是私有模块的路径 {module} 发送到 {where}（未探测）；设置 GOPRIVATE 让它留在内网',
  leakThen: '{leak}；之后：{next}',
  leakAsked:
    'Go 会把看起来是私有模块的路径 {module} 发送到 {where}，而它对任何路径都失败（改用公开模块 {canary} 探测）：{next}',
  notReached: '不会执行到这一步（下载先失败）：{message}',
  otherPrefix: '不算失败：另一个路径前缀提供了 {importPath}（{message}）',
  notProbedNetwork: '未探测：它改变了访问网络的方式',
  notProbedHosts: '未探测：{hosts}',
  gitNotProbed: '{what}：未探测 git',
  noSecureProtocol: '找不到可用的安全协议来访问该仓库',
  vcsNotProbed: '{vcs} 仓库 {repo}：未探测',
} as const satisfies Translation<typeof en>;

/** Builds a verdict message: `verdictMsg('key', { params })`. */
export const verdictMsg = defineMessages('verdict', en, zh);
