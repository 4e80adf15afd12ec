// The h1: hashes, the module-zip rules and the go.sum SECURITY ERROR against the real `go` ($GOMODCTL_TEST_GO):
// `go mod download -json` through a loopback proxy reports Sum/GoModSum and zip errors; ours must be the same.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { checkedZipError, checkModuleZip, unexpectedZipFile } from '../../src/core/modzip/check-zip.js';
import { readZip } from '../../src/core/modzip/zip-reader.js';
import { hashGoMod, hashZip } from '../../src/core/sumdb/dirhash.js';
import { parseGoSum, predictGoSumMismatches } from '../../src/core/sumdb/go-sum.js';
import { startBadProxy, type BadProxy } from '../helpers/bad-proxies.js';
import { makeHermeticGo, TEST_GO } from '../helpers/go-env.js';
import type { ModuleSource } from '../helpers/proxy/modules.js';
import { buildVariantZip, type VariantEntry } from '../helpers/zip-variants.js';

interface Downloaded {
  Path: string;
  Version: string;
  Error?: string;
  Zip?: string;
  GoMod?: string;
  Sum?: string;
  GoModSum?: string;
}

// Modules whose names and contents stress the hash: nesting, non-ASCII and spaces in names, empty and binary files.
const ODD: ModuleSource[] = [
  {
    path: 'example.com/odd',
    version: 'v1.2.3',
    files: {
      'go.mod': 'module example.com/odd\n\ngo 1.18\n',
      LICENSE: 'MIT\n',
      'a/b/c/deep.go': 'package c\n',
      'données/é file.txt': 'héllo\n',
      'empty.txt': '',
      'bin.dat': new Uint8Array([0, 255, 10, 13, 0]),
    },
  },
];

const HELLO = 'example.com/hello@v1.0.0';
const P = `${HELLO}/`;

let good: BadProxy;
let variants: BadProxy;
const zipVariants: Record<string, VariantEntry[]> = {
  'stored and data descriptors': [
    { name: `${P}go.mod`, data: 'module example.com/hello\n', method: 0 },
    { name: `${P}hello.go`, data: 'package hello\n', descriptor: true },
  ],
  'directory entries (hashed as empty files)': [
    { name: `${P}sub/` },
    { name: `${P}sub/x.go`, data: 'package sub\n' },
    { name: `${P}go.mod`, data: 'module example.com/hello\n' },
  ],
};

async function download(p: BadProxy, args: string[], sumdb: string): Promise<Downloaded[]> {
  const h = makeHermeticGo({ GOPROXY: p.url, GOSUMDB: sumdb, SSL_CERT_FILE: p.caFile });
  try {
    const r = await execa(TEST_GO, ['mod', 'download', '-json', ...args], {
      env: h.env,
      extendEnv: false,
      cwd: h.dir,
      reject: false,
      timeout: 60_000,
    });
    const docs = `[${String(r.stdout).replace(/}\s*{/g, '},{')}]`;
    return (JSON.parse(docs) as Downloaded[]).map((d) => ({
      ...d,
      ...(d.Zip && !d.Error ? { zipBytes: readFileSync(d.Zip) } : {}),
      ...(d.GoMod ? { modBytes: readFileSync(d.GoMod) } : {}),
    }));
  } finally {
    h.cleanup();
  }
}

beforeAll(async () => {
  good = await startBadProxy('conformant', { modules: ODD });
  const zips = Object.fromEntries(
    Object.values(zipVariants).map((entries, i) => [
      `example.com/zipvariant${i}@v1.0.0`,
      buildVariantZip(
        entries.map((e) => ({ ...e, name: String(e.name).replace(HELLO, `example.com/zipvariant${i}@v1.0.0`) })),
      ),
    ]),
  );
  const modules = Object.keys(zips).map((k) => ({
    path: k.split('@')[0]!,
    version: 'v1.0.0',
    files: { 'go.mod': `module ${k.split('@')[0]}\n` },
  }));
  variants = await startBadProxy('conformant', { modules, zips });
});
afterAll(async () => {
  await Promise.all([good?.close(), variants?.close()]);
});

