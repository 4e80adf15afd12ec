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
} as const;

const zh = {
  empty: '（空）',
  'go.notFound': '无法运行 "{go}"：未找到 Go',
  'go.notFoundHint': '请安装 Go（https://go.dev/dl/），或用 --go <go 可执行文件的路径> 指定。',
  'go.noSuchExecutable':
    '--go "{go}"：没有这个可执行文件；请给出 go 可执行文件，例如 --go /usr/local/go/bin/go（或去掉 --go，使用 PATH 中的 go）',
  'go.envTimeout': '"{go} env -json" 在 {ms}ms 内没有结束',
  'go.envFailed': '"go env -json" 失败：{error}',
} as const satisfies Translation<typeof en>;

/** Builds a shared message: `commonMsg('empty')`. */
export const commonMsg = defineMessages('common', en, zh);
