// The zip reader against archive/zip's rules (reader.go): entries as written, and Go's error for each kind of damage.
import { describe, expect, it } from 'vitest';
import { readZip, readZipEntry } from '../../../src/core/modzip/zip-reader.js';
import { ZIP_ERRORS } from '../../../src/core/modzip/zip-directory.js';
import { buildVariantZip, type VariantEntry } from '../../helpers/zip-variants.js';
import { buildZip } from '../../helpers/proxy/zip.js';

const text = (b: Uint8Array): string => Buffer.from(b).toString('utf8');

function readOne(e: VariantEntry): string {
  const zip = readZip(buildVariantZip([e]));
  return text(readZipEntry(zip, zip.entries[0]!));
}

function errorOf(f: () => unknown): string {
  try {
    f();
  } catch (err) {
    return (err as Error).message;
  }
  return 'no error';
}

describe('readZip / readZipEntry', () => {
  it('reads stored, deflated and data-descriptor entries in central-directory order', () => {
    const zip = readZip(
      buildVariantZip([
        { name: 'm@v1.0.0/a.go', data: 'package a\n', method: 0 },
        { name: 'm@v1.0.0/b.go', data: 'package b\n'.repeat(50), method: 8 },
        { name: 'm@v1.0.0/c.go', data: 'package c\n', descriptor: true },
      ]),
    );
    expect(zip.entries.map((e) => e.name)).toEqual(['m@v1.0.0/a.go', 'm@v1.0.0/b.go', 'm@v1.0.0/c.go']);
    expect(zip.entries.map((e) => text(readZipEntry(zip, e)))).toEqual([
      'package a\n',
      'package b\n'.repeat(50),
      'package c\n',
    ]);
  });

  it('reads the zips the fault proxy serves (the layout Go writes)', () => {
    const zip = readZip(buildZip([{ name: 'x@v1/y', data: Buffer.from('z') }]));
    expect(text(readZipEntry(zip, zip.entries[0]!))).toBe('z');
  });

  it('keeps duplicate names (Go lists both; checkZip then reports them)', () => {
    const zip = readZip(buildVariantZip([{ name: 'd' }, { name: 'd', data: 'x' }]));
    expect(zip.entries.map((e) => e.name)).toEqual(['d', 'd']);
  });

  it("fails like Go's checksumReader: wrong CRC, sizes, unknown methods", () => {
    expect(errorOf(() => readOne({ name: 'a', data: 'abc', crc: 1 }))).toBe(ZIP_ERRORS.checksum);
    expect(errorOf(() => readOne({ name: 'a', data: 'abc', crc: 1, descriptor: true }))).toBe(ZIP_ERRORS.checksum);
    // A zero CRC without a data descriptor is "not set": Go does not compare it.
    expect(readOne({ name: 'a', data: 'abc', crc: 0 })).toBe('abc');
    expect(errorOf(() => readOne({ name: 'a', data: 'abcdef', declaredSize: 3 }))).toBe(ZIP_ERRORS.format);
    expect(errorOf(() => readOne({ name: 'a', data: 'abc', declaredSize: 10, method: 0 }))).toBe(
      ZIP_ERRORS.unexpectedEof,
    );
    const zip = readZip(buildVariantZip([{ name: 'a', data: 'abc' }]));
    expect(errorOf(() => readZipEntry(zip, { ...zip.entries[0]!, method: 12 }))).toBe(ZIP_ERRORS.algorithm);
  });

  it('directory entries read as empty, and as ErrFormat when they carry data (Go ≥ 1.20)', () => {
    expect(readOne({ name: 'd/' })).toBe('');
    expect(errorOf(() => readOne({ name: 'd/', data: 'x' }))).toBe(ZIP_ERRORS.format);
  });

  it('rejects what is not a zip, and keeps raw names that are not UTF-8', () => {
    expect(errorOf(() => readZip(Buffer.from('<!DOCTYPE html><html>denied</html>')))).toBe(ZIP_ERRORS.format);
    expect(errorOf(() => readZip(new Uint8Array(0)))).toBe(ZIP_ERRORS.format);
    const zip = readZip(buildVariantZip([{ name: Buffer.from([0x61, 0xff]) }]));
    expect(zip.entries[0]!.nameIsUtf8).toBe(false);
    expect([...zip.entries[0]!.nameBytes]).toEqual([0x61, 0xff]);
  });

  it('a truncated archive (download cut short) is not a valid zip', () => {
    const whole = buildVariantZip([{ name: 'a', data: 'abc'.repeat(100) }]);
    expect(errorOf(() => readZip(whole.subarray(0, whole.length - 30)))).toBe(ZIP_ERRORS.format);
  });
});
