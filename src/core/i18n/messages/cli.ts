// Messages of the command line (src/cli/): every command's --help (descriptions, options, arguments, examples),
// commander's headings and usage errors, argument checks made in src/cli, and the top-level error lines, in English
// and Chinese: keys "cli.*". One area, because --help builds every command (a module more costs start-up time); one
// section per command, so that its conversion touches only its own lines. How to use them: docs/i18n.md.
import { defineMessages, type Translation } from '../message.js';

const en = {
  'program.description': 'Make Go module downloads work on restricted networks.',
  'option.noColor': 'disable colour (NO_COLOR is honoured too)',
  'option.lang': 'output language (default: $GOMODCTL_LANG, else the locale)',
  'option.version': 'output the version number',
  'option.help': 'display help for command',
  'command.help': 'display help for command',
  'title.usage': 'Usage:',
  'title.arguments': 'Arguments:',
  'title.options': 'Options:',
  'title.globalOptions': 'Global Options:',
  'title.commands': 'Commands:',
  'help.examples': 'Examples:',
  'help.afterError': '(run with --help for usage)',
  'help.withExtraInfo': '{description} ({items})',
  'help.itemSeparator': ', ',
  'help.choices': 'choices: {values}',
  'help.default': 'default: {value}',
  'help.preset': 'preset: {value}',
  'help.env': 'env: {name}',
  'example.doctor': 'check proxies, checksum database and private hosts',
  'example.tidy': 'run go mod tidy and name what blocks it',
  'example.init': 'configure GOPROXY/GOPRIVATE/GOSUMDB with a wizard',
  'example.env': 'show the effective Go module configuration and its sources',
  'example.route': 'show which URLs Go would request for a module',
  'example.checkProxy': 'check that a module proxy works for go',
  'help.exitCodes':
    'Exit codes: 0 ok, 1 problems found, 2 bad usage or bad input, 3 killed at --timeout, 130 interrupted.',
  'error.line': '{program}: {message}',
  'error.unexpected': '{program}: unexpected error: {detail}',
  'error.bug': 'This is a bug in gomodctl; please report it with the command you ran.',
  'commander.unknownOption': "error: unknown option '{option}'",
  'commander.unknownCommand': "error: unknown command '{command}'",
  'commander.didYouMean': '(Did you mean {suggestion}?)',
  'commander.didYouMeanOneOf': '(Did you mean one of {suggestions}?)',
  'commander.missingArgument': "error: missing required argument '{argument}'",
  'commander.optionMissingArgument': "error: option '{option}' argument missing",
  'commander.excessArguments': {
    one: "error: too many arguments for '{command}'. Expected {count} argument but got {got}.",
    other: "error: too many arguments for '{command}'. Expected {count} arguments but got {got}.",
  },
  'commander.invalidOptionValue': "error: option '{option}' argument '{value}' is invalid. {reason}",
  'commander.allowedChoices': 'Allowed choices are {choices}.',
  // Options several commands share.
  'option.json': 'print one JSON document (schemaVersion 1) on stdout',
  'option.go': 'go binary to use (default: $GOMODCTL_GO or go on PATH)',
  // gomodctl doctor
  'doctor.description':
    'probe every proxy, the checksum database and private hosts, and lint the Go module configuration',
  // gomodctl tidy
  'tidy.description':
    'run go mod tidy under a watchdog; with --explain name the module, URL, phase and cause that block it',
  // gomodctl init
  'init.description': 'configure GOPROXY, GOPRIVATE and GOSUMDB (wizard on a terminal, or flags), with a backup first',
  // gomodctl restore
  'restore.description':
    'bring back the Go settings saved before the last (or a given) init/restore; unset ones are unset again',
  // gomodctl env
  'env.description':
    'show the effective Go module configuration, where each value comes from, and what the environment shadows',
  // gomodctl route
  'route.description': 'show the requests Go would make for modules under the current configuration (no network)',
  // gomodctl completion
  'completion.description': 'print a shell completion script (bash, zsh, fish or powershell)',
  'completion.argument': 'the shell: bash, zsh, fish or powershell',
  'route.argument': 'module path with optional @version',
  'route.invalidModule': 'invalid module "{arg}": {reason}',
  'route.emptyVersion': 'empty version after @',
  'route.invalidModuleHint': 'expected a module path with an optional version, e.g. golang.org/x/text@v0.14.0',
  // gomodctl check-proxy
  'checkProxy.description':
    'check that a module proxy works for go: protocol, integrity, checksum database, TLS and auth',
} as const;

