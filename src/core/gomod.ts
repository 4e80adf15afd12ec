// A small, tolerant reader of go.mod: module, go, toolchain, require, exclude and replace directives.
// Enough for doctor (canary module, toolchain, replace dirs), init (pattern suggestions) and the needs walk
// (the lax parse Go applies to dependencies' go.mod files: unknown directives are ignored, modfile.ParseLax).

/** One `require` line. */
interface GoModRequire {
  path: string;
  version: string;
  indirect: boolean;
}

/** One `replace` line; `newVersion` is absent for a local directory replacement. */
export interface GoModReplace {
  oldPath: string;
  oldVersion?: string;
  newPath: string;
  newVersion?: string;
  /** True when the replacement is a file path (starts with ./ ../ / or a drive letter): go.mod reference. */
  isLocal: boolean;
}

/** One `exclude` line. */
interface GoModExclude {
  path: string;
  version: string;
}

/** The parts of go.mod that gomodctl uses. */
export interface GoMod {
  module: string | null;
  go: string | null;
  toolchain: string | null;
  require: GoModRequire[];
  replace: GoModReplace[];
  exclude?: GoModExclude[];
  /** `tool` directives (Go 1.24+): packages that are part of "all". */
  tool?: string[];
  /** `ignore` directives (Go 1.25+): directories ./... and "all" skip. */
  ignore?: string[];
}

function unquote(tok: string): string {
  if (tok.startsWith('"') && tok.endsWith('"') && tok.length >= 2) {
    try {
      return JSON.parse(tok) as string;
    } catch {
      return tok.slice(1, -1);
    }
  }
  if (tok.startsWith('`') && tok.endsWith('`') && tok.length >= 2) return tok.slice(1, -1);
  return tok;
}

function tokens(line: string): string[] {
  return (line.match(/"(?:[^"\\]|\\.)*"|`[^`]*`|\S+/g) ?? []).map(unquote);
}

/** Local replacement targets begin with ./ ../ / or a Windows drive (go.mod reference, "replace directive"). */
export function isLocalReplacePath(p: string): boolean {
  return /^(\.\.?([/\\]|$)|[/\\]|[A-Za-z]:[/\\])/.test(p);
}

/** Parses one `replace` line's arguments (`old [v] => new [v]`), or null when malformed. */
export function parseReplace(args: string[]): GoModReplace | null {
  const arrow = args.indexOf('=>');
  if (arrow < 1 || arrow + 1 >= args.length) return null;
  const [oldPath, oldVersion] = args.slice(0, arrow);
  const [newPath, newVersion] = args.slice(arrow + 1);
  const local = isLocalReplacePath(newPath!);
  return {
    oldPath: oldPath!,
    ...(oldVersion ? { oldVersion } : {}),
    newPath: newPath!,
    ...(newVersion && !local ? { newVersion } : {}),
    isLocal: local,
  };
}

function addDirective(mod: GoMod, verb: string, args: string[], comment: string): void {
  if (verb === 'module' && args[0]) mod.module = args[0];
  else if (verb === 'go' && args[0]) mod.go = args[0];
  else if (verb === 'toolchain' && args[0]) mod.toolchain = args[0];
  else if (verb === 'require' && args.length >= 2) {
    mod.require.push({ path: args[0]!, version: args[1]!, indirect: /\bindirect\b/.test(comment) });
  } else if ((verb === 'tool' || verb === 'ignore') && args[0]) {
    (mod[verb] ??= []).push(args[0]);
  } else if (verb === 'exclude' && args.length >= 2) {
    mod.exclude!.push({ path: args[0]!, version: args[1]! });
  } else if (verb === 'replace') {
    const r = parseReplace(args);
    if (r) mod.replace.push(r);
  }
}

/** Calls fn for each directive line of go.mod / go.work syntax (block lines get the block's verb). */
export function forEachDirective(text: string, fn: (verb: string, args: string[], comment: string) => void): void {
  let block: string | null = null;
  for (const raw of text.split(/\r?\n/)) {
    const cut = raw.indexOf('//');
    const code = (cut >= 0 ? raw.slice(0, cut) : raw).trim();
    const comment = cut >= 0 ? raw.slice(cut + 2) : '';
    if (block) {
      if (code === ')') block = null;
      else if (code) fn(block, tokens(code), comment);
      continue;
    }
    const toks = tokens(code);
    if (toks.length === 0) continue;
    if (toks[1] === '(' && toks.length === 2) block = toks[0]!;
    else fn(toks[0]!, toks.slice(1), comment);
  }
}

/** Parses go.mod text; unknown or malformed lines are ignored, never thrown on. */
export function parseGoMod(text: string): GoMod {
  const mod: GoMod = { module: null, go: null, toolchain: null, require: [], replace: [], exclude: [] };
  forEachDirective(text, (verb, args, comment) => addDirective(mod, verb, args, comment));
  return mod;
}
