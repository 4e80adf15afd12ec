// Checksum-database requirements: /sumdb/<name>/supported as initBase reads it (modfetch/sumdb.go: 200 → use the
// proxy, 404/410 → go direct, anything else → the database is unavailable), and the verification the client does
// on /latest, /lookup and tiles (x/mod/sumdb/client.go: signed notes, record inclusion, tree consistency).
import type { ProbeResult } from '../probe-types.js';
import { exchangeOf, isHtml } from './exchange.js';
import type { CheckProxyFacts, SumdbStep } from './facts.js';
import type { ProxyCheck } from './types.js';

const skip = (id: string, title: string, message: string, module?: string): ProxyCheck => ({
  id,
  group: 'sumdb',
  title,
  status: 'skip',
  message,
  exchanges: [],
  ...(module ? { module } : {}),
});

/** /sumdb/<GOSUMDB name>/supported. */
export function supportedCheck(f: CheckProxyFacts, r: ProbeResult | undefined): ProxyCheck {
  const name = f.sumdb.use.name;
  const title = `/sumdb/${name}/supported`;
  if (!r) return skip('sumdb.supported', title, 'GOSUMDB=off: nothing to proxy');
  const base = { id: 'sumdb.supported', group: 'sumdb' as const, title, exchanges: [exchangeOf(r)] };
  if (r.status === 200 && isHtml(r))
    return {
      ...base,
      status: 'fail',
      problem: 'html-200',
      message: '200 with an HTML page: go takes it as "supported"',
    };
  if (r.status === 200) return { ...base, status: 'pass', message: `the proxy serves ${name}` };
  if (r.status === 404 || r.status === 410)
    return {
      ...base,
      status: 'pass',
      message: `${r.status}: the proxy does not serve ${name}; go connects to the database directly`,
    };
  const m = `answered ${r.status ?? r.message}: go treats ${name} as unavailable`;
  return { ...base, status: 'fail', problem: 'supported-status', message: m };
}

/** /sumdb/<a name no one serves>/supported must be 404 or 410. */
export function unknownSupportedCheck(r: ProbeResult): ProxyCheck {
  const title = '/supported for a database the proxy does not serve';
  const base = { id: 'sumdb.supported-unknown', group: 'sumdb' as const, title, exchanges: [exchangeOf(r)] };
  if (r.status === 404 || r.status === 410)
    return { ...base, status: 'pass', message: `${r.status}: go would contact other databases directly` };
  if (r.status === 200)
    return {
      ...base,
      status: 'fail',
      problem: 'supported-blind',
      message: '200 for a database no one serves: /supported is answered blindly',
    };
  const m = `answered ${r.status ?? r.message} instead of 404/410: for other databases go stops instead of going direct`;
  return { ...base, status: 'fail', problem: 'supported-status', message: m };
}

function stepCheck(id: string, title: string, s: SumdbStep, module?: string): ProxyCheck {
  const c: ProxyCheck = {
    id,
    group: 'sumdb',
    title,
    status: s.ok ? 'pass' : 'fail',
    message: s.message,
    exchanges: s.exchange.url ? [s.exchange] : [],
    ...(module ? { module } : {}),
  };
  if (!s.ok && s.problem) c.problem = s.problem;
  return c;
}

/** /latest, each lookup (signed, included in the tree) and tree consistency, from the client's verification. */
export function verificationChecks(f: CheckProxyFacts): ProxyCheck[] {
  const { use, verification: v, skipped } = f.sumdb;
  const lookupTitle = 'lookup: signed record, included in the tree';
  const mod = (i: number): string => `${f.canaries[i]!.path}@${f.canaries[i]!.version}`;
  if (use.via === 'off' || !v) {
    const why = use.via === 'off' ? 'GOSUMDB=off' : 'the checksum database could not be located';
    return [
      skip('sumdb.latest', '/latest signed by the GOSUMDB key', why),
      ...f.canaries.map((_, i) => skip('sumdb.lookup', lookupTitle, why, mod(i))),
      skip('sumdb.consistency', 'tree consistency', why),
    ];
  }
  const lookups = f.canaries.map((_, i) => {
    if (skipped[i]) return skip('sumdb.lookup', lookupTitle, skipped[i]!, mod(i));
    const l = v.lookups.find((x) => x.canary === i);
    return l
      ? stepCheck('sumdb.lookup', lookupTitle, l, mod(i))
      : skip('sumdb.lookup', lookupTitle, 'not looked up', mod(i));
  });
  const consistency =
    v.consistency.trees.length === 0
      ? skip('sumdb.consistency', 'tree consistency', 'no signed tree verified (see the checks above)')
      : { ...stepCheck('sumdb.consistency', 'tree consistency', v.consistency), exchanges: v.tiles.slice(0, 5) };
  return [stepCheck('sumdb.latest', '/latest signed by the GOSUMDB key', v.latest), ...lookups, consistency];
}
