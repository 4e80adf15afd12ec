// Pure: what Go is waiting on, from the per-request state (transfers.ts) the stall notice and the final report both
// read, so the two always say the same thing. Progress is bytes: a zip body that still grows is "slow", not a stall.
import { formatDuration } from '../duration.js';
import type { Message, Text } from '../i18n/message.js';
import { tidyMsg } from '../i18n/messages/tidy.js';
import { redactUrl } from '../redact.js';
import { resolveRoute } from '../route.js';
import type { ConfigModel } from '../config-types.js';
import type { Timeline } from './timeline.js';
import { quietMs, transferRate, type Transfer } from './transfers.js';
import { zipCheckAsksDatabase } from '../needs/fetch-rules.js';

/** One thing Go is waiting on: a zip body that stopped, a toolchain download, a request without answer, a command. */
export interface Waiting {
  kind: 'body' | 'toolchain' | 'request' | 'vcs';
  module?: string;
  version?: string;
  /** The URL as Go printed it, or (Go < 1.21, no -x) the first URL the route resolver predicts for the zip. */
  url?: string;
  command?: string;
  /** Body bytes seen so far (module cache), when any. */
  bytes?: number;
  /** How long this transfer has shown no life. */
  quietMs: number;
  /** The toolchain version (`go1.99.0`) of a toolchain download. */
  toolchain?: string;
  /** A body whose every byte came (a whole zip), and whose response never ended. */
  unended?: true;
}

/** A zip body that still grows: the run is slow there, not stuck. */
interface Moving {
  module: string;
  version: string;
  bytes: number;
  /** Bytes per second over the recent samples (transferRate). */
  rateBps: number;
}

/** `golang.org/toolchain@v0.0.1-go1.99.0.linux-amd64` → `go1.99.0`. */
function toolchainOf(version: string | undefined): string | undefined {
  return /^v0\.0\.1-(go[^.]+\.[^.]+(?:\.[^.]+)?)\.[a-z0-9]+-[a-z0-9]+$/.exec(version ?? '')?.[1];
}

/**
 * The first zip URL the route resolver predicts for module@version: what Go requests when it prints no `-x` line
 * (modfetch/proxy.go proxyRepo.Zip: `<base>/<escaped path>/@v/<escaped version>.zip`).
 */
export function predictedZipUrl(model: ConfigModel, module: string, version: string): string | undefined {
  try {
    const route = resolveRoute(model, module, version);
    return route.steps.flatMap((s) => s.requests ?? []).find((u) => u.endsWith('.zip'));
  } catch {
    return undefined;
  }
}

/** True when the transfer's body grew within the last `windowMs` (slow but moving). */
function isMoving(tr: Transfer, now: number, windowMs: number): boolean {
  return tr.lastByteMs !== undefined && now - tr.lastByteMs < windowMs;
}

/** Zip downloads still moving at `now`, with their rate. */
export function movingTransfers(t: Timeline, now: number, windowMs: number): Moving[] {
  return t.transfers
    .openZips()
    .filter((z) => !z.received && isMoving(z, now, windowMs)) // a whole zip moves no more
    .map((z) => ({ module: z.module!, version: z.version!, bytes: z.bytes ?? 0, rateBps: transferRate(z) ?? 0 }));
}

/**
 * Whether Go is past the body of zip `z`, checking its sum (fetch.go downloadZip → hashZip → checkModSum, which asks
 * the checksum database for M@V unless go.sum has it): a lookup of M@V is open, or, the whole zip in its temp file,
 * a tile (or other moduleless checksum request) is; without -x (Go < 1.21), whenever Go would ask the database for it
 * (go.sum, GONOSUMDB, the lookup cache: zipCheckAsksDatabase), and the route stall names the lookup. Otherwise a
 * whole zip not renamed is a body whose response never ended.
 */
function sumsBeingChecked(t: Timeline): (z: Transfer) => boolean {
  const pending = t.pending();
  const lookups = new Set(
    pending.filter((p) => p.subject.kind === 'sumdb-lookup').map((p) => `${p.subject.module}@${p.subject.version}`),
  );
  // Tiles, `supported` and `latest` name no module: open, they may be this zip's check (another module's lookup is not).
  const sumdbOpen = pending.some((p) => p.subject.kind.startsWith('sumdb-') && p.subject.kind !== 'sumdb-lookup');
  const s = t.zipSums;
  const untraced = (z: Transfer): boolean =>
    !s || zipCheckAsksDatabase(s.sums, s.settings, z.module!, z.version!, z.lookupCached === true);
  return (z) =>
    lookups.has(`${z.module}@${z.version}`) || (z.received === true && (t.sawTrace ? sumdbOpen : untraced(z)));
}

