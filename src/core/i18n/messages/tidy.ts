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
  'frame.stallKilled': 'go mod tidy killed by the watchdog (--stall-kill) after {stall} without progress ({stats})',
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
  // core/tidy/rules.ts: what each rule says about one error Go printed (JSON: the English text)
  'problem.theModule': 'the module',
  'problem.theProxy': 'the module proxy',
  'problem.proxyAt': 'the module proxy at {host}',
  'problem.theSumdb': 'the checksum database',
  'problem.sumdbAt': 'the checksum database at {host}',
  'problem.serverSays': ': the server says "{words}"',
  'problem.leaked':
    '; {module} looks private and its path was sent to the proxy (it leaked): GOPRIVATE keeps it off proxies',
  'problem.net.dns': 'does not resolve (DNS)',
  'problem.net.refused': 'refuses connections',
  'problem.net.timeout': 'does not answer in time',
  'problem.net.reset': 'drops the connection',
  'problem.net.tls': 'presents a certificate Go does not trust',
  'problem.checksum':
    '{module}: the downloaded code does not match go.sum or the checksum database (SECURITY ERROR): someone changed the module or something on the path rewrites downloads',
  'problem.checksumSum':
    '{module}: the downloaded code does not match the hash recorded in {file} (SECURITY ERROR): the module changed since that line was written, something on the path rewrites downloads, or the {file} line itself is wrong',
  'problem.checksumDb':
    '{module}: the downloaded code does not match the hash {sumdb} reports for it (SECURITY ERROR): the module changed after it was published, or something on the path rewrites downloads',
  'problem.gitPrompt': '{module}: git needs credentials and Go disables terminal prompts (GIT_TERMINAL_PROMPT=0)',
  'problem.goSum': '{module}: go.sum has no checksum for it',
  'problem.goproxyOff': '{module}: GOPROXY=off forbids downloading modules that are not in the module cache',
  'problem.config': 'Go rejects the module configuration: {error}',
  'problem.sumdbNet': '{sumdb} {what}; Go cannot verify {module}',
  'problem.vcsNet': '{module} is fetched directly from its VCS host, which {what}{detail}',
  'problem.vcsNetAt': '{module} is fetched directly from its VCS host at {host}, which {what}{detail}',
  'problem.vcsCmdReason': ' (`{command}`: {reason})',
  'problem.vcsCmd': ' (`{command}`)',
  'problem.vcsReason': ' ({reason})',
  'problem.tls': '{proxy} {what} (a TLS-inspecting gateway?)',
  'problem.h2Reset':
    '{proxy} resets the HTTP/2 stream while fetching {module} ({error}): transient on most servers, --retry retries it',
  'problem.proxyNet': '{proxy} {what} while fetching {module}',
  'problem.auth': '{proxy} refuses {module} (HTTP {status}){why}{leak}',
  'problem.authWhy': ': credentials missing or wrong',
  'problem.notFound': '{module} was not found{at} ({status}){words}{private}',
  'problem.notFoundAt': ' at {host}',
  'problem.notFoundPrivate': ': a private module must not be fetched through a proxy',
  'problem.notProxyAnswer':
    '{proxy} answers with something that is not a Go module proxy response (a login page or a block page?)',
  'problem.rateLimited':
    '{proxy} rate-limits the requests for {module} (429 Too Many Requests){words}: transient, --retry waits and retries',
  'problem.httpStatus': '{proxy} fails with HTTP {status} for {module}{words}{leak}',
  'problem.vcs': '{module}: fetching directly from version control failed{command}{reason}',
  'problem.vcsReasonColon': ': {reason}',
  // core/tidy/stall.ts: what hangs (JSON: the English text)
  'hang.proxy': 'the module proxy',
  'hang.sumdb': 'the checksum database',
  'hang.direct': 'the VCS host',
  'hang.request': '{what} has not answered {url} for {waited}{via} ({go}){probe}',
  'hang.via': '; the request goes through the proxy {proxy} ({variable})',
  'hang.hopConnectSilent':
    'the proxy {proxy} ({variable}) accepts the connection but never answers the CONNECT to {target}, so the request never reaches {what}',
  'hang.hopTunnelSilent':
    'the proxy {proxy} ({variable}) opens the tunnel to {target}, but nothing comes back through it: the TLS handshake with {target} never finishes',
  'hang.requestHop': 'Go has had no answer to {url} for {waited}: {hop} ({go}){probe}',
  'hang.routeStallHop':
    'Go printed nothing for {waited} while resolving {subject}; of the URLs Go would request for it, {url} fails: {hop}{probe}',
  'hang.probeAnswered': '; a fresh probe of the same URL answered (intermittent, or slow only for Go)',
  'hang.probeAnsweredStatus': '; a fresh probe of the same URL answered {status} (intermittent, or slow only for Go)',
  'hang.probe': '; probe: {finding}',
  'hang.vcs':
    '`{command}` has not finished for {waited}{rewrite}: the VCS host does not answer (git has no timeout by default)',
  'hang.rewrite': " (git's url.<base>.insteadOf sends {url} to {target})",
  'hang.gitSilent':
    'git for {module} has not finished for {waited}{rewrite}: {module} matches {variable}, so Go runs git for {url} itself and no GOPROXY entry is involved (git has no timeout by default)',
  'hang.directSilent':
    'the direct fetch of {module} has not finished for {waited}: {module} matches {variable}, so Go looks up {url} and runs the VCS itself; no GOPROXY entry is involved',
  'hang.requestVia':
    'Go has had no answer to {url} for {waited}: the request goes through the proxy {proxy} ({variable}), and no probe finished in time to tell whether that proxy or {what} stalls ({go})',
  'hang.unprobed': '; no probe finished in time to tell at which step it stalls',
  'hang.goBounds':
    'Go gives up on connecting after {dial}, not on a response: it waits as long as the connection stays open',
  'hang.goBoundsTls':
    'Go gives up on connecting after {dial} and on the TLS handshake after {tls}, not on a response: it waits as long as the connection stays open',
  'hang.goBoundsConnect':
    'Go gives up on connecting to the proxy after {dial}, on a CONNECT the proxy leaves unanswered after {connect} and on the TLS handshake after {tls}, not on a response: it waits as long as the connection stays open',
  'hang.routeStall':
    'Go printed nothing for {waited} while resolving {subject}; of the URLs Go would request for it, {url} fails{probe}',
  'hang.silent': 'Go printed nothing for {waited} while resolving {subject}',
  'hang.silentUnprobed':
    'Go printed nothing for {waited} while resolving {subject}; no probe of the URLs Go would request for it finished in time',
  'hang.silentProbed':
    'Go printed nothing for {waited} while resolving {subject}; the predicted URLs answer when probed',
  'hang.modules': 'modules',
  // core/tidy/diagnose.ts: leaks and fall-throughs seen in the whole run
  'leak.one':
    '{paths} is not on a known public host but its path was sent to the proxy {proxies}: the name leaked to that proxy (and would to the checksum database); GOPRIVATE keeps it off both',
  'leak.many':
    '{paths} are not on a known public host but their paths were sent to the proxy {proxies}: the name leaked to that proxy (and would to the checksum database); GOPRIVATE keeps them off both',
  fellThrough:
    'before going direct, Go asked the proxy {host} for {module}: a probe of the same URL answers {status}{probe}, and "|" sent Go on to direct',
  fellThroughProbe: ' ({finding})',
  'problem.modulePath': '{module}: its go.mod declares a different module path than the one it was required as',
  'problem.goVersionUnreadable':
    'go.mod asks for go {version}, a Go version this Go cannot read: it needs a newer Go (toolchain switching exists from Go 1.21)',
  'problem.toolchain':
    'the go line in go.mod needs {which} and it cannot be downloaded{from} (golang.org/toolchain through GOPROXY)',
  'problem.toolchainFrom': ' from {host}',
  'problem.toolchainNamed': 'toolchain {toolchain}',
  'problem.toolchainAnother': 'another Go toolchain',
  'problem.hop':
    'the request for {module} goes through the proxy {proxy} ({variable}), which {what} to {target}; the module proxy itself was never reached',
  'problem.hop.auth': 'asks for credentials (407 Proxy Authentication Required) before it opens a tunnel',
  'problem.hop.status': 'answers CONNECT with "{status}"',
  'problem.hop.fails': 'fails ({action})',
  'problem.unknownRevision':
    '{module}@{rev}: its repository has no revision {rev} (Go: "unknown revision {rev}"): a tag that was never pushed, deleted or moved',
  'hang.body':
    'the download of {module} stopped in the middle of its body: {got}{from}, then nothing for {quiet} (Go puts no time limit on reading a body: a gateway that holds or filters large downloads hangs it)',
  'hang.bodyReceived': '{bytes} received',
  'hang.bodyUnended':
    'the download of {module} never ended: the whole zip came ({bytes}{from}), then the response neither ended nor sent more for {quiet} (a Content-Length longer than the body, or a gateway that holds the end of a response: Go waits for it without a time limit)',
  'hang.bodyStarted': 'the body started',
  'hang.from': ' from {host}',
  'hang.toolchain':
    'go.mod needs toolchain {toolchain}: Go is downloading it{from} (golang.org/toolchain through GOPROXY) and {got}nothing came for {quiet}',
  'hang.toolchainGot': '{bytes} received, then ',
  // core/tidy/progress.ts, stall.ts: what Go waits on (stall notice) and the slow run (rule 'slow')
  'wait.toolchain': 'toolchain {toolchain}{url}',
  'wait.url': ' ({url})',
  'wait.body': 'the body of {module}{url}: {got}nothing for {quiet}',
  'wait.bodyGot': '{bytes} received, ',
  'slow.problem': {
    one: 'nothing is stuck, the run is {moving}; {count} zip downloaded before it ended',
    other: 'nothing is stuck, the run is {moving}; {count} zips downloaded before it ended',
  },
  'slow.active': {
    one: 'nothing is stuck: the run ended while Go was still at work (its last progress {quiet} before the end); {count} zip downloaded before it ended',
    other:
      'nothing is stuck: the run ended while Go was still at work (its last progress {quiet} before the end); {count} zips downloaded before it ended',
  },
  'slow.moving': {
    one: 'slow, {rate} ({count} download still moving: {each}{more})',
    other: 'slow, {rate} ({count} downloads still moving: {each}{more})',
  },
  'slow.soFar': '{module}: {bytes} so far',
  'slow.list': '{first}, {next}',
  'slow.more': ', and {count} more',
  // app/tidy.ts: a definite failure said as soon as it is seen, --retry, go's refusal of a flag, bad bounds
  'stall.definite': 'gomodctl: {problem}',
  'retry.line': 'gomodctl: attempt {attempt} failed ({reason}); retrying in {wait}',
  'retry.noTimeLeft': '{reason}; no time left before --timeout',
  'problem.badGoFlag': 'go mod tidy does not accept {flag} (given after --)',
  'bounds.invalid': 'invalid {flag} "{ms}ms": expected a positive duration such as 500ms, 5s or 1m30s',
  // core/tidy/retry.ts: why an attempt is retried or not (JSON attempts[].reason: the English text)
  'retry.interrupted': 'interrupted (Ctrl-C or SIGTERM)',
  'retry.timeout': 'killed at --timeout: the time budget is spent',
  'retry.ok': 'go succeeded',
  'retry.stallKill': 'the watchdog killed a stalled download',
  'retry.unknown': 'no rule says this failure is transient',
  'retry.transient': 'transient failure ({rule})',
  'retry.permanent': 'permanent failure ({rule})',
  'retry.noneLeft': '{reason}; no retry left (--retry {max})',
  // report/tidy-render.ts: one line per attempt with --retry
  'attempt.line': 'attempt {attempt}: {ended}{why}{next} ({duration})',
  'attempt.succeeded': 'succeeded',
  'attempt.unknown': 'unknown failure ({rule})',
  'attempt.why': ': {reason}',
  'attempt.retried': ', retried after {wait}',
  'attempt.notRetried': ', not retried',
  // report/tidy-ci.ts, core/ci-limits.ts: annotation titles, the summary heading's outcome, the overflow notice
  'ci.title': 'gomodctl tidy: {cause}',
  'ci.titleModule': 'gomodctl tidy: {cause} {module}',
  'ci.outcome.ok': 'ok',
  'ci.outcome.failed': 'failed',
  'ci.outcome.stalled': 'stalled',
  'ci.outcome.timeout': 'timeout',
  'ci.moreTitle': '{count} more not shown as annotations',
  'ci.moreMessage': {
    one: 'GitHub shows {perLevel} annotations of each level per step: {count} more is in the job summary.',
    other: 'GitHub shows {perLevel} annotations of each level per step: {count} more are in the job summary.',
  },
} as const;

