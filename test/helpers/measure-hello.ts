// Measures the ClientHello a real `go` sends: `go mod download` through GOPROXY=https://HOST:PORT where PORT is a
// logging middlebox in front of the TLS fault proxy (test CA in SSL_CERT_FILE, hermetic env), then parses the
// first record of the first connection.
import { execa } from 'execa';
import { join } from 'node:path';
import { startFaultProxy, TLS_DIR } from './fault-proxy.js';
import { makeHermeticGo } from './go-env.js';
import { parseClientHello, type ParsedClientHello } from './tls-record.js';
import { startTlsMiddlebox } from './tls-middlebox.js';

/** What one measurement ran and saw. */
export interface GoHelloMeasurement {
  hello: ParsedClientHello;
  /** go's exit code (0: the download went through the relay). */
  exitCode: number | undefined;
  output: string;
}

/** Options of measureGoHello. */
export interface MeasureOptions {
  /** GODEBUG value for go (e.g. "tlsmlkem=0"); undefined = unset. */
  godebug?: string;
  /** Host name in GOPROXY: "127.0.0.1" sends no SNI, "localhost" sends one (default 127.0.0.1). */
  host?: string;
}

/** Runs `goBin` once through a logging relay and returns its first ClientHello. */
export async function measureGoHello(goBin: string, opts: MeasureOptions = {}): Promise<GoHelloMeasurement> {
  const proxy = await startFaultProxy({ tls: 'self-signed' });
  const box = await startTlsMiddlebox({ upstream: new URL(proxy.url).host });
  const go = makeHermeticGo({
    GOPROXY: `https://${opts.host ?? '127.0.0.1'}:${box.port}`,
    GOSUMDB: 'off',
    SSL_CERT_FILE: join(TLS_DIR, 'ca.pem'),
    SSL_CERT_DIR: '/nonexistent',
    GODEBUG: opts.godebug,
  });
  try {
    const r = await execa(goBin, ['mod', 'download', '-json', 'example.com/hello@v1.1.0'], {
      env: go.env,
      extendEnv: false,
      cwd: go.dir,
      reject: false,
      timeout: 30_000,
    });
    const first = box.log[0];
    if (!first) throw new Error(`${goBin} sent no TLS record: ${r.stdout}${r.stderr}`);
    return { hello: parseClientHello(first.record), exitCode: r.exitCode, output: r.stdout + r.stderr };
  } finally {
    go.cleanup();
    await box.close();
    await proxy.close();
  }
}
