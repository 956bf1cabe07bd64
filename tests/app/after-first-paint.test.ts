// The app's code waits for the browser's first paint of the server's HTML (app/after-first-paint.ts, used by the
// page's start script, app/start-after-paint.ts).
import { describe, expect, it, vi } from 'vitest';
import { afterFirstPaint } from '@/app/after-first-paint';

describe('afterFirstPaint', () => {
  it('resolves in the task after the next frame, not before it', async () => {
    const frames: FrameRequestCallback[] = [];
    vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => frames.push(callback));
    let done = false;
    const waiting = afterFirstPaint().then(() => (done = true));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(done).toBe(false);
    frames.forEach((callback) => callback(0));
    await waiting;
    expect(done).toBe(true);
  });

  it('resolves at once in a hidden tab, which runs no frames', async () => {
    vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    const frame = vi.fn();
    vi.stubGlobal('requestAnimationFrame', frame);
    await afterFirstPaint();
    expect(frame).not.toHaveBeenCalled();
  });

  it('does not wait for a frame that never comes (a tab hidden after the page started)', async () => {
    vi.useFakeTimers();
    vi.stubGlobal('requestAnimationFrame', vi.fn());
    const waiting = afterFirstPaint();
    await vi.advanceTimersByTimeAsync(250);
    await expect(waiting).resolves.toBeUndefined();
    vi.useRealTimers();
  });
});
