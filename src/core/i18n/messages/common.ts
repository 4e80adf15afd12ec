// Words shared by several commands at run time (empty values, running go), in English and Chinese: keys "common.*".
// How to declare, use and render them: docs/i18n.md.
import { defineMessages, type Translation } from '../message.js';

const en = {
  empty: '(empty)',
  'go.notFound': 'cannot run "{go}": Go was not found',
  'go.notFoundHint': 'Install Go (https://go.dev/dl/) or pass --go <path to the go binary>.',
  'go.noSuchExecutable':
    '--go "{go}": no such executable; give the go binary, e.g. --go /usr/local/go/bin/go (or omit --go to use go on PATH)',
  'go.envTimeout': '"{go} env -json" did not finish in {ms}ms',
  'go.envFailed': '"go env -json" failed: {error}',
  'go.failed': '"{command}" failed: {error}',
  // core/patterns.ts: GOPRIVATE-style lists (doctor and init)
  'pattern.whitespace': '{name} entry {entry} has surrounding spaces; Go does not trim them, so it never matches',
  'pattern.scheme': '{name} entry {entry} contains a URL scheme; patterns match module paths, which never have one',
  'pattern.malformed':
    '{name} entry {entry} is a malformed glob (path.Match: syntax error in pattern); Go silently ignores it',
  'pattern.uppercase':
    '{name} entry {entry} has upper-case letters; matching is case-sensitive and hosts in module paths are lower case',
  'pattern.trailingSlash':
    '{name} entry {entry} ends with "/"; Go ignores one trailing slash, so it is the same as {glob}',
  'pattern.port': '{name} entry {entry} has a port; module paths never contain ports, so it never matches',
  'pattern.emptyEntry': '{setting} has an empty entry ({where}); Go ignores it',
  'pattern.trailingComma': 'a trailing comma',
  'pattern.leadingComma': 'a leading comma',
  'pattern.twoCommas': 'two commas in a row',
  // src/go/dirs.ts: -C
  'dir.notDirectory': 'invalid -C "{dir}": not a directory; give the module directory, e.g. -C ./service',
  // core/goproxy.ts, core/gosumdb.ts: values refused before go env -w (init, the wizard)
  'goproxy.invalidValue':
    'GOPROXY value {value} {what}; for example GOPROXY=https://goproxy.cn,direct or https://proxy.golang.org|https://goproxy.io,direct',
  'goproxy.empty': 'is empty (an empty GOPROXY breaks Go 1.21+; use `go env -u GOPROXY` to restore the default)',
  'goproxy.whiteSpace': 'contains white space',
  'goproxy.emptyEntry': 'has an empty entry (a stray "," or "|")',
  'goproxy.unknownKeyword': 'has the unknown keyword {keyword} (keywords are lower-case "direct" and "off")',
  'goproxy.afterKeyword': 'has entries after "{keyword}", which Go ignores',
  'goproxy.goError': 'is invalid: {error}',
  'goproxy.credentialsHttp': 'sends credentials over plain http, which Go always refuses',
  'goproxy.credentials': 'contains credentials (they would be stored in plain text; prefer .netrc or GOAUTH)',
  'gosumdb.invalidValue':
    'GOSUMDB value {value} {what}; for example GOSUMDB=sum.golang.org, GOSUMDB=sum.golang.google.cn, or GOSUMDB="<name>+<hash>+<key> https://sum.example.com"',
  'gosumdb.empty': 'is empty (an empty GOSUMDB breaks Go 1.21+: "missing GOSUMDB"; use `go env -u GOSUMDB`)',
  'gosumdb.whiteSpace': 'has leading or trailing white space',
  'gosumdb.goError': 'is invalid: {error}',
  'gosumdb.goErrorKey':
    'is invalid: {error} (only sum.golang.org and sum.golang.google.cn may be named without a key: any other needs <name>+<hash>+<key>)',
  'gosumdb.badUrl': 'has the URL {url}, which is not an absolute http(s) URL',
  'gosumdb.credentials': 'has credentials in its URL (they would be stored in plain text)',
  // report/grouped.ts: the summary line of doctor and check-proxy
  'summary.warnings': { one: '{count} warning', other: '{count} warnings' },
  'summary.failed': '{count} failed',
  'summary.skipped': '{count} skipped',
  'summary.separator': ', ',
  'summary.line': '{parts} in {duration}',
} as const;

