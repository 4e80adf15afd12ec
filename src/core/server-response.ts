// The server's own words, kept exactly as Go keeps them: for a non-200 answer with a text/plain body, cmd/go prints
// the first lines of the body after "server response:" (cmd/go/internal/web/http.go get, the errorDetail set-up;
// web/api.go Response.formatErrorDetail and HTTPError.Error). Same code in Go 1.19, 1.24, 1.26 and 1.27.

const MAX_LINES = 8; // web/api.go maxErrorDetailLines
const MAX_BYTES = MAX_LINES * 81; // maxErrorDetailBytes

/**
 * Whether Go collects the body of this answer as error detail: any status but 200, Content-Type text/plain (as
 * mime.ParseMediaType reads it: lower-cased, parameters after ";"), charset us-ascii, utf-8 or none.
 */
export function goKeepsErrorDetail(status: number, contentType: string | undefined): boolean {
  if (status === 200) return false;
  const [base, ...params] = (contentType ?? '').split(';');
  if ((base ?? '').trim().toLowerCase() !== 'text/plain') return false;
  const charset = charsetOf(params);
  return charset === '' || charset === 'us-ascii' || charset === 'utf-8';
}

// A malformed parameter list makes ParseMediaType return nil params: the charset is then "" (accepted).
function charsetOf(params: string[]): string {
  let charset = '';
  for (const p of params) {
    if (p.trim() === '') continue;
    const eq = p.indexOf('=');
    if (eq < 0) return '';
    const key = p.slice(0, eq).trim().toLowerCase();
    const value = p
      .slice(eq + 1)
      .trim()
      .replace(/^"(.*)"$/, '$1');
    if (key === 'charset') charset = value.toLowerCase();
  }
  return charset;
}

/**
 * Go's formatErrorDetail: the body's lines up to the first blank one, at most 8 lines and 648 bytes (then
 * "[Truncated: too many lines.]" / "[Truncated: too long.]"), joined by "\n\t". Empty when the body is not valid
 * UTF-8 or holds a character that is neither graphic nor space (Go refuses to print those to a terminal).
 * `truncated`: the body was cut by our read limit, so a character split at the end is not held against it.
 */
export function formatErrorDetail(body: Uint8Array, truncated = false): string {
  let s: string;
  try {
    s = new TextDecoder('utf-8', { fatal: true }).decode(truncated ? dropPartialChar(body) : body);
  } catch {
    return '';
  }
  if (!/^[\p{L}\p{M}\p{N}\p{P}\p{S}\p{Zs}\t\n\v\f\r\u0085\u2028\u2029]*$/u.test(s)) return '';
  let detail = '';
  const lines = s.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '') break;
    if (i > 0) detail += '\n\t';
    if (i >= MAX_LINES) {
      detail += '[Truncated: too many lines.]';
      break;
    }
    if (utf8Length(detail) + utf8Length(line) > MAX_BYTES) {
      detail += '[Truncated: too long.]';
      break;
    }
    detail += line;
  }
  return detail;
}

function utf8Length(s: string): number {
  return new TextEncoder().encode(s).length;
}

/** A prefix cut by our read limit may end inside a UTF-8 sequence; Go read the whole body, so drop that tail. */
function dropPartialChar(b: Uint8Array): Uint8Array {
  for (let back = 1; back <= Math.min(3, b.length); back++) {
    const byte = b[b.length - back]!;
    if ((byte & 0xc0) === 0x80) continue; // continuation byte: look further back for the lead byte
    const need = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return need > back ? b.subarray(0, b.length - back) : b;
  }
  return b;
}

/** The tail Go adds to its error for such an answer: " server response: <detail>" (HTTPError.Error, one line). */
export function serverResponseClause(detail: string): string {
  return detail === '' ? '' : `; server response: ${detail.replace(/\n\t/g, ' / ')}`;
}
