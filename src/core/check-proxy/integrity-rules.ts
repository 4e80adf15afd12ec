// Integrity: the h1: hashes of the .zip and .mod the proxy served against what the checksum database records,
// compared as cmd/go/internal/modfetch/fetch.go checkSumDB does (the line "<path> <version>[/go.mod] <hash>").
import { checkProxyMsg } from '../i18n/messages/check-proxy.js';
import type { Text } from '../i18n/message.js';
import type { CheckProxyFacts } from './facts.js';
import type { Served } from './protocol-rules.js';
import { exchangeOf } from './exchange.js';
import type { Exchange, ProxyCheck } from './types.js';

function one(f: CheckProxyFacts, i: number, served: Served, goMod: boolean): ProxyCheck {
  const c = f.canaries[i]!;
  const what = goMod ? 'go.mod' : 'zip';
  const base = {
    id: goMod ? 'integrity.mod' : 'integrity.zip',
    group: 'integrity' as const,
    title: checkProxyMsg(goMod ? 'integrity.modTitle' : 'integrity.zipTitle'),
    module: `${c.path}@${c.version}`,
    exchanges: [] as Exchange[],
  };
  const response = f.results[`${goMod ? 'mod' : 'zip'}:${i}`];
  if (response) base.exchanges.push(exchangeOf(response));
  const have = goMod ? served.modHash : served.zipHash;
  if (!have)
    return {
      ...base,
      status: 'skip',
      message: checkProxyMsg('integrity.notHashed', { what, check: `protocol.${goMod ? 'mod' : 'zip'}` }),
    };
  const lookup = f.sumdb.verification?.lookups.find((l) => l.canary === i);
  if (f.sumdb.skipped[i] || !lookup?.lines)
    return { ...base, status: 'skip', message: checkProxyMsg('integrity.noRecord', { hash: have }) };
  base.exchanges.push(lookup.exchange);
  const version = goMod ? `${c.version}/go.mod` : c.version;
  const prefix = `${c.path} ${version} h1:`;
  const line = lookup.lines.find((l) => l.startsWith(prefix));
  const db = f.sumdb.use.name;
  if (line === `${c.path} ${version} ${have}`)
    return { ...base, status: 'pass', message: checkProxyMsg('integrity.ok', { hash: have, db }) };
  const message: Text = line
    ? checkProxyMsg('integrity.mismatch', { have, db, want: line.slice(prefix.length - 3) })
    : checkProxyMsg('integrity.missing', { db, what, have });
  return { ...base, status: 'fail', problem: 'hash-mismatch', message };
}

/** The zip and go.mod hash checks of every canary. */
export function integrityChecks(f: CheckProxyFacts, served: Served[]): ProxyCheck[] {
  return f.canaries.flatMap((_, i) => [one(f, i, served[i]!, false), one(f, i, served[i]!, true)]);
}
