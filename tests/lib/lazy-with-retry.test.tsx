import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Suspense, type ComponentType } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { PartBoundary } from '@/components/error-boundary';
import { CODE_DOWNLOAD_FAILED, lazyWithRetry } from '@/lib/lazy-with-retry';

function Hello() {
  return <p>hello</p>;
}

function renderPart(Part: ComponentType) {
  return render(
    <PartBoundary what="The part could not be loaded.">
      <Suspense fallback={<p>loading</p>}>
        <Part />
      </Suspense>
    </PartBoundary>,
  );
}

describe('parts of the app downloaded on demand', () => {
  it('say when their code could not be downloaded, and download it afresh on Try again', async () => {
    let online = false;
    let attempts = 0;
    const Part = lazyWithRetry(async () => {
      attempts++;
      if (!online) throw new TypeError('Failed to fetch dynamically imported module: /assets/part.js');
      return { default: Hello };
    });
    const user = userEvent.setup();
    renderPart(Part);
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The part could not be loaded. Part of the app could not be downloaded. Check your connection, then try again.',
    );
    const failedAttempts = attempts;
    expect(failedAttempts).toBeLessThanOrEqual(2); // no endless retrying while the error shows

    online = true;
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('hello')).toBeInTheDocument();
    expect(attempts).toBe(failedAttempts + 1);
  });
});

describe('parts that could not be downloaded offline', () => {
  it('are not asked for while offline, and are downloaded by themselves when the browser is back online', async () => {
    const onLine = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    let attempts = 0;
    const Part = lazyWithRetry(async () => {
      attempts++;
      return { default: Hello };
    });
    renderPart(Part);
    expect(await screen.findByRole('alert')).toHaveTextContent(CODE_DOWNLOAD_FAILED);
    expect(attempts).toBe(0);

    onLine.mockReturnValue(true);
    act(() => void window.dispatchEvent(new Event('online')));
    expect(await screen.findByText('hello')).toBeInTheDocument();
    expect(attempts).toBe(1);
  });
});

describe('parts downloaded ahead of time', () => {
  it('render while offline once preloaded, without asking for their code again', async () => {
    let attempts = 0;
    const Part = lazyWithRetry(async () => {
      attempts++;
      return { default: Hello };
    });
    await Part.preload();
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    renderPart(Part);
    expect(await screen.findByText('hello')).toBeInTheDocument();
    expect(attempts).toBe(1);
  });
});
