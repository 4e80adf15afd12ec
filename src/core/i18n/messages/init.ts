// Messages of gomodctl init (wizard prompts, choices, tables, the plan preview and its warnings) and of the writer that
// init and restore share (app/write-plan.ts, report/init-render.ts), in English and Chinese: keys "init.*". Its
// --help is in cli.ts. How to declare, use and render them: docs/i18n.md.
import { defineMessages, type Translation } from '../message.js';

const en = {
  warning: 'warning: {message}',
  // app/init.ts
  yesNeedsValues: '--yes needs the values to write: --preset NAME, or --proxy/--private/--sumdb (e.g. {example})',
  needsTerminal: 'the init wizard needs a terminal; without one pass the values, e.g. {example} (or --preset china).',
  'export.nothingSet':
    'no module variable is set here (all defaults); pass --proxy/--private/--sumdb/--preset to export values',
  // app/write-plan.ts (init and restore)
  goMissing: 'cannot run "{go}"; install Go or pass the binary with --go (e.g. --go /usr/local/go/bin/go).',
  goenvOff:
    'GOENV=off: Go has no env file to write; unset GOENV or set it to a file path (e.g. GOENV=$HOME/.config/go/env).',
  needsConsent:
    '{command} needs confirmation but there is no terminal; pass --yes to apply, or --dry-run to only show the plan.',
  confirmApply: 'Apply these changes?',
  nothingChanged: 'Nothing was changed.',
  // report/init-render.ts: the plan
  'plan.goenvFile': 'GOENV file: {path}',
  'plan.nothingToChange': 'Nothing to change: the GOENV file already has these values.',
  'plan.unset': '(unset)',
  'plan.willRun': 'Will run:',
  'plan.wouldRun': 'Would run:',
  'plan.ran': 'Ran:',
  'plan.redactedNote':
    'note: the password is shown as xxxxx (gomodctl never prints secrets); copying this would store "xxxxx" — keep credentials in ~/.netrc instead',
  'plan.unchanged': '{name} already has this value',
  'plan.dryRun': '(dry run: nothing was changed)',
  'plan.done': 'Done. Previous values saved as backup {id}; undo with: {command}',
  // core/init/plan.ts
  'plan.directConflict':
    '--proxy "{proxy}" ends with direct but --no-direct was given; drop one of them (e.g. {example}).',
  'plan.noProxyLeft': '--no-direct with GOPROXY "direct" leaves no proxy; pick a proxy (e.g. {example}).',
  'plan.nothingToWrite':
    'nothing to write; pass at least one of --proxy, --private, --sumdb or --preset (e.g. --preset china).',
  'plan.envShadows':
    '{name} is set in the process environment ({setting}); it overrides the GOENV file, so the new value has no effect until you remove it from your shell profile or user environment.',
  'plan.dependentProxy':
    '{setting} is set ({where}), so it, not GOPRIVATE, decides which modules bypass the proxy (Go falls back to GOPRIVATE only when it is empty).',
  'plan.dependentSumdb':
    '{setting} is set ({where}), so it, not GOPRIVATE, decides which modules skip the checksum database (Go falls back to GOPRIVATE only when it is empty).',
  'plan.whereEnv': 'environment',
  'plan.whereGoenv': 'GOENV file',
  'plan.sumdbOff':
    'GOSUMDB=off disables checksum verification for every new module; to skip only private modules, keep GOSUMDB and set GONOSUMDB (or GOPRIVATE) to their patterns.',
  'plan.netrcHint':
    'Put the login in ~/.netrc instead (chmod 600): {lines}; see go help goauth. Or pass --allow-credentials.',
  'plan.netrcTwoLines': '{first} and {second}',
  // core/init/validate-patterns.ts
  'patterns.control':
    '{name} {value} contains a control character; give plain comma-separated patterns (e.g. {example}).',
  'patterns.none': '{name} {value} has no patterns; give at least one (e.g. {example}).',
  'patterns.spaced':
    '{name} {value} has spaces around {pattern}; Go does not trim them, so that pattern would never match; write {fixed}.',
  'patterns.innerSpace':
    '{name} {value} has a space inside {pattern}; module paths have no spaces, so Go would never match it; separate patterns with commas only (e.g. {example}).',
  'patterns.fatal': '{message} (e.g. {example}).',
  'patterns.fatalFix': '{message}; write {suggestion} instead (e.g. {example}).',
  // core/init/suggest.ts
  'suggest.goprivate': 'already in GOPRIVATE',
  'suggest.remote': 'git remote {url}',
  'suggest.gomod': 'go.mod requires modules from this internal-looking host',
  // report/init-table.ts: the wizard's tables
  'current.heading': 'Go {version}; GOENV file {goenv}',
  'current.goNotFound': '(not found)',
  'current.noGoenv': '(none)',
  'current.empty': '(empty)',
  'current.source': '({source})',
  'source.env': 'environment',
  'source.default': 'default',
  'shadow.warning':
    '{name} is set in the process environment, which overrides go env -w; remove it from {where} or the new value will have no effect.',
  'shadow.whereWindows': 'your Windows user environment (System Properties → Environment Variables)',
  'shadow.whereUnix': 'your shell profile (~/.profile, ~/.bashrc, ~/.zshrc)',
  'table.mirror': 'mirror',
  'table.protocol': 'protocol',
  'table.ok': 'ok',
  'table.http': 'HTTP {status}',
  'table.unreachable': 'unreachable: {cause}',
  'table.yes': 'yes',
  'table.no': 'no',
  'table.directOk': 'origin reachable over HTTPS',
  'table.directFail': 'origin unreachable: {cause}',
  // app/init-wizard-flow.ts: the questions
  'ask.ownProxy': 'Add your own proxy URL to test (empty to skip):',
  probing: 'Probing {count} mirror(s) and direct access…',
  'probing.waiting': 'waiting for {count} answers…',
  interrupted: 'Interrupted: nothing was changed.',
  'interrupted.netrc': 'Interrupted: the Go configuration was not changed (the login was already added to {path}).',
  'ownProxy.oneUrl': 'one URL here, please: the order of proxies is chosen in the next step',
  'ownProxy.schemeAdded': 'No scheme given: using {url} (Go adds https:// to a GOPROXY entry without one).',
  nothingAnswered: 'No mirror and no origin answered: check the network or your HTTPS_PROXY.',
  recommended: 'Recommended: {setting}',
  'ask.proxies': 'Proxies to use, in this order:',
  'ask.separator': 'Separator between proxies:',
  'choice.pipe': '| fall through to the next proxy on ANY error (timeout, 403, 5xx) — recommended',
  'choice.comma': ', fall through only when a proxy answers 404/410 (not found)',
  'ask.direct': 'End with direct (fetch from origin when proxies say not found)?',
  'ask.directUnreachable':
    'End with direct (fetch from origin when proxies say not found)? Not recommended: origin is unreachable from here.',
  'ask.private': 'Private module patterns (GOPRIVATE: no proxy, no checksum database):',
  'choice.pattern': '{pattern}  {reason}; matches {matches}',
  'choice.noRequirement': 'no requirement',
  'ask.morePatterns': 'More patterns, comma-separated (empty for none):',
  'pattern.matches': '{pattern}: matches {modules}',
  'pattern.matchesNone': '{pattern}: matches no requirement of this go.mod',
  'ask.sumdb': 'Checksum database (GOSUMDB):',
  'choice.keep': 'keep {value}',
  'choice.sumGolangOrg': 'sum.golang.org (default; fetched through the proxy when it supports /sumdb)',
  'choice.sumGoogleCn': 'sum.golang.google.cn (same database, reachable from mainland China)',
  'choice.custom': 'custom: "name+key [url]"',
  'choice.off': 'off (not recommended)',
  'ask.sumdbValue': 'GOSUMDB value:',
  sumdbOffWarning:
    'GOSUMDB=off accepts every new module unverified. To skip only private modules, keep the database and list them in GONOSUMDB or GOPRIVATE.',
  'ask.sumdbOff': 'Turn checksum verification off anyway?',
  authNote: 'Private proxies authenticate with ~/.netrc (or GOAUTH on Go 1.24+), never with a password inside GOPROXY.',
  'ask.needsLogin': 'Does a private proxy need a login?',
  'ask.privateUrl': 'Private proxy https URL:',
  'ask.login': 'Login:',
  'ask.password': 'Password or token:',
  // app/init-wizard.ts
  'ask.netrc': 'Append this login to your .netrc (mode 0600)?',
  'netrc.wrote': 'Wrote {path}',
  'netrc.noHome': 'No home directory: .netrc not written.',
  'ask.doctor': 'Run gomodctl doctor now to check the new configuration?',
  doctorLater: 'Check the result any time with: {command}',
  // go/init-apply.ts: the write and its check
  'apply.unreadable': 'cannot read the GOENV file {path}: {error}',
  'apply.readsBack': '{name} reads back as "{value}" instead of the value written',
  'apply.stillSet': '{name} is still in the GOENV file after go env -u',
  'apply.verifyFailed': 'verification after go env -w failed: {problems}',
  'apply.leftAsItWas': '{error}; the GOENV file was left as it was',
  'apply.join': '{first}; {rest}',
  // core/init/netrc-entry.ts: the wizard's .netrc login
  'netrc.notUrl': '"{url}" is not a URL; give the private proxy\'s https URL (e.g. https://goproxy.corp.example.com).',
  'netrc.notHttps':
    '"{url}" is not https; Go sends .netrc credentials only over https, e.g. https://goproxy.corp.example.com.',
  'netrc.blank':
    'the .netrc {what} must be non-empty and contain no spaces (.netrc splits on whitespace); e.g. {what} "deploy-token".',
  // report/prompts.ts: the keys under a question (@inquirer/prompts' help line)
  'key.navigate': 'navigate',
  'key.select': 'select',
  'key.all': 'all',
  'key.invert': 'invert',
  'key.submit': 'submit',
  'answer.yes': 'Yes',
  'answer.no': 'No',
} as const;

