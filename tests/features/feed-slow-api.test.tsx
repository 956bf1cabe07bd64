// The reader is not left with skeletons in silence when the API does not answer (issue 18, item 9).
import { screen } from '@testing-library/react';
import { delay, http } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { STILL_TRYING_AFTER_MS } from '@/components/still-trying';
import { articlesNewestFirst } from '../helpers/fixtures';
import { server } from '../helpers/msw-server';
import { renderApp } from '../helpers/render-app';

afterEach(() => {
  vi.useRealTimers();
});

describe('a feed whose API does not answer', () => {
  it('says it is still trying after about 5 s, and "Try again now" asks again at once', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'], shouldAdvanceTime: true });
    let requests = 0;
    let answer = false;
    server.use(
      http.get('*/api/articles', async ({ request }) => {
        // The feed's pages only (the check for newer stories, `since=`, runs once the feed is shown).
        if (new URL(request.url).searchParams.has('since')) return;
        requests++;
        if (!answer) await delay('infinite');
        // then on to the usual API handler
      }),
    );
    const { user } = renderApp('/');
    expect(await screen.findByLabelText('Loading news')).toBeInTheDocument();
    expect(screen.queryByText(/still trying/i)).not.toBeInTheDocument();

    await vi.advanceTimersByTimeAsync(STILL_TRYING_AFTER_MS);
    expect(await screen.findByText(/Still trying to load the news…/)).toHaveAttribute('role', 'status');
    expect(requests).toBe(1);

    answer = true;
    await user.click(screen.getByRole('button', { name: 'Try again now' }));
    expect(await screen.findByRole('link', { name: articlesNewestFirst[0]!.title })).toBeInTheDocument();
    expect(requests).toBe(2);
    expect(screen.queryByText(/still trying/i)).not.toBeInTheDocument();
  });
});
