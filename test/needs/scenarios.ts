// The project set-ups of the needs differential suite. Module graphs are small and built so that each scenario
// exercises one of Go's rules (pruning, replacement, caches, go.sum, queries, toolchain switches).
import { goModText, mod, runGo, type Lab, type ModSpec } from '../helpers/needs-lab.js';
import type { ModuleSource } from '../helpers/fault-proxy.js';
import { removeInLab, type Scenario } from './diff-harness.js';

export const A = 'example.com/a@v1.0.0';
export const B = 'example.com/b@v1.0.0';
export const T = 'example.com/t@v1.0.0';
/** go.sum keys for the zips and go.mod files of modules. */
export const sums = (...mods: string[]): string[] => mods.flatMap((m) => [m, `${m}/go.mod`]);

/** a imports b and, in its test, t. */
export const simple = (go = '1.18'): ModuleSource[] => [
  mod(A, { go, require: [B, T], imports: ['example.com/b'], testImports: ['example.com/t'] }),
  mod(B, { go }),
  mod(T, { go }),
];
/** A main module requiring a and (indirect) b, importing a. */
export const simpleMain = (go = '1.18', extra?: string) =>
  mainFiles({ go, require: [A, `${B} indirect`], extra }, ['example.com/a']);

/** A main package importing `imports` (and, in its test, `tests`); extra files by name. */
export function mainFiles(
  spec: ModSpec & { path?: string },
  imports: string[],
  tests: string[] = [],
): Record<string, string> {
  const imp = (l: string[]) => l.map((i) => `import _ "${i}"\n`).join('');
  return {
    'go.mod': goModText(spec.path ?? 'example.com/main', spec),
    'main.go': `package main\n\n${imp(imports)}\nfunc main() {}\n`,
    ...(tests.length ? { 'main_test.go': `package main\n\n${imp(tests)}` } : {}),
  };
}

/** a imports b; a's test imports t; a/other (not imported) needs y. The usual shape of a real dependency. */
const pruned = (go = '1.18'): ModuleSource[] => [
  mod(A, {
    go,
    require: [B, 'example.com/t@v1.0.0', 'example.com/y@v1.0.0'],
    imports: ['example.com/b'],
    testImports: ['example.com/t'],
    pkgs: { other: ['example.com/y'] },
  }),
  mod(B, { go }),
  mod('example.com/t@v1.0.0', { go }),
  mod('example.com/y@v1.0.0', { go }),
];
const prunedMain = (go = '1.18') => mainFiles({ go, require: [A, `${B} indirect`] }, ['example.com/a']);
const COMPLETE_SUM = [
  A,
  `${A}/go.mod`,
  B,
  `${B}/go.mod`,
  'example.com/t@v1.0.0',
  'example.com/t@v1.0.0/go.mod',
  'example.com/y@v1.0.0/go.mod',
];

/** a (go 1.16, unpruned) imports b; a also requires x (go 1.18) which requires z: all go.mod files are read. */
const unpruned: ModuleSource[] = [
  mod(A, { go: '1.16', require: [B, 'example.com/x@v1.0.0'], imports: ['example.com/b'] }),
  mod(B, { go: '1.16', require: ['example.com/c@v1.0.0'] }),
  mod('example.com/c@v1.0.0', { go: '1.16' }),
  mod('example.com/x@v1.0.0', { go: '1.18', require: ['example.com/z@v1.0.0'] }),
  mod('example.com/z@v1.0.0', { go: '1.16' }),
];

const tidyThenCleanCache = async (lab: Lab): Promise<void> => {
  await runGo(lab, ['mod', 'tidy']);
  await runGo(lab, ['clean', '-modcache']);
};

const COBRA_INDIRECT = [
  'github.com/inconshreveable/mousetrap@v1.1.0 indirect',
  'github.com/spf13/pflag@v1.0.5 indirect',
];