const zh = {
  warning: '警告：{message}',
  yesNeedsValues: '--yes 需要知道要写入的值：--preset NAME，或 --proxy/--private/--sumdb（例如 {example}）',
  needsTerminal: 'init 向导需要在终端中运行；没有终端时请直接给出各项的值，例如 {example}（或 --preset china）。',
  'export.nothingSet':
    '这里没有设置任何模块相关的变量（都是默认值）；请用 --proxy/--private/--sumdb/--preset 给出要导出的值',
  goMissing: '无法运行 "{go}"；请安装 Go，或用 --go 指定 go 可执行文件（例如 --go /usr/local/go/bin/go）。',
  goenvOff:
    'GOENV=off：Go 没有可写入的配置文件；请取消设置 GOENV，或把它设为一个文件路径（例如 GOENV=$HOME/.config/go/env）。',
  needsConsent: '{command} 需要确认，但当前没有终端；加 --yes 直接写入，或加 --dry-run 只查看计划。',
  confirmApply: '应用这些修改吗？',
  nothingChanged: '没有做任何修改。',
  'plan.goenvFile': 'GOENV 配置文件：{path}',
  'plan.nothingToChange': '无需修改：GOENV 配置文件中已经是这些值。',
  'plan.unset': '（未设置）',
  'plan.willRun': '将要运行：',
  'plan.wouldRun': '会运行：',
  'plan.ran': '已运行：',
  'plan.redactedNote':
    '注意：密码显示为 xxxxx（gomodctl 从不打印密钥）；照原样复制会把 "xxxxx" 写进配置，凭据请放在 ~/.netrc 中',
  'plan.unchanged': '{name} 已经是这个值',
  'plan.dryRun': '（试运行：没有做任何修改）',
  'plan.done': '完成。原来的值已保存为备份 {id}；撤销请运行：{command}',
  'plan.directConflict': '--proxy "{proxy}" 以 direct 结尾，但又给了 --no-direct；请去掉其中一个（例如 {example}）。',
  'plan.noProxyLeft': '对 GOPROXY "direct" 使用 --no-direct 后就没有模块代理了；请选一个模块代理（例如 {example}）。',
  'plan.nothingToWrite':
    '没有要写入的值；请至少给出 --proxy、--private、--sumdb 或 --preset 之一（例如 --preset china）。',
  'plan.envShadows':
    '进程的环境变量中设置了 {name}（{setting}），它会覆盖 GOENV 配置文件，所以在你把它从 shell 配置文件或用户环境变量中删除之前，新值不会生效。',
  'plan.dependentProxy':
    '已设置 {setting}（{where}），所以由它而不是 GOPRIVATE 决定哪些模块不经过模块代理（只有它为空时 Go 才使用 GOPRIVATE）。',
  'plan.dependentSumdb':
    '已设置 {setting}（{where}），所以由它而不是 GOPRIVATE 决定哪些模块跳过校验和数据库（只有它为空时 Go 才使用 GOPRIVATE）。',
  'plan.whereEnv': '环境变量',
  'plan.whereGoenv': 'GOENV 配置文件',
  'plan.sumdbOff':
    'GOSUMDB=off 会关闭所有新模块的校验和验证；如果只想跳过私有模块，请保留 GOSUMDB，把私有模块的模式写进 GONOSUMDB（或 GOPRIVATE）。',
  'plan.netrcHint':
    '请把登录信息放到 ~/.netrc 中（chmod 600）：{lines}；参见 go help goauth。或者加 --allow-credentials。',
  'plan.netrcTwoLines': '{first} 和 {second}',
  'patterns.control': '{name} {value} 含有控制字符；请给出用逗号分隔的普通模式（例如 {example}）。',
  'patterns.none': '{name} {value} 中没有任何模式；请至少给出一个（例如 {example}）。',
  'patterns.spaced': '{name} {value} 中 {pattern} 两侧有空格；Go 不会去掉空格，这个模式永远不会匹配；请写成 {fixed}。',
  'patterns.innerSpace':
    '{name} {value} 中 {pattern} 内部有空格；模块路径不含空格，Go 永远不会匹配它；模式之间只用逗号分隔（例如 {example}）。',
  'patterns.fatal': '{message}（例如 {example}）。',
  'patterns.fatalFix': '{message}；请改写为 {suggestion}（例如 {example}）。',
  'suggest.goprivate': '已在 GOPRIVATE 中',
  'suggest.remote': 'git 远程地址 {url}',
  'suggest.gomod': 'go.mod 依赖了这个看起来是内网主机上的模块',
  'current.heading': 'Go {version}；GOENV 配置文件 {goenv}',
  'current.goNotFound': '（未找到）',
  'current.noGoenv': '（无）',
  'current.empty': '（空）',
  'current.source': '（{source}）',
  'source.env': '环境变量',
  'source.default': '默认值',
  'shadow.warning':
    '进程的环境变量中设置了 {name}，它会覆盖 go env -w 写入的值；请把它从 {where}中删除，否则新值不会生效。',
  'shadow.whereWindows': 'Windows 用户环境变量（系统属性 → 环境变量）',
  'shadow.whereUnix': 'shell 配置文件（~/.profile、~/.bashrc、~/.zshrc）',
  'table.mirror': '镜像',
  'table.protocol': '协议',
  'table.ok': '正常',
  'table.http': 'HTTP {status}',
  'table.unreachable': '无法访问：{cause}',
  'table.yes': '是',
  'table.no': '否',
  'table.directOk': '可以通过 HTTPS 访问源仓库',
  'table.directFail': '无法访问源仓库：{cause}',
  'ask.ownProxy': '添加一个你自己的模块代理 URL 一起测试（留空跳过）：',
  probing: '正在探测 {count} 个镜像和直连访问…',
  'probing.waiting': '正在等待 {count} 个应答…',
  interrupted: '已中断：没有做任何更改。',
  'interrupted.netrc': '已中断：Go 配置没有更改（登录信息已经写入 {path}）。',
  'ownProxy.oneUrl': '这里只填一个 URL：模块代理的顺序在下一步选择',
  'ownProxy.schemeAdded': '未写协议：使用 {url}（Go 会给没有协议的 GOPROXY 条目加上 https://）。',
  nothingAnswered: '没有任何镜像或源仓库响应：请检查网络或 HTTPS_PROXY。',
  recommended: '推荐：{setting}',
  'ask.proxies': '要使用的模块代理（按此顺序）：',
  'ask.separator': '模块代理之间的分隔符：',
  'choice.pipe': '| 遇到任何错误（超时、403、5xx）都回退到下一个模块代理（推荐）',
  'choice.comma': ', 仅在模块代理返回 404/410（未找到）时回退到下一个',
  'ask.direct': '最后加上 direct（模块代理都说未找到时直连源仓库下载）吗？',
  'ask.directUnreachable': '最后加上 direct（模块代理都说未找到时直连源仓库下载）吗？不推荐：这里无法访问源仓库。',
  'ask.private': '私有模块的模式（GOPRIVATE：不经过模块代理，也不查校验和数据库）：',
  'choice.pattern': '{pattern}  {reason}；匹配 {matches}',
  'choice.noRequirement': '没有依赖',
  'ask.morePatterns': '更多模式，用逗号分隔（留空表示没有）：',
  'pattern.matches': '{pattern}：匹配 {modules}',
  'pattern.matchesNone': '{pattern}：不匹配这个 go.mod 中的任何依赖',
  'ask.sumdb': '校验和数据库（GOSUMDB）：',
  'choice.keep': '保持 {value}',
  'choice.sumGolangOrg': 'sum.golang.org（默认；模块代理支持 /sumdb 时通过它访问）',
  'choice.sumGoogleCn': 'sum.golang.google.cn（同一个数据库，在中国大陆可以访问）',
  'choice.custom': '自定义："name+key [url]"',
  'choice.off': 'off（不推荐）',
  'ask.sumdbValue': 'GOSUMDB 的值：',
  sumdbOffWarning:
    'GOSUMDB=off 会不经验证地接受所有新模块。如果只想跳过私有模块，请保留校验和数据库，把它们写进 GONOSUMDB 或 GOPRIVATE。',
  'ask.sumdbOff': '仍然要关闭校验和验证吗？',
  authNote: '私有模块代理通过 ~/.netrc（Go 1.24+ 也可以用 GOAUTH）认证，不要把密码写在 GOPROXY 里。',
  'ask.needsLogin': '有私有模块代理需要登录吗？',
  'ask.privateUrl': '私有模块代理的 https URL：',
  'ask.login': '用户名：',
  'ask.password': '密码或令牌：',
  'ask.netrc': '把这条登录信息追加到你的 .netrc（权限 0600）吗？',
  'netrc.wrote': '已写入 {path}',
  'netrc.noHome': '没有主目录：未写入 .netrc。',
  'ask.doctor': '现在运行 gomodctl doctor 检查新配置吗？',
  doctorLater: '随时可以用这个命令检查结果：{command}',
  'apply.unreadable': '无法读取 GOENV 配置文件 {path}：{error}',
  'apply.readsBack': '{name} 读回的值是 "{value}"，不是写入的值',
  'apply.stillSet': 'go env -u 之后 {name} 仍在 GOENV 配置文件中',
  'apply.verifyFailed': 'go env -w 之后的验证失败：{problems}',
  'apply.leftAsItWas': '{error}；GOENV 配置文件保持原样',
  'apply.join': '{first}；{rest}',
  'netrc.notUrl': '"{url}" 不是 URL；请给出私有模块代理的 https URL（例如 https://goproxy.corp.example.com）。',
  'netrc.notHttps': '"{url}" 不是 https；Go 只通过 https 发送 .netrc 凭据，例如 https://goproxy.corp.example.com。',
  'netrc.blank': '.netrc 的 {what} 不能为空，也不能含空格（.netrc 以空白分隔）；例如 {what} "deploy-token"。',
  'key.navigate': '移动',
  'key.select': '选择',
  'key.all': '全选',
  'key.invert': '反选',
  'key.submit': '确认',
  'answer.yes': '是',
  'answer.no': '否',
} as const satisfies Translation<typeof en>;

/** Builds a message of `gomodctl init` (and of the writer init and restore share): `initMsg('plan.ran')`. */
export const initMsg = defineMessages('init', en, zh);