describe(`h1: hashes equal ${TEST_GO}'s own`, () => {
  it('for every fixture module (through the checksum database, so go verified them too)', async () => {
    const mods = [
      'example.com/hello@v1.0.0',
      'example.com/hello@v1.1.0',
      'example.com/dep@v1.0.0',
      'example.com/Upper/mod@v1.0.0',
      'example.com/incompat@v2.0.0+incompatible',
      'example.com/odd@v1.2.3',
    ];
    const got = await download(good, mods, good.sumdb.verifierKey);
    expect(got.map((d) => d.Error ?? 'ok')).toEqual(mods.map(() => 'ok'));
    for (const d of got as (Downloaded & { zipBytes: Buffer; modBytes: Buffer })[]) {
      expect(hashZip(readZip(d.zipBytes)), `${d.Path}@${d.Version} zip`).toBe(d.Sum);
      expect(hashGoMod(d.modBytes), `${d.Path}@${d.Version} go.mod`).toBe(d.GoModSum);
    }
  });

  it.each(Object.keys(zipVariants).map((name, i) => [name, i]))(
    'for zips written differently: %s',
    async (_name, i) => {
      const [d] = (await download(variants, [`example.com/zipvariant${i}@v1.0.0`], 'off')) as (Downloaded & {
        zipBytes: Buffer;
      })[];
      expect(d!.Error).toBeUndefined();
      expect(hashZip(readZip(d!.zipBytes))).toBe(d!.Sum);
    },
  );
});

describe(`module-zip rules equal ${TEST_GO}'s`, () => {
  const bad: Record<string, VariantEntry[]> = {
    'case collision': [
      { name: `${P}a.go`, data: 'x' },
      { name: `${P}A.go`, data: 'y' },
    ],
    'invalid character': [{ name: `${P}bad:name.go`, data: 'x' }],
    'go.mod below the root': [{ name: `${P}sub/go.mod`, data: 'module x\n' }],
    'GO.MOD': [{ name: `${P}GO.MOD`, data: 'module x\n' }],
    'duplicate file': [
      { name: `${P}a.go`, data: 'x' },
      { name: `${P}a.go`, data: 'x' },
    ],
    'file and directory': [
      { name: `${P}a`, data: 'x' },
      { name: `${P}a/b.go`, data: 'x' },
    ],
    'wrong prefix': [
      { name: `${P}a.go`, data: 'x' },
      { name: 'hello@v1.0.0/b.go', data: 'x' },
    ],
    'wrong CRC-32': [{ name: `${P}a.go`, data: 'x', crc: 7 }],
  };
  it.each(Object.keys(bad))('%s', async (name) => {
    const bytes = buildVariantZip(bad[name]!);
    const p = await startBadProxy('conformant', { zips: { [HELLO]: bytes } });
    try {
      const [d] = await download(p, [HELLO], 'off');
      const zip = readZip(bytes);
      const mod = { path: 'example.com/hello', version: 'v1.0.0' };
      let ours = unexpectedZipFile(mod, zip);
      if (ours === null) {
        try {
          hashZip(zip);
          ours = checkedZipError(checkModuleZip(mod, zip));
        } catch (err) {
          ours = (err as Error).message;
        }
      }
      expect(ours).not.toBeNull();
      expect(d!.Error).toContain(ours);
    } finally {
      await p.close();
    }
  });

  it('a body that is not a zip at all', async () => {
    const p = await startBadProxy('conformant', { zips: { [HELLO]: Buffer.from('<html>blocked</html>') } });
    try {
      const [d] = await download(p, [HELLO], 'off');
      expect(() => readZip(Buffer.from('<html>blocked</html>'))).toThrow('zip: not a valid zip file');
      expect(d!.Error).toContain('zip: not a valid zip file');
    } finally {
      await p.close();
    }
  });
});

describe('go.sum SECURITY ERROR prediction', () => {
  it("predicts go's checksum mismatch message for a wrong go.sum line", async () => {
    const [d] = await download(good, [HELLO], good.sumdb.verifierKey);
    const wrong = 'h1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';
    const goSum = `example.com/hello v1.0.0 ${wrong}\nexample.com/hello v1.0.0/go.mod ${d!.GoModSum}\n`;
    const [predicted, ...rest] = predictGoSumMismatches(parseGoSum(goSum), [
      `example.com/hello v1.0.0 ${d!.Sum}`,
      `example.com/hello v1.0.0/go.mod ${d!.GoModSum}`,
    ]);
    expect(rest).toEqual([]);
    const h = makeHermeticGo({ GOPROXY: good.url, GOSUMDB: good.sumdb.verifierKey, SSL_CERT_FILE: good.caFile });
    try {
      writeFileSync(join(h.dir, 'go.mod'), 'module example.com/main\n\ngo 1.18\n\nrequire example.com/hello v1.0.0\n');
      writeFileSync(join(h.dir, 'go.sum'), goSum);
      const r = await execa(TEST_GO, ['mod', 'download', 'example.com/hello'], {
        env: h.env,
        extendEnv: false,
        cwd: h.dir,
        reject: false,
        timeout: 60_000,
      });
      expect(r.exitCode).not.toBe(0);
      expect(String(r.stderr)).toContain(predicted!.goMessage);
    } finally {
      h.cleanup();
    }
  });
});
