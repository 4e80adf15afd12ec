// Pure per-request state of a tidy run: every HTTP request, zip download and VCS command Go started, its phase, and
// the body bytes seen so far, so a download that still moves ("slow") can be told from one that stopped ("stalled").
// `go -x` closes a request's line when the headers arrive (cmd/go/internal/web/http.go get): a zip whose body stops
// half-way has no open `# get` line, so its body is followed here, with bytes from the module cache (download-watch).
import type { TidyEvent } from './classify.js';
import { urlSubject, type UrlKind, type UrlSubject } from './url-subject.js';

/** What a transfer fetches: a GOPROXY/sumdb/go-get URL kind, or a VCS command. */
type TransferKind = UrlKind | 'vcs';

/** request: sent, no answer yet; body: 2xx headers came (or bytes were written) and the body is still read. */
type TransferPhase = 'request' | 'body' | 'done' | 'failed';

/** One request, download or command Go started. */
export interface Transfer {
  /** `zip:MODULE@VERSION` for zips (one per module version, whichever proxy serves it), the URL, or the command. */
  key: string;
  kind: TransferKind;
  via: UrlSubject['via'] | 'vcs';
  module?: string;
  version?: string;
  /** The URL as Go printed it (redacted by Go); for a zip, the last URL it was requested from. */
  url?: string;
  /** VCS: the command line and the repository URL of its cache directory. */
  command?: string;
  repo?: string;
  /** True for a toolchain zip (`go: downloading go1.X (os/arch)`, GOTOOLCHAIN switching). */
  toolchain?: boolean;
  phase: TransferPhase;
  startedMs: number;
  /** When the status line came (headers), and the status. */
  headersMs?: number;
  status?: number;
  error?: string;
  endedMs?: number;
  /** Body bytes seen so far (zip temp file in the module cache), and when they last grew. */
  bytes?: number;
  lastByteMs?: number;
  /**
   * The temp file holds a whole zip (download-watch `received`): Go read the body to its end and checks the sum before
   * renaming it (fetch.go downloadZip), unless the response never ended after the last byte (a Content-Length longer
   * than the body, a chunked body without its last chunk): then Go still waits in io.Copy. progress.ts tells which.
   */
  received?: boolean;
  /** With `received`: the database's record of M@V was in Go's lookup cache then (no lookup left to make). */
  lookupCached?: boolean;
  /** Requests of this zip so far (fall-through to the next proxy, or a retry). */
  attempts: number;
  /** Last few [ms, bytes] samples, for the rate. */
  samples: Array<[number, number]>;
}

/** What the module cache shows for one zip download (src/go/download-watch.ts). */
export interface ZipObservation {
  module: string;
  version: string;
  /**
   * absent: neither temp file nor zip; partial: the temp file Go writes; received: that temp file holds a whole zip
   * (Go hashes it and checks its sum, maybe with the checksum database, before renaming it: fetch.go downloadZip →
   * hashZip → checkModSum); complete: the final .zip exists.
   */
  state: 'absent' | 'partial' | 'received' | 'complete';
  bytes: number;
  /** With `received`: whether the database's record of M@V is in Go's lookup cache (module-cache sumdbLookupCached). */
  lookupCached?: boolean;
  /** How long ago the file was last written (its mtime), when known: when the last byte landed, not when it was seen. */
  writtenAgoMs?: number;
}

const MAX_TRANSFERS = 2048;
/** Wall clock (file mtimes) against the run clock: how far apart they may read the same instant. */
const CLOCK_SLACK_MS = 50;
const MAX_SAMPLES = 8;

/**
 * golang.org/toolchain version of `go: downloading go1.X.Y (os/arch)`: the inverse of the shortening in
 * cmd/go/internal/modfetch/fetch.go DownloadZip (v0.0.1-go1.13.1.darwin-amd64 → "go1.13.1 (darwin/amd64)").
 */
export function toolchainModuleVersion(goVersion: string, platform: string): string {
  return `v0.0.1-${goVersion}.${platform.replace('/', '-')}`;
}

/** Bytes per second over the recent samples, or undefined before two distinct samples. */
export function transferRate(t: Transfer): number | undefined {
  const first = t.samples[0];
  const last = t.samples[t.samples.length - 1];
  if (!first || !last || last[0] <= first[0]) return undefined;
  return ((last[1] - first[1]) * 1000) / (last[0] - first[0]);
}

