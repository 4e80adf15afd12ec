// More set-ups of the needs differential suite: vendor, workspaces, `go mod download`, checksum settings.
import { goModText, mod, runGo } from '../helpers/needs-lab.js';
import { removeInLab, type Scenario } from './diff-harness.js';
import { A, B, T, mainFiles, simple, simpleMain, sums } from './scenarios.js';

const workspace = {
  'go.work': 'go 1.18\n\nuse (\n\t./m1\n\t./m2\n)\n',
  'm1/go.mod': goModText('example.com/m1', { go: '1.18', require: [A, `${B} indirect`] }),
  'm1/m1.go': 'package m1\n\nimport _ "example.com/a"\n',
  'm2/go.mod': goModText('example.com/m2', {
    go: '1.18',
    require: ['example.com/m1@v0.0.0', 'example.com/c@v1.0.0'],
    extra: 'replace example.com/m1 => ../m1',
  }),
  'm2/m2.go': 'package m2\n\nimport (\n\t_ "example.com/c"\n\t_ "example.com/m1"\n)\n',
};
const workspaceMods = [
  ...simple(),
  mod('example.com/c@v1.0.0', { go: '1.18', require: ['example.com/d@v1.0.0'] }),
  mod('example.com/d@v1.0.0', { go: '1.18' }),
];

