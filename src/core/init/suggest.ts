// Private-module pattern suggestions for the wizard: existing GOPRIVATE, git remotes, go.mod requirements.
import { modulePathHost } from '../hosts.js';
import { matchPrefixPatterns } from '../patterns.js';
import { isInternalLookingHost, isPublicModulePath, SHARED_MODULE_HOSTS } from '../public-hosts.js';
import type { Message } from '../i18n/message.js';
import { initMsg } from '../i18n/messages/init.js';

/** Where a suggested pattern came from. */
type SuggestionSource = 'goprivate' | 'git-remote' | 'go.mod';

/**
 * A GOPRIVATE pattern offered to the user, with the requirements it matches (core/patterns.ts, Go's
 * MatchPrefixPatterns).
 */
interface PatternSuggestion {
  pattern: string;
  source: SuggestionSource;
  /** Why it is suggested, one line. */
  reason: Message;
  /** go.mod requirements the pattern matches. */
  matches: string[];
}

/** Extracts host and path from a git remote URL (https, ssh://, scp-like git@host:path); null for local paths. */
export function parseGitRemote(url: string): { host: string; path: string } | null {
  const u = url.trim();
  let m = /^[a-z+]+:\/\/(?:[^@/]*@)?([^/:]+)(?::\d+)?\/(.*)$/i.exec(u);
  if (!m) m = /^(?:[^@/:]+@)?([^/:]+):(?!\/)(.*)$/.exec(u);
  if (!m?.[1] || m[1].length < 2) return null;
  const path = m[2]!.replace(/\.git\/?$/, '').replace(/^\/+|\/+$/g, '');
  return { host: m[1].toLowerCase(), path };
}

/** The pattern that covers a remote: host/owner on shared hosts, else the whole host. */
export function patternForRemote(url: string): string | null {
  const r = parseGitRemote(url);
  if (!r) return null;
  if (!SHARED_MODULE_HOSTS.includes(r.host)) return r.host;
  const owner = r.path.split('/')[0];
  return owner ? `${r.host}/${owner}` : null;
}

/** Requirements hosted on an internal-looking host (go.mod source), grouped by host. */
function internalHosts(requirements: string[]): string[] {
  const hosts = new Set<string>();
  for (const r of requirements) {
    const h = modulePathHost(r);
    if (h && !SHARED_MODULE_HOSTS.includes(h) && !isPublicModulePath(r) && isInternalLookingHost(h)) hosts.add(h);
  }
  return [...hosts];
}

/** Suggests GOPRIVATE patterns, deduplicated, existing ones first; each lists the requirements it matches. */
export function suggestPrivatePatterns(p: {
  requirements: string[];
  remotes: string[];
  existingGoprivate: string;
}): PatternSuggestion[] {
  const out: PatternSuggestion[] = [];
  const add = (pattern: string, source: SuggestionSource, reason: Message) => {
    if (!pattern || out.some((s) => s.pattern === pattern)) return;
    out.push({ pattern, source, reason, matches: matchingRequirements(pattern, p.requirements) });
  };
  for (const g of p.existingGoprivate.split(',')) add(g.trim(), 'goprivate', initMsg('suggest.goprivate'));
  for (const url of p.remotes) {
    const pat = patternForRemote(url);
    if (pat) add(pat, 'git-remote', initMsg('suggest.remote', { url: url.replace(/\/\/[^@/]*@/, '//') }));
  }
  for (const h of internalHosts(p.requirements)) add(h, 'go.mod', initMsg('suggest.gomod'));
  return out;
}

/**
 * Which requirements a comma-separated pattern list matches, with Go's own prefix-glob rule
 * (module.MatchPrefixPatterns).
 */
export function matchingRequirements(patterns: string, requirements: string[]): string[] {
  return requirements.filter((r) => matchPrefixPatterns(patterns, r));
}
