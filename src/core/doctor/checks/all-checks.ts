// The doctor's validators in report order.
import type { DoctorCheck } from '../check.js';
import { configCheck } from './config.js';
import type { DoctorContext } from './context.js';
import { depsCheck } from './deps.js';
import { goauthCheck } from './goauth.js';
import { privateChecks } from './private-hosts.js';
import { proxyChecks } from './proxies.js';
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
