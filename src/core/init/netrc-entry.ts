// Building a .netrc entry for a private proxy, written by the wizard (docs/go-rules.md#credentials).
import { initMsg } from '../i18n/messages/init.js';
import { UsageError } from '../errors.js';

/**
 * The `machine` names Go looks up for a URL: 1.19 matches the bare host, 1.21+ the host:port when the URL
 * has an explicit port (core/netrc.ts findNetrcEntry), so both lines are written when a port is present.
 */
function netrcMachines(proxyUrl: string): string[] {
  let u: URL;
  try {
    u = new URL(proxyUrl);
  } catch {
    throw new UsageError(initMsg('netrc.notUrl', { url: proxyUrl }));
  }
  if (u.protocol !== 'https:') {
    throw new UsageError(initMsg('netrc.notHttps', { url: proxyUrl }));
  }
  return u.port ? [`${u.hostname}:${u.port}`, u.hostname] : [u.hostname];
}

/** Text to append to .netrc for the given URL and credentials; rejects whitespace, which .netrc cannot hold. */
export function netrcEntryText(proxyUrl: string, login: string, password: string): string {
  for (const [what, v] of [
    ['login', login],
    ['password', password],
  ] as const) {
    if (v === '' || /\s/.test(v)) {
      throw new UsageError(initMsg('netrc.blank', { what }));
    }
  }
  return netrcMachines(proxyUrl)
    .map((m) => `machine ${m} login ${login} password ${password}\n`)
    .join('');
}

/** Appends entry text to existing .netrc text, keeping a newline between them. */
export function appendNetrc(existing: string | null, entry: string): string {
  if (!existing) return entry;
  return existing.endsWith('\n') ? existing + entry : `${existing}\n${entry}`;
}
