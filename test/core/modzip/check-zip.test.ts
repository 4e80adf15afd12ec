// checkZip and the h1: zip hash against the cases of golang.org/x/mod's own test data (zip/testdata/check_zip and
// zip/testdata/unzip, by file name): same files in, same verdicts and hashes out.
import { describe, expect, it } from 'vitest';
import { checkedZipError, checkModuleZip, unexpectedZipFile } from '../../../src/core/modzip/check-zip.js';
import { strToFold } from '../../../src/core/modzip/fold.js';
import { readZip } from '../../../src/core/modzip/zip-reader.js';
import { hashZip } from '../../../src/core/sumdb/dirhash.js';
import { buildVariantZip } from '../../helpers/zip-variants.js';

type Files = [string, string][];
const zipOf = (files: Files) => readZip(buildVariantZip(files.map(([name, data]) => ({ name, data }))));
const m = { path: 'example.com/m', version: 'v1.0.0' };
const P = 'example.com/m@v1.0.0/';

describe('checkModuleZip (x/mod zip checkZip)', () => {
  it('check_zip/various.txt: each invalid file with its reason, the valid one listed', () => {
    const mod = { path: 'example.com/various', version: 'v1.0.0' };
    const V = 'example.com/various@v1.0.0/';
    const cf = checkModuleZip(
      mod,
      zipOf([
        ['noprefix', ''],
        [`${V}valid.go`, ''],
        [`${V}not/../clean`, ''],
        [`${V}invalid.go'`, ''],
        [`${V}GO.MOD`, ''],
        [`${V}valid.go`, 'duplicate\n'],
      ]),
    );
    expect(cf.valid).toEqual([`${V}valid.go`]);
    expect(cf.invalid.map((f) => `${f.path}: ${f.error}`)).toEqual([
      'noprefix: path does not have prefix "example.com/various@v1.0.0/"',
      `${V}not/../clean: file path is not clean`,
      `${V}invalid.go': malformed file path "invalid.go'": invalid char '\\''`,
      `${V}GO.MOD: go.mod files must have lowercase names`,
      `${V}valid.go: multiple entries for file "valid.go"`,
    ]);
  });

  it.each([
    ['dup_file', [`${P}dup.go`, `${P}dup.go`], 'multiple entries for file "dup.go"'],
    ['bad_file_path', [`${P}bad.go'`], `malformed file path "bad.go'": invalid char '\\''`],
    ['file_case_conflict', [`${P}m.go`, `${P}M.GO`], 'case-insensitive file name collision: "m.go" and "M.GO"'],
    ['bad_gomod_case', [`${P}GO.MOD`], 'go.mod files must have lowercase names'],
    ['prefix_only', ['example.com/m@v1.0.0', `${P}go.mod`], 'path does not have prefix "example.com/m@v1.0.0/"'],
    [
      'cap_go_mod_not_submodule',
      [`${P}a.go`, `${P}b/GO.MOD`, `${P}b/b.go`],
      'go.mod file not in module root directory',
    ],
    ['dup_file_and_dir', [`${P}a.go`, `${P}a.go/b.go`], 'entry "a.go" is both a file and a directory'],
    ['bad_submodule', [`${P}go.mod`, `${P}sub/go.mod`], 'go.mod file not in module root directory'],
  ])('unzip/%s.txt', (_name, names, want) => {
    const err = checkedZipError(checkModuleZip(m, zipOf(names.map((n) => [n, 'x\n']))));
    expect(err).toContain(want);
  });

  it('bad versions and paths stop the check (unzip/bad_version, bad_mod_path_version_suffix)', () => {
    const z = zipOf([]);
    expect(checkModuleZip({ path: 'example.com/m', version: 'v1.0.0+bad' }, z).error).toBe(
      'version "v1.0.0+bad" is not canonical (should be "v1.0.0")',
    );
    expect(checkModuleZip({ path: 'example.com/m', version: 'v2.0.0' }, z).error).toBe(
      'example.com/m@v2.0.0: invalid version: should be v0 or v1, not v2',
    );
    expect(checkModuleZip({ path: 'example.com/m', version: 'v2.0.0+incompatible' }, z).error).toBeUndefined();
    expect(checkModuleZip({ path: 'example.com/m/v2', version: 'v2.1.0' }, z).error).toBeUndefined();
  });

  it('a go.mod directory is fine (unzip/go_mod_dir.txt), with the hash x/mod records for it', () => {
    const z = zipOf([[`${P}go.mod/a.go`, 'package a\n']]);
    expect(checkedZipError(checkModuleZip(m, z))).toBeNull();
    expect(hashZip(z)).toBe('h1:Mun5l9cBlDnnV6JasTpio2aZJSbFj++h+814mnKC/OM=');
  });

  it('unzip/simple.txt and empty.txt hash as x/mod records', () => {
    const hello =
      'package main\n\nimport (\n  "fmt"\n  "example.com/m"\n)\n\nfunc main() {\n  fmt.Println(m.Foo())\n}\n';
    const z = zipOf([
      [`${P}go.mod`, 'module example.com/m\n\ngo 1.13\n'],
      [`${P}m.go`, 'package m\n\nfunc Foo() int { return 42 }\n'],
      [`${P}cmd/hello/hello.go`, hello],
    ]);
    expect(hashZip(z)).toBe('h1:tpqYOOmuilagXzyqoJ3roUjp8gneQeTv5YVpL6BG7/k=');
    expect(hashZip(zipOf([]))).toBe('h1:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=');
  });

  it('size limits: a go.mod over MaxGoMod is invalid (declared size is what counts)', () => {
    const zip = readZip(buildVariantZip([{ name: `${P}go.mod`, data: 'x', declaredSize: (16 << 20) + 1 }]));
    expect(checkedZipError(checkModuleZip(m, zip))).toBe(
      `${P}go.mod: go.mod file too large (max size is ${16 << 20} bytes)`,
    );
  });

  it("downloadZip's prefix check names the first stray entry", () => {
    expect(
      unexpectedZipFile(
        m,
        zipOf([
          [`${P}a.go`, ''],
          ['v1.0.0/b.go', ''],
        ]),
      ),
    ).toBe('zip for example.com/m@v1.0.0 has unexpected file v1.0.0/b.go');
    expect(unexpectedZipFile(m, zipOf([[`${P}a.go`, '']]))).toBeNull();
  });
});

describe('strToFold', () => {
  it('folds to the smallest rune of the orbit, then lower-cases ASCII', () => {
    expect(strToFold('go.mod')).toBe('go.mod');
    expect(strToFold('GO.MOD')).toBe('go.mod');
    expect(strToFold('\u212a')).toBe('k'); // KELVIN SIGN folds with K/k
    expect(strToFold('\u017f')).toBe('s'); // LONG S folds with S/s
    expect(strToFold('\u03bc')).toBe(strToFold('\u00b5')); // Greek mu and the micro sign share an orbit
    expect(strToFold('ẞ')).toBe('ß');
  });
});
