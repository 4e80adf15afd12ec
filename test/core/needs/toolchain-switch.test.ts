// Toolchain selection (toolchain/select.go Select, Exec): which toolchain runs, and what is downloaded for it.
import { describe, expect, it } from 'vitest';
import { mayAutoSwitch, selectToolchain, type ToolchainInput } from '../../../src/core/needs/toolchain-switch.js';

const base: ToolchainInput = {
  localVersion: '1.26.8',
  gotoolchain: 'auto',
  file: null,
  goos: 'linux',
  goarch: 'amd64',
  inPath: () => false,
};
const sel = (over: Partial<ToolchainInput>) => selectToolchain({ ...base, ...over });
const file = (go: string | null, toolchain: string | null = null) => ({ go, toolchain });

describe('selectToolchain', () => {
  it('Go before 1.21 has no GOTOOLCHAIN; an empty value (go.env line removed) never switches', () => {
    expect(sel({ localVersion: '1.19.8', file: file('1.99') })).toEqual({ kind: 'local' });
    expect(sel({ gotoolchain: '', file: file('1.99') })).toEqual({ kind: 'local' });
  });
  it('auto: a newer go or toolchain line switches; a language version names its .0 release', () => {
    expect(sel({ file: file('1.99') })).toMatchObject({
      kind: 'download',
      toolchain: 'go1.99.0',
      module: 'golang.org/toolchain',
      version: 'v0.0.1-go1.99.0.linux-amd64',
    });
    expect(sel({ file: file('1.21', 'go1.30.2') })).toMatchObject({ kind: 'download', toolchain: 'go1.30.2' });
    expect(sel({ file: file('1.31', 'go1.30.2') })).toMatchObject({ toolchain: 'go1.31.0' });
    expect(sel({ file: file('1.22', 'go1.22.3') })).toEqual({ kind: 'local' });
    expect(sel({ file: file('1.99', 'default') })).toEqual({ kind: 'local' });
  });
  it('local ignores go.mod; a named minimum always applies; +path never downloads', () => {
    expect(sel({ gotoolchain: 'local', file: file('1.99') })).toEqual({ kind: 'local' });
    expect(sel({ gotoolchain: 'go1.27.1' })).toMatchObject({ kind: 'download', toolchain: 'go1.27.1' });
    expect(sel({ gotoolchain: 'go1.27.1+auto', file: file('1.28') })).toMatchObject({ toolchain: 'go1.28.0' });
    expect(sel({ gotoolchain: 'path', file: file('1.99') })).toEqual({
      kind: 'error',
      message: 'cannot find "go1.99.0" in PATH',
    });
    expect(sel({ file: file('1.99'), inPath: (n) => n === 'go1.99.0' })).toEqual({
      kind: 'path',
      toolchain: 'go1.99.0',
    });
  });
  it("Go's messages for invalid values", () => {
    expect(sel({ gotoolchain: 'banana' })).toEqual({ kind: 'error', message: 'invalid GOTOOLCHAIN "banana"' });
    expect(sel({ gotoolchain: 'go1.22+banana' })).toEqual({
      kind: 'error',
      message: 'invalid GOTOOLCHAIN "go1.22+banana": only version suffixes are +auto and +path',
    });
    expect(sel({ gotoolchain: 'x+auto' })).toEqual({
      kind: 'error',
      message: 'invalid GOTOOLCHAIN "x+auto": invalid minimum toolchain "x"',
    });
  });
  it('a dependency needing a newer go switches only with +auto/+path (switch.go HasAuto/HasPath)', () => {
    expect(['auto', 'path', 'go1.22.0+auto', 'local', 'go1.22.0', ''].map(mayAutoSwitch)).toEqual([
      true,
      true,
      true,
      false,
      false,
      false,
    ]);
  });
});
