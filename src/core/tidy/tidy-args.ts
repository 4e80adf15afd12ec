// The arguments of the `go mod tidy` that gomodctl runs: -v always, -x where the Go version has it.
import { goAtLeast } from '../go-version.js';

/** `go mod tidy -v`, plus `-x` where the Go version accepts it (Go 1.21+: cmd/go/internal/modcmd/tidy.go). */
export function tidyArgs(goVersion: string, extra: string[], goflags = ''): { args: string[]; addedX: boolean } {
  const userX = extra.includes('-x') || /(^|\s)-x(=true)?(\s|$)/.test(goflags); // the user wants the trace shown
  const addedX = goAtLeast(goVersion, '1.21') && !userX;
  return { args: ['mod', 'tidy', '-v', ...(addedX ? ['-x'] : []), ...extra], addedX };
}