/** Pruning, go.sum and cache states, replacements, missing imports. */
export const SCENARIOS: Scenario[] = [
  {
    name: 'pruned graph, empty go.sum, cold cache',
    modules: pruned(),
    files: prunedMain(),
    command: 'tidy',
    exact: false,
  },
  {
    name: 'pruned graph, complete go.sum, cold cache',
    modules: pruned(),
    files: prunedMain(),
    command: 'tidy',
    goSum: COMPLETE_SUM,
    exact: true,
  },
  {
    name: 'pruned graph, go.sum from an earlier tidy',
    modules: pruned(),
    files: prunedMain(),
    command: 'tidy',
    prepare: tidyThenCleanCache,
    exact: true,
  },
  {
    name: 'pruned graph, filled cache, complete go.sum: nothing to fetch',
    modules: pruned(),
    files: prunedMain(),
    command: 'tidy',
    prepare: async (lab) => void (await runGo(lab, ['mod', 'tidy'])),
    exact: true,
  },
  {
    name: 'filled cache, go.sum removed: lookups come from the sumdb cache',
    modules: pruned(),
    files: prunedMain(),
    command: 'tidy',
    prepare: async (lab) => {
      await runGo(lab, ['mod', 'tidy']);
      removeInLab(lab, 'go.sum');
    },
    exact: true,
  },
  {
    name: 'filled cache, go.sum and sumdb cache removed: every line is looked up',
    modules: pruned(),
    files: prunedMain(),
    command: 'tidy',
    prepare: async (lab) => {
      await runGo(lab, ['mod', 'tidy']);
      removeInLab(lab, 'go.sum', '{CACHE}/cache/download/sumdb');
    },
    exact: true,
  },
  {
    name: 'unpruned dependency (go 1.16): its whole graph is read',
    modules: unpruned,
    files: mainFiles({ go: '1.18', require: [A, `${B} indirect`] }, ['example.com/a']),
    command: 'tidy',
    goSum: [
      A,
      `${A}/go.mod`,
      B,
      `${B}/go.mod`,
      'example.com/c@v1.0.0/go.mod',
      'example.com/x@v1.0.0/go.mod',
      'example.com/z@v1.0.0/go.mod',
    ],
    exact: true,
  },
  {
    name: 'main module at go 1.17: tidy also reads the go 1.16 (unpruned) graph',
    modules: [
      ...pruned(),
      mod('example.com/y@v1.0.0', { go: '1.18', require: ['example.com/z@v1.0.0'] }),
      mod('example.com/z@v1.0.0', { go: '1.18' }),
    ].filter((m, i, all) => all.findIndex((o) => o.path === m.path && o.version === m.version) === i),
    files: prunedMain('1.17'),
    command: 'tidy',
    exact: false,
  },
  {
    name: 'replace to a directory and to another module version',
    modules: [
      mod(B, { go: '1.18' }),
      mod('example.com/bfork@v1.1.0', { go: '1.18' }),
      mod('example.com/c@v1.0.0', { go: '1.18' }),
    ],
    files: {
      ...mainFiles(
        {
          go: '1.18',
          require: [A, B],
          extra: 'replace example.com/a => ./local-a\nreplace example.com/b => example.com/bfork v1.1.0',
        },
        ['example.com/a', 'example.com/b'],
      ),
      'local-a/go.mod': 'module example.com/a\n\ngo 1.18\n\nrequire example.com/c v1.0.0\n',
      'local-a/a.go': 'package a\n\nimport _ "example.com/c"\n',
    },
    command: 'tidy',
    exact: true,
  },
  {
    name: 'missing import: every prefix is listed, the one that exists is fetched',
    modules: [
      mod('example.com/new@v1.1.0', { go: '1.18', pkgs: { 'pkg/sub': [] } }),
      mod('example.com/new@v1.2.0', { go: '1.18', pkgs: { 'pkg/sub': [] } }),
    ],
    files: mainFiles({ go: '1.18' }, ['example.com/new/pkg/sub']),
    command: 'tidy',
    exact: true,
  },
  {
    name: 'cobra-shaped: an unpruned dependency reveals go.mod files two levels down; go.sum from an earlier tidy',
    modules: cobraShaped(),
    files: mainFiles({ go: '1.18', require: ['github.com/spf13/cobra@v1.8.0', ...COBRA_INDIRECT] }, [
      'github.com/spf13/cobra',
    ]),
    command: 'tidy',
    prepare: tidyThenCleanCache,
    exact: true,
  },
  {
    name: 'cobra-shaped, no go.sum yet',
    modules: cobraShaped(),
    files: mainFiles({ go: '1.18', require: ['github.com/spf13/cobra@v1.8.0', ...COBRA_INDIRECT] }, [
      'github.com/spf13/cobra',
    ]),
    command: 'tidy',
    exact: false,
  },
];

/** The shape of github.com/spf13/cobra v1.8 (go 1.15, so unpruned): mousetrap only on windows, md2man and yaml in doc/. */
function cobraShaped(): ModuleSource[] {
  const req = [
    'github.com/cpuguy83/go-md2man/v2@v2.0.3',
    'github.com/inconshreveable/mousetrap@v1.1.0',
    'github.com/spf13/pflag@v1.0.5',
    'gopkg.in/yaml.v3@v3.0.1',
  ];
  const cobra = mod('github.com/spf13/cobra@v1.8.0', {
    go: '1.15',
    require: req,
    imports: ['github.com/spf13/pflag'],
    pkgs: { doc: ['github.com/cpuguy83/go-md2man/v2/md2man', 'gopkg.in/yaml.v3'] },
  });
  cobra.files['command_win.go'] =
    '//go:build windows\n\npackage cobra\n\nimport _ "github.com/inconshreveable/mousetrap"\n';
  return [
    cobra,
    mod('github.com/cpuguy83/go-md2man/v2@v2.0.3', {
      go: '1.11',
      require: ['github.com/russross/blackfriday/v2@v2.1.0'],
      pkgs: { md2man: ['github.com/russross/blackfriday/v2'] },
    }),
    mod('github.com/russross/blackfriday/v2@v2.1.0', { noGoMod: true }),
    mod('github.com/inconshreveable/mousetrap@v1.1.0', { go: '1.18' }),
    mod('github.com/spf13/pflag@v1.0.5', { go: '1.12' }),
    mod('gopkg.in/yaml.v3@v3.0.1', { require: ['gopkg.in/check.v1@v0.0.0-20161208181325-20d25e280405'] }),
    mod('gopkg.in/check.v1@v0.0.0-20161208181325-20d25e280405', { noGoMod: true }),
  ];
}
