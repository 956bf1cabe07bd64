// Long work (reading the data files, building the search index) written as a generator of small steps, so a server
// can run it in short slices between requests and keep answering meanwhile, or run it at once where nothing waits.
import { setImmediate as nextTurn } from 'node:timers/promises';

/** The longest a slice holds the event loop: a request waits at most about this long. */
const SLICE_MS = 12;

/** What runInSlices throws when `stopped()` says the result is no longer wanted. */
export class SlicedWorkStopped extends Error {
  constructor() {
    super('stopped: the result is no longer wanted');
    this.name = 'SlicedWorkStopped';
  }
}

/** Runs every step at once. */
export function runToEnd<T>(steps: Generator<unknown, T, void>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * Runs the steps in slices of about SLICE_MS with other work (requests) between them; `onPause` sees the value of
 * the last step before each pause. When `stopped()` turns true the generator is closed (its `finally` blocks run,
 * so files are closed) and SlicedWorkStopped is thrown.
 */
export async function runInSlices<T, Y>(
  steps: Generator<Y, T, void>,
  { onPause, stopped }: { onPause?: (last: Y) => void; stopped?: () => boolean } = {},
): Promise<T> {
  for (;;) {
    const sliceStart = performance.now();
    let step = steps.next();
    while (!step.done && performance.now() - sliceStart < SLICE_MS) step = steps.next();
    if (step.done) return step.value;
    onPause?.(step.value);
    await nextTurn();
    if (stopped?.()) {
      steps.return(undefined as never);
      throw new SlicedWorkStopped();
    }
  }
}
