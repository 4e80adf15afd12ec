// Recognising the pages gateways, captive portals and single-sign-on fronts put where a Go proxy answer belongs:
// an HTML document (by Content-Type or by its first bytes), a login form in it, and its <title> to name it by.
import type { Message } from './i18n/message.js';
import { commonMsg } from './i18n/messages/common.js';
import type { GatewayPage } from './probe-types.js';

const HTML_TYPES = /^\s*(text\/html|application\/xhtml\+xml)\s*(;|$)/i;

/** Whether the answer is an HTML page: its Content-Type says so, or the body starts like one. */
export function isHtmlAnswer(contentType: string | undefined, body: string): boolean {
  if (HTML_TYPES.test(contentType ?? '')) return true;
  const head = body.trimStart().slice(0, 512).toLowerCase();
  return head.startsWith('<!doctype html') || head.startsWith('<html') || /^<\?xml[^>]*>\s*<html/.test(head);
}

/** The page an HTML answer shows (login form or not, and its title); null when the answer is not HTML. */
export function recogniseGatewayPage(contentType: string | undefined, body: string): GatewayPage | null {
  if (!isHtmlAnswer(contentType, body)) return null;
  const page: GatewayPage = { kind: isLoginForm(body) ? 'login-form' : 'html' };
  const title = htmlTitle(body);
  if (title) page.title = title;
  return page;
}

/** A form asking for a password, or a page whose title says to sign in. */
function isLoginForm(body: string): boolean {
  const lower = body.toLowerCase();
  if (/<input\b[^>]*\btype\s*=\s*["']?password\b/.test(lower)) return true;
  if (/<form\b[^>]*\baction\s*=\s*["'][^"']*(login|logon|signin|sign-in|sso|auth)/.test(lower)) return true;
  return /\b(sign[ -]?in|log[ -]?in|logon|authenticate)\b/.test(htmlTitle(body)?.toLowerCase() ?? '');
}

/** The page's <title>, entities decoded and spaces collapsed, at most 120 characters. */
export function htmlTitle(body: string): string | undefined {
  const m = /<title\b[^>]*>([\s\S]*?)<\/title\s*>/i.exec(body.slice(0, 64 * 1024));
  if (!m) return undefined;
  const text = decodeEntities(m[1]!.replace(/<[^>]*>/g, ''))
    .replace(/\s+/g, ' ')
    .trim();
  return text === '' ? undefined : text.slice(0, 120);
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (all, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1));
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : all;
    }
    return NAMED[e.toLowerCase()] ?? all;
  });
}

/** Words for a recognised page: 'a login page "Corp SSO"', 'an HTML page "Access denied"', 'an HTML page'. */
export function gatewayWords(page: GatewayPage): Message {
  const login = page.kind === 'login-form';
  if (page.title) return commonMsg(login ? 'page.loginTitled' : 'page.htmlTitled', { title: page.title });
  return commonMsg(login ? 'page.login' : 'page.html');
}
