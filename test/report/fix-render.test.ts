// Fixes rendered at the edge: POSIX shell (what doctor and tidy print), PowerShell, a GitHub Actions $GITHUB_ENV
// step, and an init plan as the fewest go env calls.
import { describe, expect, it } from 'vitest';
import type { Fix } from '../../src/core/fix/fix.js';
import { translator } from '../../src/core/i18n/message.js';
import { fixMsg } from '../../src/core/i18n/messages/fix.js';
import { renderFix, renderFixLines, renderFixSection, renderPlanCommands } from '../../src/report/fix-render.js';

const cases: Array<[string, Fix, string, string, string]> = [
  [
    'GOENV file',
    { kind: 'set', variable: 'GOPROXY', value: 'https://a|https://b,direct', scope: 'goenv', note: 'why' },
    "go env -w 'GOPROXY=https://a|https://b,direct'   # why",
    "go env -w 'GOPROXY=https://a|https://b,direct'   # why",
    `echo 'GOPROXY=https://a|https://b,direct' >> "$GITHUB_ENV"   # why`,
  ],
  [
    'shadowed by the environment',
    { kind: 'set', variable: 'GOPROXY', value: 'direct', scope: 'env' },
    'export GOPROXY=direct   # GOPROXY comes from your environment: change it where your shell profile or CI sets it',
    "$env:GOPROXY = 'direct'",
    `echo GOPROXY=direct >> "$GITHUB_ENV"`,
  ],
  [
    'environment-only variable',
    { kind: 'set', variable: 'GODEBUG', value: 'tlsmlkem=0', scope: 'env', note: 'small ClientHello' },
    'export GODEBUG=tlsmlkem=0   # small ClientHello',
    "$env:GODEBUG = 'tlsmlkem=0'   # small ClientHello",
    `echo GODEBUG=tlsmlkem=0 >> "$GITHUB_ENV"   # small ClientHello`,
  ],
  [
    'copy of another variable',
    { kind: 'set', variable: 'HTTPS_PROXY', valueFrom: 'HTTP_PROXY', scope: 'env' },
    'export HTTPS_PROXY="$HTTP_PROXY"',
    '$env:HTTPS_PROXY = $env:HTTP_PROXY',
    `echo "HTTPS_PROXY=$HTTP_PROXY" >> "$GITHUB_ENV"`,
  ],
  [
    'appended to NO_PROXY (Go reads NO_PROXY, else no_proxy)',
    { kind: 'set', variable: 'NO_PROXY', value: 'goproxy.corp.test', append: true, scope: 'env', note: 'intranet' },
    `export NO_PROXY="\${NO_PROXY:-$no_proxy},goproxy.corp.test"   # intranet`,
    '$env:NO_PROXY = "$env:NO_PROXY,goproxy.corp.test"   # intranet',
    `echo "NO_PROXY=\${NO_PROXY:-$no_proxy},goproxy.corp.test" >> "$GITHUB_ENV"   # intranet`,
  ],
  [
    'appended to another list: quotes and $ in the item stay literal',
    { kind: 'set', variable: 'GOFLAGS', value: '-x"$y', append: true, scope: 'env' },
    'export GOFLAGS="$GOFLAGS,-x\\"\\$y"   # GOFLAGS comes from your environment: change it where your shell profile or CI sets it',
    '$env:GOFLAGS = "$env:GOFLAGS,-x`"`$y"',
    'echo "GOFLAGS=$GOFLAGS,-x\\"\\$y" >> "$GITHUB_ENV"',
  ],
  [
    'unset in the environment',
    { kind: 'unset', variable: 'GOFLAGS', scope: 'env' },
    'unset GOFLAGS   # and remove it from your shell profile or CI settings',
    'Remove-Item Env:GOFLAGS',
    `echo 'GOFLAGS=' >> "$GITHUB_ENV"`,
  ],
  [
    'unset a variable Go does not have',
    { kind: 'unset', variable: 'GOTIMEOUT', scope: 'env' },
    'unset GOTIMEOUT',
    'Remove-Item Env:GOTIMEOUT',
    `echo 'GOTIMEOUT=' >> "$GITHUB_ENV"`,
  ],
  [
    'unset in the GOENV file',
    { kind: 'unset', variable: 'GOSUMDB', scope: 'goenv' },
    'go env -u GOSUMDB',
    'go env -u GOSUMDB',
    'go env -u GOSUMDB',
  ],
  [
    'command',
    { kind: 'command', argv: ['git', 'config', '--global', 'url.ssh://git@h/.insteadOf', 'https://h/'], note: 'n' },
    'git config --global url.ssh://git@h/.insteadOf https://h/   # n',
    'git config --global url.ssh://git@h/.insteadOf https://h/   # n',
    'git config --global url.ssh://git@h/.insteadOf https://h/   # n',
  ],
  [
    'comment',
    { kind: 'comment', note: 'ask the operator' },
    '# ask the operator',
    '# ask the operator',
    '# ask the operator',
  ],
];

