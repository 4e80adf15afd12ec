// A hermetic Go environment per test: its own GOENV, GOPATH, GOMODCACHE, GOCACHE, HOME; GOTOOLCHAIN=local.
// No test may touch the developer's real Go configuration or the network beyond 127.0.0.1.
import { mkdtempSync, rmSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The go binary the tests run: $GOMODCTL_TEST_GO (e.g. /usr/lib/go-1.19/bin/go) or "go" on PATH. */
export const TEST_GO = process.env.GOMODCTL_TEST_GO || 'go';

export interface HermeticGo {
  dir: string;
  env: NodeJS.ProcessEnv;
  /** Removes the temporary tree. */
  cleanup(): void;
}

const PASS_THROUGH = ['PATH', 'SYSTEMROOT', 'TMPDIR', 'TEMP', 'TMP', 'LANG', 'TERM'];

/**
 * Creates a temporary Go environment. `extra` is merged last (e.g. GOPROXY, GOSUMDB, GOPRIVATE).
 * Variables that would leak the developer's setup (GOPROXY, proxies, SSL_CERT_*) are not inherited.
 */
export function makeHermeticGo(extra: NodeJS.ProcessEnv = {}): HermeticGo {
  const dir = mkdtempSync(join(tmpdir(), 'gomodctl-test-'));
  for (const d of ['home', 'gopath', 'gocache', 'config/go/telemetry']) mkdirSync(join(dir, d), { recursive: true });
  // Go ≥1.23 starts a telemetry uploader that keeps writing under the config dir after go exits: turn it off.
  writeFileSync(join(dir, 'config', 'go', 'telemetry', 'mode'), 'off');
  const base: NodeJS.ProcessEnv = {};
  for (const k of PASS_THROUGH) if (process.env[k] !== undefined) base[k] = process.env[k];
  const env: NodeJS.ProcessEnv = {
    ...base,
    HOME: join(dir, 'home'),
    USERPROFILE: join(dir, 'home'),
    XDG_CONFIG_HOME: join(dir, 'config'),
    GOENV: join(dir, 'config', 'go', 'env'),
    GOPATH: join(dir, 'gopath'),
    GOMODCACHE: join(dir, 'gopath', 'pkg', 'mod'),
    GOCACHE: join(dir, 'gocache'),
    GOTOOLCHAIN: 'local',
    GOFLAGS: '-modcacherw',
    GOPROXY: 'off',
    GOSUMDB: 'off',
    GONOSUMDB: '',
    GIT_TERMINAL_PROMPT: '0',
    NO_COLOR: '1',
    // English whatever the developer's LANG (tests of Chinese output set GOMODCTL_LANG=zh or LANG themselves).
    GOMODCTL_LANG: 'en',
    GOMODCTL_GO: TEST_GO,
    // Our probes never leave the machine in a test: a host name other than localhost fails as unresolvable.
    GOMODCTL_NO_EGRESS: '1',
    ...extra,
  };
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete env[k];
  return { dir, env, cleanup: () => rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 }) };
}
