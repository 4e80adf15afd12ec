// A small, tolerant reader of go.mod: module, go, toolchain, require and replace directives.
// Enough for doctor (canary module, toolchain, replace dirs) and init (pattern suggestions); not a full modfile port.

/** One `require` line. */
export interface GoModRequire {
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

/** The parts of go.mod that gomodctl uses. */
export interface GoMod {
  module: string | null;
  go: string | null;
  toolchain: string | null;
  require: GoModRequire[];
  replace: GoModReplace[];
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

function addDirective(mod: GoMod, verb: string, args: string[], comment: string): void {
  if (verb === 'module' && args[0]) mod.module = args[0];
  else if (verb === 'go' && args[0]) mod.go = args[0];
  else if (verb === 'toolchain' && args[0]) mod.toolchain = args[0];
  else if (verb === 'require' && args.length >= 2) {
    mod.require.push({ path: args[0]!, version: args[1]!, indirect: /\bindirect\b/.test(comment) });
  } else if (verb === 'replace') {
    const arrow = args.indexOf('=>');
    if (arrow < 1 || arrow + 1 >= args.length) return;
    const [oldPath, oldVersion] = args.slice(0, arrow);
    const [newPath, newVersion] = args.slice(arrow + 1);
    const local = isLocalReplacePath(newPath!);
    mod.replace.push({
      oldPath: oldPath!,
      ...(oldVersion ? { oldVersion } : {}),
      newPath: newPath!,
      ...(newVersion && !local ? { newVersion } : {}),
      isLocal: local,
    });
  }
}

/** Parses go.mod text; unknown or malformed lines are ignored, never thrown on. */
export function parseGoMod(text: string): GoMod {
  const mod: GoMod = { module: null, go: null, toolchain: null, require: [], replace: [] };
  let block: string | null = null;
  for (const raw of text.split(/\r?\n/)) {
    const cut = raw.indexOf('//');
    const code = (cut >= 0 ? raw.slice(0, cut) : raw).trim();
    const comment = cut >= 0 ? raw.slice(cut + 2) : '';
    if (block) {
      if (code === ')') block = null;
      else if (code) addDirective(mod, block, tokens(code), comment);
      continue;
    }
    const toks = tokens(code);
    if (toks.length === 0) continue;
    if (toks[1] === '(' && toks.length === 2) block = toks[0]!;
    else addDirective(mod, toks[0]!, toks.slice(1), comment);
  }
  return mod;
}
