// go.work: `go`, `toolchain`, `use` and `replace` directives (x/mod/modfile/work.go ParseWork), read tolerantly.
import { forEachDirective, parseReplace, type GoModReplace } from '../gomod.js';

/** The parts of go.work that decide the workspace's modules and replacements. */
interface GoWork {
  go: string | null;
  toolchain: string | null;
  /** Module directories, as written (relative to the go.work directory or absolute). */
  use: string[];
  replace: GoModReplace[];
}

/** Parses go.work text; unknown or malformed lines are ignored. */
export function parseGoWork(text: string): GoWork {
  const work: GoWork = { go: null, toolchain: null, use: [], replace: [] };
  forEachDirective(text, (verb, args) => {
    if (verb === 'go' && args[0]) work.go = args[0];
    else if (verb === 'toolchain' && args[0]) work.toolchain = args[0];
    else if (verb === 'use' && args[0]) work.use.push(args[0]);
    else if (verb === 'replace') {
      const r = parseReplace(args);
      if (r) work.replace.push(r);
    }
  });
  return work;
}
