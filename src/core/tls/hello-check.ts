// The decisions of the Go-shaped ClientHello check: which hellos to send for the running Go (its own, and the one
// it would send with the fix applied), what their answers mean, and the fix to print. The sending is in
// probes/tls-hello.ts.
import { effectiveGodebug, godebugExists, withGodebug } from '../godebug.js';
import { goMinorVersion } from '../go-version.js';
import { shellQuote } from '../shell-quote.js';
import type { ProbeFailure } from '../probe-cause.js';
import { GROUP, goHelloShape, type HelloShape } from './go-hello-shape.js';

/** A GODEBUG setting that makes Go's ClientHello small again. */
interface HelloFix {
  setting: string;
  value: string;
  /** The whole GODEBUG value to export (the current one plus the setting). */
  godebug: string;
}

/** What to send: Go's own hello and, when it carries a post-quantum key share, the hello after the fix. */
interface HelloPlan {
  go: HelloShape;
  fix?: HelloFix & { shape: HelloShape };
}

const PQ_GROUPS: number[] = [
  GROUP.x25519Kyber768Draft00,
  GROUP.x25519MLKEM768,
  GROUP.secp256r1MLKEM768,
  GROUP.secp384r1MLKEM1024,
];

/**
 * Plans the check for `go` of this version with this GODEBUG environment value. The fix is the setting that drops
 * the post-quantum key share in that release: tlsmlkem=0 from 1.24 (crypto/tls defaults.go), tlskyber=0 in 1.23
 * (where the go command already defaults to it, so only GODEBUG=tlskyber=1 makes the hello large).
 */
export function planHelloCheck(goVersion: string | null | undefined, godebugEnv: string | undefined): HelloPlan {
  const go = goHelloShape(goVersion, effectiveGodebug(godebugEnv, goVersion));
  if (!go.keyShares.some((k) => PQ_GROUPS.includes(k.group))) return { go };
  const setting = godebugExists('tlsmlkem', goVersion) ? 'tlsmlkem' : 'tlskyber';
  const godebug = withGodebug(godebugEnv, setting, '0', goVersion);
  const shape = goHelloShape(goVersion, effectiveGodebug(godebug, goVersion));
  return { go, fix: { setting, value: '0', godebug, shape } };
}

/** What happened to one ClientHello. */
export type HelloOutcome =
  /** A ServerHello, HelloRetryRequest or alert came back: the bytes reached a TLS server. */
  | 'answered'
  /** Nothing within the bound. */
  | 'silent'
  | 'reset'
  /** Closed without a byte. */
  | 'closed'
  /** Bytes came back, but not TLS. */
  | 'not-tls';

/** The verdict of the check. */
export type HelloVerdict =
  /** Go's own hello was answered. */
  | 'ok'
  /** Go's hello was swallowed while the small one (Go with the fix) was answered. */
  | 'large-dropped'
  /** Neither was answered: the endpoint does not answer TLS at all here (the regular probe says why). */
  | 'no-answer'
  | 'not-tls';

/** Combines the outcomes of Go's hello and of the fixed one (when sent). */
export function helloVerdict(goOutcome: HelloOutcome, fixOutcome?: HelloOutcome): HelloVerdict {
  if (goOutcome === 'answered') return 'ok';
  if (fixOutcome === 'answered') return 'large-dropped';
  if (goOutcome === 'not-tls' || fixOutcome === 'not-tls') return 'not-tls';
  return 'no-answer';
}

/**
 * The fix lines for a dropped large hello: export the setting (GODEBUG is read only from the OS environment:
 * `go env -w GODEBUG=…` fails with "GODEBUG can only be set using the OS environment" from 1.23, "unknown go command
 * variable" before; cmd/go/internal/envcmd/env.go checkEnvWrite), and say it belongs in CI too.
 */
export function helloFixLines(fix: HelloFix, goVersion: string | null | undefined, platform: string): string[] {
  const why = `${goLabel(goVersion)} then sends its ClientHello without the post-quantum key share`;
  const set =
    platform === 'win32'
      ? `$env:GODEBUG = '${fix.godebug.replace(/'/g, "''")}'   # PowerShell; ${why}`
      : `export GODEBUG=${shellQuote(fix.godebug)}   # ${why}`;
  return [
    set,
    '# GODEBUG cannot be set with go env -w: put it in your shell profile and in the CI job environment too',
  ];
}

function goLabel(goVersion: string | null | undefined): string {
  const minor = goMinorVersion(goVersion);
  return minor === null ? 'Go' : `Go 1.${minor}`;
}

/** What the Go-shaped ClientHello check saw when Go's own hello was swallowed (probes/tls-hello.ts). */
interface LargeHelloFindings {
  /** host:port the hellos went to (the target, also when tunnelled). */
  address: string;
  /** Redacted proxy URL when the hellos went through a CONNECT tunnel. */
  via?: string;
  goVersion: string | null | undefined;
  /** Size of Go's own first record, and of the one it sends with the fix. */
  largeBytes: number;
  smallBytes: number;
  /** What happened to Go's hello: nothing within the bound, or a reset/close. */
  outcome: 'silent' | 'reset' | 'closed';
}

/**
 * The failure for a path that answers a small ClientHello but swallows the large one Go sends (post-quantum key
 * share, Go ≥ 1.24): what Go then does — waits out its 10 s TLS handshake timeout (net/http transport.go
 * TLSHandshakeTimeout) when the hello is dropped, or fails at once when the connection is reset.
 */
export function largeHelloFailure(f: LargeHelloFindings): ProbeFailure {
  const where = f.via ? `${f.address} through proxy ${f.via}` : f.address;
  const go = f.goVersion ? `Go ${f.goVersion.replace(/^go/, '')}` : 'Go';
  const what = f.outcome === 'silent' ? 'got no answer' : f.outcome === 'reset' ? 'was reset' : 'was closed';
  const then =
    f.outcome === 'silent'
      ? 'go waits 10 s and fails with "net/http: TLS handshake timeout"'
      : 'go fails at once (connection reset or EOF during the TLS handshake)';
  return {
    cause: 'tls',
    phase: 'tls',
    message:
      `a middlebox drops large TLS ClientHellos: on the path to ${where} a ${f.smallBytes}-byte ClientHello was ` +
      `answered, the ${f.largeBytes}-byte one ${go} sends ${what}; ${then}`,
    tls: { reason: 'other', code: 'LARGE_CLIENT_HELLO_DROPPED' },
  };
}
