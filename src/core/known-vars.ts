// Go's known configuration variables and their defaults per Go version (cmd/go/internal/cfg/cfg.go;
// docs/go-rules.md#where-a-setting-comes-from).

import { compareGoVersions } from './go-version.js';

/** cmd/go's cfg.KnownEnv for the newest Go read (golang/go src/internal/cfg/cfg.go). */
export const GO_KNOWN_ENV: readonly string[] = `AR CC CGO_CFLAGS CGO_CFLAGS_ALLOW CGO_CFLAGS_DISALLOW CGO_CPPFLAGS
CGO_CPPFLAGS_ALLOW CGO_CPPFLAGS_DISALLOW CGO_CXXFLAGS CGO_CXXFLAGS_ALLOW CGO_CXXFLAGS_DISALLOW CGO_ENABLED CGO_FFLAGS
CGO_FFLAGS_ALLOW CGO_FFLAGS_DISALLOW CGO_LDFLAGS CGO_LDFLAGS_ALLOW CGO_LDFLAGS_DISALLOW CXX FC GCCGO GO111MODULE GO386
GOAMD64 GOARCH GOARM GOARM64 GOAUTH GOBIN GOCACHE GOCACHEPROG GOENV GOEXE GOEXPERIMENT GOFIPS140 GOFLAGS GOGCCFLAGS
GOHOSTARCH GOHOSTOS GOINSECURE GOMIPS GOMIPS64 GOMODCACHE GONOPROXY GONOSUMDB GOOS GOPATH GOPPC64 GOPRIVATE GOPROXY
GORISCV64 GOROOT GOSUMDB GOTMPDIR GOTOOLCHAIN GOTOOLDIR GOVCS GOWASM GOWORK GO_EXTLINK_ENABLED PKG_CONFIG`
  .split(/\s+/)
  .filter((v) => v !== '');

/**
 * Whether `go env -w` can hold the variable: one of cmd/go's known variables (internal/cfg/cfg.go KnownEnv) other
 * than GOENV, which only the OS environment can set (cmd/go/internal/envcmd/env.go checkEnvWrite).
 */
export function canGoEnvWrite(name: string): boolean {
  return name !== 'GOENV' && GO_KNOWN_ENV.includes(name);
}

/** The module-download variables gomodctl models and configures. */
export const MODULE_VARS = [
  'GOPROXY',
  'GONOPROXY',
  'GOPRIVATE',
  'GONOSUMDB',
  'GOSUMDB',
  'GOINSECURE',
  'GOFLAGS',
  'GOTOOLCHAIN',
  'GOAUTH',
  'GOVCS',
] as const;

/** Upstream $GOROOT/go.env (Go 1.21+). */
export const UPSTREAM_GO_ENV: Readonly<Record<string, string>> = {
  GOPROXY: 'https://proxy.golang.org,direct',
  GOSUMDB: 'sum.golang.org',
  GOTOOLCHAIN: 'auto',
};

/**
 * Defaults Go uses with neither env nor GOENV file: ≤1.20 compiled into cmd/go (cfg.go@1.19), 1.21+
 * from $GOROOT/go.env (upstream values). null (Go not found) → the newest Go's defaults.
 */
export function goDefaults(goVersion: string | null): Record<string, string> {
  const v = goVersion ?? 'go1.99';
  const defaults: Record<string, string> = {
    GOPROXY: 'https://proxy.golang.org,direct',
    GOSUMDB: 'sum.golang.org',
    GOTOOLCHAIN: compareGoVersions(v, '1.21') >= 0 ? 'auto' : '',
    GOAUTH: compareGoVersions(v, '1.24') >= 0 ? 'netrc' : '',
  };
  return defaults;
}

/** Whether Go of this version reads its GOPROXY/GOSUMDB/GOTOOLCHAIN defaults from $GOROOT/go.env. */
export function usesGorootGoEnv(goVersion: string | null): boolean {
  return goVersion === null || compareGoVersions(goVersion, '1.21rc1') >= 0;
}
