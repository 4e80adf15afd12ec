// Configuration lint: pure checks of the whole Go module configuration, each finding with the exact fix
// (rules of one setting: lint-settings.ts; of settings together and their sources: lint-combined.ts).
import type { ConfigModel } from '../config-types.js';
import type { CheckResult } from './check.js';
import type { GoMod } from '../gomod.js';
import { GO_KNOWN_ENV } from '../known-vars.js';
import { lintDisagreement, lintHttpProxy, lintLeaks, lintReplaceDirs, lintShadowing } from './lint-combined.js';
import { lintAllPatterns, lintGoflags, lintGoproxy, lintGosumdb } from './lint-settings.js';
import { misspelledVars } from './misspelled-vars.js';
import { lintProxyEnv } from './proxy-env.js';
import { doctorMsg } from '../i18n/messages/doctor.js';

/** What the lint needs besides the model; the edge fills in file-system facts. */
interface LintInput {
  model: ConfigModel;
  /** Process environment, for variables Go does not know. */
  env: Record<string, string | undefined>;
  goMod: GoMod | null;
  /** Local replace targets (as written in go.mod) → whether the directory exists. */
  replaceDirs?: Record<string, boolean>;
}

/** A lint finding; lintConfig puts it in the `config` group. */
export type Finding = Omit<CheckResult, 'group'>;

/** Runs every lint rule; returns one `ok` result when nothing is wrong. */
export function lintConfig(input: LintInput): CheckResult[] {
  const findings: Finding[] = [
    ...misspelledVars(input.env, GO_KNOWN_ENV),
    ...lintGoproxy(input.model),
    ...lintGosumdb(input.model),
    ...lintGoflags(input.model),
    ...lintAllPatterns(input.model),
    ...lintLeaks(input.model),
    ...lintHttpProxy(input.env),
    ...lintProxyEnv(input.env, input.model.goVersion),
    ...lintReplaceDirs(input.goMod, input.replaceDirs ?? {}),
    ...lintDisagreement(input.model),
  ];
  // One finding per variable: a variable with its own finding already gets env-aware fixes (export, not go env -w).
  const named = new Set(findings.map((f) => f.title));
  findings.push(...lintShadowing(input.model).filter((f) => !named.has(f.title)));
  if (findings.length === 0) {
    return [
      {
        id: 'config',
        group: 'config',
        title: doctorMsg('check.config.title'),
        status: 'ok',
        message: doctorMsg('check.config.noProblems'),
      },
    ];
  }
  return findings.map((f) => ({ ...f, group: 'config' }));
}
