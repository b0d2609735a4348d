// Past measurements, kept in the app's data folder (network-runs.json, atomic writes) so the
// learner can compare today's run with one at exam hour. The newest 30 are kept — and returned: the
// cap holds on read as well as on write, so a file another program (or an older app) filled with
// 1,000 runs sends 30 to the window, not 1,000. The file is read through the stores' guarded reader:
// a pipe there cannot hang the history (nor the settings queued behind it), a link to /dev/zero is
// not read, and a file over MAX_HISTORY_BYTES is moved aside unread.
import path from 'node:path';
import { z } from 'zod';
import { NetworkRunSchema, type NetworkRun } from '../../shared/network/result';
import { JsonStore } from '../storage/json-store';

export const MAX_RUNS = 30;
/** 30 runs take about 100 kB; 2 MB leaves room for runs with many services and long error texts */
export const MAX_HISTORY_BYTES = 2 * 1024 * 1024;
const HistorySchema = z.object({ runs: z.array(NetworkRunSchema) });

const newest = (runs: NetworkRun[]) => runs.slice(-MAX_RUNS);

export function networkHistory(dataDir: string) {
  const store = new JsonStore(path.join(dataDir, 'network-runs.json'), HistorySchema, () => ({ runs: [] }), MAX_HISTORY_BYTES);
  // one write at a time: two quick runs must not lose one another
  let queue: Promise<unknown> = Promise.resolve();
  return {
    async list(profileId?: string): Promise<NetworkRun[]> {
      await queue;
      const runs = newest((await store.load()).value.runs);
      return profileId ? runs.filter((r) => r.profileId === profileId) : runs;
    },
    add(run: NetworkRun): Promise<void> {
      const next = queue.then(async () => {
        const { value } = await store.load();
        let runs = newest([...value.runs, run]);
        // the oldest go first when the newest 30 would not fit under the cap (the store refuses to write more)
        while (runs.length > 1 && Buffer.byteLength(JSON.stringify({ runs }, null, 2)) + 1 > MAX_HISTORY_BYTES) runs = runs.slice(1);
        await store.save({ runs });
      });
      queue = next.catch(() => undefined);
      return next;
    },
  };
}
