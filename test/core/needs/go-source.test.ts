// Import scanning as `go mod tidy` does it: cases from GOROOT/src/cmd/go/internal/imports/read_test.go
// (readImportsTests) and the testdata/star fixture of scan_test.go TestScanDir (tags "*" keep every file).
import { describe, expect, it } from 'vitest';
import { shouldBuildAnyTags } from '../../../src/core/needs/build-tags.js';
import { readImports, scanPackage } from '../../../src/core/needs/go-imports.js';

const Q = '`';

describe('readImports (imports/read.go)', () => {
  it.each([
    ['package p', []],
    ['package p; import "x"', ['"x"']],
    ['package p; import . "x"', ['"x"']],
    ['package p; import "x";var x = 1; import "y"', ['"x"']],
    [
      `package p\n\n// comment\n\nimport "x"\nimport _ "x"\nimport a "x"\n\n/* comment */\n\nimport (\n\t"x" /* comment */\n\t_ "x"\n\ta "x" // comment\n\t${Q}x${Q}\n\t_ /*comment*/ ${Q}x${Q}\n\ta ${Q}x${Q}\n)\nimport (\n)\nimport ()\nimport()import()import()\nimport();import();import()\n\nvar x = 1\n`,
      ['"x"', '"x"', '"x"', '"x"', '"x"', '"x"', `${Q}x${Q}`, `${Q}x${Q}`, `${Q}x${Q}`],
    ],
    ['\ufeffpackage p; import "x";var x = 1', ['"x"']],
    ['package p\nimport "unterminated\nimport "y"', []],
  ])('%j', (src, want) => {
    expect(readImports(src)).toEqual(want);
  });
});

describe('build constraints with AnyTags (imports/build.go ShouldBuild)', () => {
  it.each([
    ['package x\n', true],
    ['//go:build ignore\n\npackage x\n', false],
    ['//go:build !ignore\n\npackage x\n', true],
    ['//go:build linux && !linux\n\npackage x\n', true], // every tag is both true and false
    ['//go:build tools\n\npackage x\n', true],
    ['//go:build ignore || tools\n\npackage x\n', true],
    ['//go:build ignore && linux\n\npackage x\n', false],
    ['//go:build (\n\npackage x\n', false], // a syntax error excludes the file
    ['// +build ignore\n\npackage x\n', false],
    ['// +build !ignore\n\npackage x\n', true],
    ['// +build plan9,!plan9\n\npackage x\n', true],
    ['// +build ignore\npackage x\n', true], // not followed by a blank line: not a constraint
    ['/* c */\n// +build ignore\n\npackage x\n', true], // after a /* line the +build area has ended
    ['//go:build linux\n//go:build ignore\n\npackage x\n', false], // multiple //go:build lines
  ])('%j → %s', (src, want) => {
    expect(shouldBuildAnyTags(src)).toBe(want);
  });
});

describe('scanPackage (imports/scan.go with tags "*")', () => {
  it('testdata/star: every file, whatever its OS suffix or constraint', () => {
    const files = [
      { name: 'x.go', text: 'package x\n\nimport "import1"\n' },
      {
        name: 'x1.go',
        text: '//go:build blahblh && linux && !linux && windows && darwin\n// +build blahblh,linux,!linux,windows,darwin\n\npackage x\n\nimport "import4"\n',
      },
      { name: 'x_darwin.go', text: 'package xxxx\n\nimport "import3"\n' },
      { name: 'x_windows.go', text: 'package x\n\nimport "import2"\n' },
    ];
    expect(scanPackage(files)).toEqual({ imports: ['import1', 'import2', 'import3', 'import4'], testImports: [] });
  });
  it('test files apart; _ and . files skipped; nothing left is ErrNoGo (null)', () => {
    const files = [
      { name: 'a.go', text: 'package a\nimport "b"\n' },
      { name: 'a_test.go', text: 'package a\nimport "t"\n' },
      { name: '_skip.go', text: 'package a\nimport "no"\n' },
      { name: '.hidden.go', text: 'package a\nimport "no"\n' },
    ];
    expect(scanPackage(files)).toEqual({ imports: ['b'], testImports: ['t'] });
    expect(scanPackage([{ name: 'gen.go', text: '//go:build ignore\n\npackage main\nimport "x"\n' }])).toBeNull();
  });
});
