// Messages of gomodctl env at run time, in English and Chinese: keys "env.*". Its --help is in cli.ts.
// How to declare, use and render them: docs/i18n.md.
import { defineMessages, type Translation } from '../message.js';

const en = {
  title: 'Go module configuration',
  heading: '{title} ({goVersion}; GOENV {goenv})',
  goNotFound: 'go not found',
  'source.env': 'environment',
  'source.goenv': 'GOENV file',
  'source.default': 'default',
  'source.goprivate': 'from GOPRIVATE',
  shadowed: 'overrides GOENV value {value}: {command} has no effect while the environment sets it',
  default: 'default: {value}',
} as const;

const zh = {
  title: 'Go 模块配置',
  heading: '{title}（{goVersion}；GOENV {goenv}）',
  goNotFound: '未找到 go',
  'source.env': '环境变量',
  'source.goenv': 'GOENV 配置文件',
  'source.default': '默认值',
  'source.goprivate': '继承自 GOPRIVATE',
  shadowed: '覆盖了 GOENV 配置文件中的值 {value}：只要环境变量中设置了它，{command} 就不会生效',
  default: '默认值：{value}',
} as const satisfies Translation<typeof en>;

/** Builds a message of `gomodctl env`: `envMsg('shadowed', { value, command })`. */
export const envMsg = defineMessages('env', en, zh);
