// Runs one "what Go will need" scenario: the prediction (src/go/predict-needs.ts, before Go runs) against the
// requests the real `go` makes to the loopback proxy and checksum database (test/helpers/fault-proxy.ts log).
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compareSemver } from '../../src/core/semver.js';
import type { Need } from '../../src/core/needs/types.js';
import { predictGoNeeds, type PredictedNeeds } from '../../src/go/predict-needs.js';
import type { ModuleSource, ServedModule } from '../helpers/fault-proxy.js';
import { TEST_GO } from '../helpers/go-env.js';
import { requestKeys, runGo, startLab, type Lab } from '../helpers/needs-lab.js';

/** One project set-up. */
export interface Scenario {
  name: string;
  modules: ModuleSource[];
  files: Record<string, string>;
  command: 'tidy' | 'download';
  env?: NodeJS.ProcessEnv;
  /** go.sum lines to write: "path@version" (zip hash) or "path@version/go.mod". */
  goSum?: string[];
  /** Runs before the prediction (fill the cache, delete files…); the proxy log is cleared afterwards. */
  prepare?: (lab: Lab) => Promise<void>;
  /** Directory (relative to the project) where go runs. */
  cwd?: string;
  /** The prediction must equal the log (false: sure ⊆ log ⊆ sure ∪ possible). */
  exact: boolean;
  /** Go fails on a request the proxy cannot answer (the prediction says what Go needs, not what the proxy has). */
  goFails?: boolean;
  /** Compare the toolchain switch only (after it, the fake toolchain's Go fails on the go line it cannot meet). */
  toolchainOnly?: boolean;
}

/** What one run found. */
export interface DiffOutcome {
  actual: string[];
  sure: string[];
  possible: string[];
  prediction: PredictedNeeds;
  go: { exitCode: number; stderr: string };
}

/** Writes go.sum lines for served modules. */
export function goSumText(keys: string[], served: ServedModule[]): string {
  return keys
    .map((k) => {
      const goMod = k.endsWith('/go.mod');
      const [path, version] = k.replace(/\/go\.mod$/, '').split('@') as [string, string];
      const m = served.find((s) => s.path === path && s.version === version);
      if (!m) throw new Error(`go.sum line for a module the proxy does not serve: ${k}`);
      return `${path} ${version}${goMod ? '/go.mod' : ''} ${goMod ? m.goModH1 : m.h1}\n`;
    })
    .join('');
}

/** Resolves conditional needs against what the proxy serves (the verdict engine would probe the list instead). */
function resolve(n: Need, served: ServedModule[]): Need | null {
  if (n.condition === 'list-empty') return null; // lists here are either 404 or non-empty
  if (n.condition !== 'list-resolves') return n;
  const versions = served.filter((s) => s.path === n.module).map((s) => s.version);
  if (n.module === 'golang.org/toolchain')
    return versions.length ? { ...n, version: versions.sort(compareSemver).pop() } : null;
  if (versions.length === 0) return null;
  return { ...n, version: versions.sort(compareSemver).pop(), certainty: 'sure' };
}

/** A need as a proxy request key (requestKey's format). */
export function needKey(n: Need): string {
  if (n.what === 'list' || n.what === 'latest') return `${n.what} ${n.module}`;
  return `${n.what} ${n.module}@${n.version}`;
}

function expected(p: PredictedNeeds, served: ServedModule[], keyOnlySumdb: boolean) {
  const sure = new Set<string>();
  const possible = new Set<string>();
  for (const raw of p.needs) {
    const n = resolve(raw, served);
    if (!n) continue;
    (n.certainty === 'possible' ? possible : sure).add(needKey(n));
  }
  // The first remote lookup makes Go ask <proxy>/sumdb/<name>/supported (sumdb.go initBase).
  const lookup = (s: Set<string>) => [...s].some((k) => k.startsWith('sumdb-lookup '));
  if (keyOnlySumdb && lookup(sure)) sure.add('sumdb-supported');
  else if (keyOnlySumdb && lookup(possible)) possible.add('sumdb-supported');
  for (const k of sure) possible.delete(k);
  return { sure: [...sure].sort(), possible: [...possible].sort() };
}

/** Runs a scenario with the Go of the test run and returns prediction and reality. */
export async function runScenario(s: Scenario): Promise<DiffOutcome> {
  const lab = await startLab(s.modules, s.files, s.env);
  try {
    if (s.goSum) writeFileSync(join(lab.root, s.cwd ?? '', 'go.sum'), goSumText(s.goSum, lab.proxy.modules));
    if (s.prepare) await s.prepare(lab);
    lab.proxy.clearLog();
    const served = lab.proxy.modules;
    const getMod = async (path: string, version: string): Promise<string> => {
      const m = served.find((x) => x.path === path && x.version === version);
      if (!m) throw new Error(`${path}@${version}: 404 Not Found`);
      return m.mod.toString('utf8');
    };
    const cwd = join(lab.root, s.cwd ?? '');
    const prediction = await predictGoNeeds({ go: TEST_GO, env: lab.env, cwd, command: s.command, getMod });
    if (lab.proxy.log.length > 0)
      throw new Error(`the prediction made requests: ${lab.proxy.log.map((e) => e.url).join(', ')}`);
    const args = s.command === 'tidy' ? ['mod', 'tidy'] : ['mod', 'download'];
    const dirs = s.command === 'tidy' ? prediction.runs.map((r) => r.dir) : [cwd];
    let go = { exitCode: 0, stderr: '' };
    for (const dir of dirs.length ? dirs : [cwd]) {
      const r = await runGo(lab, args, { cwd: dir });
      go = r.exitCode !== 0 ? r : go;
      if (r.exitCode !== 0) go = { exitCode: r.exitCode, stderr: r.stderr };
    }
    const keyOnly = !String(lab.env.GOSUMDB).includes(' ') && lab.env.GOSUMDB !== 'off';
    const exp = expected(prediction, served, keyOnly);
    let actual = requestKeys(lab.proxy.log, lab.proxy.sumdb.name);
    if (s.toolchainOnly) {
      // Only the switch is compared: what the fake toolchain's Go does next is not this run's prediction.
      const tc = (k: string) => k.includes('golang.org/toolchain');
      actual = actual.filter(tc);
      [exp.sure, exp.possible] = [exp.sure.filter(tc), exp.possible.filter(tc)];
    }
    return { actual, ...exp, prediction, go };
  } finally {
    await lab.close();
  }
}

/** Removes paths under the lab (relative to the project, or {CACHE}/… under GOMODCACHE). */
export function removeInLab(lab: Lab, ...paths: string[]): void {
  for (const p of paths) {
    const full = p.startsWith('{CACHE}') ? join(lab.env.GOMODCACHE!, p.slice('{CACHE}'.length)) : join(lab.root, p);
    if (existsSync(full)) rmSync(full, { recursive: true, force: true });
  }
}
