// golang.org/x/mod module/module_test.go: checkPathTests (module column, current HEAD where "+" is not
// allowed in module paths and a leading dot is allowed in import paths, as in the x/mod vendored by Go 1.26),
// escapeTests, badUnescape.
import { describe, expect, it } from 'vitest';
import {
  checkModulePath,
  escapePath,
  escapeVersion,
  splitPathVersion,
  unescapePath,
  unescapeVersion,
} from '../../src/core/escape.js';
import { UsageError } from '../../src/core/errors.js';

// [path, module ok, import ok]
const CHECK_PATH_TESTS: [string, boolean, boolean][] = [
  ['x.y/z', true, true],
  ['x.y', true, true],
  ['', false, false],
  ['/x.y/z', false, false],
  ['x./z', false, false],
  ['.x/z', false, true],
  ['-x/z', false, false],
  ['x..y/z', true, true],
  ['x.y/z/../../w', false, false],
  ['x.y//z', false, false],
  ['x.y/z//w', false, false],
  ['x.y/z/', false, false],
  ['x.y/z/v0', false, true],
  ['x.y/z/v1', false, true],
  ['x.y/z/v2', true, true],
  ['x.y/z/v2.0', false, true],
  ['X.y/z', false, true],
  ['!x.y/z', false, false],
  ['_x.y/z', false, true],
  ['x.y!/z', false, false],
  ['x.y"/z', false, false],
  ['x.y#/z', false, false],
  ['x.y+/z', false, true],
  ['x.y-/z', true, true],
  ['x.y./zt', false, false],
  ['x.y:/z', false, false],
  ['x.y_/z', false, true],
  ['x.y~/z', false, true],
  ['x.y/z+', false, true],
  ['x.y/z-', true, true],
  ['x.y/z.t', true, true],
  ['x.y/z/t', true, true],
  ['x.y/z_', true, true],
  ['x.y/z~', true, true],
  ['x.y/x.foo', true, true],
  ['x.y/aux.foo', false, false],
  ['x.y/prn', false, false],
  ['x.y/prn2', true, true],
  ['x.y/com', true, true],
  ['x.y/com1', false, false],
  ['x.y/com1.txt', false, false],
  ['x.y/calm1', true, true],
  ['github.com/!123/logrus', false, false],
  ['github.com/user/unicode/испытание', false, false],
  ['../x', false, false],
  ['./y', false, false],
  ['x:y', false, false],
  ['\\temp\\foo', false, false],
  ['.gitignore', false, true],
  ['.github/ISSUE_TEMPLATE', false, true],
  ['x☺y', false, false],
  ['gopkg.in/yaml.v2', true, true],
  ['gopkg.in/yaml', false, true],
  ['x.y/z/v2~1', false, false],
];

describe('checkModulePath (CheckPath)', () => {
  // The table's third column is CheckImportPath's answer, which gomodctl does not need (kept verbatim from Go).
  it.each(CHECK_PATH_TESTS)('%j: module ok %s', (path, ok) => {
    expect(checkModulePath(path) === null).toBe(ok);
  });
  it("uses Go's error texts", () => {
    expect(checkModulePath('example/x')).toBe('malformed module path "example/x": missing dot in first path element');
    expect(checkModulePath('Example.com/x')).toBe(
      `malformed module path "Example.com/x": invalid char 'E' in first path element`,
    );
    expect(checkModulePath('x.y/z/v1')).toBe('malformed module path "x.y/z/v1": invalid version');
    expect(checkModulePath('x.y//z')).toBe('malformed module path "x.y//z": double slash');
    expect(checkModulePath('x.y/com1')).toBe(
      'malformed module path "x.y/com1": "com1" disallowed as path element component on Windows',
    );
    expect(checkModulePath('')).toBe('malformed module path "": empty string');
  });
  it('splitPathVersion (TestSplitPathVersion)', () => {
    for (const [prefix, v] of [
      ['x.y/z', ''],
      ['x.y/z', '/v2'],
      ['x.y/z', '/v3'],
      ['x.y/v', ''],
      ['gopkg.in/yaml', '.v0'],
      ['gopkg.in/yaml', '.v1'],
      ['gopkg.in/yaml', '.v2'],
    ]) {
      expect(splitPathVersion(prefix! + v!)).toEqual([prefix, v, true]);
    }
  });
});

describe('escapePath / unescapePath', () => {
  it('escapes upper case (escapeTests)', () => {
    expect(escapePath('ascii.com/abcdefghijklmnopqrstuvwxyz.-/~_0123456789')).toBe(
      'ascii.com/abcdefghijklmnopqrstuvwxyz.-/~_0123456789',
    );
    expect(escapePath('github.com/GoogleCloudPlatform/omega')).toBe('github.com/!google!cloud!platform/omega');
    expect(escapePath('github.com/Azure/azure-sdk-for-go')).toBe('github.com/!azure/azure-sdk-for-go');
  });
  it('rejects invalid paths with UsageError', () => {
    for (const [path, ok] of CHECK_PATH_TESTS) if (!ok) expect(() => escapePath(path)).toThrow(UsageError);
  });
  it('unescapes and rejects bad forms (badUnescape)', () => {
    expect(unescapePath('github.com/!google!cloud!platform/omega')).toBe('github.com/GoogleCloudPlatform/omega');
    for (const bad of [
      'github.com/GoogleCloudPlatform/omega',
      'github.com/!google!cloud!platform!/omega',
      'github.com/!0google!cloud!platform/omega',
      'github.com/!_google!cloud!platform/omega',
      'github.com/!!google!cloud!platform/omega',
      '',
    ]) {
      expect(unescapePath(bad)).toBeNull();
    }
    for (const [path, ok] of CHECK_PATH_TESTS) if (!ok) expect(unescapePath(path)).toBeNull();
  });
  it('escapes versions and rejects disallowed ones', () => {
    expect(escapeVersion('v1.0.0-RC1')).toBe('v1.0.0-!r!c1');
    expect(escapeVersion('v0.0.1-go1.21.0.linux-amd64')).toBe('v0.0.1-go1.21.0.linux-amd64');
    expect(() => escapeVersion('v1!')).toThrow('version "v1!" invalid: disallowed version string');
    expect(() => escapeVersion('a/b')).toThrow(UsageError);
    expect(() => escapeVersion('')).toThrow(UsageError);
    expect(unescapeVersion('v1.0.0-!r!c1')).toBe('v1.0.0-RC1');
    expect(unescapeVersion('v1.0.0-RC1')).toBeNull();
  });
});