const zh = {
  'frame.stats': '{modules}，{requests}，{duration}',
  'frame.modules': '已下载 {count} 个模块',
  'frame.requests': '{count} 个请求',
  'frame.problems': '{stats}，{count} 个问题',
  'frame.succeeded': 'go mod tidy 成功（{stats}）',
  'frame.timeout': 'go mod tidy 在 --timeout {timeout} 时被终止（{stats}）',
  'frame.interrupted': 'go mod tidy 被中断（{stats}）',
  'frame.stallKilled': 'go mod tidy {stall} 无进展，已按 --stall-kill 终止（{stats}）',
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
  'problem.theModule': '该模块',
  'problem.theProxy': '模块代理',
  'problem.proxyAt': '模块代理 {host} ',
  'problem.theSumdb': '校验和数据库',
  'problem.sumdbAt': '校验和数据库 {host} ',
  'problem.serverSays': '：服务器返回“{words}”',
  'problem.leaked': '；{module} 看起来是私有模块，它的路径已发送到模块代理（已泄露）：GOPRIVATE 让它不经过模块代理',
  'problem.net.dns': '无法解析（DNS）',
  'problem.net.refused': '拒绝连接',
  'problem.net.timeout': '没有及时应答',
  'problem.net.reset': '断开了连接',
  'problem.net.tls': '出示了 Go 不信任的证书',
  'problem.checksum':
    '{module}：下载的代码与 go.sum 或校验和数据库不一致（SECURITY ERROR）：有人改动了该模块，或路径上有设备改写了下载内容',
  'problem.checksumSum':
    '{module}：下载的代码与 {file} 中记录的哈希不一致（SECURITY ERROR）：该行写入后模块被改动过，或路径上有设备改写了下载内容，也可能是 {file} 中这一行本身有误',
  'problem.checksumDb':
    '{module}：下载的代码与{sumdb}给出的哈希不一致（SECURITY ERROR）：模块发布后被改动过，或路径上有设备改写了下载内容',
  'problem.gitPrompt': '{module}：git 需要凭据，而 Go 禁用了终端提示（GIT_TERMINAL_PROMPT=0）',
  'problem.goSum': '{module}：go.sum 中没有它的校验和',
  'problem.goproxyOff': '{module}：GOPROXY=off 禁止下载模块缓存中没有的模块',
  'problem.config': 'Go 拒绝了模块配置：{error}',
  'problem.sumdbNet': '{sumdb}{what}；Go 无法验证 {module}',
  'problem.vcsNet': '{module} 直接从它的版本控制仓库主机下载，而该主机{what}{detail}',
  'problem.vcsNetAt': '{module} 直接从它的版本控制仓库主机 {host} 下载，而该主机{what}{detail}',
  'problem.vcsCmdReason': '（`{command}`：{reason}）',
  'problem.vcsCmd': '（`{command}`）',
  'problem.vcsReason': '（{reason}）',
  'problem.tls': '{proxy}{what}（TLS 检查网关（中间人）？）',
  'problem.h2Reset': '{proxy}在获取 {module} 时重置了 HTTP/2 流（{error}）：多数服务器上是暂时的，--retry 会重试',
  'problem.proxyNet': '{proxy}在获取 {module} 时{what}',
  'problem.auth': '{proxy}拒绝提供 {module}（HTTP {status}）{why}{leak}',
  'problem.authWhy': '：缺少凭据或凭据有误',
  'problem.notFound': '{at}未找到 {module}（{status}）{words}{private}',
  'problem.notFoundAt': '在 {host} 上',
  'problem.notFoundPrivate': '：私有模块不能通过模块代理获取',
  'problem.notProxyAnswer': '{proxy}的应答不是 Go 模块代理的应答（登录页面还是拦截页面？）',
  'problem.rateLimited':
    '{proxy}限制了 {module} 的请求频率（429 Too Many Requests）{words}：暂时的，--retry 会等待并重试',
  'problem.httpStatus': '{proxy}获取 {module} 时返回 HTTP {status}{words}{leak}',
  'problem.vcs': '{module}：直接从版本控制系统获取失败{command}{reason}',
  'problem.vcsReasonColon': '：{reason}',
  'hang.proxy': '模块代理',
  'hang.sumdb': '校验和数据库',
  'hang.direct': '版本控制仓库主机',
  'hang.request': '{what}已经 {waited} 没有应答 {url}{via}（{go}）{probe}',
  'hang.via': '；请求经过代理 {proxy}（{variable}）',
  'hang.hopConnectSilent':
    '代理 {proxy}（{variable}）接受了连接，却一直不回应到 {target} 的 CONNECT，请求根本没有到达{what}',
  'hang.hopTunnelSilent':
    '代理 {proxy}（{variable}）打开了到 {target} 的隧道，但隧道里没有任何数据返回：与 {target} 的 TLS 握手一直没有完成',
  'hang.requestHop': 'Go 已经 {waited} 没有收到 {url} 的应答：{hop}（{go}）{probe}',
  'hang.routeStallHop':
    'Go 在解析 {subject} 时 {waited} 没有任何输出；在 Go 为此会请求的 URL 中，{url} 失败：{hop}{probe}',
  'hang.probeAnswered': '；重新探测同一 URL 有应答（时好时坏，或只对 Go 慢）',
  'hang.probeAnsweredStatus': '；重新探测同一 URL 返回 {status}（时好时坏，或只对 Go 慢）',
  'hang.probe': '；探测结果：{finding}',
  'hang.vcs': '`{command}` 已运行 {waited} 仍未结束{rewrite}：版本控制仓库主机没有应答（git 默认没有超时）',
  'hang.rewrite': '（git 的 url.<base>.insteadOf 把 {url} 改写为 {target}）',
  'hang.gitSilent':
    '{module} 的 git 命令已运行 {waited} 仍未结束{rewrite}：{module} 匹配 {variable}，Go 直接对 {url} 运行 git，不经过 GOPROXY 中的任何一项（git 默认没有超时）',
  'hang.directSilent':
    '{module} 的直连获取已运行 {waited} 仍未结束：{module} 匹配 {variable}，Go 先查询 {url}，再直接运行版本控制系统的命令，不经过 GOPROXY 中的任何一项',
  'hang.requestVia':
    'Go 已经 {waited} 没有收到 {url} 的应答：请求经过代理 {proxy}（{variable}），探测没有及时完成，无法判断卡住的是这个代理还是{what}（{go}）',
  'hang.unprobed': '；探测没有及时完成，无法判断卡在哪一步',
  'hang.goBounds': 'Go 连接超过 {dial} 会放弃，但对响应不设时限：只要连接不断开就一直等待',
  'hang.goBoundsTls': 'Go 连接超过 {dial}、TLS 握手超过 {tls} 会放弃，但对响应不设时限：只要连接不断开就一直等待',
  'hang.goBoundsConnect':
    'Go 连接代理超过 {dial}、代理超过 {connect} 不应答 CONNECT、TLS 握手超过 {tls} 都会放弃，但对响应不设时限：只要连接不断开就一直等待',
  'hang.routeStall': 'Go 在解析 {subject} 时 {waited} 没有任何输出；在 Go 为此会请求的 URL 中，{url} 失败{probe}',
  'hang.silent': 'Go 在解析 {subject} 时 {waited} 没有任何输出',
  'hang.silentUnprobed': 'Go 在解析 {subject} 时 {waited} 没有任何输出；对 Go 为此会请求的 URL 的探测都没有及时完成',
  'hang.silentProbed': 'Go 在解析 {subject} 时 {waited} 没有任何输出；探测预测的 URL 都有应答',
  'hang.modules': '模块',
  'leak.one':
    '{paths} 不在已知的公共主机上，但它的路径已发送到代理 {proxies}：模块名已泄露给该代理（也会泄露给校验和数据库）；GOPRIVATE 让它两边都不经过',
  'leak.many':
    '{paths} 不在已知的公共主机上，但它们的路径已发送到代理 {proxies}：模块名已泄露给该代理（也会泄露给校验和数据库）；GOPRIVATE 让它们两边都不经过',
  fellThrough:
    '在转为 direct 之前，Go 向代理 {host} 请求了 {module}：探测同一 URL 返回 {status}{probe}，而 "|" 让 Go 转到了 direct',
  fellThroughProbe: '（{finding}）',
  'problem.modulePath': '{module}：它的 go.mod 声明的模块路径与 require 时用的路径不同',
  'problem.goVersionUnreadable':
    'go.mod 要求的 Go 版本 go {version} 当前 Go 无法识别：需要更新的 Go（Go 1.21 起才能自动切换工具链）',
  'problem.toolchain': 'go.mod 的 go 指令需要{which}，但无法{from}下载（经 GOPROXY 下载 golang.org/toolchain）',
  'problem.toolchainFrom': '从 {host} ',
  'problem.toolchainNamed': '工具链 {toolchain}',
  'problem.toolchainAnother': '另一个 Go 工具链',
  'problem.hop':
    '{module} 的请求经过代理 {proxy}（{variable}），该代理连接 {target} 时{what}；请求根本没有到达模块代理',
  'problem.hop.auth': '要求认证（407 Proxy Authentication Required），之后才会打开隧道',
  'problem.hop.status': '对 CONNECT 返回 "{status}"',
  'problem.hop.fails': '失败（{action}）',
  'problem.unknownRevision':
    '{module}@{rev}：它的仓库中没有修订版本 {rev}（Go："unknown revision {rev}"）：标签从未推送、已被删除或被移动',
  'hang.body':
    '{module} 的下载在响应体中途停止：{got}{from}，之后 {quiet} 没有任何数据（Go 读取响应体时不设时限：扣留或过滤大文件下载的网关会让它卡住）',
  'hang.bodyReceived': '已收到 {bytes}',
  'hang.bodyUnended':
    '{module} 的下载一直没有结束：整个 zip（{bytes}）已收到{from}，之后 {quiet} 响应既没有结束也没有更多数据（Content-Length 比响应体长，或网关扣住了响应的结尾：Go 会无限期地等待）',
  'hang.bodyStarted': '响应体已开始传输',
  'hang.from': '（来自 {host}）',
  'hang.toolchain':
    'go.mod 需要工具链 {toolchain}：Go 正在下载它{from}（经 GOPROXY 下载 golang.org/toolchain），{got}{quiet} 没有任何数据',
  'hang.toolchainGot': '已收到 {bytes}，之后 ',
  'wait.toolchain': '工具链 {toolchain}{url}',
  'wait.url': '（{url}）',
  'wait.body': '{module} 的响应体{url}：{got}{quiet} 没有任何数据',
  'wait.bodyGot': '已收到 {bytes}，之后 ',
  'slow.problem': '没有卡住，只是下载得慢：{moving}；结束前已下载完 {count} 个 zip',
  'slow.active': '没有卡住：运行结束时 Go 仍在工作（最后一次进展在结束前 {quiet}）；结束前已下载完 {count} 个 zip',
  'slow.moving': '总速度 {rate}（{count} 个下载仍在进行：{each}{more}）',
  'slow.soFar': '{module} 已收到 {bytes}',
  'slow.list': '{first}，{next}',
  'slow.more': '，另有 {count} 个',
  'stall.definite': 'gomodctl：{problem}',
  'retry.line': 'gomodctl：第 {attempt} 次尝试失败（{reason}）；{wait} 后重试',
  'retry.noTimeLeft': '{reason}；到 --timeout 已没有剩余时间',
  'problem.badGoFlag': 'go mod tidy 不接受 {flag}（写在 -- 之后）',
  'bounds.invalid': '无效的 {flag} "{ms}ms"：应为正的时长，例如 500ms、5s 或 1m30s',
  'retry.interrupted': '被中断（Ctrl-C 或 SIGTERM）',
  'retry.timeout': '在 --timeout 时被终止：时间已用完',
  'retry.ok': 'go 成功',
  'retry.stallKill': 'gomodctl 终止了卡住的下载（--stall-kill）',
  'retry.unknown': '没有规则认定这个失败是暂时的',
  'retry.transient': '暂时性失败（{rule}）',
  'retry.permanent': '永久性失败（{rule}）',
  'retry.noneLeft': '{reason}；重试次数已用完（--retry {max}）',
  'attempt.line': '第 {attempt} 次尝试：{ended}{why}{next}（{duration}）',
  'attempt.succeeded': '成功',
  'attempt.unknown': '未知失败（{rule}）',
  'attempt.why': '：{reason}',
  'attempt.retried': '，{wait} 后重试',
  'attempt.notRetried': '，不重试',
  'ci.title': 'gomodctl tidy：{cause}',
  'ci.titleModule': 'gomodctl tidy：{cause} {module}',
  'ci.outcome.ok': '成功',
  'ci.outcome.failed': '失败',
  'ci.outcome.stalled': '卡住',
  'ci.outcome.timeout': '超时',
  'ci.moreTitle': '另有 {count} 条未作为注解显示',
  'ci.moreMessage': 'GitHub 每个步骤的每个级别只显示 {perLevel} 条注解：另外 {count} 条在作业摘要中。',
} as const satisfies Translation<typeof en>;

/** Builds a tidy message: `tidyMsg('key', { params })`. */
export const tidyMsg = defineMessages('tidy', en, zh);