const zh = {
  empty: '（空）',
  'go.notFound': '无法运行 "{go}"：未找到 Go',
  'go.notFoundHint': '请安装 Go（https://go.dev/dl/），或用 --go <go 可执行文件的路径> 指定。',
  'go.noSuchExecutable':
    '--go "{go}"：没有这个可执行文件；请给出 go 可执行文件，例如 --go /usr/local/go/bin/go（或去掉 --go，使用 PATH 中的 go）',
  'go.envTimeout': '"{go} env -json" 在 {ms}ms 内没有结束',
  'go.envFailed': '"go env -json" 失败：{error}',
  'go.failed': '"{command}" 失败：{error}',
  'pattern.whitespace': '{name} 中的 {entry} 两侧有空格；Go 不会去掉空格，所以它永远不会匹配',
  'pattern.scheme': '{name} 中的 {entry} 带有 URL 协议头；模式匹配的是模块路径，而模块路径不含协议头',
  'pattern.malformed':
    '{name} 中的 {entry} 不是合法的 glob 模式（path.Match：syntax error in pattern）；Go 会直接忽略它',
  'pattern.uppercase': '{name} 中的 {entry} 含有大写字母；匹配区分大小写，而模块路径中的主机名都是小写',
  'pattern.trailingSlash': '{name} 中的 {entry} 以 "/" 结尾；Go 会忽略一个结尾的斜杠，所以它等同于 {glob}',
  'pattern.port': '{name} 中的 {entry} 带有端口；模块路径不含端口，所以它永远不会匹配',
  'pattern.emptyEntry': '{setting} 中有空项（{where}）；Go 会忽略它',
  'pattern.trailingComma': '结尾多了一个逗号',
  'pattern.leadingComma': '开头多了一个逗号',
  'pattern.twoCommas': '连续两个逗号',
  'dir.notDirectory': '无效的 -C "{dir}"：不是目录；请给出模块目录，例如 -C ./service',
  'goproxy.invalidValue':
    'GOPROXY 的值 {value} {what}；例如 GOPROXY=https://goproxy.cn,direct 或 https://proxy.golang.org|https://goproxy.io,direct',
  'goproxy.empty': '为空（空的 GOPROXY 在 Go 1.21+ 中会出错；恢复默认值请用 `go env -u GOPROXY`）',
  'goproxy.whiteSpace': '含有空白字符',
  'goproxy.emptyEntry': '中有空项（多了一个 "," 或 "|"）',
  'goproxy.unknownKeyword': '中有未知的关键字 {keyword}（关键字只有小写的 "direct" 和 "off"）',
  'goproxy.afterKeyword': '在 "{keyword}" 之后还有其他项，Go 会忽略它们',
  'goproxy.goError': '无效：{error}',
  'goproxy.credentialsHttp': '通过明文 http 发送凭据，Go 总是会拒绝',
  'goproxy.credentials': '中含有凭据（会以明文保存；推荐用 .netrc 或 GOAUTH）',
  'gosumdb.invalidValue':
    'GOSUMDB 的值 {value} {what}；例如 GOSUMDB=sum.golang.org、GOSUMDB=sum.golang.google.cn，或 GOSUMDB="<name>+<hash>+<key> https://sum.example.com"',
  'gosumdb.empty': '为空（空的 GOSUMDB 在 Go 1.21+ 中会报 "missing GOSUMDB"；请用 `go env -u GOSUMDB`）',
  'gosumdb.whiteSpace': '开头或结尾有空白字符',
  'gosumdb.goError': '无效：{error}',
  'gosumdb.goErrorKey':
    '无效：{error}（只有 sum.golang.org 和 sum.golang.google.cn 可以不带公钥：其他校验和数据库需写成 <name>+<hash>+<key>）',
  'gosumdb.badUrl': '中的 URL {url} 不是绝对的 http(s) URL',
  'gosumdb.credentials': '的 URL 中含有凭据（会以明文保存）',
  'summary.warnings': '{count} 项警告',
  'summary.failed': '{count} 项失败',
  'summary.skipped': '{count} 项跳过',
  'summary.separator': '，',
  'summary.line': '{parts}，用时 {duration}',
} as const satisfies Translation<typeof en>;

/** Builds a shared message: `commonMsg('empty')`. */
export const commonMsg = defineMessages('common', en, zh);
