// Past measurements, kept in the app's data folder (network-runs.json, atomic writes) so the
// learner can compare today's run with one at exam hour. The newest 30 are kept.
import path from 'node:path';
import { z } from 'zod';
import { NetworkRunSchema, type NetworkRun } from '../../shared/network/result';
import { JsonStore } from '../storage/json-store';

export const MAX_RUNS = 30;
const HistorySchema = z.object({ runs: z.array(NetworkRunSchema) });

export function networkHistory(dataDir: string) {
  const store = new JsonStore(path.join(dataDir, 'network-runs.json'), HistorySchema, () => ({ runs: [] }));
  // one write at a time: two quick runs must not lose one another
  let queue: Promise<unknown> = Promise.resolve();
  return {
    async list(profileId?: string): Promise<NetworkRun[]> {
      await queue;
      const { value } = await store.load();
      return profileId ? value.runs.filter((r) => r.profileId === profileId) : value.runs;
    },
    add(run: NetworkRun): Promise<void> {
      const next = queue.then(async () => {
        const { value } = await store.load();
        await store.save({ runs: [...value.runs, run].slice(-MAX_RUNS) });
      });
      queue = next.catch(() => undefined);
      return next;
    },
  };
}
