// `gomodctl tidy` starts `go mod tidy` before the rest of gomodctl loads (cli/tidy-fast.ts): a warm tidy takes ~40 ms,
// and loading what watches and reports it took as long again, before go even started (bench 3). Go's lines wait here,
// each with the time it arrived, until runTidy takes them over (attach); a signal meanwhile kills go's process group.
// This module imports only what spawning needs.
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { tidyArgs } from '../core/tidy/tidy-args.js';
import { getGoBinary, goVersionFromFile } from '../go/go-install.js';
import { startTidyProcess, type TidyProcess } from '../go/tidy-process.js';

/** Signals that end gomodctl: SIGHUP (terminal closed, SSH dropped) and SIGQUIT too, or go would outlive us. */
export const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGQUIT'] as const;

/** A `go mod tidy` started before runTidy, with what it was started with (runTidy checks it ran what it would). */
export interface EarlyTidy {
  /** performance.now() when the command was entered: --timeout counts from here. */
  entered: number;
  /** performance.now() just before go was spawned: the time base of its lines. */
  startedAt: number;
  go: string;
  cwd: string;
  args: string[];
  addedX: boolean;
  /** The Go version its $GOROOT/VERSION names. */
  version: string;
  stdoutToStderr: boolean;
  env: NodeJS.ProcessEnv;
  proc: TidyProcess;
  /** Hands go's lines to `onLine`: first those kept so far (with the time each arrived), then each as it comes. */
  attach(onLine: (line: string, at: number) => void): void;
  /** True once a stop signal arrived before runTidy took over (go was killed then). */
  signalled(): boolean;
  /** Removes the early signal handlers (runTidy's own are in place). */
  releaseSignals(): void;
}

/** What the early start needs from the command line. */
interface EarlyOptions {
  /** --go as given (else $GOMODCTL_GO, else go on PATH). */
  go: string | undefined;
  dir: string;
  goArgs: string[];
  json: boolean;
  env: NodeJS.ProcessEnv;
  entered: number;
}

/**
 * Starts go when its version is known from its $GOROOT/VERSION; undefined when it is not (a wrapper script, a missing
 * go, a bad -C): runTidy then does everything itself, and says what is wrong.
 */
export async function startTidyEarly(o: EarlyOptions): Promise<EarlyTidy | undefined> {
  const go = getGoBinary(o.go, o.env);
  const version = goVersionFromFile(go, o.env);
  if (!version) return undefined;
  const cwd = resolve(o.dir);
  if (!statSync(cwd, { throwIfNoEntry: false })?.isDirectory()) return undefined; // runTidy says so (exit 2)
  const { args, addedX } = tidyArgs(version, o.goArgs, o.env.GOFLAGS);
  let kept: Array<{ line: string; at: number }> | null = [];
  let sink: ((line: string, at: number) => void) | undefined;
  let stopped = false;
  let proc: TidyProcess | undefined;
  const onSignal = (): void => {
    stopped = true;
    void proc?.killTree();
  };
  for (const s of STOP_SIGNALS) process.on(s, onSignal);
  const releaseSignals = (): void => {
    for (const s of STOP_SIGNALS) process.off(s, onSignal);
  };
  const startedAt = performance.now();
  try {
    proc = startTidyProcess({
      go,
      args,
      cwd,
      env: o.env,
      stdoutToStderr: o.json,
      onLine: (line) => {
        const at = performance.now();
        if (sink) sink(line, at);
        else kept?.push({ line, at });
      },
    });
  } catch {
    releaseSignals(); // spawn refused the arguments: runTidy tries again and says why
    return undefined;
  }
  return {
    entered: o.entered,
    startedAt,
    go,
    cwd,
    args,
    addedX,
    version,
    stdoutToStderr: o.json,
    env: o.env,
    proc,
    attach(onLine) {
      for (const k of kept ?? []) onLine(k.line, k.at);
      kept = null;
      sink = onLine;
    },
    signalled: () => stopped,
    releaseSignals,
  };
}

/** Kills an early go that will not be used and removes its signal handlers; always undefined. */
export async function dropEarly(e: EarlyTidy | undefined): Promise<undefined> {
  if (!e) return undefined;
  e.releaseSignals();
  await e.proc.killTree();
  return undefined;
}
