// The doctor's validators in report order, and the pass over their results that needs all of them at once.
import type { CheckResult } from '../check.js';
import type { DoctorCheck } from '../check.js';
import { configCheck } from './config.js';
import type { DoctorContext } from './context.js';
import { depsCheck } from './deps.js';
import { goauthCheck } from './goauth.js';
import { privateChecks } from './private-hosts.js';
import { combineProxyFixes, proxyChecks } from './proxies.js';
import { sumdbCheck } from './sumdb.js';
import { toolchainCheck } from './toolchain.js';

/** Every validator for this context, in the order the report prints them. */
export function doctorChecks(ctx: DoctorContext): Array<DoctorCheck<DoctorContext>> {
  return [
    toolchainCheck,
    configCheck,
    goauthCheck,
    ...proxyChecks(ctx.loaded.proxies),
    sumdbCheck,
    ...privateChecks(ctx),
    ...(ctx.deps ? [depsCheck] : []),
  ];
}

/** Cross-check adjustments once every result is in (one recommended GOPROXY instead of contradicting rewrites). */
export function finishResults(results: CheckResult[], ctx: DoctorContext): CheckResult[] {
  return combineProxyFixes(results, ctx.loaded.proxies, ctx.loaded.model);
}
