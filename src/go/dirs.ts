// Directory facts: the module directory given with -C, and whether go.mod's local `replace` targets exist.
import { commonMsg } from '../core/i18n/messages/common.js';
import { statSync } from 'node:fs';
import { access } from 'node:fs/promises';
import { dirname, isAbsolute, resolve } from 'node:path';
import { UsageError } from '../core/errors.js';
import type { LoadedConfig } from '../core/loaded-config.js';

/** Local replace targets as written in go.mod → whether the directory exists (relative to go.mod's directory). */
export async function getReplaceDirs(loaded: LoadedConfig, cwd: string): Promise<Record<string, boolean>> {
  const out: Record<string, boolean> = {};
  const root = loaded.goModPath ? dirname(loaded.goModPath) : cwd;
  for (const r of loaded.goMod?.replace ?? []) {
    if (!r.isLocal) continue;
    const p = isAbsolute(r.newPath) ? r.newPath : resolve(root, r.newPath);
    out[r.newPath] = await access(p).then(
      () => true,
      () => false,
    );
  }
  return out;
}

/** The absolute module directory for `-C dir`; bad usage (exit 2) when it is not a directory. */
export function verifyModuleDir(dir: string): string {
  const abs = resolve(dir);
  let ok = false;
  try {
    ok = statSync(abs).isDirectory();
  } catch {
    ok = false;
  }
  if (!ok) throw new UsageError(commonMsg('dir.notDirectory', { dir }));
  return abs;
}
