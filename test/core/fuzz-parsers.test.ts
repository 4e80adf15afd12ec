// Property tests (fast-check) on the parsers not covered by the GOPROXY/GOSUMDB/pattern/escaping fuzzing: the tidy
// line classifier, the GOENV file, the config model built from `go env -json` + environment, .netrc and go.mod.
// Each parser must never throw on arbitrary input, and must round-trip where the format allows.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync, readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LineClassifier } from '../../src/core/tidy/classify.js';
import { classifyText } from '../helpers/classify-text.js';
import { parseGoenvFile } from '../../src/core/goenv-file.js';
import { buildConfigModel } from '../../src/core/config-model.js';
import { parseNetrc } from '../../src/core/netrc.js';
import { parseGoMod } from '../../src/core/gomod.js';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'tidy');
const RUNS = { numRuns: 300 };

/** Every line of every captured `go mod tidy` fixture (real output of go 1.26 and 1.19). */
function realLines(): string[] {
  const out: string[] = [];
  for (const v of readdirSync(FIXTURES).filter((d) => d.startsWith('go1.'))) {
    for (const f of readdirSync(join(FIXTURES, v)).filter((n) => n.endsWith('.txt'))) {
      out.push(...readFileSync(join(FIXTURES, v, f), 'utf8').split('\n'));
    }
  }
  return out;
}

const anyText = fc.string({ unit: 'binary', maxLength: 200 });
const word = fc.stringMatching(/^[!-~]{1,20}$/); // printable ASCII, no whitespace
const modPath = fc.stringMatching(/^[a-z][a-z0-9]{0,8}\.[a-z]{2,4}(\/[a-z0-9_-]{1,8}){0,3}$/);
const semver = fc.tuple(fc.nat(20), fc.nat(20), fc.nat(20)).map(([a, b, c]) => `v${a}.${b}.${c}`);

describe('tidy line classifier (fuzz)', () => {
  const lines = realLines();
  const KINDS = new Set([
    'finding',
    'downloading',
    'found',
    'unused',
    'get-start',
    'get-done',
    'get-error',
    'get-note',
    'vcs',
    'toolchain-download',
    'error',
    'context',
    'unknown',
  ]);

  it('never throws on arbitrary lines, real lines or real lines cut/spliced at random', () => {
    expect(lines.length).toBeGreaterThan(50);
    const real = fc.constantFrom(...lines);
    const mutated = fc
      .tuple(real, real, fc.nat(200), anyText)
      .map(([a, b, n, junk]) => a.slice(0, n) + junk + b.slice(n));
    fc.assert(
      fc.property(fc.array(fc.oneof(anyText, real, mutated), { maxLength: 30 }), (batch) => {
        const c = new LineClassifier();
        for (const l of batch) expect(KINDS.has(c.push(l).kind)).toBe(true);
      }),
      RUNS,
    );
  });

  it('keeps every line: one event per line, unknown lines verbatim', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.string({ unit: 'grapheme', maxLength: 60 }).filter((s) => !s.includes('\n')),
          { maxLength: 20 },
        ),
        (batch) => {
          const evs = classifyText(batch.map((l) => l + '\n').join(''));
          expect(evs).toHaveLength(batch.length);
          evs.forEach((e, i) => {
            if (e.kind === 'unknown') expect(e.text).toBe(batch[i]!.replace(/\r$/, ''));
          });
        },
      ),
      RUNS,
    );
  });

  it('round-trips the -x HTTP trace and progress shapes Go prints', () => {
    const url = fc
      .tuple(fc.nat(65535), modPath, semver)
      .map(([port, m, v]) => `http://127.0.0.1:${port}/${m}/@v/${v}.info`);
    fc.assert(
      fc.property(url, fc.integer({ min: 100, max: 599 }), fc.nat(99_999), modPath, semver, (u, status, ms, m, v) => {
        const c = new LineClassifier();
        expect(c.push(`# get ${u}`)).toEqual({ kind: 'get-start', url: u });
        const secs = (ms / 1000).toFixed(3);
        expect(c.push(`# get ${u}: ${status} Some Text (${secs}s)`)).toMatchObject({
          kind: 'get-done',
          url: u,
          status,
          statusText: 'Some Text',
          durationMs: Math.round(Number(secs) * 1000),
        });
        expect(c.push(`go: downloading ${m} ${v}`)).toEqual({ kind: 'downloading', module: m, version: v });
        expect(c.push(`go: finding module for package ${m}/pkg`)).toEqual({ kind: 'finding', package: `${m}/pkg` });
        expect(c.push(`go: found ${m}/pkg in ${m} ${v}`)).toEqual({
          kind: 'found',
          package: `${m}/pkg`,
          module: m,
          version: v,
        });
      }),
      RUNS,
    );
  });
});

describe('GOENV file (fuzz)', () => {
  const key = fc.stringMatching(/^[A-Z][A-Z0-9_]{0,15}$/);
  const value = fc.string({ unit: 'binary', maxLength: 40 }).filter((s) => !s.includes('\n'));

  it('never throws and ignores lines that do not start with A-Z (cfg.go readEnvFile)', () => {
    fc.assert(
      fc.property(anyText, (t) => {
        for (const k of parseGoenvFile(t).keys()) expect(k.charCodeAt(0)).toBeGreaterThanOrEqual(0x41);
      }),
      RUNS,
    );
  });

  it('round-trips KEY=VALUE verbatim (values keep "=", spaces, quotes and \\r); the last duplicate wins', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(key, value), { maxLength: 12 }),
        fc.array(fc.stringMatching(/^[^A-Z\n][^\n]{0,20}$/), { maxLength: 4 }),
        (pairs, noise) => {
          const text = [...noise, ...pairs.map(([k, v]) => `${k}=${v}`)].join('\n');
          expect(parseGoenvFile(text)).toEqual(new Map(pairs));
        },
      ),
      RUNS,
    );
  });
});

