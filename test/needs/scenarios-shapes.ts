// Set-ups of the needs differential suite about toolchain switches and graph shapes: build tags, nested modules,
// inconsistent roots, exclusions, legacy modules, main-module go lines.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { goosGoarch } from '../../src/core/toolchain.js';
import type { ModuleSource } from '../helpers/fault-proxy.js';
import { TEST_GO } from '../helpers/go-env.js';
import { mod, runGo } from '../helpers/needs-lab.js';
import type { Scenario } from './diff-harness.js';
import { A, B, T, mainFiles, simple, simpleMain, sums } from './scenarios.js';

/** The absolute path of the go under test (the fake toolchain execs it). */
function realGo(): string {
  return join(
    execFileSync(TEST_GO, ['env', 'GOROOT'], { env: { ...process.env, GOTOOLCHAIN: 'local' } })
      .toString()
      .trim(),
    'bin',
    'go',
  );
}

/** A golang.org/toolchain module whose bin/go runs the Go under test (GOTOOLCHAIN=local), so the command continues. */
function fakeToolchain(name: string): ModuleSource {
  const { goos, goarch } = goosGoarch(process.platform, process.arch);
  const script = `#!/bin/sh\nunset GOROOT GOTOOLCHAIN_INTERNAL_SWITCH_VERSION GOTOOLCHAIN_INTERNAL_SWITCH_COUNT\nGOTOOLCHAIN=local exec "${realGo()}" "$@"\n`;
  return {
    path: 'golang.org/toolchain',
    version: `v0.0.1-${name}.${goos}-${goarch}`,
    files: {
      // Exec sets the exec bits in pkg/tool, lib, bin/gofmt and bin (select.go), so each must exist.
      'bin/go': script,
      'bin/gofmt': '#!/bin/sh\n',
      'pkg/tool/README': 'fake toolchain for tests\n',
      'lib/README': 'fake toolchain for tests\n',
    },
  };
}

