// Which files `go mod tidy` reads: build constraints evaluated with imports.AnyTags() — every tag except "ignore" is
// both true and false (cmd/go/internal/imports/build.go ShouldBuild, parseFileHeader, matchTag, eval), with the
// //go:build and // +build syntax of go/build/constraint.

type Expr = { tag: string } | { not: Expr } | { and: [Expr, Expr] } | { or: [Expr, Expr] };

/** build.go matchTag with tags = {"*": true}: invalid names never match, "ignore" is false, others are `prefer`. */
function matchTag(name: string, prefer: boolean): boolean {
  if (!/^[\p{L}\p{N}_.]*$/u.test(name)) return false;
  if (name !== '' && name !== 'ignore') return prefer;
  return false;
}

/** build.go eval: a negation flips what an unknown tag is preferred to be. */
function evalExpr(x: Expr, prefer: boolean): boolean {
  if ('tag' in x) return matchTag(x.tag, prefer);
  if ('not' in x) return !evalExpr(x.not, !prefer);
  if ('and' in x) return evalExpr(x.and[0], prefer) && evalExpr(x.and[1], prefer);
  return evalExpr(x.or[0], prefer) || evalExpr(x.or[1], prefer);
}

/** go/build/constraint parseExpr for the text after "//go:build"; null on a syntax error. */
function parseGoBuild(text: string): Expr | null {
  const toks = text.match(/\|\||&&|[!()]|[^\s!()&|]+|\S/g) ?? [];
  let i = 0;
  // A left-associative chain of `op`: x op y op z (constraint.go exprParser.or and .and).
  const chain = (op: '||' | '&&', next: () => Expr | null) => (): Expr | null => {
    let x = next();
    while (x && toks[i] === op) {
      i++;
      const y = next();
      x = y ? (op === '||' ? { or: [x, y] } : { and: [x, y] }) : null;
    }
    return x;
  };
  const and = chain('&&', () => not());
  const or = chain('||', and);
  const not = (): Expr | null => {
    const t = toks[i++];
    if (t === '!') {
      const x = not();
      return x ? { not: x } : null;
    }
    if (t === '(') {
      const x = or();
      return x && toks[i++] === ')' ? x : null;
    }
    return t !== undefined && /^[\p{L}\p{N}_.]+$/u.test(t) ? { tag: t } : null;
  };
  const x = or();
  return x && i === toks.length ? x : null;
}

/** go/build/constraint parsePlusBuildExpr: spaces are OR, commas AND; a malformed term is the tag "ignore". */
function plusBuildHolds(args: string): boolean {
  const options = args.split(/\s+/).filter(Boolean);
  if (options.length === 0) return matchTag('ignore', true);
  return options.some((opt) =>
    opt.split(',').every((lit) => {
      if (lit.startsWith('!!') || lit === '!') return matchTag('ignore', true);
      const neg = lit.startsWith('!');
      const tag = neg ? lit.slice(1) : lit;
      const valid = /^[\p{L}\p{N}_.]+$/u.test(tag);
      const x: Expr = { tag: valid ? tag : 'ignore' };
      return evalExpr(neg ? { not: x } : x, true);
    }),
  );
}

const isGoBuildLine = (line: string): boolean => /^\/\/go:build(\s|$)/.test(line);

/** build.go parseFileHeader: the leading comment block (up to its last blank line) and the //go:build line. */
function fileHeader(content: string): { plusBuildArea: string[]; goBuild: string | null; multiple: boolean } {
  const lines = content.split('\n');
  let end = 0;
  let goBuild: string | null = null;
  let multiple = false;
  let inSlashStar = false;
  let ended = false; // a non-// line was seen: later blank lines no longer end the +build area
  for (let n = 0; n < lines.length; n++) {
    let line = lines[n]!.trim();
    if (line === '' && !ended) {
      end = n;
      continue;
    }
    if (!line.startsWith('//')) ended = true;
    if (!inSlashStar && isGoBuildLine(line)) {
      if (goBuild !== null) multiple = true;
      goBuild = line;
    }
    let text = false;
    while (line.length > 0) {
      if (inSlashStar) {
        const j = line.indexOf('*/');
        if (j < 0) break; // the comment continues on the next line
        inSlashStar = false;
        line = line.slice(j + 2).trim();
      } else if (line.startsWith('//')) break;
      else if (line.startsWith('/*')) {
        inSlashStar = true;
        line = line.slice(2).trim();
      } else {
        text = true;
        break;
      }
    }
    if (text) break;
  }
  return { plusBuildArea: lines.slice(0, end), goBuild, multiple };
}

/** build.go ShouldBuild with AnyTags: false only when a constraint cannot hold (e.g. `//go:build ignore`). */
export function shouldBuildAnyTags(content: string): boolean {
  const h = fileHeader(content);
  if (h.multiple) return false;
  if (h.goBuild !== null) {
    const x = parseGoBuild(h.goBuild.slice('//go:build'.length));
    return x !== null && evalExpr(x, true);
  }
  for (const raw of h.plusBuildArea) {
    const m = /^\/\/\s*\+build(\s.*)?$/.exec(raw.trim());
    if (m && !plusBuildHolds(m[1] ?? '')) return false;
  }
  return true;
}
