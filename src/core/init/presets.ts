// Presets as data: named starting points for `gomodctl init --preset`, each documented in --help.
import { UsageError } from '../errors.js';

/** A named configuration; flags given next to --preset override its values. */
interface Preset {
  name: string;
  /** One line for --help. */
  description: string;
  /** GOPROXY value. */
  proxy: string;
  /** GOSUMDB value; undefined leaves GOSUMDB as it is. */
  sumdb?: string;
}

/** All presets, in --help order. */
export const PRESETS: readonly Preset[] = [
  {
    name: 'global',
    description: "Go's defaults: proxy.golang.org then direct, checksums from sum.golang.org",
    proxy: 'https://proxy.golang.org,direct',
    sumdb: 'sum.golang.org',
  },
  {
    // goproxy.cn proxies sum.golang.org (its /sumdb/sum.golang.org/supported answers 200); sum.golang.google.cn is the
    // reachable alias of the same database with the same key (sumdb.go dbDial rewrites it to
    // "sum.golang.org https://sum.golang.google.cn").
    name: 'china',
    description: 'mainland China: goproxy.cn then direct, checksums via sum.golang.google.cn',
    proxy: 'https://goproxy.cn,direct',
    sumdb: 'sum.golang.google.cn',
  },
  {
    // "|" so that a blocked or failing first mirror (timeout, 403, 5xx) falls through (proxy.go TryProxies).
    name: 'china-fallback',
    description: 'mainland China, two mirrors: goproxy.cn | mirrors.aliyun.com on any error, then direct',
    proxy: 'https://goproxy.cn|https://mirrors.aliyun.com/goproxy,direct',
    sumdb: 'sum.golang.google.cn',
  },
  {
    name: 'direct',
    description: 'no proxy: fetch every module from its origin (VCS over HTTPS)',
    proxy: 'direct',
  },
  {
    // GOPROXY=off still fetches GOPRIVATE/GONOPROXY modules directly (repo.go lookup). For a copied module cache
    // use --proxy file:///abs/path/to/cache/download instead (go help goproxy).
    name: 'offline',
    description: 'air-gapped: GOPROXY=off (use --proxy file:///…/cache/download for a copied module cache)',
    proxy: 'off',
  },
];

/** Looks a preset up by name; an unknown name is a UsageError listing the valid ones. */
export function getPreset(name: string): Preset {
  const p = PRESETS.find((x) => x.name === name);
  if (!p) {
    const names = PRESETS.map((x) => x.name).join(', ');
    throw new UsageError(`--preset "${name}" is not a known preset; use one of ${names} (e.g. --preset china).`);
  }
  return p;
}

/** The --help text block describing every preset. */
export function presetsHelp(): string {
  const width = Math.max(...PRESETS.map((p) => p.name.length));
  return PRESETS.map((p) => `  ${p.name.padEnd(width)}  ${p.description}`).join('\n');
}
