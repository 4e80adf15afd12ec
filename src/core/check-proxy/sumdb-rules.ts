// Checksum-database requirements: /sumdb/<name>/supported as initBase reads it (modfetch/sumdb.go: 200 → use the
// proxy, 404/410 → go direct, anything else → the database is unavailable), and the verification the client does
// on /latest, /lookup and tiles (x/mod/sumdb/client.go: signed notes, record inclusion, tree consistency).
import { checkProxyMsg } from '../i18n/messages/check-proxy.js';
import type { Text } from '../i18n/message.js';
import type { ProbeResult } from '../probe-types.js';
import { exchangeOf, isHtml } from './exchange.js';
import type { CheckProxyFacts, SumdbStep } from './facts.js';
import type { ProxyCheck } from './types.js';

const skip = (id: string, title: Text, message: Text, module?: string): ProxyCheck => ({
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
  if (!r) return skip('sumdb.supported', title, checkProxyMsg('supported.off'));
  const base = { id: 'sumdb.supported', group: 'sumdb' as const, title, exchanges: [exchangeOf(r)] };
  if (r.status === 200 && isHtml(r))
    return {
      ...base,
      status: 'fail',
      problem: 'html-200',
      message: checkProxyMsg('supported.html'),
    };
  if (r.status === 200) return { ...base, status: 'pass', message: checkProxyMsg('supported.ok', { name }) };
  if (r.status === 404 || r.status === 410)
    return {
      ...base,
      status: 'pass',
      message: checkProxyMsg('supported.direct', { status: r.status, name }),
    };
  const m = checkProxyMsg('supported.bad', { status: r.status ?? r.message ?? '', name });
  return { ...base, status: 'fail', problem: 'supported-status', message: m };
}

/** /sumdb/<a name no one serves>/supported must be 404 or 410. */
export function unknownSupportedCheck(r: ProbeResult): ProxyCheck {
  const title = checkProxyMsg('unknown.title');
  const base = { id: 'sumdb.supported-unknown', group: 'sumdb' as const, title, exchanges: [exchangeOf(r)] };
  if (r.status === 404 || r.status === 410)
    return { ...base, status: 'pass', message: checkProxyMsg('unknown.ok', { status: r.status }) };
  if (r.status === 200)
    return {
      ...base,
      status: 'fail',
      problem: 'supported-blind',
      message: checkProxyMsg('unknown.blind'),
    };
  const m = checkProxyMsg('unknown.bad', { status: r.status ?? r.message ?? '' });
  return { ...base, status: 'fail', problem: 'supported-status', message: m };
}

function stepCheck(id: string, title: Text, s: SumdbStep, module?: string): ProxyCheck {
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
  const lookupTitle = checkProxyMsg('lookup.title');
  const latestTitle = checkProxyMsg('sumdbLatest.title');
  const consistencyTitle = checkProxyMsg('consistency.title');
  const mod = (i: number): string => `${f.canaries[i]!.path}@${f.canaries[i]!.version}`;
  if (use.via === 'off' || !v) {
    const why = use.via === 'off' ? 'GOSUMDB=off' : checkProxyMsg('sumdb.notLocated');
    return [
      skip('sumdb.latest', latestTitle, why),
      ...f.canaries.map((_, i) => skip('sumdb.lookup', lookupTitle, why, mod(i))),
      skip('sumdb.consistency', consistencyTitle, why),
    ];
  }
  const lookups = f.canaries.map((_, i) => {
    if (skipped[i]) return skip('sumdb.lookup', lookupTitle, skipped[i]!, mod(i));
    const l = v.lookups.find((x) => x.canary === i);
    return l
      ? stepCheck('sumdb.lookup', lookupTitle, l, mod(i))
      : skip('sumdb.lookup', lookupTitle, checkProxyMsg('lookup.notLooked'), mod(i));
  });
  const consistency =
    v.consistency.trees.length === 0
      ? skip('sumdb.consistency', consistencyTitle, checkProxyMsg('consistency.none'))
      : { ...stepCheck('sumdb.consistency', consistencyTitle, v.consistency), exchanges: v.tiles.slice(0, 5) };
  return [stepCheck('sumdb.latest', latestTitle, v.latest), ...lookups, consistency];
}
