// Messages of gomodctl route at run time (the route report, and the notes, reasons and warnings core/route.ts and
// core/route-warnings.ts put in a route; a warning's fix is printed after it), in English and Chinese: keys
// "route.*". Its --help is in cli.ts. How to use them: docs/i18n.md.
import { defineMessages, type Translation } from '../message.js';

const en = {
  private: '(private: GONOPROXY)',
  download: 'download:',
  'sumdb.checked': 'checksum database: {name} ({reason})',
  'sumdb.invalid': 'checksum database: {reason}',
  'sumdb.notConsulted': 'checksum database: not consulted ({reason})',
  next: 'then: {next}',
  'fall.on404': 'next on 404/410 only (",")',
  'fall.onAnyError': 'next on any error ("|")',
  'fall.never': 'end of the chain',
  decidedByPattern: '{variable} pattern {pattern}',
  'kind.proxy': 'proxy',
  'kind.direct': 'direct',
  'kind.vcs': 'vcs',
  'kind.off': 'off',
  'kind.sumdb': 'sumdb',
  'kind.sumdbSupported': 'sumdb-supported',
  'note.joined': '{first}; {second}',
  'note.knownVcsHost': 'git ls-remote (known VCS host: no ?go-get=1 request)',
  'note.goGet': 'go-get meta tag, then the VCS it names',
  'note.privateSkipsProxies': 'GOPROXY entries are skipped (disabled by GOPRIVATE/GONOPROXY), even GOPROXY=off',
  'note.sumdbUrl': 'URL from GOSUMDB: proxies bypassed',
  'note.sumdbViaProxy': '200 → lookups go to {base}/sumdb/{name}/…, never directly',
  'note.sumdbAfterProxies': 'when every proxy answered 404/410 (or fell through)',
  'note.sumdbDirect': 'no proxy to ask: direct',
  'reason.patternMatches': '{variable} pattern {pattern} matches',
  'reason.toolchain': 'toolchain downloads are always verified (GONOSUMDB/GOPRIVATE ignored)',
  'reason.defaultSumdb': 'default GOSUMDB and GONOSUMDB does not match',
  'reason.sumdbSet': 'GOSUMDB is set and GONOSUMDB does not match',
  'warn.invalidGoproxy': 'GOPROXY is invalid, every download fails: {error}',
  'warn.gonoproxyOverrides':
    '{module} matches GOPRIVATE ({pattern}) but GONOPROXY={value} overrides it, so it is sent to {proxy}; run:',
  'warn.gonosumdbOverrides':
    '{module} matches GOPRIVATE ({pattern}) but GONOSUMDB={value} overrides it, so it is looked up in the public checksum database; run:',
  'warn.publicProxy':
    '{module} is not on a known public host but would be sent to the public proxy {proxy}; if it is private, run:',
  'warn.publicSumdb':
    '{module} would be looked up in the public checksum database sum.golang.org; if it is private, add {host} to GOPRIVATE or GONOSUMDB',
} as const;

const zh = {
  private: '（私有模块：GONOPROXY）',
  download: '下载：',
  'sumdb.checked': '校验和数据库：{name}（{reason}）',
  'sumdb.invalid': '校验和数据库：{reason}',
  'sumdb.notConsulted': '校验和数据库：不查询（{reason}）',
  next: '之后：{next}',
  'fall.on404': '仅在 404/410 时转到下一项（","）',
  'fall.onAnyError': '出现任何错误都转到下一项（"|"）',
  'fall.never': '到此结束',
  decidedByPattern: '{variable} 模式 {pattern}',
  'kind.proxy': '模块代理',
  'kind.direct': 'direct',
  'kind.vcs': '版本控制',
  'kind.off': 'off',
  'kind.sumdb': '校验和数据库',
  'kind.sumdbSupported': '校验和数据库代理检查',
  'note.joined': '{first}；{second}',
  'note.knownVcsHost': 'git ls-remote（已知的代码托管站点：不发送 ?go-get=1 请求）',
  'note.goGet': '先读取 go-get meta 标签，再访问它指向的版本控制仓库',
  'note.privateSkipsProxies': '跳过 GOPROXY 中的所有项（被 GOPRIVATE/GONOPROXY 排除），即使 GOPROXY=off 也是如此',
  'note.sumdbUrl': 'GOSUMDB 中给出了 URL：不经过模块代理',
  'note.sumdbViaProxy': '返回 200 → 查询都发往 {base}/sumdb/{name}/…，不会直连',
  'note.sumdbAfterProxies': '所有模块代理都返回 404/410（或已回退）时',
  'note.sumdbDirect': '没有可询问的模块代理：直连',
  'reason.patternMatches': '匹配 {variable} 模式 {pattern}',
  'reason.toolchain': '工具链下载总是要校验（忽略 GONOSUMDB/GOPRIVATE）',
  'reason.defaultSumdb': '默认的 GOSUMDB，且 GONOSUMDB 不匹配',
  'reason.sumdbSet': '设置了 GOSUMDB，且 GONOSUMDB 不匹配',
  'warn.invalidGoproxy': 'GOPROXY 无效，所有下载都会失败：{error}',
  'warn.gonoproxyOverrides':
    '{module} 匹配 GOPRIVATE（{pattern}），但 GONOPROXY={value} 覆盖了它，所以会被发送到 {proxy}；请运行：',
  'warn.gonosumdbOverrides':
    '{module} 匹配 GOPRIVATE（{pattern}），但 GONOSUMDB={value} 覆盖了它，所以会到公共校验和数据库查询；请运行：',
  'warn.publicProxy':
    '{module} 不在已知的公共代码托管站点上，却会被发送到公共模块代理 {proxy}；如果它是私有模块，请运行：',
  'warn.publicSumdb':
    '{module} 会到公共校验和数据库 sum.golang.org 查询；如果它是私有模块，请把 {host} 加入 GOPRIVATE 或 GONOSUMDB',
} as const satisfies Translation<typeof en>;

/** Builds a message of `gomodctl route`: `routeMsg('warn.publicSumdb', { module, host })`. */
export const routeMsg = defineMessages('route', en, zh);