/** Second half of the scenario table. */
export const MORE_SCENARIOS: Scenario[] = [
  {
    name: 'vendor/ with modules.txt: tidy ignores it (-mod=mod for mod subcommands)',
    modules: simple(),
    files: {
      ...simpleMain(),
      'vendor/modules.txt':
        '# example.com/a v1.0.0\n## explicit\nexample.com/a\n# example.com/b v1.0.0\n## explicit\nexample.com/b\n',
      'vendor/example.com/a/a.go': 'package a\n',
      'vendor/example.com/b/b.go': 'package b\n',
    },
    goSum: sums(A, B, T),
    command: 'tidy',
    exact: true,
  },
  {
    name: 'go.work with two modules: each module is tidied on its own',
    modules: workspaceMods,
    files: workspace,
    command: 'tidy',
    exact: false,
  },
  { name: 'go.work with two modules', modules: workspaceMods, files: workspace, command: 'download', exact: true },
  {
    name: 'pruned main module: its requirements, graph go.mod files',
    modules: simple(),
    files: simpleMain(),
    command: 'download',
    exact: true,
  },
  {
    name: 'unpruned main module (go 1.16): the whole build list',
    modules: simple('1.16'),
    files: mainFiles({ go: '1.16', require: [A] }, ['example.com/a']),
    command: 'download',
    exact: true,
  },
  {
    name: 'replacements: the replacement version is downloaded, a directory never',
    modules: [mod('example.com/bfork@v1.1.0', { go: '1.18' })],
    files: {
      ...mainFiles(
        {
          go: '1.18',
          require: [A, B],
          extra: 'replace example.com/a => ./local-a\nreplace example.com/b v1.0.0 => example.com/bfork v1.1.0',
        },
        ['example.com/a', 'example.com/b'],
      ),
      'local-a/go.mod': 'module example.com/a\n\ngo 1.18\n',
      'local-a/a.go': 'package a\n',
    },
    command: 'download',
    exact: true,
  },
  {
    name: 'GONOSUMDB matches a: no lookup for it',
    modules: simple(),
    files: simpleMain(),
    command: 'tidy',
    env: { GONOSUMDB: 'example.com/a' },
    goSum: [`${B}/go.mod`, B, T],
    exact: true,
  },
  {
    name: 'GOPRIVATE (GONOPROXY=none keeps the proxy): GONOSUMDB defaults to it',
    modules: simple(),
    files: simpleMain(),
    command: 'tidy',
    env: { GOPRIVATE: 'example.com/b', GONOPROXY: 'none', GONOSUMDB: undefined },
    goSum: sums(A, T),
    exact: true,
  },
  {
    name: 'GOSUMDB=off: no lookups',
    modules: simple(),
    files: simpleMain(),
    command: 'tidy',
    env: { GOSUMDB: 'off' },
    exact: false,
  },
  {
    name: 'GOFLAGS=-insecure and GONOSUMCHECK=1 change nothing for tidy',
    modules: simple(),
    files: simpleMain(),
    command: 'tidy',
    env: { GOFLAGS: '-modcacherw -insecure', GONOSUMCHECK: '1' },
    prepare: async (lab) => {
      await runGo(lab, ['mod', 'tidy']);
      await runGo(lab, ['clean', '-modcache']);
    },
    exact: true,
  },
  {
    name: 'only the /go.mod lines in go.sum: the zips are looked up',
    modules: simple(),
    files: simpleMain(),
    command: 'tidy',
    goSum: [`${A}/go.mod`, `${B}/go.mod`, `${T}/go.mod`],
    exact: false,
  },
  {
    name: 'GOFLAGS=-mod=vendor is not a flag of go mod tidy: vendor/ is still ignored',
    modules: simple(),
    files: {
      ...simpleMain(),
      'vendor/modules.txt':
        '# example.com/a v1.0.0\n## explicit\nexample.com/a\n# example.com/b v1.0.0\n## explicit\nexample.com/b\n',
      'vendor/example.com/a/a.go': 'package a\n',
    },
    env: { GOFLAGS: '-modcacherw -mod=vendor' },
    goSum: sums(A, B, T),
    command: 'tidy',
    exact: true,
  },
  {
    name: 'case-escaped module path, filled cache, go.sum and sumdb cache removed',
    modules: [mod('example.com/Upper/mod@v1.0.0', { go: '1.18' })],
    files: mainFiles({ go: '1.18', require: ['example.com/Upper/mod@v1.0.0'] }, ['example.com/Upper/mod']),
    command: 'tidy',
    prepare: async (lab) => {
      await runGo(lab, ['mod', 'tidy']);
      removeInLab(lab, 'go.sum', '{CACHE}/cache/download/sumdb');
    },
    exact: true,
  },
  {
    name: 'missing import: two prefixes resolve, both are fetched to look for the package',
    modules: [
      mod('example.com/lib@v1.0.0', { go: '1.18' }),
      mod('example.com/lib/missing@v1.0.0', { go: '1.18', pkgs: { pkg: [] } }),
    ],
    files: mainFiles({ go: '1.18' }, ['example.com/lib/missing/pkg']),
    command: 'tidy',
    exact: true,
  },
  {
    name: 'missing import no proxy serves: every prefix is listed, then tidy fails',
    modules: [],
    files: mainFiles({ go: '1.18' }, ['example.com/nowhere/pkg']),
    command: 'tidy',
    goFails: true,
    exact: true,
  },
  {
    name: 'GONOSUMDB and a partial go.sum',
    modules: simple(),
    files: simpleMain(),
    command: 'download',
    env: { GONOSUMDB: 'example.com/b' },
    goSum: [`${A}/go.mod`],
    exact: true,
  },
  {
    name: 'go.work: a requirement on another workspace module still reads its go.mod from the proxy',
    modules: workspaceMods,
    files: {
      ...workspace,
      'm2/go.mod': goModText('example.com/m2', {
        go: '1.18',
        require: ['example.com/m1@v0.0.0', 'example.com/c@v1.0.0'],
      }),
    },
    command: 'download',
    goFails: true, // the graph still reads example.com/m1@v0.0.0's go.mod, which no proxy has
    exact: true,
  },
  {
    name: 'extracted module kept, its zip deleted: tidy (Download) needs nothing',
    modules: simple(),
    files: simpleMain(),
    command: 'tidy',
    prepare: async (lab) => {
      await runGo(lab, ['mod', 'tidy']);
      removeInLab(lab, '{CACHE}/cache/download/example.com/a/@v/v1.0.0.zip');
    },
    exact: true,
  },
  {
    name: 'extracted module kept, its zip deleted: go mod download (DownloadZip) fetches the zip again',
    modules: simple(),
    files: simpleMain(),
    command: 'download',
    prepare: async (lab) => {
      await runGo(lab, ['mod', 'download']);
      removeInLab(lab, '{CACHE}/cache/download/example.com/a/@v/v1.0.0.zip');
    },
    exact: true,
  },
];
