// The one JSON document: stamped with schemaVersion and the command, every password redacted wherever it sits,
// and recorded so the error path does not print a second document.
import { PassThrough } from 'node:stream';
import { expect, it } from 'vitest';
import { hasPrintedDocument, printDocument } from '../../src/report/document.js';

it('stamps, redacts once and records that it printed', () => {
  const out = new PassThrough();
  let text = '';
  out.on('data', (b) => (text += String(b)));
  expect(hasPrintedDocument()).toBe(false);
  printDocument(
    'doctor',
    {
      checks: [{ target: 'https://bob:hunter2@nexus.corp/go', fix: ["go env -w 'GOPROXY=https://a:s3cret@x|direct'"] }],
      note: 'HTTPS_PROXY=alice:pw@proxy.corp:3128',
    },
    out,
  );
  const doc = JSON.parse(text) as Record<string, unknown>;
  expect(Object.keys(doc).slice(0, 2)).toEqual(['schemaVersion', 'command']);
  expect(doc).toMatchObject({ schemaVersion: 1, command: 'doctor' });
  expect(text).not.toMatch(/hunter2|s3cret|:pw@/);
  expect(text).toContain('https://bob:xxxxx@nexus.corp/go');
  expect(text.endsWith('}\n')).toBe(true);
  expect(hasPrintedDocument()).toBe(true);
});
