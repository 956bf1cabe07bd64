// Long work in slices: other work runs between the slices, a stopped run closes its generator (files are closed),
// and the data folder read in slices is the same as read at once.
import { describe, expect, it } from 'vitest';
import { loadNewsData, loadNewsDataInSlices } from '@/backend/embedded/news-data';
import { runInSlices, SlicedWorkStopped } from '@/backend/embedded/time-slices';
import { generatedDataDir } from '../../helpers/generated-data';

/** Steps of about 1 ms each, noting whether the generator was closed. */
function* busySteps(count: number, closed: { value: boolean }): Generator<number, string, void> {
  try {
    for (let i = 0; i < count; i++) {
      const until = performance.now() + 1;
      while (performance.now() < until);
      yield i;
    }
    return 'done';
  } finally {
    closed.value = true;
  }
}

describe('runInSlices', () => {
  it('lets other work run between slices and returns the result', async () => {
    let otherWork = 0;
    const interval = setInterval(() => otherWork++, 0);
    const pauses: number[] = [];
    const result = await runInSlices(busySteps(100, { value: false }), { onPause: (i) => pauses.push(i) });
    clearInterval(interval);
    expect(result).toBe('done');
    expect(pauses.length).toBeGreaterThan(3); // about 100 ms of work in slices of about 12 ms
    expect(otherWork).toBeGreaterThan(0);
  });

  it('stops when asked, closing the generator', async () => {
    const closed = { value: false };
    let pauses = 0;
    const run = runInSlices(busySteps(1000, closed), { onPause: () => pauses++, stopped: () => pauses >= 2 });
    await expect(run).rejects.toBeInstanceOf(SlicedWorkStopped);
    expect(closed.value).toBe(true);
    expect(pauses).toBe(2);
  });
});

describe('loadNewsDataInSlices', () => {
  it('reads the same data as loadNewsData', async () => {
    const dir = generatedDataDir(300);
    const [atOnce, sliced] = [loadNewsData(dir), await loadNewsDataInSlices(dir, () => false)];
    expect(sliced.dataKey).toBe(atOnce.dataKey);
    expect(sliced.store.summaries).toEqual(atOnce.store.summaries);
    expect(sliced.store.article(7)).toEqual(atOnce.store.article(7));
    expect(sliced.topics).toEqual(atOnce.topics);
  });
});
