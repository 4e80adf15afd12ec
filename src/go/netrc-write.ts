// Appends a login to the .netrc file Go reads (the wizard's private-proxy step), atomically and with mode 0600.
import { existsSync } from 'node:fs';
import { chmod } from 'node:fs/promises';
import { appendNetrc, netrcEntryText } from '../core/init/netrc-entry.js';
import { getNetrcPath } from '../core/netrc.js';
import { writeFileAtomic } from './backup-store.js';
import { readTextOrNull } from './load-config.js';

/** Appends the entry for `url` to the .netrc Go of this version reads; returns the path, or null without a home. */
export async function appendNetrcLogin(p: {
  env: NodeJS.ProcessEnv;
  goVersion: string | null;
  url: string;
  login: string;
  password: string;
}): Promise<string | null> {
  const path = getNetrcPath({ platform: process.platform, env: p.env, exists: existsSync, goVersion: p.goVersion });
  if (!path) return null;
  const entry = netrcEntryText(p.url, p.login, p.password);
  await writeFileAtomic(path, appendNetrc(await readTextOrNull(path), entry));
  await chmod(path, 0o600);
  return path;
}
