// go.sum parsing (readGoSum) and the SECURITY ERROR prediction (haveModSumLocked order), and lookup records.
import { describe, expect, it } from 'vitest';
import { EMPTY_GO_MOD_HASH, parseGoSum, predictGoSumMismatches } from '../../../src/core/sumdb/go-sum.js';
import { lookupLines, parseRecord } from '../../../src/core/sumdb/record.js';

const A = 'h1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';
const B = 'h1:BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB=';

describe('parseGoSum', () => {
  it('keeps hash lines in order, skips blank lines and the empty-go.mod bug, reports malformed lines', () => {
    const s = parseGoSum(
      `x.org/a v1.0.0 ${A}\n\n  \nx.org/b v1.0.0/go.mod ${EMPTY_GO_MOD_HASH}\nx.org/c v1\nx.org/d v1.0.0/go.mod ${B}`,
    );
    expect(s.lines).toEqual([
      { path: 'x.org/a', version: 'v1.0.0', hash: A, lineno: 1 },
      { path: 'x.org/d', version: 'v1.0.0/go.mod', hash: B, lineno: 6 },
    ]);
    expect(s.malformed).toEqual([{ lineno: 5, fields: 2 }]);
  });
});

describe('predictGoSumMismatches', () => {
  const db = [`x.org/a v1.0.0 ${A}`, `x.org/a v1.0.0/go.mod ${A}`];

  it('predicts the mismatch Go reports, with both hashes, for the zip and the go.mod line', () => {
    const got = predictGoSumMismatches(parseGoSum(`x.org/a v1.0.0 ${B}\nx.org/a v1.0.0/go.mod ${B}\n`), db);
    expect(got.map((m) => [m.version, m.goSum, m.sumdb])).toEqual([
      ['v1.0.0', B, A],
      ['v1.0.0/go.mod', B, A],
    ]);
    expect(got[0]!.goMessage).toBe(
      `verifying x.org/a@v1.0.0: checksum mismatch\n\tdownloaded: ${A}\n\tgo.sum:     ${B}\n\nSECURITY ERROR\nThis download does NOT match an earlier download recorded in go.sum.`,
    );
  });

  it('walks lines in order: a matching line first means no error, a wrong one first is fatal', () => {
    expect(predictGoSumMismatches(parseGoSum(`x.org/a v1.0.0 ${A}\nx.org/a v1.0.0 ${B}\n`), db)).toEqual([]);
    expect(predictGoSumMismatches(parseGoSum(`x.org/a v1.0.0 ${B}\nx.org/a v1.0.0 ${A}\n`), db)).toHaveLength(1);
  });

  it('ignores unknown hash algorithms and modules the database did not answer for', () => {
    expect(predictGoSumMismatches(parseGoSum(`x.org/a v1.0.0 h2:zzz\nx.org/b v1.0.0 ${B}\n`), db)).toEqual([]);
  });
});

describe('lookup records', () => {
  it('parseRecord splits id, record text and the signed note; lookupLines picks the asked version', () => {
    const r = parseRecord(
      `7\nx.org/a v1.0.0 ${A}\nx.org/a v1.0.0/go.mod ${B}\n\ngo.sum database tree\n8\nabc=\n\n— k sig\n`,
    );
    expect(r?.id).toBe(7);
    expect(lookupLines(r!.text, 'x.org/a', 'v1.0.0/go.mod')).toEqual([`x.org/a v1.0.0/go.mod ${B}`]);
    expect(r?.note.startsWith('go.sum database tree\n')).toBe(true);
    expect(parseRecord('x\nline\n\nnote')).toBeNull();
    expect(parseRecord('1\nno blank line after the record\n')).toBeNull();
    expect(parseRecord('1\nctl\u0001char\n\nnote')).toBeNull();
  });
});