/** Milliseconds since the transfer last showed life: last byte, else headers, else start. */
export function quietMs(t: Transfer, now: number): number {
  return Math.max(0, now - (t.lastByteMs ?? t.headersMs ?? t.startedMs));
}

/** Per-request state, bounded: past MAX_TRANSFERS the oldest finished transfers are forgotten first. */
export class TransferTable {
  private readonly byKey = new Map<string, Transfer>();
  /** VCS cache directory → repository URL, from `mkdir -p DIR # git3 URL`. */
  private readonly repos = new Map<string, string>();
  /** When any body last grew (run clock), undefined before the first byte. */
  lastByteMs?: number;

  /**
   * `subjectOf`: what a URL is about (urlSubject with the GOPROXY bases); the timeline shares its memo. `startMs`: when
   * this go started (run clock): a temp file written before it is a previous go's.
   */
  constructor(
    private readonly subjectOf: (url: string) => UrlSubject = (url) => urlSubject(url),
    private readonly startMs = Number.NEGATIVE_INFINITY,
  ) {}

  /** Every transfer, in the order they started. */
  all(): Transfer[] {
    return [...this.byKey.values()];
  }

  /** Transfers not finished yet (request or body phase), oldest first. */
  open(): Transfer[] {
    return this.all().filter((t) => t.phase === 'request' || t.phase === 'body');
  }

  /** Zip downloads not finished yet: what download-watch should poll. */
  openZips(): Transfer[] {
    return this.open().filter((t) => t.kind === 'zip' && t.module && t.version);
  }

  /** The zip download of module@version, if Go started it. */
  zip(module: string, version: string): Transfer | undefined {
    return this.byKey.get(`zip:${module}@${version}`);
  }

  /** Applies one classified line at `now` (ms, run clock). */
  apply(ev: TidyEvent, now: number): void {
    if (ev.kind === 'downloading') this.startZip(ev.module, ev.version, now);
    else if (ev.kind === 'toolchain-download')
      this.startZip('golang.org/toolchain', toolchainModuleVersion(ev.version, ev.platform), now).toolchain = true;
    else if (ev.kind === 'found') {
      // Go found the package in the module: its zip was read to the end and extracted.
      const z = this.zip(ev.module, ev.version);
      if (z && (z.phase === 'request' || z.phase === 'body')) this.finish(z, 'done', now);
    } else if (ev.kind === 'get-start') this.getStart(ev.url, now);
    else if (ev.kind === 'get-done' || ev.kind === 'get-error' || ev.kind === 'get-note') this.getEnd(ev, now);
    else if (ev.kind === 'vcs') this.vcs(ev, now);
  }

  /** Go exited: after a success every open transfer was complete (a zip body Go read without saying so). */
  endRun(goSucceeded: boolean, now: number): void {
    if (goSucceeded) for (const t of this.open()) this.finish(t, 'done', now);
  }

  /** Applies what the module cache shows for a zip at `now`: growth, completion, or the temp file gone. */
  observeZip(o: ZipObservation, now: number): void {
    const known = this.zip(o.module, o.version);
    const inTemp = o.state === 'partial' || o.state === 'received';
    // A temp file last written before this go started (the run clock's 0) is left from a go that was killed (a stall,
    // --retry's previous attempt): Go removes such files once it holds the version lock (fetch.go downloadZip).
    if (inTemp && now - (o.writtenAgoMs ?? 0) < this.startMs - CLOCK_SLACK_MS) return;
    const z = known ?? (inTemp ? this.startZip(o.module, o.version, now) : undefined);
    if (!z || z.phase === 'done' || z.phase === 'failed') return;
    if (!inTemp) {
      // Go removes its temp file when the download fails (fetch.go downloadZip): seen before, now neither file.
      if (o.state === 'complete') this.finish(z, 'done', now, { bytes: o.bytes });
      else if (z.bytes !== undefined) this.finish(z, 'failed', now);
      return;
    }
    z.received = o.state === 'received';
    z.lookupCached = o.lookupCached === true;
    if (z.bytes !== undefined && o.bytes < z.bytes) z.samples = []; // truncated for the next proxy (downloadZip)
    if (o.bytes > (z.bytes ?? 0)) {
      // The file's mtime says when the byte landed (up to one poll earlier than seen); never before the last sample.
      const prev = z.samples[z.samples.length - 1]?.[0] ?? z.startedMs;
      const at = Math.max(prev, now - Math.max(0, o.writtenAgoMs ?? 0));
      z.lastByteMs = at;
      this.lastByteMs = Math.max(this.lastByteMs ?? at, at);
    }
    z.bytes = o.bytes;
    // Every observation is a sample, unchanged ones too: the rate over the last few ticks falls to 0 in a stall.
    z.samples.push([now, o.bytes]);
    if (z.samples.length > MAX_SAMPLES) z.samples.shift();
    if (o.bytes > 0 && z.phase === 'request') z.phase = 'body';
  }

