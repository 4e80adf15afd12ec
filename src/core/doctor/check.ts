// The validator pattern (flutter doctor): each check has an id and a run(); all start at once,
// results keep declaration order, and a thrown exception becomes a failed result, never a crashed report.
import type { Fix } from '../fix/fix.js';
import type { Text } from '../i18n/message.js';
import { doctorMsg } from '../i18n/messages/doctor.js';
import type { ProbeHop } from '../probe-types.js';

/** Doctor check status. */
type CheckStatus = 'ok' | 'warn' | 'fail' | 'skip';

/** Result of one doctor check (JSON schema v1, see README). */
export interface CheckResult {
  id: string;
  group: string;
  /** What was checked, in the user's language when a Message (JSON: English). */
  title: Text;
  status: CheckStatus;
  target?: string;
  cause?: string;
  phase?: string;
  httpStatus?: number;
  /** For a failed probe: the hop that failed (proxy, dns, target) and who was on the other end. */
  hop?: ProbeHop;
  peer?: string;
  timings?: { dnsMs?: number; connectMs?: number; tlsMs?: number; ttfbMs?: number; totalMs: number; reused?: true };
  /** The finding (a catalogue Message, or verbatim text such as Go's or a server's words). */
  message: Text;
  /** Further lines shown indented under the check (human output), also in JSON. */
  details?: Text[];
  /** What to change, as data (report/fix-render.ts prints it). */
  fix?: Fix[];
}

/** One doctor check. `run` may return several results (e.g. one per lint finding). */
export interface DoctorCheck<Ctx> {
  id: string;
  group: string;
  title: Text;
  run(ctx: Ctx): Promise<CheckResult | CheckResult[]>;
}

/** Counts per status, as in the JSON summary. */
export type DoctorSummary = Record<CheckStatus, number>;

/** Starts every check concurrently and returns results in declaration order. */
export async function runChecks<Ctx>(
  checks: Array<DoctorCheck<Ctx>>,
  ctx: Ctx,
  onDone?: (check: DoctorCheck<Ctx>, pending: number) => void,
): Promise<CheckResult[]> {
  let pending = checks.length;
  const settled = await Promise.all(
    checks.map(async (check) => {
      let out: CheckResult[];
      try {
        const r = await check.run(ctx);
        out = Array.isArray(r) ? r : [r];
      } catch (err) {
        out = [crashResult(check, err)];
      }
      pending -= 1;
      onDone?.(check, pending);
      return out;
    }),
  );
  return settled.flat();
}

function crashResult<Ctx>(check: DoctorCheck<Ctx>, err: unknown): CheckResult {
  const msg = err instanceof Error ? err.message : String(err);
  return {
    id: check.id,
    group: check.group,
    title: check.title,
    status: 'fail',
    cause: 'internal',
    message: doctorMsg('check.crashed', { error: msg }),
  };
}

/** Tallies results by status. */
export function summarize(results: CheckResult[]): DoctorSummary {
  const s: DoctorSummary = { ok: 0, warn: 0, fail: 0, skip: 0 };
  for (const r of results) s[r.status] += 1;
  return s;
}
