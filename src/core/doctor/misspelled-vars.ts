// Environment variables that look like Go module settings but that Go does not have (they silently do nothing).
import { doctorMsg } from '../i18n/messages/doctor.js';
import { unsetFix } from '../fix/fix.js';
import type { CheckResult } from './check.js';
import { MODULE_VARS } from '../known-vars.js';

/** Known wrong names people copy from blog posts, with what they probably meant. */
const KNOWN_WRONG: Record<string, string> = {
  GO_PROXY: 'GOPROXY',
  GOPROXIES: 'GOPROXY',
  GONOSUMCHECK: 'GONOSUMDB',
  GONOSUMCHECKS: 'GONOSUMDB',
  GOSUMDB_OFF: 'GOSUMDB=off or GONOSUMDB',
  GOPRIVATES: 'GOPRIVATE',
  GO_PRIVATE: 'GOPRIVATE',
  GONOPROXIES: 'GONOPROXY',
  GOINSECURES: 'GOINSECURE',
  GO_INSECURE: 'GOINSECURE',
  GOTIMEOUT: '(nothing: Go has no download timeout; use gomodctl tidy --timeout)',
  GOPROXY_TIMEOUT: '(nothing: Go has no download timeout; use gomodctl tidy --timeout)',
  GO111MODULES: 'GO111MODULE',
  GOSUMDBS: 'GOSUMDB',
};

const MODULEISH = /PROXY|SUM|PRIVATE|INSECURE|TIMEOUT|AUTH|TOOLCHAIN|VCS/;

/** Optimal-string-alignment distance (insertions, deletions, substitutions, adjacent swaps). */
function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  return d[a.length]![b.length]!;
}

/**
 * The module variable a near-miss name probably meant: one it extends with a suffix (GOPROXY_URL, GOPRIVATE_HOSTS)
 * or one at most two edits away (one for short names: GOPROXYS, GOPRXY, GONOSUMBD). Null when none is close.
 */
function nearMiss(name: string): string | null {
  let best: { name: string; distance: number } | null = null;
  for (const known of MODULE_VARS) {
    if (name.startsWith(`${known}_`)) return known;
    const distance = editDistance(name, known);
    // Short names are close to everything (GOGC is two edits from GOVCS): one edit below seven letters.
    const allowed = Math.min(name.length, known.length) < 7 ? 1 : 2;
    if (distance <= allowed && (!best || distance < best.distance)) best = { name: known, distance };
  }
  return best?.name ?? null;
}

/** Finds variables Go does not know whose name suggests a module setting. */
export function misspelledVars(
  env: Record<string, string | undefined>,
  known: readonly string[],
): Array<Omit<CheckResult, 'group'>> {
  const knownSet = new Set(known);
  const out: Array<Omit<CheckResult, 'group'>> = [];
  for (const name of Object.keys(env).sort()) {
    if (env[name] === undefined || knownSet.has(name) || !/^GO/.test(name)) continue;
    const meant = KNOWN_WRONG[name] ?? nearMiss(name);
    if (!meant && !MODULEISH.test(name)) continue;
    out.push({
      id: 'config.unknown-variable',
      title: name,
      status: 'warn',
      target: name,
      message: meant ? doctorMsg('lint.unknownVarMeant', { name, meant }) : doctorMsg('lint.unknownVar', { name }),
      fix: [unsetFix(null, name)],
    });
  }
  return out;
}
