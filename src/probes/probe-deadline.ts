// One wall-clock bound per probe, plus the phase bookkeeping that lets a timeout say where the probe stalled.
import type { ProxyStep } from '../core/go-net-bounds.js';
import type { FailureContext } from '../core/probe-cause.js';
import type { ProbePhase, ProbeTimings } from '../core/probe-types.js';

/** Thrown by Deadline.race when the probe's time is up (or the caller aborted). */
export class DeadlineExceeded extends Error {
  constructor(readonly cancelled: boolean) {
    super(cancelled ? 'probe cancelled' : 'probe timed out');
    this.name = 'DeadlineExceeded';
  }
}

/** Per-probe state: the deadline, the current phase, cumulative timings and everything to destroy at the end. */
/** Resolves a host name to its addresses (dns.lookup with all: true). */
export type HostResolver = (host: string) => Promise<string[]>;

/** One probe's deadline, phase and owned sockets: everything a failure needs to name its hop. */
export class ProbeState {
  readonly start = performance.now();
  phase: ProbePhase = 'dns';
  /** host:port of the peer in the current phase (proxy address in proxy phases). */
  address = '';
  /** Redacted URL of the proxy the request goes through, if any. */
  via?: string;
  /** host:port of the target (what CONNECT asks for). */
  target?: string;
  /** In 'proxy-connect': dialling the proxy, or waiting for its CONNECT answer. */
  step?: ProxyStep;
  /** A CONNECT tunnel is open: TLS and HTTP now go to the target through the proxy. */
  tunnel = false;
  readonly timings: Omit<ProbeTimings, 'totalMs'> = {};
  /** The run's resolver (one lookup per host per run, shared by every probe); unset: a lookup per connection. */
  resolve?: HostResolver;
  private readonly controller = new AbortController();
  private readonly timer: NodeJS.Timeout;
  private readonly cleanups = new Set<() => void>();
  private cancelled = false;
  /** Removes the listener on the caller's signal: one signal is shared by every probe of a run. */
  private readonly detach: () => void = () => {};

  constructor(timeoutMs: number, outer?: AbortSignal) {
    this.timer = setTimeout(() => this.abort(false), timeoutMs);
    if (outer) {
      if (outer.aborted) this.abort(true);
      else {
        // A listener left on the shared signal per finished probe piles up (MaxListenersExceededWarning after 10
        // concurrent probes, and a leak over a long run): finish() takes it off again.
        const onAbort = (): void => this.abort(true);
        outer.addEventListener('abort', onAbort, { once: true });
        this.detach = () => outer.removeEventListener('abort', onAbort);
      }
    }
  }

  /** Where the connection is, for naming the hop of a failure. */
  failureContext(): FailureContext {
    const ctx: FailureContext = { address: this.address, tunnel: this.tunnel };
    if (this.via) ctx.via = this.via;
    if (this.target) ctx.target = this.target;
    if (this.step) ctx.step = this.step;
    return ctx;
  }

  /** Milliseconds since the probe started. */
  elapsed(): number {
    return Math.round((performance.now() - this.start) * 10) / 10;
  }

  /** Marks the end of a phase (curl-style: ms since start) and moves on. */
  mark(key: 'dnsMs' | 'connectMs' | 'tlsMs' | 'ttfbMs', next: ProbePhase): void {
    this.timings[key] = this.elapsed();
    this.phase = next;
  }

  /** The abort signal for undici requests. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** Registers something to destroy on abort and at the end (sockets, clients). */
  own(cleanup: () => void): void {
    this.cleanups.add(cleanup);
  }

  /** Stops owning it: a kept-alive connection outlives the probe that used it (the pool owns it then). */
  disown(cleanup: () => void): void {
    this.cleanups.delete(cleanup);
  }

  /**
   * Starts collecting what gets owned from now on; the returned function takes those cleanups away from the probe
   * (last registered last), for a connection that outlives it.
   */
  collect(): () => Array<() => void> {
    const before = new Set(this.cleanups);
    return () => {
      const taken = [...this.cleanups].filter((c) => !before.has(c));
      for (const c of taken) this.cleanups.delete(c);
      return taken;
    };
  }

  /** Resolves with p, or rejects with DeadlineExceeded as soon as the deadline passes. */
  race<T>(p: Promise<T>): Promise<T> {
    if (this.signal.aborted) {
      p.catch(() => undefined); // not raced, but its rejection (a blocked lookup, say) must not become unhandled
      return Promise.reject(new DeadlineExceeded(this.cancelled));
    }
    return new Promise<T>((resolve, reject) => {
      const onAbort = (): void => reject(new DeadlineExceeded(this.cancelled));
      const off = (): void => this.signal.removeEventListener('abort', onAbort);
      this.signal.addEventListener('abort', onAbort, { once: true });
      // Both outcomes handled here: a late rejection of p (e.g. undici's abort) must not become unhandled.
      p.then(
        (v) => {
          off();
          resolve(v);
        },
        (e: unknown) => {
          off();
          reject(e);
        },
      );
    });
  }

  /** True once the deadline passed or the caller aborted. */
  get aborted(): boolean {
    return this.signal.aborted;
  }

  get wasCancelled(): boolean {
    return this.cancelled;
  }

  private abort(cancelled: boolean): void {
    if (this.signal.aborted) return;
    this.cancelled = cancelled;
    this.controller.abort(new DeadlineExceeded(cancelled));
    this.destroyAll();
  }

  /** Stops the timer and destroys every owned resource; safe to call twice. */
  finish(): void {
    clearTimeout(this.timer);
    this.detach();
    this.destroyAll();
  }

  private destroyAll(): void {
    // Last registered first: a TLS socket before the TCP socket under it (Node 20 segfaults the other way round).
    for (const c of [...this.cleanups].reverse()) {
      try {
        c();
      } catch {
        // best effort: a socket that is already gone
      }
    }
    this.cleanups.clear();
  }
}
