// One read-modify-write at a time per file, for every store in this process: two handler sets on
// one data folder (the app's single-instance lock normally prevents it; the test harness and a
// second window would not) share these queues, so neither overwrites the other's acknowledged write.
// Across processes there is no such queue: see docs (README, "Where things are") for why none is needed.
import path from 'node:path';

const chains = new Map<string, Promise<unknown>>();

export function serialized<T>(file: string, fn: () => Promise<T>): Promise<T> {
  const key = path.resolve(file);
  const run = (chains.get(key) ?? Promise.resolve()).catch(() => undefined).then(fn);
  const tail = run.catch(() => undefined);
  chains.set(key, tail);
  void tail.then(() => {
    if (chains.get(key) === tail) chains.delete(key);
  });
  return run;
}
