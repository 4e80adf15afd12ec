// The edge of the prediction: outside a module there is nothing to predict; without a fetcher, go.mod files the
// module cache lacks are reported as unreadable (and the prediction still makes no request).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { predictGoNeeds } from '../../src/go/predict-needs.js';
import { TEST_GO } from '../helpers/go-env.js';
import { mod, startLab } from '../helpers/needs-lab.js';
import { mainFiles } from './scenarios.js';

describe('predictGoNeeds', () => {
  it('outside a module: no runs, and says why', async () => {
    const lab = await startLab([], {});
    try {
      mkdirSync(join(lab.root, 'empty'), { recursive: true });
      const p = await predictGoNeeds({ go: TEST_GO, env: lab.env, cwd: join(lab.root, 'empty'), command: 'tidy' });
      expect(p).toMatchObject({ runs: [], needs: [], noModule: 'no go.mod here (go env GOMOD)' });
    } finally {
      await lab.close();
    }
  });

  it('without a fetcher: the go.mod files the cache lacks are unreadable; nothing is requested', async () => {
    const a = mod('example.com/a@v1.0.0', { go: '1.16', require: ['example.com/b@v1.0.0'] });
    const lab = await startLab([a], mainFiles({ go: '1.18', require: ['example.com/a@v1.0.0'] }, ['example.com/a']));
    try {
      const p = await predictGoNeeds({ go: TEST_GO, env: lab.env, cwd: lab.root, command: 'tidy' });
      expect(p.runs[0]!.result.unreadable).toEqual([
        {
          module: 'example.com/a',
          version: 'v1.0.0',
          error: 'example.com/a@v1.0.0: go.mod not in the module cache (no fetcher given)',
        },
      ]);
      expect(p.needs).toContainEqual(
        expect.objectContaining({
          module: 'example.com/a',
          version: 'v1.0.0',
          what: 'mod',
          why: 'require',
          certainty: 'sure',
        }),
      );
      expect(lab.proxy.log).toEqual([]);
    } finally {
      await lab.close();
    }
  });
});
