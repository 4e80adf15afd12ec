// The config model's types: every module-download variable with its effective value and where it came from.

/** Where a Go configuration variable's effective value came from (cfg.go Getenv). */
export type ConfigSource = 'env' | 'goenv' | 'goroot' | 'default';

/** One Go configuration variable in the config model. */
export interface ConfigVar {
  name: string;
  /** Effective value as `go` would see it (not redacted; redact at the edge). */
  value: string;
  source: ConfigSource;
  /** Value in the GOENV file, when the process environment shadows it (non-empty env wins). */
  shadowedGoenvValue?: string;
  /** Value Go would use with neither env nor GOENV file (go.env or compiled default). */
  defaultValue: string;
  /** True when the variable is present in the GOENV file (even when shadowed). */
  inGoenvFile: boolean;
  /** What gomodctl's precedence rules computed, kept only when `go env -json` reported a different value. */
  computed?: string;
}

/** The whole configuration as Go sees it. */
export interface ConfigModel {
  /** Go version string like "go1.26.8", or null when Go was not found. */
  goVersion: string | null;
  /** Path of the GOENV file, or "off"/null. */
  goenvPath: string | null;
  vars: Record<string, ConfigVar>;
}
