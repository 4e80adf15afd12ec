// applyTopFix's consent: asks on a terminal (declined or Ctrl-C: nothing is changed), refuses without a terminal and
// without --yes (exit 2). The verdict and probe are fakes (core/verdict tests cover the search itself).
import { describe, expect, it } from 'vitest';
import { applyTopFix, type DoctorFixFlags } from '../../src/app/doctor-fix.js';
import { UsageError } from '../../src/core/errors.js';
import type { LoadedConfig } from '../../src/core/loaded-config.js';
import { evaluateVerdict } from '../../src/core/verdict/evaluate.js';
import { createOutput } from '../../src/report/output.js';
import { fakeProbe, model, need } from '../core/verdict/fake-verdict.js';

function sink() {
  let text = '';
  const stream = { write: (s: string) => ((text += s), true), isTTY: false } as unknown as NodeJS.WriteStream;
  return { stream, text: () => text };
}

async function run(flags: Partial<DoctorFixFlags>, confirm: (m: string) => Promise<boolean>) {
  const env = { GOPROXY: 'http://gw.test,http://ok.test', GOMODCTL_MIRRORS: 'http://none.test' };
  const m = model(env);
  const loaded: LoadedConfig = { model: m, proxies: [], go: null, goModPath: null, goMod: null };
  const probe = fakeProbe([
    ['http://gw.test/', { status: 403 }],
    ['http://ok.test/', { status: 200 }],
  ]);
  const needs = [need('golang.org/x/a')];
  const verdict = await evaluateVerdict({ model: m, env, needs, goVersion: 'go1.26.8', probe });
  const out = sink();
  const all: DoctorFixFlags = { fix: true, yes: false, verify: false, mirrors: [], tty: true, ...flags };
  const base = { verdict, loaded, env, needs, goVersion: 'go1.26.8', probe, goBin: 'go', cwd: '/' };
  const code = await applyTopFix({
    ...base,
    out: createOutput({ env: { NO_COLOR: '1' }, stdout: out.stream, stderr: out.stream }),
    flags: all,
    timeoutMs: 1000,
    confirm,
  }).then(
    (r) => r.exitCode,
    (e: unknown) => e,
  );
  return { code, text: out.text() };
}

describe('applyTopFix consent', () => {
  it('declined, or Ctrl-C in the prompt: nothing was changed, exit 1', async () => {
    const ctrlC = Object.assign(new Error('User force closed the prompt'), { name: 'ExitPromptError' });
    for (const confirm of [async () => false, async () => Promise.reject(ctrlC)]) {
      const r = await run({}, confirm);
      expect(r.code).toBe(1);
      expect(r.text).toMatch(/1\. verified by probe/);
      expect(r.text).toMatch(/Nothing was changed\./);
      expect(r.text).not.toMatch(/Appended|GOENV file:/);
    }
  });

  it('no terminal and no --yes: a usage error (exit 2) before anything is asked', async () => {
    let asked = false;
    const r = await run({ tty: false }, async () => (asked = true));
    expect(r.code).toBeInstanceOf(UsageError);
    expect((r.code as UsageError).exitCode).toBe(2);
    expect(asked).toBe(false);
  });
});
