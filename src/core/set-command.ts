// The command that really changes a Go setting: `go env -w` has no effect on a variable the OS environment sets
// (go-semantics.md §5.4), so for those the fix is an `export` where the environment defines it.
import type { ConfigModel } from './types.js';
import { goEnvWriteCommand, shellQuote } from './shell-quote.js';

/** `go env -w NAME=VALUE   # note`, or — when the OS environment sets NAME — `export NAME=VALUE   # note; …`. */
export function setCommand(name: string, value: string, fromEnv: boolean, note?: string): string {
  if (fromEnv) {
    const where = `${name} comes from your environment: change it where your shell profile or CI sets it`;
    return `export ${name}=${shellQuote(value)}   # ${note ? `${note}; ` : ''}${where}`;
  }
  return goEnvWriteCommand([[name, value]]) + (note ? `   # ${note}` : '');
}

/** setCommand for a variable of the config model. */
export function setVarCommand(model: ConfigModel | null, name: string, value: string, note?: string): string {
  return setCommand(name, value, model?.vars[name]?.source === 'env', note);
}

/** `go env -u NAME`, or `unset NAME` when the environment sets it. */
export function unsetVarCommand(model: ConfigModel | null, name: string): string {
  return model?.vars[name]?.source === 'env'
    ? `unset ${name}   # and remove it from your shell profile or CI settings`
    : `go env -u ${name}`;
}
