// 7. The Go-shaped ClientHello check (src/probes/tls-hello.ts checkClientHello) beside a healthy TLS probe: the
// probe alone vs the probe and the check started together, same server, samples interleaved. Goal: the check adds
// at most one round trip. Measured on loopback and through a relay that delays every chunk by 10 ms each way
// (RTT 20 ms), where a round trip is big enough to see; the check sends the newest Go's two hellos (worst case).
// The TLS server runs in its own process, as a real one would: its handshakes must not share our event loop.
import { createServer, connect } from 'node:net';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, importDist } from '../lib/build-helpers.js';
import { killGroup, median } from '../lib/measure.js';

/** The TLS fault proxy (built by loadHelpers into bench/.build) in a child process: {url, caFile, stop}. */
async function startServerProcess() {
  const helper = pathToFileURL(join(ROOT, 'bench', '.build', 'test', 'helpers', 'fault-proxy.js')).href;
  const code = `const { startFaultProxy } = await import(${JSON.stringify(helper)});
const p = await startFaultProxy({ tls: 'self-signed' });
process.stdout.write(JSON.stringify({ url: p.url, caFile: p.caFile }) + '\\n');
process.stdin.resume(); process.stdin.on('end', () => process.exit(0));`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', code], {
    stdio: ['pipe', 'pipe', 'inherit'],
    detached: process.platform !== 'win32',
  });
  const info = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('TLS server process did not start')), 10_000);
    child.stdout.once('data', (d) => {
      clearTimeout(timer);
      resolve(JSON.parse(String(d)));
    });
    child.once('exit', () => reject(new Error('TLS server process exited')));
  });
  const stop = () => {
    child.stdin.end();
    killGroup(child.pid);
  };
  return { ...info, stop };
}

const DELAY_MS = 10;

/** A TCP relay adding `delayMs` to every chunk in both directions (order kept). */
async function startDelayRelay(upstream, delayMs) {
  const sockets = new Set();
  const delayed = (from, to) => from.on('data', (d) => setTimeout(() => to.writable && to.write(d), delayMs));
  const server = createServer((client) => {
    const up = connect(Number(upstream.split(':')[1]), upstream.split(':')[0]);
    for (const s of [client, up]) {
      sockets.add(s);
      s.on('error', () => undefined);
      s.on('close', () =>
        setTimeout(() => {
          client.destroy();
          up.destroy();
        }, delayMs),
      );
    }
    delayed(client, up);
    delayed(up, client);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return {
    address: `127.0.0.1:${server.address().port}`,
    close: () =>
      new Promise((r) => {
        server.close(() => r());
        for (const s of sockets) s.destroy();
      }),
  };
}

async function measure(ctx, host, ca) {
  const [{ probeUrl }, { checkClientHello }] = await Promise.all([
    importDist('probes/http-probe.js'),
    importDist('probes/tls-hello.js'),
  ]);
  const url = `https://${host}/example.com/hello/@v/list`;
  const probe = async () => {
    const t = performance.now();
    const r = await probeUrl(url, { timeoutMs: 5000, env: {}, ca });
    if (!r.ok) throw new Error(`probe failed: ${r.message}`);
    return { ms: performance.now() - t, rtt: r.timings.connectMs };
  };
  const both = async () => {
    const t = performance.now();
    const [r, c] = await Promise.all([
      probeUrl(url, { timeoutMs: 5000, env: {}, ca }),
      checkClientHello(`https://${host}`, { goVersion: null, timeoutMs: 5000 }),
    ]);
    if (!r.ok || c.verdict !== 'ok') throw new Error(`probe+check failed: ${r.message ?? c.verdict}`);
    return performance.now() - t;
  };
  const alone = [];
  const together = [];
  const rtts = [];
  for (let i = 0; i <= ctx.runs * 5; i++) {
    const a = await probe();
    const b = await both();
    if (i === 0) continue; // warm-up
    alone.push(a.ms);
    rtts.push(a.rtt);
    together.push(b);
  }
  return { alone: median(alone), together: median(together), rtt: median(rtts) };
}

/** Two rows: loopback, and RTT 20 ms. */
export async function benchTlsCheck(ctx) {
  const p = await startServerProcess();
  const ca = [readFileSync(p.caFile, 'utf8')];
  const relay = await startDelayRelay(new URL(p.url).host, DELAY_MS);
  const rows = [];
  try {
    for (const [name, host, extraRtt] of [
      ['loopback', new URL(p.url).host, 0],
      [`RTT ${2 * DELAY_MS} ms (delay relay)`, relay.address, 2 * DELAY_MS],
    ]) {
      const m = await measure(ctx, host, ca);
      const diff = m.together - m.alone;
      const rtt = m.rtt + extraRtt; // the relay accepts at once: TCP connect sees only the loopback part
      rows.push({
        item: '7 TLS ClientHello check',
        name: `probe vs probe+check, ${name}`,
        unit: 'ms',
        value: m.together,
        baseline: m.alone,
        baselineName: 'probe alone',
        ratio: m.together / m.alone,
        diffMs: diff,
        // On loopback a round trip is below the noise of two extra handshakes on a shared machine: shown, not judged.
        goal: extraRtt ? '≤ +1 RTT' : '—',
        met: extraRtt ? diff <= rtt : null,
        note: `1 RTT = ${rtt.toFixed(2)} ms`,
      });
    }
  } finally {
    await relay.close();
    p.stop();
  }
  return rows;
}
