// strings.Fields with Go's notion of white space (unicode.IsSpace); JS \s differs (it includes U+FEFF, lacks U+0085).

const GO_SPACE = /[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/u;

/** strings.Fields: the non-empty runs between Go white space. */
export function goFields(s: string): string[] {
  return s.split(GO_SPACE).filter((f) => f !== '');
}