/**
 * The open zip and toolchain transfers that stopped: quiet for at least `stallMs` (0: any open one). A zip whose
 * headers came (or bytes landed) is in its body; a toolchain zip is named as the toolchain.
 */
export function stalledDownloads(t: Timeline, model: ConfigModel, now: number, stallMs: number): Waiting[] {
  const out: Waiting[] = [];
  const checking = sumsBeingChecked(t);
  for (const z of t.transfers.openZips()) {
    const quiet = quietMs(z, now);
    if (quiet < stallMs || checking(z)) continue;
    const url = z.url ?? predictedZipUrl(model, z.module!, z.version!);
    const tc = z.toolchain ? toolchainOf(z.version) : undefined;
    const inBody = z.phase === 'body' || (z.bytes ?? 0) > 0;
    // Without -x (Go 1.19) only the bytes in the module cache say the body started.
    if (!tc && !inBody) continue;
    const w: Waiting = { kind: tc ? 'toolchain' : 'body', module: z.module!, version: z.version!, quietMs: quiet };
    if (url) w.url = url;
    if (z.bytes !== undefined) w.bytes = z.bytes;
    if (tc) w.toolchain = tc;
    if (z.received) w.unended = true; // sumsBeingChecked said Go does not check it yet
    out.push(w);
  }
  return out;
}

/** `12.3 KB` / `256 B`: bytes for people (1 KB = 1000 B, as Go's progress and most CI logs print). */
export function formatBytes(n: number): string {
  if (n < 1000) return `${n} B`;
  if (n < 1_000_000) return `${(n / 1000).toFixed(1)} KB`;
  return `${(n / 1_000_000).toFixed(1)} MB`;
}

/** `slow, 3.2 KB/s`. */
function formatRate(bps: number): string {
  return `${formatBytes(Math.round(bps))}/s`;
}

/** What the stall notice says Go waits on: the same subject the final report blames (a URL or command as it is). */
export function waitingWords(w: Waiting): Text {
  const url = w.url ? tidyMsg('wait.url', { url: redactUrl(w.url) }) : '';
  if (w.kind === 'toolchain') return tidyMsg('wait.toolchain', { toolchain: w.toolchain ?? '', url });
  if (w.kind === 'body') {
    const got = w.bytes !== undefined ? tidyMsg('wait.bodyGot', { bytes: formatBytes(w.bytes) }) : '';
    const module = `${w.module}@${w.version}`;
    return tidyMsg('wait.body', { module, url, got, quiet: formatDuration(w.quietMs) });
  }
  if (w.kind === 'vcs') return `\`${w.command}\``;
  return `${w.url ?? w.module ?? 'go'}`;
}

/**
 * Progress of downloads still moving, in English `slow, 3.2 KB/s (1 download still moving: example.com/a@v1.0.0:
 * 120.0 KB so far)`.
 */
export function movingWords(m: Moving[]): Message {
  const total = m.reduce((s, x) => s + x.rateBps, 0);
  const each = m
    .slice(0, 3)
    .map((x): Text => tidyMsg('slow.soFar', { module: `${x.module}@${x.version}`, bytes: formatBytes(x.bytes) }))
    .reduce<Text>((first, next) => (first === '' ? next : tidyMsg('slow.list', { first, next })), '');
  const more = m.length > 3 ? tidyMsg('slow.more', { count: m.length - 3 }) : '';
  return tidyMsg('slow.moving', { rate: formatRate(total), count: m.length, each, more });
}

/**
 * The one thing the stall notice names: a stopped download (body or toolchain) first, else the most specific pending
 * request (Go also asks parent paths of the package), else a VCS command; the final report blames the same.
 */
export function waitingNow(t: Timeline, model: ConfigModel, now: number): Waiting | undefined {
  const stopped = stalledDownloads(t, model, now, 0).sort((a, b) => b.quietMs - a.quietMs)[0];
  if (stopped) return stopped;
  const most = t
    .pending()
    .reduce<ReturnType<Timeline['pending']>[number] | undefined>(
      (best, p) => (!best || (p.subject.module ?? '').length > (best.subject.module ?? '').length ? p : best),
      undefined,
    );
  if (most) {
    const w: Waiting = { kind: 'request', url: most.url, quietMs: now - most.startedMs };
    if (most.subject.module) w.module = most.subject.module;
    if (most.subject.version) w.version = most.subject.version;
    return w;
  }
  const [cmd, startedMs] = [...t.vcsPending][0] ?? [];
  if (cmd !== undefined) return { kind: 'vcs', command: cmd.replace(/^cd \S+; /, ''), quietMs: now - startedMs! };
  return undefined;
}
