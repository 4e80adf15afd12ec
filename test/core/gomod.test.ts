// go.mod reading and the toolchain a go.mod asks for (cmd/go/internal/toolchain/select.go Select).
import { describe, expect, it } from 'vitest';
import { parseGoMod, isLocalReplacePath } from '../../src/core/gomod.js';
import { requiredToolchain, toolchainModuleVersion, goosGoarch } from '../../src/core/toolchain.js';

const GOMOD = `// comment
module example.com/app

go 1.22

toolchain go1.22.4

require (
	github.com/pkg/errors v0.9.1
	golang.org/x/text v0.14.0 // indirect
	"example.com/quoted" v1.0.0
)

require example.com/single v1.2.3

replace example.com/a => ../a
replace (
	example.com/b v1.0.0 => example.com/c v1.1.0
	example.com/w => C:\\src\\w
)
`;

describe('parseGoMod', () => {
  const m = parseGoMod(GOMOD);
  it('reads module, go, toolchain', () => {
    expect([m.module, m.go, m.toolchain]).toEqual(['example.com/app', '1.22', 'go1.22.4']);
  });
  it('reads require lines and blocks, with indirect and quoted paths', () => {
    expect(m.require).toEqual([
      { path: 'github.com/pkg/errors', version: 'v0.9.1', indirect: false },
      { path: 'golang.org/x/text', version: 'v0.14.0', indirect: true },
      { path: 'example.com/quoted', version: 'v1.0.0', indirect: false },
      { path: 'example.com/single', version: 'v1.2.3', indirect: false },
    ]);
  });
  it('reads replace lines; local directories are recognised on every OS', () => {
    expect(m.replace).toEqual([
      { oldPath: 'example.com/a', newPath: '../a', isLocal: true },
      {
        oldPath: 'example.com/b',
        oldVersion: 'v1.0.0',
        newPath: 'example.com/c',
        newVersion: 'v1.1.0',
        isLocal: false,
      },
      { oldPath: 'example.com/w', newPath: 'C:\\src\\w', isLocal: true },
    ]);
    expect(['./x', '../x', '/abs', '.', 'D:/x'].every(isLocalReplacePath)).toBe(true);
    expect(isLocalReplacePath('example.com/x')).toBe(false);
  });
  it('never throws on garbage', () => {
    expect(() => parseGoMod('require (\nreplace =>\n)))\n"unterminated')).not.toThrow();
  });
});

describe('requiredToolchain', () => {
  const mod = (go: string | null, toolchain: string | null = null) => ({
    module: 'm',
    go,
    toolchain,
    require: [],
    replace: [],
  });
  it.each([
    ['1.22', null, 'go1.22.0'], // a language version means its .0 release from 1.21 on
    ['1.21', null, 'go1.21.0'],
    ['1.20', null, 'go1.20'],
    ['1.22.3', null, 'go1.22.3'],
    ['1.22', 'go1.23.1', 'go1.23.1'],
    ['1.23.2', 'go1.22.0', 'go1.23.2'],
    [null, null, null],
  ])('go %s toolchain %s → %s', (go, tc, want) => {
    expect(requiredToolchain(mod(go, tc))).toBe(want);
  });
  it('names the golang.org/toolchain module version like Go', () => {
    const { goos, goarch } = goosGoarch('win32', 'x64');
    expect(toolchainModuleVersion('go1.22.3', goos, goarch)).toBe('v0.0.1-go1.22.3.windows-amd64');
    expect(goosGoarch('darwin', 'arm64')).toEqual({ goos: 'darwin', goarch: 'arm64' });
  });
});
