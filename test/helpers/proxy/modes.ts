// Fault modes chosen by URL path prefix, so one server serves every fault: /<mode>[/<mode>…]/<module>/@v/…
// (the idea of golang/go src/cmd/go/proxy_test.go, which picks faults by path prefix).

/** A parsed fault prefix. */
export interface ParsedPath {
  /** Modes in order, e.g. ["auth", "stall-zip"]; empty for the plain proxy. */
  modes: string[];
  /** The rest of the path after the mode prefix, without a leading slash. */
  rest: string;
}

const SIMPLE = new Set([
  'blackhole',
  'stall-headers',
  'drip',
  'reset',
  'notgo',
  'stall-zip',
  'auth',
  'sumdb-blackhole',
  'sumdb-reset',
  'no-sumdb',
  'corrupt-zip',
  'drip-zip',
  'stall-zip-end',
  'rst',
]);
const WITH_ARG = new Set(['status', 'sumdb-status', 'slow', 'stall-zip-body', 'gateway', 'fail-first']);

/** Splits `/auth/status/404/example.com/x/@v/list` into modes ["auth", "status/404"] and the rest. */
export function parseModes(pathname: string): ParsedPath {
  const segs = pathname.replace(/^\/+/, '').split('/');
  const modes: string[] = [];
  let i = 0;
  while (i < segs.length) {
    const s = segs[i]!;
    if (SIMPLE.has(s)) {
      modes.push(s);
      i += 1;
    } else if (WITH_ARG.has(s) && i + 1 < segs.length && /^\d+$/.test(segs[i + 1]!)) {
      modes.push(`${s}/${segs[i + 1]}`);
      i += 2;
    } else break;
  }
  return { modes, rest: segs.slice(i).join('/') };
}

/** True when `mode` is a valid prefix for base(mode): one or more known modes joined by "/". */
export function isValidModePrefix(mode: string): boolean {
  const p = parseModes('/' + mode + '/x');
  return p.modes.length > 0 && p.rest === 'x';
}

/** Numeric argument of a mode like "status/404" among `modes`, or undefined. */
export function modeArg(modes: string[], name: string): number | undefined {
  const m = modes.find((x) => x.startsWith(name + '/'));
  return m === undefined ? undefined : Number(m.slice(name.length + 1));
}