describe('config model from go env -json, GOENV file and environment (fuzz)', () => {
  const NAMES = [
    'GOPROXY',
    'GONOPROXY',
    'GOPRIVATE',
    'GONOSUMDB',
    'GOSUMDB',
    'GOINSECURE',
    'GOFLAGS',
    'GOTOOLCHAIN',
    'HTTPS_PROXY',
    'https_proxy',
    'NO_PROXY',
  ];
  const env = fc.dictionary(fc.constantFrom(...NAMES), fc.string({ unit: 'binary', maxLength: 30 }), { maxKeys: 8 });
  const version = fc.oneof(
    fc.constant(null),
    fc.constantFrom('go1.19.8', 'go1.21.0', 'go1.26.0', 'devel go1.27-abc'),
    anyText,
  );

  it('never throws; a non-empty environment value always wins over the GOENV file (cfg.go Getenv)', () => {
    fc.assert(
      fc.property(
        env,
        fc.oneof(fc.constant(null), anyText),
        fc.oneof(fc.constant(null), anyText),
        version,
        (e, goenvText, gorootEnvText, goVersion) => {
          const m = buildConfigModel({ env: e, goenvPath: '/tmp/x/env', goenvText, gorootEnvText, goVersion });
          for (const [k, v] of Object.entries(e)) {
            if (v !== '' && m.vars[k] && k.startsWith('GO')) expect(m.vars[k]!.value).toBe(v);
          }
        },
      ),
      RUNS,
    );
  });
});

describe('.netrc (fuzz)', () => {
  it('never throws on arbitrary text or token soup', () => {
    const tok = fc.oneof(
      fc.constantFrom('machine', 'login', 'password', 'default', 'macdef', 'account', '\n', '\n\n', ' '),
      word,
    );
    fc.assert(
      fc.property(
        fc.oneof(
          anyText,
          fc.array(tok, { maxLength: 40 }).map((t) => t.join(' ')),
        ),
        (t) => {
          for (const e of parseNetrc(t)) expect(e.machine && e.login && e.password).toBeTruthy();
        },
      ),
      RUNS,
    );
  });

  it('round-trips "machine M login L password P" entries, one per line or spread over lines', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ machine: word, login: word, password: word }), { maxLength: 8 }),
        fc.boolean(),
        (entries, spread) => {
          const sep = spread ? '\n' : ' ';
          const text = entries
            .map((e) => `machine ${e.machine}${sep}login ${e.login}${sep}password ${e.password}`)
            .join('\n');
          expect(parseNetrc(text)).toEqual(entries);
        },
      ),
      RUNS,
    );
  });
});

describe('go.mod (fuzz)', () => {
  it('never throws on arbitrary text or on real directives cut at random', () => {
    const real =
      'module example.com/m\n\ngo 1.21\n\ntoolchain go1.22.1\n\nrequire (\n\tgolang.org/x/text v0.14.0 // indirect\n)\nreplace a.com/b => ../b\n';
    fc.assert(
      fc.property(
        fc.oneof(
          anyText,
          fc.tuple(fc.nat(real.length), anyText).map(([n, j]) => real.slice(0, n) + j + real.slice(n)),
        ),
        (t) => {
          const m = parseGoMod(t);
          expect(Array.isArray(m.require) && Array.isArray(m.replace)).toBe(true);
        },
      ),
      RUNS,
    );
  });

  it('round-trips module, go, requires (block or single line, indirect) and replaces', () => {
    const req = fc.record({ path: modPath, version: semver, indirect: fc.boolean() });
    const rep = fc.record({
      oldPath: modPath,
      newPath: fc.oneof(modPath, fc.constantFrom('../local', './x', '/abs/dir')),
      newVersion: semver,
    });
    fc.assert(
      fc.property(
        modPath,
        fc.constantFrom('1.19', '1.21', '1.26'),
        fc.array(req, { maxLength: 6 }),
        fc.array(rep, { maxLength: 3 }),
        fc.boolean(),
        (mod, go, reqs, reps, block) => {
          const line = (r: { path: string; version: string; indirect: boolean }): string =>
            `${r.path} ${r.version}${r.indirect ? ' // indirect' : ''}`;
          const reqText = block
            ? `require (\n${reqs.map((r) => '\t' + line(r)).join('\n')}\n)`
            : reqs.map((r) => 'require ' + line(r)).join('\n');
          const repText = reps
            .map(
              (r) =>
                `replace ${r.oldPath} => ${r.newPath}${r.newPath.startsWith('/') || r.newPath.startsWith('.') ? '' : ' ' + r.newVersion}`,
            )
            .join('\r\n');
          const parsed = parseGoMod(`// comment\nmodule ${mod}\n\ngo ${go}\n\n${reqText}\n\n${repText}\n`);
          expect(parsed.module).toBe(mod);
          expect(parsed.go).toBe(go);
          expect(parsed.require).toEqual(reqs);
          expect(parsed.replace.map((r) => [r.oldPath, r.newPath, r.isLocal, r.newVersion])).toEqual(
            reps.map((r) => {
              const local = /^[./]/.test(r.newPath);
              return [r.oldPath, r.newPath, local, local ? undefined : r.newVersion];
            }),
          );
        },
      ),
      RUNS,
    );
  });
});
