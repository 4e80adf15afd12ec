// Which toolchain the go command runs before doing anything else: a port of cmd/go/internal/toolchain/select.go
// Select and Exec (Go ≥ 1.21; older Go has no GOTOOLCHAIN). A switch not found in PATH downloads the module
// golang.org/toolchain@v0.0.1-<name>.<GOOS>-<GOARCH> (its .zip only) and always checks the checksum database.
import { compareGoVersions, fromToolchain, isGoLanguageVersion } from '../go-version.js';

/** What Select reads. */
export interface ToolchainInput {
  /** The running Go, e.g. "1.26.8" (gover.Local); toolchain switching exists from 1.21 on. */
  localVersion: string;
  /** Effective GOTOOLCHAIN (env, GOENV file, $GOROOT/go.env); "" when unset (e.g. a packager removed go.env's line). */
  gotoolchain: string;
  /** go and toolchain lines of the go.work (when in workspace mode) or go.mod that Select reads; null outside a module. */
  file: { go: string | null; toolchain: string | null } | null;
  goos: string;
  goarch: string;
  /** Whether an executable named like the toolchain (e.g. "go1.22.3") is in PATH (Exec tries it first). */
  inPath(name: string): boolean;
}

/** Select's decision. */
export type ToolchainDecision =
  | { kind: 'local' }
  | { kind: 'path'; toolchain: string }
  | { kind: 'download'; toolchain: string; module: string; version: string; why: string }
  | { kind: 'error'; message: string };

/** toolchain/select.go gotoolchainModule / gotoolchainVersion. */
export const TOOLCHAIN_MODULE = 'golang.org/toolchain';

/** The golang.org/toolchain version Exec downloads for a toolchain name (select.go Exec). */
function toolchainVersion(toolchain: string, goos: string, goarch: string): string {
  return `v0.0.1-${toolchain}.${goos}-${goarch}`;
}

/** Parses GOTOOLCHAIN into the minimum toolchain and mode (select.go Select), or Go's error text. */
function parseGotoolchain(value: string, local: { version: string; toolchain: string }) {
  if (value === 'auto' || value === 'path') return { min: local.toolchain, minVers: local.version, mode: value };
  const plus = value.indexOf('+');
  const min = plus < 0 ? value : value.slice(0, plus);
  const suffix = plus < 0 ? '' : value.slice(plus + 1);
  let minToolchain = local.toolchain;
  let minVers = local.version;
  if (min !== 'local') {
    const v = fromToolchain(min);
    if (v === '') {
      return plus >= 0
        ? { error: `invalid GOTOOLCHAIN "${value}": invalid minimum toolchain "${min}"` }
        : { error: `invalid GOTOOLCHAIN "${value}"` };
    }
    minToolchain = min;
    minVers = v;
  }
  if (plus >= 0 && suffix !== 'auto' && suffix !== 'path') {
    return { error: `invalid GOTOOLCHAIN "${value}": only version suffixes are +auto and +path` };
  }
  return { min: minToolchain, minVers, mode: suffix };
}

/** Port of Select + Exec's choice: run locally, run a toolchain found in PATH, download one, or fail. */
export function selectToolchain(input: ToolchainInput): ToolchainDecision {
  if (compareGoVersions(input.localVersion, '1.21') < 0 || input.gotoolchain === '') return { kind: 'local' };
  const local = { version: input.localVersion, toolchain: `go${input.localVersion}` };
  const parsed = parseGotoolchain(input.gotoolchain, local);
  if ('error' in parsed) return { kind: 'error', message: parsed.error! };
  let chosen = parsed.min;
  let minVers = parsed.minVers;
  let why = `GOTOOLCHAIN=${input.gotoolchain}`;
  const f = input.file;
  if ((parsed.mode === 'auto' || parsed.mode === 'path') && f && f.toolchain !== 'default') {
    if (f.toolchain) {
      const tv = fromToolchain(f.toolchain);
      if (tv === '' || (!f.toolchain.startsWith('go') && !f.toolchain.includes('-go'))) {
        return { kind: 'error', message: `invalid toolchain "${f.toolchain}" in go.mod` };
      }
      if (compareGoVersions(tv, minVers) > 0)
        [chosen, minVers, why] = [f.toolchain, tv, `toolchain ${f.toolchain} line`];
    }
    if (f.go && compareGoVersions(f.go, minVers) > 0) {
      // Since Go 1.21 a language version names its first release: go 1.22 → go1.22.0 (golang.org/issue/62278).
      chosen = `go${f.go}${isGoLanguageVersion(f.go) && compareGoVersions(f.go, '1.21') >= 0 ? '.0' : ''}`;
      minVers = f.go;
      why = `go ${f.go} line`;
    }
  }
  if (chosen === 'local' || chosen === local.toolchain) return { kind: 'local' };
  if (!chosen.startsWith('go1') && !chosen.includes('-go1'))
    return { kind: 'error', message: `invalid GOTOOLCHAIN "${chosen}"` };
  if (input.inPath(chosen)) return { kind: 'path', toolchain: chosen };
  if (input.gotoolchain === 'path' || input.gotoolchain.endsWith('+path')) {
    return { kind: 'error', message: `cannot find "${chosen}" in PATH` };
  }
  const version = toolchainVersion(chosen, input.goos, input.goarch);
  return { kind: 'download', toolchain: chosen, module: TOOLCHAIN_MODULE, version, why };
}

/** switch.go HasAuto/HasPath: whether a dependency's newer go line may switch toolchains (Switcher.NeedSwitch). */
export function mayAutoSwitch(gotoolchain: string): boolean {
  return ['auto', 'path'].includes(gotoolchain) || /\+(auto|path)$/.test(gotoolchain);
}
