// Environment variables that look like Go module settings but that Go does not have (they silently do nothing).
import { unsetFix } from '../fix/fix.js';
import type { CheckResult } from './check.js';

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

/** Finds variables Go does not know whose name suggests a module setting. */
export function misspelledVars(
  env: Record<string, string | undefined>,
  known: readonly string[],
): Array<Omit<CheckResult, 'group'>> {
  const knownSet = new Set(known);
  const out: Array<Omit<CheckResult, 'group'>> = [];
  for (const name of Object.keys(env).sort()) {
    if (env[name] === undefined || knownSet.has(name) || !/^GO/.test(name)) continue;
    const meant = KNOWN_WRONG[name];
    if (!meant && !MODULEISH.test(name)) continue;
    out.push({
      id: 'config.unknown-variable',
      title: name,
      status: 'warn',
      target: name,
      message: `${name} is not a Go setting and has no effect${meant ? `; did you mean ${meant}?` : ''}`,
      fix: [unsetFix(null, name)],
    });
  }
  return out;
}
