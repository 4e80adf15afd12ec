// Doctor findings for GOAUTH (pure): what Go does with the configured methods, from the facts the edge gathered by
// running them (probes/goauth-run.ts inspectGoAuth). Go itself reports GOAUTH problems only under -x ("GOAUTH
// encountered errors for …", auth.go runGoAuth) and goes on without the credentials, so a broken helper shows up as
// a plain 401/403/404 from the proxy: these findings say why. No credential and no command argument is ever printed.
import { doctorMsg } from '../i18n/messages/doctor.js';
import { commentFix, type Fix } from '../fix/fix.js';
import { fixMsg } from '../i18n/messages/fix.js';
import { code } from '../i18n/message.js';
import { hasGoAuth, safeGoAuth, type GoAuthPlan, type GoAuthProblem } from '../goauth.js';
import type { CheckResult } from './check.js';
import type { ConfigSource } from '../config-types.js';

/** What running GOAUTH showed (probes/goauth-run.ts inspectGoAuth): the parse, per-URL outcome and problems. */
export interface GoAuthFacts {
  plan: GoAuthPlan;
  /** Per https URL: whether a credential came out. */
  found: Record<string, boolean>;
  problems: GoAuthProblem[];
}

/** What goAuthFindings needs: the running Go, GOAUTH as configured, and what running it showed. */
interface GoAuthCheckInput {
  goVersion: string | null;
  /** GOAUTH from the config model; undefined when set nowhere. */
  goauth?: { value: string; source: ConfigSource };
  /** Null when GOAUTH was not run. */
  inspection: GoAuthFacts | null;
}

const BASE = { id: 'config.goauth', group: 'config', title: 'GOAUTH' } as const;

/** One result per GOAUTH problem (fail when Go stops, warn when Go goes on without credentials), else one ok. */
export function goAuthFindings(input: GoAuthCheckInput): CheckResult[] {
  const set = input.goauth && input.goauth.value !== '' && input.goauth.source !== 'default';
  if (!hasGoAuth(input.goVersion)) {
    if (!set) return [];
    return [
      {
        ...BASE,
        status: 'warn',
        message: doctorMsg('goauth.predates', { version: input.goVersion ?? doctorMsg('goauth.thisGo') }),
      },
    ];
  }
  const fromEnv = input.goauth?.source === 'env';
  const i = input.inspection;
  if (!i) return [];
  if (!i.plan.ok) {
    const fatal = i.problems.find((p) => p.outcome === 'fatal')?.message ?? doctorMsg('goauth.invalid');
    return [
      {
        ...BASE,
        status: 'fail',
        message: doctorMsg('goauth.fatal', { error: fatal }),
        fix: [
          {
            kind: 'set',
            variable: 'GOAUTH',
            value: 'netrc',
            scope: fromEnv ? 'env' : 'goenv',
            note: fixMsg('fix.note.goauthDefault'),
          },
        ],
      },
    ];
  }
  const problems = i.problems.filter((p) => p.outcome !== 'fatal');
  if (problems.length === 0) return set ? [okResult(input, i.found)] : []; // the default works: nothing to say
  return problems.map((p, n) => ({
    ...BASE,
    id: `${BASE.id}.${n}`,
    status: 'warn' as const,
    message: doctorMsg('goauth.problem', { problem: p.message }),
    fix: problemFix(p),
  }));
}

function okResult(input: GoAuthCheckInput, found: Record<string, boolean>): CheckResult {
  const urls = Object.keys(found);
  const withCreds = urls.filter((u) => found[u]);
  const value = safeGoAuth(input.goauth?.value || 'netrc');
  const message =
    urls.length === 0
      ? doctorMsg('goauth.ok', { value })
      : doctorMsg('goauth.okFound', { value, found: withCreds.length, total: urls.length });
  return { ...BASE, status: 'ok', message };
}

function problemFix(p: GoAuthProblem): Fix[] {
  switch (p.outcome) {
    case 'not-found':
      return [commentFix(fixMsg('fix.note.goauthInstall', { entry: p.entry }), 'GOAUTH')];
    case 'no-credentials': {
      const dir = p.entry.replace(/^git /, '');
      return [
        commentFix(
          fixMsg('fix.note.goauthHelper', { dir, command: code(`git -C ${dir} config credential.helper <helper>`) }),
        ),
      ];
    }
    case 'wrong-prefix':
      return [commentFix(fixMsg('fix.note.goauthWrongPrefix'))];
    default:
      return [commentFix(fixMsg('fix.note.goauthByHand', { command: code(`${p.entry} https://HOST/PATH`) }))];
  }
}
