// Shared by the ClientHello tests: the GODEBUG variants captured from each go, and what our engine sends.
import { randomBytes } from 'node:crypto';
import { effectiveGodebug } from '../../src/core/godebug.js';
import { buildClientHello } from '../../src/core/tls/client-hello.js';
import { goHelloShape } from '../../src/core/tls/go-hello-shape.js';
import { parseClientHello, type ParsedClientHello } from './tls-record.js';

/** GODEBUG values tried on every Go (settings a release does not know are ignored by it, which is captured too). */
export const CAPTURE_GODEBUGS = [
  '',
  'tlsmlkem=0',
  'tlssecpmlkem=0',
  'tlskyber=0',
  'tlskyber=1',
  'tlsrsakex=0',
  'tlsrsakex=1',
  'tls3des=0',
  'tls3des=1',
  'tlsrsakex=0,tls3des=0',
  'tlssha1=1',
  'http2client=0',
  'tlsmlkem=0,http2client=0',
  'fips140=on',
];

/** What our engine sends for `go` of this version with this GODEBUG and host, parsed back. */
export function engineHello(go: string, godebug: string, host: string): ParsedClientHello {
  const shape = goHelloShape(go, effectiveGodebug(godebug, go));
  return parseClientHello(Buffer.from(buildClientHello(shape, host, { random: (n) => randomBytes(n) })));
}