const zh = {
  'program.description': '让 Go 模块下载在受限网络中也能正常工作。',
  'option.noColor': '不使用颜色（也支持 NO_COLOR 环境变量）',
  'option.lang': '输出语言（默认取 $GOMODCTL_LANG，否则按系统的语言环境）',
  'option.version': '显示版本号',
  'option.help': '显示命令帮助',
  'command.help': '显示命令帮助',
  'title.usage': '用法：',
  'title.arguments': '参数：',
  'title.options': '选项：',
  'title.globalOptions': '全局选项：',
  'title.commands': '命令：',
  'help.examples': '示例：',
  'help.afterError': '（加上 --help 查看用法）',
  'help.withExtraInfo': '{description}（{items}）',
  'help.itemSeparator': '；',
  'help.choices': '可选值：{values}',
  'help.default': '默认值：{value}',
  'help.preset': '预设值：{value}',
  'help.env': '环境变量：{name}',
  'example.doctor': '检查模块代理、校验和数据库和私有模块的主机',
  'example.tidy': '运行 go mod tidy，并指出卡住它的原因',
  'example.init': '通过向导配置 GOPROXY/GOPRIVATE/GOSUMDB',
  'example.env': '显示生效的 Go 模块配置及每项的来源',
  'example.route': '显示 Go 下载某个模块时会依次请求哪些 URL',
  'example.checkProxy': '检查一个模块代理能否被 go 正常使用',
  'help.exitCodes': '退出码：0 正常，1 发现问题，2 用法或输入错误，3 因 --timeout 终止，130 中断。',
  'error.line': '{program}：{message}',
  'error.unexpected': '{program}：意外错误：{detail}',
  'error.bug': '这是 gomodctl 的 bug，请连同所运行的命令一起报告。',
  'commander.unknownOption': "错误：未知选项 '{option}'",
  'commander.unknownCommand': "错误：未知命令 '{command}'",
  'commander.didYouMean': '（是不是想用 {suggestion}？）',
  'commander.didYouMeanOneOf': '（是不是想用以下之一：{suggestions}？）',
  'commander.missingArgument': "错误：缺少必需的参数 '{argument}'",
  'commander.optionMissingArgument': "错误：选项 '{option}' 缺少参数值",
  'commander.excessArguments': "错误：'{command}' 的参数过多：应为 {count} 个，实际为 {got} 个。",
  'commander.invalidOptionValue': "错误：选项 '{option}' 的参数值 '{value}' 无效。{reason}",
  'commander.allowedChoices': '可选值：{choices}。',
  // Options several commands share.
  'option.json': '在 stdout 上输出一个 JSON 文档（schemaVersion 1）',
  'option.go': '要使用的 go 可执行文件（默认：$GOMODCTL_GO，否则是 PATH 中的 go）',
  // gomodctl doctor
  'doctor.description': '探测每个模块代理、校验和数据库和私有模块的主机，并检查 Go 模块配置',
  // gomodctl tidy
  'tidy.description': '在看门狗下运行 go mod tidy；加 --explain 时指出卡住它的模块、URL、环节和原因',
  // gomodctl init
  'init.description': '配置 GOPROXY、GOPRIVATE 和 GOSUMDB（在终端中使用向导，或使用参数），写入前先备份',
  // gomodctl restore
  'restore.description': '恢复上一次（或指定的某次）init/restore 之前保存的 Go 设置；原来未设置的会重新变为未设置',
  // gomodctl env
  'env.description': '显示生效的 Go 模块配置、每个值的来源，以及被环境变量覆盖的设置',
  // gomodctl route
  'route.description': '显示在当前配置下 Go 下载模块时会发出的请求（不访问网络）',
  'completion.description': '输出 shell 自动补全脚本（bash、zsh、fish 或 powershell）',
  'completion.argument': 'shell 名称：bash、zsh、fish 或 powershell',
  'route.argument': '模块路径，可带 @版本',
  'route.invalidModule': '无效的模块 "{arg}"：{reason}',
  'route.emptyVersion': '@ 后面的版本为空',
  'route.invalidModuleHint': '应为模块路径，可带版本，例如 golang.org/x/text@v0.14.0',
  // gomodctl check-proxy
  'checkProxy.description': '检查一个模块代理能否被 go 正常使用：协议、完整性、校验和数据库、TLS 和认证',
} as const satisfies Translation<typeof en>;

/** Builds a message of the command line: `cliMsg('help.examples')`. */
export const cliMsg = defineMessages('cli', en, zh);
