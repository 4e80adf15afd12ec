// The wizard warns before a GOPROXY list is applied whose every entry failed the probes it just showed.
import { describe, expect, it } from 'vitest';
import { runWizardFlow, type WizardDeps } from '../../src/app/init-wizard-flow.js';
import type { ProbeResult } from '../../src/core/probe-types.js';
import { createOutput } from '../../src/report/output.js';
import type { WizardPrompts } from '../../src/report/prompts.js';
import { model } from '../core/verdict/fake-verdict.js';

const result = (r: Partial<ProbeResult>): ProbeResult => ({ url: 'u', ok: false, timings: { totalMs: 1 }, ...r });

async function wizard(chosen: string[], useDirect: boolean): Promise<string> {
  let text = '';
  const stream = { write: (s: string) => ((text += s), true), isTTY: false } as unknown as NodeJS.WriteStream;
  const prompts = {
    input: async () => '',
    checkbox: async () => chosen,
    select: async (o: { choices: Array<{ value: unknown }> }) => o.choices[0]!.value,
    confirm: async () => useDirect,
    password: async () => '',
  } as unknown as WizardPrompts;
  const mirrors = [
    { id: 'dead', url: 'http://dead.test', note: '' },
    { id: 'ok', url: 'http://ok.test', note: '' },
  ];
  const deps: WizardDeps = {
    out: createOutput({ env: { NO_COLOR: '1' }, stdout: stream, stderr: stream }),
    prompts,
    model: model({}),
    platform: 'linux',
    catalog: mirrors,
    probeMirrors: async (ms) =>
      ms.map((mirror) => ({
        mirror,
        list: mirror.id === 'ok' ? result({ ok: true, status: 200 }) : result({ cause: 'refused', message: 'refused' }),
        sumdb: result({ status: 404 }),
      })),
    probeDirect: async () => result({ cause: 'dns', message: 'no such host' }),
    requirements: [],
    remotes: [],
  };
  await runWizardFlow(deps);
  return text;
}

describe('init wizard', () => {
  it('warns when every chosen entry failed its probe, and not when one answered', async () => {
    const dead = await wizard(['http://dead.test'], true);
    expect(dead).toMatch(/warning: Every entry of GOPROXY=http:\/\/dead\.test,direct failed its probe:/);
    expect(dead).toMatch(/http:\/\/dead\.test: refused/);
    expect(dead).toMatch(/direct: origin unreachable/);
    const ok = await wizard(['http://ok.test'], false);
    expect(ok).not.toMatch(/failed its probe/);
  });
});