/** Toolchain switches and graph shapes. */
export const SHAPE_SCENARIOS: Scenario[] = [
  {
    name: 'toolchain line newer than the running go (GOTOOLCHAIN=auto): golang.org/toolchain zip, then the command',
    modules: [...simple(), fakeToolchain('go1.99.0')],
    files: simpleMain('1.18', 'toolchain go1.99.0'),
    command: 'tidy',
    env: { GOTOOLCHAIN: 'auto' },
    goSum: sums(A, B, T),
    exact: true,
  },
  {
    name: 'go line newer than the running go (GOTOOLCHAIN=auto): the switch comes first',
    modules: [...simple(), fakeToolchain('go1.99.0')],
    files: simpleMain('1.99'),
    command: 'tidy',
    env: { GOTOOLCHAIN: 'auto' },
    goSum: sums(A, B, T),
    toolchainOnly: true,
    exact: true,
  },
  {
    name: 'a dependency needs a newer go (GOTOOLCHAIN=auto): golang.org/toolchain is listed, then downloaded',
    modules: [
      mod(A, { go: '1.99.0', require: [B], imports: ['example.com/b'] }),
      mod(B, { go: '1.18' }),
      fakeToolchain('go1.99.0'),
    ],
    files: simpleMain(),
    command: 'tidy',
    env: { GOTOOLCHAIN: 'auto' },
    goSum: sums(A, B),
    toolchainOnly: true,
    exact: true,
  },
  {
    name: 'go line newer than the running go with GOTOOLCHAIN=local: nothing is fetched',
    modules: simple(),
    files: simpleMain('1.99'),
    command: 'tidy',
    env: { GOTOOLCHAIN: 'local' },
    exact: true,
  },
  {
    name: 'build tags: a windows-only import is fetched, a //go:build ignore one is not',
    modules: [mod(A, { go: '1.18' }), mod('example.com/w@v1.0.0', { go: '1.18' })],
    files: {
      ...mainFiles({ go: '1.18', require: [A, 'example.com/w@v1.0.0'] }, ['example.com/a']),
      'win.go': '//go:build windows\n\npackage main\n\nimport _ "example.com/w"\n',
      'gen.go': '//go:build ignore\n\npackage main\n\nimport _ "example.com/ignored"\n',
      'old.go': '// +build plan9,!plan9\n\npackage main\n\nimport _ "example.com/w"\n',
    },
    goSum: sums(A, 'example.com/w@v1.0.0'),
    command: 'tidy',
    exact: true,
  },
  {
    name: 'nested module paths: every module whose path prefixes the import is fetched',
    modules: [
      mod(A, { go: '1.18', pkgs: { other: [] } }),
      mod('example.com/a/sub@v1.0.0', { go: '1.18', pkgs: { p: [] } }),
    ],
    files: mainFiles({ go: '1.18', require: [A, 'example.com/a/sub@v1.0.0'] }, [
      'example.com/a/sub/p',
      'example.com/a/other',
    ]),
    goSum: sums(A, 'example.com/a/sub@v1.0.0'),
    command: 'tidy',
    exact: true,
  },
  {
    name: 'inconsistent go.mod: a root below its selected version is fetched at both versions',
    modules: [
      mod(A, { go: '1.18', require: ['example.com/b@v1.1.0'], imports: ['example.com/b'] }),
      mod(B, { go: '1.18' }),
      mod('example.com/b@v1.1.0', { go: '1.18', require: ['example.com/c@v1.0.0'] }),
      mod('example.com/c@v1.0.0', { go: '1.18' }),
    ],
    files: simpleMain(),
    goSum: [...sums(A, B, 'example.com/b@v1.1.0')],
    command: 'tidy',
    exact: true,
  },
  {
    name: 'exclude drops a requirement from the graph',
    modules: [
      mod(A, { go: '1.18', require: ['example.com/b@v1.1.0'], imports: ['example.com/b'] }),
      mod(B, { go: '1.18' }),
      mod('example.com/b@v1.1.0', { go: '1.18' }),
    ],
    files: simpleMain('1.18', 'exclude example.com/b v1.1.0'),
    goSum: sums(A, B),
    command: 'tidy',
    exact: true,
  },
  {
    name: 'a legacy dependency without go.mod is unpruned',
    modules: [
      mod('example.com/old@v1.0.0', { noGoMod: true, imports: ['example.com/b'] }),
      mod(B, { go: '1.18', require: ['example.com/c@v1.0.0'] }),
      mod('example.com/c@v1.0.0', { go: '1.18' }),
    ],
    files: mainFiles({ go: '1.18', require: ['example.com/old@v1.0.0', `${B} indirect`] }, ['example.com/old']),
    goSum: sums('example.com/old@v1.0.0', B),
    command: 'tidy',
    exact: true,
  },
  {
    name: 'main module at go 1.21: the go.mod of a test-only dependency is read too (Go ≥ 1.21)',
    modules: simple(),
    files: simpleMain('1.21'),
    goSum: [...sums(A, B), T],
    command: 'tidy',
    exact: true,
  },
  {
    name: 'main module at go 1.15: "all" closes over tests, so tests of test dependencies load too',
    modules: [
      mod(A, { go: '1.18', require: [T], testImports: ['example.com/t'] }),
      mod(T, { go: '1.18', require: ['example.com/u@v1.0.0'], testImports: ['example.com/u'] }),
      mod('example.com/u@v1.0.0', { go: '1.18' }),
    ],
    files: mainFiles({ go: '1.15', require: [A, `${T} indirect`, 'example.com/u@v1.0.0 indirect'] }, ['example.com/a']),
    goSum: sums(A, T, 'example.com/u@v1.0.0'),
    command: 'tidy',
    exact: true,
  },
  {
    name: 'filled module cache, download: nothing but missing .info files',
    modules: simple(),
    files: simpleMain(),
    command: 'download',
    prepare: async (lab) => void (await runGo(lab, ['mod', 'tidy'])),
    exact: true,
  },
  {
    name: 'go.mod tool directive (Go 1.24+): the tool package is in "all"',
    modules: [
      mod('example.com/tl@v1.0.0', { go: '1.18', require: [B], pkgs: { 'cmd/gen': ['example.com/b'] } }),
      mod(B, { go: '1.18' }),
    ],
    files: mainFiles(
      { go: '1.24', require: ['example.com/tl@v1.0.0', `${B} indirect`], extra: 'tool example.com/tl/cmd/gen' },
      [],
    ),
    goSum: sums('example.com/tl@v1.0.0', B),
    command: 'tidy',
    exact: true,
  },
  {
    name: 'go.mod ignore directive (Go 1.25+): an ignored directory’s imports are not loaded',
    modules: [mod(A, { go: '1.18' })],
    files: {
      ...mainFiles({ go: '1.25', require: [A], extra: 'ignore ./skip' }, ['example.com/a']),
      'skip/s.go': 'package skip\n\nimport _ "example.com/ignored"\n',
    },
    goSum: sums(A),
    command: 'tidy',
    exact: true,
  },
];
