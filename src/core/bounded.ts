// Waiting with a bound: what a promise gives within a time, never longer, never a rejection (a probe or a helper that
// fails or overruns must not hang or end a run).

/** Resolves to what `p` resolves to, or null if it failed or did not settle within `ms` (the timer keeps no one alive). */
export function bounded<T>(p: Promise<T>, ms: number): Promise<T | null> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), ms);
    timer.unref();
  });
  return Promise.race([p.catch(() => null), limit]).finally(() => clearTimeout(timer));
}
