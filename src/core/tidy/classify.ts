// Pure streaming classifier: one line of `go mod tidy -v [-x]` stderr in, one event out
// (docs/go-rules.md#what-go-prints).
import { detectError, type ErrorDetail } from './detect-error.js';

/** One classified line of `go` output. Unknown lines are kept as `unknown`, never dropped. */
export type TidyEvent =
  | { kind: 'finding'; package: string }
  | { kind: 'downloading'; module: string; version: string }
  | { kind: 'found'; package: string; module: string; version: string }
  | { kind: 'unused'; module: string }
  | { kind: 'get-start'; url: string }
  | { kind: 'get-done'; url: string; status: number; statusText: string; durationMs?: number }
  | { kind: 'get-error'; url: string; error: string; detail?: ErrorDetail }
  | { kind: 'get-note'; url: string; note: string }
  /** `dir`: the VCS cache directory; `repo`: the repository URL (`mkdir -p DIR # git3 URL`); `tool`: git, hg, … */
  | { kind: 'vcs'; command: string; durationMs?: number; dir?: string; repo?: string; tool?: string }
  | { kind: 'toolchain-download'; version: string; platform: string }
  /** `refines`: a continuation line (e.g. git's stderr) that sharpens the previous error's cause; replaces it. */
  | { kind: 'error'; text: string; detail: ErrorDetail; refines?: boolean }
  | { kind: 'context'; text: string }
  | { kind: 'unknown'; text: string };

type LineRule = (line: string) => TidyEvent | undefined;

// Progress lines (modload, modfetch/fetch.go, web/http.go -x traces); order matters only where shapes overlap
// (toolchain before module downloads).
const PROGRESS: LineRule[] = [
  (l) => {
    const m = /^go: finding module for package (\S+)$/.exec(l);
    return m ? { kind: 'finding', package: m[1]! } : undefined;
  },
  (l) => {
    const m = /^go: downloading (go1[^\s]*) \(([^)\s]+)\)$/.exec(l);
    return m ? { kind: 'toolchain-download', version: m[1]!, platform: m[2]! } : undefined;
  },
  (l) => {
    const m = /^go: downloading (\S+) (v\S+)$/.exec(l);
    return m ? { kind: 'downloading', module: m[1]!, version: m[2]! } : undefined;
  },
  (l) => {
    const m = /^go: found (\S+) in (\S+) (\S+)$/.exec(l);
    return m ? { kind: 'found', package: m[1]!, module: m[2]!, version: m[3]! } : undefined;
  },
  (l) => {
    const m = /^unused (\S+)$/.exec(l);
    return m ? { kind: 'unused', module: m[1]! } : undefined;
  },
  classifyGet,
  classifyVcs,
];

/**
 * `-x` HTTP trace lines from cmd/go/internal/web/http.go: `# get URL`, `# get URL: 200 OK (0.004s)`, `# get URL: err`.
 */
