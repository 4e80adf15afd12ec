import { describe, expect, it } from 'vitest';
import {
  appendBackup,
  emptyBackupFile,
  findBackup,
  makeBackupRecord,
  MAX_BACKUPS,
  newBackupId,
  parseBackupFile,
  restoreOps,
} from '../../../src/core/init/backup-model.js';
import { parseGoenvFile } from '../../../src/core/goenv-file.js';

const now = new Date('2026-11-25T10:00:00.000Z');

function rec(i: number) {
  return makeBackupRecord({
    id: `id${i}`,
    now,
    command: 'init',
    goenvPath: '/x/env',
    fileEntries: { GOPROXY: `p${i}` },
    ops: [
      { op: 'set', name: 'GOPROXY', value: 'new' },
      { op: 'set', name: 'GOSUMDB', value: 'off' },
    ],
  });
}

describe('backup model', () => {
  it('records previous file values, null for variables not in the file', () => {
    const r = rec(1);
    expect(r.vars).toEqual([
      { name: 'GOPROXY', previous: 'p1' },
      { name: 'GOSUMDB', previous: null },
    ]);
    expect(restoreOps(r)).toEqual([
      { op: 'set', name: 'GOPROXY', value: 'p1' },
      { op: 'unset', name: 'GOSUMDB' },
    ]);
  });

  it('keeps the newest 20', () => {
    let f = emptyBackupFile();
    for (let i = 0; i < 25; i++) f = appendBackup(f, rec(i));
    expect(f.backups).toHaveLength(MAX_BACKUPS);
    expect(f.backups[0]!.id).toBe('id5');
    expect(findBackup(f).id).toBe('id24');
    expect(findBackup(f, 'id7').id).toBe('id7');
    expect(() => findBackup(f, 'nope')).toThrow(/--id "nope"/);
    expect(() => findBackup(emptyBackupFile())).toThrow(/no backup/);
  });

  it('round-trips through JSON and refuses damaged files', () => {
    const f = appendBackup(emptyBackupFile(), rec(1));
    expect(parseBackupFile(JSON.stringify(f), 'b.json')).toEqual(f);
    expect(parseBackupFile('', 'b.json')).toEqual(emptyBackupFile());
    expect(() => parseBackupFile('{', 'b.json')).toThrow(/not valid JSON/);
    expect(() => parseBackupFile('{"schemaVersion":2,"backups":[]}', 'b.json')).toThrow(/unknown format/);
  });

  it('makes sortable ids', () => {
    expect(newBackupId(now, 'ab12cd')).toBe('20261125T100000000Z-ab12cd');
  });
});

describe('the GOENV entries a backup records (cmd/go/internal/cfg/cfg.go readEnvFile)', () => {
  it('reads KEY=VALUE lines starting A-Z, verbatim, last duplicate wins', () => {
    expect(
      Object.fromEntries(parseGoenvFile('# c\nGOPROXY=a\n lower=x\nGOPRIVATE="q"\nGOPROXY=b\nNOEQ\nGOSUMDB=\n')),
    ).toEqual({
      GOPROXY: 'b',
      GOPRIVATE: '"q"',
      GOSUMDB: '',
    });
    expect(Object.fromEntries(parseGoenvFile(''))).toEqual({});
  });
});
