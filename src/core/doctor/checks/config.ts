// The configuration validator: the whole-configuration lint, plus a warning when the .netrc file cannot be read.
import { commentFix } from '../../fix/fix.js';
import { fixMsg } from '../../i18n/messages/fix.js';
import type { CheckResult } from '../check.js';
import type { DoctorCheck } from '../check.js';
import { lintConfig } from '../lint.js';
import { doctorMsg } from '../../i18n/messages/doctor.js';
import type { DoctorContext } from './context.js';

function netrcWarning(ctx: DoctorContext, error: string): CheckResult {
  return {
    id: 'config.netrc',
    group: 'config',
    title: '.netrc',
    status: 'warn',
    target: ctx.env.NETRC || '~/.netrc',
    message: doctorMsg('check.netrc.unreadable', { error }),
    fix: [commentFix(fixMsg('fix.note.netrcPath'))],
  };
}

/** Lints the configuration (core/doctor/lint.ts) with the file-system facts the app gathered. */
export const configCheck: DoctorCheck<DoctorContext> = {
  id: 'config',
  group: 'config',
  title: doctorMsg('check.config.title'),
  async run(ctx) {
    const results = lintConfig({
      model: ctx.loaded.model,
      env: ctx.env,
      goMod: ctx.loaded.goMod,
      replaceDirs: ctx.replaceDirs,
    });
    return ctx.netrcError ? [...results, netrcWarning(ctx, ctx.netrcError)] : results;
  },
};
