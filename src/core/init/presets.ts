// Presets as data: named starting points for `gomodctl init --preset`, each documented in --help.
import { UsageError } from '../errors.js';
import type { Translator } from '../i18n/message.js';
import { cliMsg } from '../i18n/messages/cli.js';
import { padEnd, wrapAfter } from '../text-width.js';

/** A named configuration; flags given next to --preset override its values. */
interface Preset {
  name: 'global' | 'china' | 'china-fallback' | 'direct' | 'offline';
  /** GOPROXY value. */
  proxy: string;
  /** GOSUMDB value; undefined leaves GOSUMDB as it is. */
  sumdb?: string;
}

/** All presets, in --help order. */
export const PRESETS: readonly Preset[] = [
  {
    name: 'global',
    proxy: 'https://proxy.golang.org,direct',
    sumdb: 'sum.golang.org',
  },
  {
    // goproxy.cn proxies sum.golang.org (its /sumdb/sum.golang.org/supported answers 200); sum.golang.google.cn is the
    // reachable alias of the same database with the same key (sumdb.go dbDial rewrites it to
    // "sum.golang.org https://sum.golang.google.cn").
    name: 'china',
    proxy: 'https://goproxy.cn,direct',
    sumdb: 'sum.golang.google.cn',
  },
  {
    // "|" so that a blocked or failing first mirror (timeout, 403, 5xx) falls through (proxy.go TryProxies).
    name: 'china-fallback',
    proxy: 'https://goproxy.cn|https://mirrors.aliyun.com/goproxy,direct',
    sumdb: 'sum.golang.google.cn',
  },
  {
    name: 'direct',
    proxy: 'direct',
  },
  {
    // GOPROXY=off still fetches GOPRIVATE/GONOPROXY modules directly (repo.go lookup). For a copied module cache
    // use --proxy file:///abs/path/to/cache/download instead (go help goproxy).
    name: 'offline',
    proxy: 'off',
  },
];

/** Looks a preset up by name; an unknown name is a UsageError listing the valid ones. */
export function getPreset(name: string): Preset {
  const p = PRESETS.find((x) => x.name === name);
  if (!p) {
    const names = PRESETS.map((x) => x.name).join(', ');
    throw new UsageError(cliMsg('init.unknownPreset', { name, names }));
  }
  return p;
}

/**
 * The --help text block describing every preset (cli.ts "preset.<name>") in the user's language, each description
 * wrapped at `columns` under its own column.
 */
export function presetsHelp(tr: Translator, columns = Number.POSITIVE_INFINITY): string {
  const width = Math.max(...PRESETS.map((p) => p.name.length));
  return PRESETS.map((p) => wrapAfter(`  ${padEnd(p.name, width)}  `, tr.t(cliMsg(`preset.${p.name}`)), columns)).join(
    '\n',
  );
}
