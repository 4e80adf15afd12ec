// Messages of the fix search (doctor --fix / --verify), of init's probe before writing, and the explanations attached
// to fixes (`fix.note.*`, core/fix/fix.ts), in English and Chinese: keys "fix.*". How to declare, use and render
// them: docs/i18n.md.
import { defineMessages, type Translation } from '../message.js';

const en = {
  'fix.githubEnvFailed': 'could not append the fix to $GITHUB_ENV ({file}): {reason}',
  'fix.noFailure': 'Go will fetch everything this project needs: nothing to fix.',
  'fix.noVerdict':
    'doctor --fix: there is no module here (or --module was given), so there is no verdict to fix; run it in the directory of your go.mod',
  'fix.failing': { one: '{count} module will fail to download:', other: '{count} modules will fail to download:' },
  'fix.failure': '{module}: {message}',
  'fix.verifiedHeading': 'Verified fixes, best first (each re-evaluated with the same probes):',
  'fix.option': '{rank}. verified by {by}, {ms} ms:',
  'fix.none': 'No verified fix: none of the changes tried makes every failing module fetchable.',
  'fix.tried': 'tried {id}: {reason}',
  'fix.demoted': '{id} passed the probes but go mod download failed: {reason}',
  'fix.confirm': 'Apply fix 1?',
  'fix.nothingChanged': 'Nothing was changed.',
  'fix.noTopFix': 'There is no verified fix to apply; nothing was changed.',
  'fix.needsConsent':
    'doctor --fix needs confirmation but there is no terminal; pass --yes to apply the top verified fix.',
  'fix.exportHeading': 'These settings live in the environment (go env -w cannot hold them); run in your shell:',
  'fix.githubEnv': 'Appended {count} line(s) to $GITHUB_ENV: later steps of this job see them.',
  'fix.badMirror':
    'invalid --mirror "{value}": expected an http or https URL, e.g. --mirror https://athens.corp.example',
  'fix.allEntriesFailed': 'Every entry of GOPROXY={proxy} failed its probe:',
  'fix.entryFailed': '{url}: {reason}',
  'fix.refuseDetail': 'Every entry of GOPROXY={proxy} failed its probe: {entries}',
  'fix.refusePreset':
    'not writing GOPROXY={proxy}: no entry answered. Pass --no-probe to write it anyway, or pick another --proxy/--preset.',
  'fix.warnAllFailed': 'Go will not be able to download modules through this list from this network.',
  'fix.flag.fix': 'apply the top verified fix (GOENV file with a backup; environment settings printed)',
  'fix.flag.yes': 'with --fix: apply without asking (CI)',
  'fix.flag.verify': 'also prove the top fix with a real go mod download in a throw-away module cache',
  'fix.flag.mirror': 'another module proxy a fix may use (repeatable), e.g. an intranet Athens',
  'fix.flag.noProbe': 'with --preset: write its proxies without probing them first',
  // Fix explanations (core/fix/fix.ts `note`), shared by doctor, tidy, init and route; rendered by report/fix-render.ts.
  'fix.note.fromEnvironment': '{variable} comes from your environment: change it where your shell profile or CI sets it',
  'fix.note.unsetEnv': 'and remove it from your shell profile or CI settings',
} as const;

const zh = {
  'fix.githubEnvFailed': '无法把修复追加到 $GITHUB_ENV（{file}）：{reason}',
  'fix.noVerdict': 'doctor --fix：这里没有模块（或指定了 --module），没有可修复的结论；请在 go.mod 所在目录运行',
  'fix.noFailure': 'Go 能获取这个项目需要的全部内容：无需修复。',
  'fix.failing': '将有 {count} 个模块下载失败：',
  'fix.failure': '{module}：{message}',
  'fix.verifiedHeading': '已验证的修复（按效果排序，每一项都用同样的探测重新评估过）：',
  'fix.option': '{rank}. 由 {by} 验证，{ms} ms：',
  'fix.none': '没有已验证的修复：尝试过的改动都不能让所有失败的模块获取成功。',
  'fix.tried': '已尝试 {id}：{reason}',
  'fix.demoted': '{id} 通过了探测，但 go mod download 失败：{reason}',
  'fix.confirm': '应用修复 1？',
  'fix.nothingChanged': '没有做任何修改。',
  'fix.noTopFix': '没有可应用的已验证修复；没有做任何修改。',
  'fix.needsConsent': 'doctor --fix 需要确认，但当前没有终端；传入 --yes 以应用排在第一的已验证修复。',
  'fix.exportHeading': '这些设置只能放在环境变量中（go env -w 无法保存）；请在 shell 中运行：',
  'fix.githubEnv': '已向 $GITHUB_ENV 追加 {count} 行：本作业后续步骤会读取它们。',
  'fix.badMirror': '无效的 --mirror “{value}”：需要 http 或 https URL，例如 --mirror https://athens.corp.example',
  'fix.allEntriesFailed': 'GOPROXY={proxy} 的每一项都探测失败：',
  'fix.entryFailed': '{url}：{reason}',
  'fix.refuseDetail': 'GOPROXY={proxy} 的每一项都探测失败：{entries}',
  'fix.refusePreset':
    '不写入 GOPROXY={proxy}：没有任何一项有应答。传入 --no-probe 仍然写入，或换一个 --proxy/--preset。',
  'fix.warnAllFailed': '在当前网络下，Go 无法通过这个列表下载模块。',
  'fix.flag.fix': '应用排在第一的已验证修复（写入 GOENV 配置文件并备份；环境变量设置会打印出来）',
  'fix.flag.yes': '与 --fix 一起使用：不询问直接应用（CI）',
  'fix.flag.verify': '另外在临时模块缓存中用真实的 go mod download 验证排在第一的修复',
  'fix.flag.mirror': '修复时可以使用的其他模块代理（可重复），例如内网 Athens',
  'fix.flag.noProbe': '与 --preset 一起使用：不先探测，直接写入其模块代理',
  'fix.note.fromEnvironment': '{variable} 来自环境变量：请在设置它的 shell 配置文件或 CI 中修改',
  'fix.note.unsetEnv': '并从 shell 配置文件或 CI 设置中删除它',
} as const satisfies Translation<typeof en>;

/** Builds a fix-search message: `fixMsg('key', { params })`. */
export const fixMsg = defineMessages('fix', en, zh);
