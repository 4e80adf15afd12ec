// Pure timeline of a tidy run: per module its requests, their status and durations, and what is in flight now.
// Memory is bounded by the number of modules (requests per module and kept lines are capped), not by log length.
import type { TidyModule, TidyRequest } from './report-model.js';
import type { TidyEvent } from './classify.js';
import { urlSubject, type UrlSubject } from './url-subject.js';
import { TransferTable, type ZipObservation } from './transfers.js';
import type { SumdbSettings } from '../needs/fetch-rules.js';
import type { GoSums } from '../sumdb/go-sum.js';

/** go.sum's hashes beside the checksum settings: what decides whether Go asks the database for a zip's sum. */
interface ZipSums {
  sums: GoSums;
  settings: SumdbSettings;
}

const MAX_REQUESTS_PER_MODULE = 32;
const MAX_KEPT_LINES = 64;
const MAX_ERRORS = 64;

interface ModuleState {
  path: string;
  version?: string;
  firstMs: number;
  lastMs: number;
  requests: TidyRequest[];
  /** Saw `go: downloading` or `go: found`, or a 2xx answer: the module exists. */
  resolved: boolean;
}

/** A request that started (`# get URL`) and has no closing line yet. */
interface InFlight {
  url: string;
  startedMs: number;
  subject: UrlSubject;
}

/** An error event kept for the diagnosis. */
export type ErrorEvent = Extract<TidyEvent, { kind: 'error' } | { kind: 'get-error' }>;

/** Accumulates events into per-module state; no I/O, time is passed in. */
export class Timeline {
  readonly startMs: number;
  lastProgressMs: number;
  readonly modules = new Map<string, ModuleState>();
  readonly inFlight = new Map<string, InFlight>();
  /** VCS commands started (`cd DIR; git …`) without their timed closing line yet (`0.005s # cd DIR; git …`). */
  readonly vcsPending = new Map<string, number>();
  /** Packages Go is looking for (`finding module for package`) that are not found yet. */
  readonly pendingPackages = new Set<string>();
  readonly errors: ErrorEvent[] = [];
  /** The last unknown lines (kept, not dropped; bounded). */
  readonly unknownLines: string[] = [];
  /** Requests seen in total (for the summary). */
  requestCount = 0;
  /** Module of the most recent progress line, for the spinner. */
  current?: string;
  /** Toolchain download announced by `go: downloading go1.X (os/arch)`: version and GOOS/GOARCH. */
  toolchain?: { version: string; platform: string };
  /** True when `-x` request lines were seen (Go ≥ 1.21). */
  sawTrace = false;
  /** Every request, zip download and VCS command with its phase and body bytes (slow vs stalled). */
  readonly transfers: TransferTable;

  /** GOPROXY base URLs (goproxy.ts proxyUrls), stripped before a module path is read from a proxy URL. */
  private readonly bases: string[];
  private lastSubject?: { url: string; s: UrlSubject };

  /**
   * For a run without -x (Go < 1.21): go.sum's hashes and the checksum settings, to tell whether a whole zip waits on
   * the database (progress.ts); without them, it is assumed to.
   */
  readonly zipSums: ZipSums | undefined;

  constructor(startMs: number, opts: { proxyBases?: string[]; zipSums?: ZipSums } = {}) {
    this.startMs = startMs;
    this.zipSums = opts.zipSums;
    this.lastProgressMs = startMs;
    this.bases = opts.proxyBases ?? [];
    this.transfers = new TransferTable((url) => this.subjectOf(url), startMs);
  }

  /** What a URL is about; each `-x` URL comes twice (start, end), and in flight its subject is already known. */
  private subjectOf(url: string): UrlSubject {
    const known = this.inFlight.get(url)?.subject;
    if (known) return known;
    if (this.lastSubject?.url !== url) this.lastSubject = { url, s: urlSubject(url, this.bases) };
    return this.lastSubject.s;
  }

  /** Applies what the module cache shows for a zip download (src/go/download-watch.ts) at `now`. */
  observeZip(o: ZipObservation, now: number): void {
    this.transfers.observeZip(o, now);
  }

  /** When Go last showed life: a line of progress, or a body byte landing in the module cache. */
  lastActivityMs(): number {
    return Math.max(this.lastProgressMs, this.transfers.lastByteMs ?? this.startMs);
  }

  private module(path: string, now: number): ModuleState {
    let m = this.modules.get(path);
    if (!m) {
      m = { path, firstMs: now, lastMs: now, requests: [], resolved: false };
      this.modules.set(path, m);
    }
    m.lastMs = now;
    return m;
  }

  private request(url: string, now: number, s: UrlSubject = urlSubject(url, this.bases)): TidyRequest | undefined {
    if (!s.module) return undefined;
    const m = this.module(s.module, now);
    if (s.version && s.via === 'proxy' && !m.version) m.version = s.version;
    let r = m.requests.find((x) => x.url === url && x.status === undefined && x.error === undefined);
    if (!r && m.requests.length < MAX_REQUESTS_PER_MODULE) {
      r = { url };
      m.requests.push(r);
    }
    return r;
  }

  /** Applies one event at time `now` (ms). */
  apply(ev: TidyEvent, now: number): void {
    if (ev.kind === 'unknown') {
      if (ev.text.trim() === '') return;
      this.unknownLines.push(ev.text);
      if (this.unknownLines.length > MAX_KEPT_LINES) this.unknownLines.shift();
      return;
    }
    if (ev.kind === 'context') return;
    this.lastProgressMs = now;
    this.transfers.apply(ev, now);
    this.applyProgress(ev, now);
  }