function classifyGet(l: string): TidyEvent | undefined {
  if (!l.startsWith('# get ')) return undefined;
  const rest = l.slice(6);
  const sp = rest.indexOf(': ');
  if (sp < 0) return /^\S+$/.test(rest) ? { kind: 'get-start', url: rest } : undefined;
  const url = rest.slice(0, sp);
  const tail = rest.slice(sp + 2);
  const ok = /^(\d{3})(?: ([^(]*?))?(?: \((\d+(?:\.\d+)?)s\))?$/.exec(tail);
  if (ok) {
    const ev: TidyEvent = { kind: 'get-done', url, status: Number(ok[1]), statusText: (ok[2] ?? '').trim() };
    if (ok[3] !== undefined) ev.durationMs = Math.round(Number(ok[3]) * 1000);
    return ev;
  }
  if (/^(insecure|unsupported|insecure credentials)$/.test(tail)) return { kind: 'get-note', url, note: tail };
  const detail = detectError(tail);
  return detail ? { kind: 'get-error', url, error: tail, detail } : { kind: 'get-error', url, error: tail };
}

const VCS_CD = /^cd (\S+); (git|hg|svn|bzr|fossil) /;
// `mkdir -p DIR # git3 URL` creates the cache directory, `# DIR for git3 URL` finds it (codehost.go WorkDir).
const VCS_WORKDIR = [/^mkdir -p (\S+) # \S+ (\S+)$/, /^# (\S+) for \S+ (\S+)$/];

/**
 * `-x` VCS lines: the work directory lines and `# lock DIR.lock` (modfetch/codehost/codehost.go WorkDir), then
 * `cd DIR; git …` before each command and `0.005s # cd DIR; git …` after it, whatever its exit status (RunWithArgs).
 */
function classifyVcs(l: string): TidyEvent | undefined {
  const timed = /^(\d+(?:\.\d+)?)s # (cd .*)$/.exec(l);
  const command = timed ? timed[2]! : l;
  const cd = VCS_CD.exec(command);
  if (timed || cd) {
    const ev: TidyEvent = { kind: 'vcs', command };
    if (timed) ev.durationMs = Math.round(Number(timed[1]) * 1000);
    if (cd) Object.assign(ev, { dir: cd[1]!, tool: cd[2]! });
    return ev;
  }
  for (const re of VCS_WORKDIR) {
    const m = re.exec(l);
    if (m) return { kind: 'vcs', command: l, dir: m[1]!, repo: m[2]! };
  }
  return /^(mkdir -p \S+ # |# lock )/.test(l) ? { kind: 'vcs', command: l } : undefined;
}

/** Import-chain headers and block continuations that carry no cause themselves (modload/load.go stackText). */
function isContext(l: string): boolean {
  return (
    /^(go: )?\S+ (imports|tested by)$/.test(l) ||
    /^\t\S+ (imports|tested by)$/.test(l) ||
    /^\tgo (get|mod download) /.test(l)
  );
}

/** Stateful but I/O-free line classifier; state is a few flags, so memory stays constant. */
export class LineClassifier {
  private inServerResponse = false;
  private inSecurityNote = false;
  private lastError: ErrorDetail | undefined;

  /**
   * The server's words belong to the error line before them (web/http.go: `server response: …` after `reading URL:
   * 403 Forbidden`): the first non-empty line is kept on that error's detail, which the timeline already holds.
   */
  private keepServerWords(text: string): void {
    const words = text.trim();
    if (this.lastError && words && this.lastError.serverResponse === undefined)
      this.lastError.serverResponse = words.slice(0, 200);
  }

  /** Classifies one line (without its newline). Never throws. */
  push(rawLine: string): TidyEvent {
    const ev = this.classify(rawLine.replace(/\r$/, ''));
    if (ev.kind === 'error') {
      // Git's own stderr follows the `git ls-remote … exit status 128:` line, tab-indented
      // (modfetch/codehost/codehost.go RunError).
      if (this.lastError && /^\t/.test(ev.text) && !/^\t[^\s:@]*\.[^\s:@]*: /.test(ev.text)) {
        const merged: ErrorDetail = { ...this.lastError };
        for (const [k, v] of Object.entries(ev.detail))
          if (v !== undefined) (merged as unknown as Record<string, unknown>)[k] = v;
        if (!ev.detail.url && this.lastError.url) merged.url = this.lastError.url;
        ev.detail = merged;
        ev.refines = true;
      }
      this.lastError = ev.detail;
    } else if (ev.kind !== 'context' || !ev.text.startsWith('\t')) {
      this.lastError = undefined;
    }
    return ev;
  }

  /**
   * The rest of a checksum mismatch (cmd/go/internal/modfetch/fetch.go haveModSumLocked, checkSumDB): the two hashes,
   * `\tdownloaded: h1:…` and `\t<go.sum | go.work.sum | database name>: h1:…`, then Go's note (goSumMismatch,
   * sumdbMismatch, sumdbAbsent) from `SECURITY ERROR` to `For more information, see 'go help module-auth'.`: the
   * error's own text, not errors of their own. The other hash's source is kept on the error.
   */
  private checksumRest(line: string): TidyEvent | undefined {
    const hash = this.lastError?.cause === 'checksum' ? /^\t(\S+):\s+h1:\S+$/.exec(line) : null;
    if (hash) {
      if (hash[1] !== 'downloaded') this.lastError!.checksumSource = hash[1];
      return { kind: 'context', text: line };
    }
    if (line === 'SECURITY ERROR') this.inSecurityNote = true;
    else if (!this.inSecurityNote) return undefined;
    if (line.startsWith("For more information, see 'go help module-auth'")) this.inSecurityNote = false;
    return { kind: 'context', text: line };
  }

  private classify(line: string): TidyEvent {
    const sum = this.checksumRest(line);
    if (sum) return sum;
    if (this.inServerResponse && line.startsWith('\t') && !line.startsWith('\tserver response')) {
      this.keepServerWords(line);
      return { kind: 'context', text: line };
    }
    this.inServerResponse = false;
    if (/^\tserver response:/.test(line)) {
      this.inServerResponse = /^\tserver response:\s*$/.test(line);
      this.keepServerWords(line.replace(/^\tserver response:/, ''));
      return { kind: 'context', text: line };
    }
    for (const rule of PROGRESS) {
      const ev = rule(line);
      if (ev) return ev;
    }
    if (isContext(line)) return { kind: 'context', text: line };
    const detail = detectError(line);
    if (detail) return { kind: 'error', text: line, detail };
    return { kind: 'unknown', text: line };
  }
}
