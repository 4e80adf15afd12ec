import { describe, expect, it } from 'vitest';
import { parseGitRemote, patternForRemote, suggestPrivatePatterns } from '../../../src/core/init/suggest.js';

describe('git remotes', () => {
  it.each([
    ['git@github.com:acme/tool.git', 'github.com', 'acme/tool', 'github.com/acme'],
    ['https://github.com/acme/tool', 'github.com', 'acme/tool', 'github.com/acme'],
    ['ssh://git@git.corp.example.com:2222/team/repo.git', 'git.corp.example.com', 'team/repo', 'git.corp.example.com'],
    ['https://user:tok@gitlab.internal/team/repo.git', 'gitlab.internal', 'team/repo', 'gitlab.internal'],
  ])('%s', (url, host, path, pattern) => {
    expect(parseGitRemote(url)).toEqual({ host, path });
    expect(patternForRemote(url)).toBe(pattern);
  });

  it('ignores local paths', () => {
    expect(parseGitRemote('/srv/git/repo.git')).toBeNull();
    expect(parseGitRemote('../other')).toBeNull();
  });
});

describe('suggestPrivatePatterns', () => {
  it('combines GOPRIVATE, remotes and internal hosts from go.mod, with live matches', () => {
    const s = suggestPrivatePatterns({
      existingGoprivate: 'old.example.com',
      remotes: ['git@github.com:acme/app.git', 'https://tok@github.com/acme/app'],
      requirements: [
        'github.com/acme/lib',
        'github.com/other/x',
        'git.corp/infra/log',
        'golang.org/x/text',
        'old.example.com/a',
      ],
    });
    expect(s.map((x) => [x.pattern, x.source, x.matches])).toEqual([
      ['old.example.com', 'goprivate', ['old.example.com/a']],
      ['github.com/acme', 'git-remote', ['github.com/acme/lib']],
      ['git.corp', 'go.mod', ['git.corp/infra/log']],
    ]);
    expect(s[1]!.reason).not.toContain('tok');
  });
});