  private put(t: Transfer): Transfer {
    this.byKey.delete(t.key); // re-insert: a restarted transfer moves to the end
    this.byKey.set(t.key, t);
    if (this.byKey.size > MAX_TRANSFERS) {
      // Oldest first (Map order): usually the very first entry is finished, so this stops at once.
      let victim: string | undefined;
      for (const [key, x] of this.byKey) {
        victim ??= key;
        if (x.phase === 'done' || x.phase === 'failed') {
          victim = key;
          break;
        }
      }
      this.byKey.delete(victim!);
    }
    return t;
  }

  private startZip(module: string, version: string, now: number): Transfer {
    const key = `zip:${module}@${version}`;
    const z = this.byKey.get(key);
    if (z && z.phase !== 'failed') return z;
    // After a failed attempt (404 from one proxy, then the next one), a fresh state that keeps the attempt count.
    const attempts = z?.attempts ?? 0;
    return this.put({
      key,
      kind: 'zip',
      via: 'proxy',
      module,
      version,
      phase: 'request',
      startedMs: now,
      attempts,
      samples: [],
    });
  }

  private getStart(url: string, now: number): void {
    const s = this.subjectOf(url);
    if (s.kind === 'zip' && s.module && s.version) {
      const z = this.startZip(s.module, s.version, now);
      Object.assign(z, { url, via: s.via, phase: 'request', attempts: z.attempts + 1 });
      delete z.status;
      delete z.error;
      return;
    }
    const t: Transfer = {
      key: url,
      kind: s.kind,
      via: s.via,
      url,
      phase: 'request',
      startedMs: now,
      attempts: 1,
      samples: [],
    };
    if (s.module) t.module = s.module;
    if (s.version) t.version = s.version;
    this.put(t);
  }

  private getEnd(ev: Extract<TidyEvent, { kind: 'get-done' | 'get-error' | 'get-note' }>, now: number): void {
    const s = this.subjectOf(ev.url);
    const t = s.kind === 'zip' && s.module && s.version ? this.zip(s.module, s.version) : this.byKey.get(ev.url);
    if (!t || (t.phase !== 'request' && t.phase !== 'body')) return;
    t.headersMs = now;
    if (ev.kind === 'get-done') t.status = ev.status;
    if (ev.kind !== 'get-done') this.finish(t, 'failed', now, { error: ev.kind === 'get-error' ? ev.error : ev.note });
    else if (ev.status < 200 || ev.status > 299) this.finish(t, 'failed', now);
    else if (t.kind === 'zip') t.phase = 'body';
    // Go reads list/.info/.mod bodies into memory (small, no temp file to watch): their status line ends them.
    else this.finish(t, 'done', now);
  }

  private vcs(ev: Extract<TidyEvent, { kind: 'vcs' }>, now: number): void {
    if (ev.repo && ev.dir) this.repos.set(ev.dir, ev.repo);
    if (!ev.tool) return;
    const t = this.byKey.get(ev.command);
    if (ev.durationMs !== undefined) {
      if (t && t.phase === 'request') this.finish(t, 'done', now);
      return;
    }
    const repo = ev.dir ? this.repos.get(ev.dir) : undefined;
    this.put({
      key: ev.command,
      kind: 'vcs',
      via: 'vcs',
      command: ev.command,
      ...(repo ? { repo } : {}),
      phase: 'request',
      startedMs: now,
      attempts: 1,
      samples: [],
    });
  }

  private finish(
    t: Transfer,
    phase: 'done' | 'failed',
    now: number,
    end: { bytes?: number; error?: string } = {},
  ): void {
    t.phase = phase;
    t.endedMs = now;
    if (end.bytes !== undefined) t.bytes = end.bytes;
    if (end.error !== undefined) t.error = end.error;
  }
}