describe('renderFix', () => {
  it.each(cases)('%s', (_name, fix, posix, powershell, github) => {
    expect(renderFix(fix)).toBe(posix);
    expect(renderFix(fix, 'powershell')).toBe(powershell);
    expect(renderFix(fix, 'github-env')).toBe(github);
  });
});

it('a plan is one go env -w and one go env -u', () => {
  expect(
    renderPlanCommands([
      { kind: 'set', variable: 'GOPROXY', value: 'https://goproxy.cn,direct', scope: 'goenv' },
      { kind: 'unset', variable: 'GONOSUMDB', scope: 'goenv' },
      { kind: 'set', variable: 'GOPRIVATE', value: 'corp.example.com', scope: 'goenv' },
    ]),
  ).toEqual(['go env -w GOPROXY=https://goproxy.cn,direct GOPRIVATE=corp.example.com', 'go env -u GONOSUMDB']);
});

describe('renderFixSection (issue 8: fix lines a person copies)', () => {
  const env = (value: string, note?: string): Fix => ({
    kind: 'set',
    variable: 'GOPROXY',
    value,
    scope: 'env',
    ...(note ? { note } : {}),
  });
  const plain = { label: (s: string) => s, note: (s: string) => s };
  const section = (fixes: Fix[] | undefined) => renderFixSection(fixes, '  ', plain);

  it('advice and the notes every command shares come first, once; each command alone on its line', () => {
    const lines = section([
      { kind: 'comment', note: 'proxy.example cannot be reached from this network' },
      env('https://goproxy.cn,direct', 'another mirror'),
      env('direct'),
    ]);
    expect(lines).toEqual([
      '  fix, one of:',
      '    # proxy.example cannot be reached from this network',
      '    # GOPROXY comes from your environment: change it where your shell profile or CI sets it',
      '    # another mirror',
      '    export GOPROXY=https://goproxy.cn,direct',
      '    export GOPROXY=direct',
    ]);
    for (const l of lines.slice(1)) expect(l.trim().startsWith('# ') || !l.includes('#'), l).toBe(true);
  });

  it('a single command keeps its own notes above it; advice alone is not labelled a fix', () => {
    expect(section([{ kind: 'unset', variable: 'GOFLAGS', scope: 'goenv', note: 'why' }])).toEqual([
      '  fix:',
      '    # why',
      '    go env -u GOFLAGS',
    ]);
    expect(section([{ kind: 'comment', note: 'ask the proxy admin' }])).toEqual(['  ask the proxy admin']);
    expect(section(undefined)).toEqual([]);
  });
});

describe('notes in the run language (fix.note.* messages)', () => {
  const zh = translator('zh');
  const fixes: Fix[] = [
    { kind: 'comment', note: fixMsg('fix.note.hung', { host: 'proxy.test' }) },
    { kind: 'set', variable: 'GOPROXY', value: 'direct', scope: 'env', note: fixMsg('fix.note.mirror') },
    { kind: 'unset', variable: 'GOFLAGS', scope: 'env' },
  ];

  it('English by default (JSON, JUnit), the translator language when given; commands stay as they are', () => {
    expect(renderFix(fixes[1]!)).toBe(
      'export GOPROXY=direct   # or: a mirror you can reach; GOPROXY comes from your environment: change it where your shell profile or CI sets it',
    );
    expect(renderFix(fixes[1]!, 'posix', zh)).toBe(
      'export GOPROXY=direct   # 或者：换一个你能访问的镜像；GOPROXY 来自环境变量：请在设置它的 shell 配置文件或 CI 中修改',
    );
    expect(renderFix(fixes[2]!, 'posix', zh)).toBe('unset GOFLAGS   # 并从 shell 配置文件或 CI 设置中删除它');
  });

  it('renderFixSection and renderFixLines take the translator too', () => {
    const plain = {
      label: (s: string) => s,
      note: (s: string) => s,
      words: { fix: '修复：', oneOf: '修复（任选其一）：' },
    };
    expect(renderFixSection(fixes.slice(0, 2), '  ', plain, 'posix', zh)).toEqual([
      '  修复：',
      '    # proxy.test 接受连接却从不响应：服务卡住了，或者路径上的网关吞掉了请求',
      '    # 或者：换一个你能访问的镜像',
      '    # GOPROXY 来自环境变量：请在设置它的 shell 配置文件或 CI 中修改',
      '    export GOPROXY=direct',
    ]);
    expect(renderFixLines([fixes[0]!], 'posix', zh)).toEqual([
      '# proxy.test 接受连接却从不响应：服务卡住了，或者路径上的网关吞掉了请求',
    ]);
    expect(JSON.stringify(fixes[0])).toBe(
      '{"kind":"comment","note":"proxy.test accepts connections but never answers: the service is hung, or a gateway on the path swallows requests"}',
    );
  });
});