  private applyProgress(ev: Exclude<TidyEvent, { kind: 'unknown' | 'context' }>, now: number): void {
    switch (ev.kind) {
      case 'finding':
        this.pendingPackages.add(ev.package);
        this.current = ev.package;
        return;
      case 'found':
        this.pendingPackages.delete(ev.package);
        this.resolve(ev.module, ev.version, now);
        return;
      case 'downloading':
        this.resolve(ev.module, ev.version, now);
        this.current = `${ev.module}@${ev.version}`;
        return;
      case 'toolchain-download':
        this.toolchain = { version: ev.version, platform: ev.platform };
        this.current = `toolchain ${ev.version}`;
        return;
      case 'get-start':
        this.getStart(ev.url, now);
        return;
      case 'get-done':
      case 'get-error':
      case 'get-note':
        this.getEnd(ev, now);
        return;
      case 'vcs':
        if (!ev.command.startsWith('cd ')) return;
        if (ev.durationMs === undefined) this.vcsPending.set(ev.command, now);
        else this.vcsPending.delete(ev.command);
        return;
      case 'error':
        if (ev.refines && this.errors.length > 0 && this.errors[this.errors.length - 1]!.kind === 'error')
          this.errors[this.errors.length - 1] = ev;
        else if (this.errors.length < MAX_ERRORS) this.errors.push(ev);
        return;
      default:
        return;
    }
  }

  private resolve(path: string, version: string, now: number): void {
    const m = this.module(path, now);
    m.version = version;
    m.resolved = true;
  }

  private getStart(url: string, now: number): void {
    this.sawTrace = true;
    this.requestCount += 1;
    const s = this.subjectOf(url);
    this.inFlight.set(url, { url, startedMs: now, subject: s });
    this.request(url, now, s);
    if (s.module) this.current = s.version ? `${s.module}@${s.version}` : s.module;
  }

  private getEnd(ev: Extract<TidyEvent, { kind: 'get-done' | 'get-error' | 'get-note' }>, now: number): void {
    this.sawTrace = true;
    const started = this.inFlight.get(ev.url);
    this.inFlight.delete(ev.url);
    const s = started?.subject ?? this.subjectOf(ev.url);
    const r = this.request(ev.url, now, s);
    if (ev.kind === 'get-error' && this.errors.length < MAX_ERRORS) this.errors.push(ev);
    if (!r) return;
    r.durationMs =
      ev.kind === 'get-done' && ev.durationMs !== undefined
        ? ev.durationMs
        : started
          ? now - started.startedMs
          : undefined;
    if (r.durationMs === undefined) delete r.durationMs;
    if (ev.kind === 'get-done') {
      r.status = ev.status;
      if (ev.status >= 200 && ev.status < 300 && s.module && s.via !== 'sumdb')
        this.module(s.module, now).resolved = true;
    } else {
      r.error = ev.kind === 'get-error' ? ev.error : ev.note;
    }
  }

  /** Requests in flight now, oldest first. */
  pending(): InFlight[] {
    return [...this.inFlight.values()].sort((a, b) => a.startedMs - b.startedMs);
  }

  /** The module list of the JSON report, given how the run ended and which modules errors named. */
  snapshot(goSucceeded: boolean, failedModules: Set<string>): TidyModule[] {
    const inflightModules = new Set(
      this.pending()
        .map((p) => p.subject.module)
        .filter(Boolean),
    );
    // A zip whose headers came but whose body never finished is in flight too (`-x` closed its line at the headers);
    // after a successful run every zip was read, whether or not Go printed a line for it.
    if (!goSucceeded) for (const z of this.transfers.openZips()) inflightModules.add(z.module);
    const out: TidyModule[] = [];
    for (const m of this.modules.values()) {
      const status = inflightModules.has(m.path) ? 'pending' : failedModules.has(m.path) ? 'failed' : 'ok';
      // Prefix probes that simply do not exist (example.com for example.com/hello: 404) are not modules of the build;
      // after a failure, `ok` means fetched: its zip downloaded, or (a module of the graph only) its .mod served.
      if (!goSucceeded && status === 'ok' && (!m.resolved || !this.fetched(m))) continue;
      if (goSucceeded && !m.resolved) continue;
      const mod: TidyModule = { path: m.path, status, requests: m.requests.map((r) => ({ ...r })) };
      if (m.version) mod.version = m.version;
      if (m.requests.length || m.lastMs > m.firstMs) mod.durationMs = Math.round(Math.max(0, m.lastMs - m.firstMs));
      out.push(mod);
    }
    return out;
  }

  /** True when the module's download succeeded: its zip read to the end, else its .mod answered 2xx (no zip asked). */
  private fetched(m: ModuleState): boolean {
    const zip = m.version ? this.transfers.zip(m.path, m.version) : undefined;
    if (zip) return zip.phase === 'done';
    return m.requests.some((r) => r.status !== undefined && r.status >= 200 && r.status < 300 && /\.mod$/.test(r.url));
  }

  /** Paths a proxy answered 2xx for, or that Go downloaded or found (they exist publicly on that proxy). */
  resolvedModules(): string[] {
    return [...this.modules.values()].filter((m) => m.resolved).map((m) => m.path);
  }
}
