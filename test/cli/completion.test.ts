// `gomodctl completion <shell>`: scripts generated from the program's own commands and options; bash's is loaded in a
// real bash and asked for completions as the shell would (COMP_WORDS/COMP_CWORD, then COMPREPLY); each script is
// checked for syntax by the shell itself where that shell is installed.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMPLETION_SHELLS } from '../../src/core/completion.js';
import { makeHermeticGo } from '../helpers/go-env.js';
import { runCli } from '../helpers/run-cli.js';

const scripts = new Map<string, string>();
const dir = mkdtempSync(join(tmpdir(), 'gomodctl-completion-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
// The scripts as the built CLI prints them (one run each): what a user sources.
beforeAll(async () => {
  const h = makeHermeticGo();
  try {
    for (const shell of COMPLETION_SHELLS) {
      const r = await runCli(['completion', shell], { env: h.env });
      expect(r.exitCode, r.stderr).toBe(0);
      scripts.set(shell, `${r.stdout}\n`);
    }
  } finally {
    h.cleanup();
  }
});

function has(shell: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${shell}`], { stdio: 'ignore', timeout: 2000 });
    return true;
  } catch {
    return false;
  }
}

function scriptFile(shell: (typeof COMPLETION_SHELLS)[number]): string {
  const file = join(dir, `gomodctl.${shell}`);
  writeFileSync(file, scripts.get(shell)!);
  return file;
}

/** What bash offers for the words typed so far (the last word is the one being completed). */
function bashComplete(file: string, words: string[]): string[] {
  const arr = words.map((w) => `'${w}'`).join(' ');
  const out = execFileSync(
    'bash',
    [
      '--norc',
      '--noprofile',
      '-c',
      `source '${file}'; COMP_WORDS=(${arr}); COMP_CWORD=${words.length - 1}; _gomodctl; printf '%s\\n' "\${COMPREPLY[@]}"`,
    ],
    { encoding: 'utf8', timeout: 2000 },
  );
  return out.split('\n').filter(Boolean);
}

describe('gomodctl completion', () => {
  it('every command of the program is offered, with its options', () => {
    const file = scriptFile('bash');
    expect(bashComplete(file, ['gomodctl', ''])).toEqual(
      expect.arrayContaining(['doctor', 'tidy', 'init', 'restore', 'env', 'route', 'check-proxy', 'completion']),
    );
    expect(bashComplete(file, ['gomodctl', 'init', '--'])).toEqual(expect.arrayContaining(['--preset', '--dry-run']));
  });

  it('bash completes commands, options and choice values in a real bash', () => {
    const file = scriptFile('bash');
    execFileSync('bash', ['-n', file], { timeout: 2000 });
    expect(bashComplete(file, ['gomodctl', 'do'])).toEqual(['doctor']);
    expect(bashComplete(file, ['gomodctl', 'c'])).toEqual(['check-proxy', 'completion']);
    expect(bashComplete(file, ['gomodctl', 'tidy', '--st'])).toEqual(['--stall', '--stall-kill']);
    expect(bashComplete(file, ['gomodctl', '--lang', ''])).toEqual(['en', 'zh']);
    expect(bashComplete(file, ['gomodctl', '--lang', 'zh', 'doctor', '--ti'])).toEqual(['--timeout']);
    expect(bashComplete(file, ['gomodctl', 'completion', 'z'])).toEqual(['zsh']);
    expect(bashComplete(file, ['gomodctl', 'doctor', '--timeout', ''])).toEqual([]);
    expect(execFileSync('bash', ['--norc', '-c', `source '${file}'; complete -p gomodctl`], { encoding: 'utf8' })).toBe(
      'complete -F _gomodctl gomodctl\n',
    );
  });

  it.skipIf(!has('zsh'))('zsh -n accepts the zsh script', () => {
    execFileSync('zsh', ['-n', scriptFile('zsh')], { timeout: 2000 });
  });

  it.skipIf(!has('fish'))('fish --no-execute accepts the fish script', () => {
    execFileSync('fish', ['--no-execute', scriptFile('fish')], { timeout: 2000 });
  });

  it.skipIf(!has('pwsh'))('PowerShell parses the PowerShell script', () => {
    const file = scriptFile('powershell');
    const check = `$e = $null; [System.Management.Automation.Language.Parser]::ParseFile('${file}', [ref]$null, [ref]$e) | Out-Null; if ($e.Count) { exit 1 }`;
    execFileSync('pwsh', ['-NoProfile', '-Command', check], { timeout: 10_000 });
  });

  it('an unknown shell exits 2 naming the value and the choices', async () => {
    const h = makeHermeticGo();
    try {
      const bad = await runCli(['completion', 'tcsh'], { env: h.env });
      expect(bad.exitCode).toBe(2);
      expect(bad.stderr).toMatch(
        /^gomodctl completion: command-argument value 'tcsh' is invalid .*bash, zsh, fish, powershell/,
      );
    } finally {
      h.cleanup();
    }
  });
});
