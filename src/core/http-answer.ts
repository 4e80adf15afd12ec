// Judging the final HTTP answer of a probe as Go reports it: the status with the server's own reason phrase, the
// server's words (web/api.go: "server response:" for text/plain bodies) and a gateway page's title (HTML answers).
import { gatewayWords, recogniseGatewayPage } from './gateway-page.js';
import type { Text } from './i18n/message.js';
import { commonMsg } from './i18n/messages/common.js';
import { classifyStatus, type ProbeFailure } from './probe-cause.js';
import { formatErrorDetail, goKeepsErrorDetail, serverResponseClause } from './server-response.js';
import { realmOf } from './connect-answer.js';
import type { GatewayPage } from './probe-types.js';

/** The parts of an HTTP answer the verdict needs. */
interface HttpAnswer {
  status: number;
  /** Reason phrase as sent ("" or undefined when none). */
  statusText?: string;
  contentType?: string;
  /** What was read of the body (a prefix when `bodyTruncated`). */
  body?: Uint8Array;
  bodyTruncated?: boolean;
  /** Proxy-Authenticate values (a 407 from an HTTP proxy forwarding an http:// request). */
  challenges?: string[];
}

/** The server's words in an answer: Go's error detail for text/plain, or the gateway page for HTML. */
interface AnswerWords {
  serverResponse?: string;
  gateway?: GatewayPage;
}

/** Extracts the server's words as Go would print them, and recognises a gateway page. */
export function answerWords(a: HttpAnswer): AnswerWords {
  if (!a.body || a.body.length === 0) return {};
  if (goKeepsErrorDetail(a.status, a.contentType)) {
    const detail = formatErrorDetail(a.body, a.bodyTruncated);
    return detail ? { serverResponse: detail } : {};
  }
  const page = recogniseGatewayPage(a.contentType, new TextDecoder().decode(a.body));
  return page ? { gateway: page } : {};
}

/**
 * Classifies a final answer (null below 400): the status with the server's reason phrase, its words, and the hop —
 * a 407 relayed for an http:// URL comes from the HTTP proxy itself (`via`), everything else from the target.
 */
export function classifyAnswer(a: HttpAnswer, url: string, via?: string): ProbeFailure | null {
  const f = classifyStatus(a.status, url, a.statusText);
  if (!f) return null;
  const words = answerWords(a);
  // Go's own "; server response: …" stays verbatim; a gateway page is named in the user's language.
  const said: Text = words.serverResponse
    ? serverResponseClause(words.serverResponse)
    : words.gateway
      ? commonMsg('answer.withPage', { page: gatewayWords(words.gateway) })
      : '';
  const message = said === '' ? f.message : commonMsg('answer.withWords', { status: f.message, said });
  if (a.status === 407 && via) {
    const realm = realmOf(a.challenges ?? []);
    const asks = realm !== undefined ? commonMsg('connect.realm', { realm }) : '';
    const reason = a.statusText || 'Proxy Authentication Required';
    return {
      ...f,
      message: commonMsg('answer.forwardAuth', { proxy: via, realm: asks, url, reason, said }),
      hop: 'proxy',
      peer: via,
      proxy: { url: via, action: 'auth-required', status: 407, ...(realm !== undefined ? { realm } : {}) },
    };
  }
  return { ...f, message, hop: 'target' };
}
