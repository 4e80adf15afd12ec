// Which toolchain a go.mod asks for, and the module version Go downloads for it (cmd/go/internal/toolchain/select.go
// Select; docs/go-rules.md#toolchain-switching).
import type { GoMod } from './gomod.js';
import { compareGoVersions, isGoLanguageVersion } from './go-version.js';

/** "go1.22.3" for `toolchain go1.22.3` or `go 1.22.3`; a language-only `go 1.22` means go1.22.0 (≥1.21). */
export function requiredToolchain(mod: GoMod): string | null {
  const fromGo = mod.go ? goLineToolchain(mod.go) : null;
  const fromToolchain = mod.toolchain && mod.toolchain !== 'default' ? mod.toolchain : null;
  if (fromGo && fromToolchain) return compareGoVersions(fromToolchain, fromGo) > 0 ? fromToolchain : fromGo;
  return fromToolchain ?? fromGo;
}

/** toolchain/select.go Select: from Go 1.21 a language version `go 1.22` names the release go1.22.0. */
function goLineToolchain(v: string): string {
  return isGoLanguageVersion(v) && compareGoVersions(v, '1.21') >= 0 ? `go${v}.0` : `go${v}`;
}

/** Go's GOOS/GOARCH for Node's platform/arch. */
export function goosGoarch(platform: string, arch: string): { goos: string; goarch: string } {
  const goos = platform === 'win32' ? 'windows' : platform;
  const goarch =
    (
      {
        x64: 'amd64',
        ia32: '386',
        arm: 'arm',
        arm64: 'arm64',
        ppc64: 'ppc64le',
        s390x: 's390x',
        riscv64: 'riscv64',
        loong64: 'loong64',
      } as Record<string, string>
    )[arch] ?? arch;
  return { goos, goarch };
}

/** `v0.0.1-go1.22.3.linux-amd64`: the golang.org/toolchain version for a toolchain name. */
export function toolchainModuleVersion(toolchain: string, goos: string, goarch: string): string {
  return `v0.0.1-${toolchain}.${goos}-${goarch}`;
}
