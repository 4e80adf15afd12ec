// The one fix vocabulary: every fix doctor, tidy and init suggest is data — a variable to set or unset (and where),
// a command to run, or advice only a person can follow. report/fix-render.ts turns it into shell, PowerShell or CI
// text at the edge; the verdict engine marks the fixes it proved.
import { canGoEnvWrite } from '../known-vars.js';
import type { ConfigModel } from '../config-types.js';
import type { Text } from '../i18n/message.js';

/**
 * Where a variable must change: `goenv` = the GOENV file (`go env -w`); `env` = the OS environment, because it sets
 * the variable (a non-empty environment value wins over the GOENV file and `go env -w` only warns) or because `go env
 * -w` cannot hold it (HTTPS_PROXY, SSL_CERT_FILE, GODEBUG).
 */
type FixScope = 'goenv' | 'env';

/** What proved a fix works (a probe, a real `go mod download`); added by the verdict engine. */
interface Verifiable {
  verifiedBy?: string[];
}

/** One fix: change a setting, run a command, or do something only a person can (a comment). */
export type Fix =
  | (Verifiable & {
      kind: 'set';
      variable: string;
      /** The new value; absent when `valueFrom` copies another variable's value. */
      value?: string;
      /** Set to the value of this variable (e.g. HTTPS_PROXY from HTTP_PROXY), never printing the value itself. */
      valueFrom?: string;
      /** Add `value` to the comma-separated list the variable already holds (NO_PROXY) instead of replacing it. */
      append?: boolean;
      /** Why, or what to check first: a message (report/fix-render.ts renders it in the run's language). */
      note?: Text;
      scope: FixScope;
    })
  | (Verifiable & { kind: 'unset'; variable: string; note?: Text; scope: FixScope })
  | (Verifiable & { kind: 'command'; argv: string[]; note?: Text })
  | (Verifiable & {
      kind: 'comment';
      note: Text;
      /**
       * The variable the advice is about, when it describes an edit in words (e.g. a GOPROXY that holds a password).
       */
      variable?: string;
    });

/** Where a change to `variable` takes effect for this configuration. */
export function fixScope(model: ConfigModel | null, variable: string): FixScope {
  if (!canGoEnvWrite(variable)) return 'env';
  return model?.vars[variable]?.source === 'env' ? 'env' : 'goenv';
}

/** Sets `variable` where Go will see it: the GOENV file, or the OS environment when that is where it comes from. */
export function setFix(model: ConfigModel | null, variable: string, value: string, note?: Text): Fix {
  return { kind: 'set', variable, value, scope: fixScope(model, variable), ...(note ? { note } : {}) };
}

/** Sets an environment variable to the value of another one (`export HTTPS_PROXY="$HTTP_PROXY"`). */
export function copyVarFix(variable: string, from: string, note?: Text): Fix {
  return { kind: 'set', variable, valueFrom: from, scope: 'env', ...(note ? { note } : {}) };
}

/** Adds `item` to the list in an environment variable, keeping what is there (`NO_PROXY="$NO_PROXY,host"`). */
export function appendFix(variable: string, item: string, note?: Text): Fix {
  return { kind: 'set', variable, value: item, append: true, scope: 'env', ...(note ? { note } : {}) };
}

/** Unsets `variable` where it is set (`go env -u`, or the OS environment). */
export function unsetFix(model: ConfigModel | null, variable: string, note?: Text): Fix {
  return { kind: 'unset', variable, scope: fixScope(model, variable), ...(note ? { note } : {}) };
}

/** A command to run, one argument per element (quoted when rendered). */
export function commandFix(argv: string[], note?: Text): Fix {
  return { kind: 'command', argv, ...(note ? { note } : {}) };
}

/** Advice only a person can follow; `variable` names the setting it is about, if any. */
export function commentFix(note: Text, variable?: string): Fix {
  return { kind: 'comment', note, ...(variable ? { variable } : {}) };
}

/** The variable a fix changes or talks about, if any. */
export function fixVariable(fix: Fix): string | undefined {
  return fix.kind === 'command' ? undefined : fix.variable;
}
