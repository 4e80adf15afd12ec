// Redaction for GOPROXY-style lists, where several URLs share one string.
import { redactSecrets } from '../redact.js';

/** Redacts passwords in every URL of a text, splitting lists on , | and whitespace first (`u:secret@` → `u:xxxxx@`). */
export function redactList(text: string): string {
  // core redactSecrets reads "a.com,https:" as one authority and would miss the next URL's password.
  return text
    .split(/([,|\s])/)
    .map((part) => redactSecrets(part))
    .join('');
}
