// The reader's daily flow in the feed: new stories, read marks, densities, keyboard, time zones, muting, the filter.
import { onlineManager } from '@tanstack/react-query';
import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { Article } from '@/contract/news';
import { DEFAULT_PAGE_SIZE } from '@/contract/paging';
import { formatAgencyDay, formatAgencyTime, localTimeZone } from '@/lib/agency-time';
import { env } from '@/lib/env';
import { READING_PREFS_STORAGE_KEY } from '@/stores/reading-prefs-store';
import { apiHandler } from '../helpers/api-handler';
import { articlesNewestFirst, sampleData, topicName } from '../helpers/fixtures';
import { server } from '../helpers/msw-server';
import { renderApp } from '../helpers/render-app';
import { testApiFor } from '../helpers/test-api';

const newest = articlesNewestFirst[0]!;
const second = articlesNewestFirst[1]!;
const firstPage = articlesNewestFirst.slice(0, DEFAULT_PAGE_SIZE);

const item = (title: string) => screen.getByRole('link', { name: title }).closest('article')!;
const headingTexts = () => screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent);
const isMarkedRead = (title: string) => within(item(title)).getByRole('heading').textContent!.endsWith('(read)');

function storyPublishedAfterNewest(id: string, minutes: number): Article {
  const published = new Date(Date.parse(newest.publishedAt) + minutes * 60_000).toISOString();
  return { ...newest, id, title: `Breaking story ${id}`, publishedAt: published, related: [] };
}

describe('new stories', () => {
  it('says when newer stories arrive, puts them on top when chosen and counts them in the tab title', async () => {
    const api = await testApiFor(sampleData);
    server.use(apiHandler(() => api));
    const { user } = renderApp('/');
    await screen.findByRole('link', { name: newest.title });
    // The check for news (its code loads after the first paint) has run once and found nothing new.
    await waitFor(() => expect(document.querySelector('.new-stories')).not.toBeNull());
    expect(screen.queryByRole('button', { name: /new stor/ })).not.toBeInTheDocument();

    const fresh = [storyPublishedAfterNewest('breaking-b', 90), storyPublishedAfterNewest('breaking-a', 30)];
    await api.backend.news.upsert({ articles: fresh }); // news arriving at the agency
    // The reader comes back to the tab: the feed checks for news at once (and every minute while visible).
    act(() => void document.dispatchEvent(new Event('visibilitychange', { bubbles: true })));

    const button = await screen.findByRole('button', { name: '2 new stories' });
    expect(button.closest('[role="status"]')).not.toBeNull(); // announced politely
    await waitFor(() => expect(document.title).toBe('(2) All news — Agency News'));
    expect(headingTexts()[0]).toBe(newest.title); // nothing moves until the reader asks

    await user.click(button);
    await waitFor(() => expect(headingTexts().slice(0, 3)).toEqual([fresh[0]!.title, fresh[1]!.title, newest.title]));
    expect(screen.queryByRole('button', { name: /new stor/ })).not.toBeInTheDocument();
    await waitFor(() => expect(document.title).toBe('All news — Agency News'));
  });
});

/** A stand-in for the browser's EventSource (jsdom has none): the test plays the server's events. */
class FakeEventSource extends EventTarget {
  static opened: FakeEventSource[] = [];
  closed = false;
  constructor(readonly url: string) {
    super();
    FakeEventSource.opened.push(this);
  }
  close() {
    this.closed = true;
  }
}

describe('new stories from the server event stream', () => {
  it('checks for news as soon as the server says its stories changed, without waiting for the minute', async () => {
    FakeEventSource.opened = [];
    vi.stubGlobal('EventSource', FakeEventSource);
    const api = await testApiFor(sampleData);
    server.use(apiHandler(() => api));
    renderApp('/');
    await screen.findByRole('link', { name: newest.title });
    await waitFor(() => expect(FakeEventSource.opened).toHaveLength(1));
    const stream = FakeEventSource.opened[0]!;
    expect(new URL(stream.url).pathname).toBe('/api/events');
    await waitFor(() => expect(document.querySelector('.new-stories')).not.toBeNull());

    await api.backend.news.upsert({ articles: [storyPublishedAfterNewest('breaking-live', 5)] });
    act(() => void stream.dispatchEvent(new MessageEvent('change', { data: '{"newest":null}' })));
    expect(await screen.findByRole('button', { name: '1 new story' })).toBeInTheDocument();
    expect(stream.closed).toBe(false);
  });

  it('closes the stream while the browser is offline and opens it again when the connection is back', async () => {
    FakeEventSource.opened = [];
    vi.stubGlobal('EventSource', FakeEventSource);
    try {
      renderApp('/');
      await screen.findByRole('link', { name: newest.title });
      await waitFor(() => expect(FakeEventSource.opened).toHaveLength(1));
      act(() => onlineManager.setOnline(false));
      expect(await screen.findByRole('alert')).toHaveTextContent('You are offline');
      expect(FakeEventSource.opened[0]!.closed).toBe(true);
      act(() => onlineManager.setOnline(true));
      await waitFor(() => expect(FakeEventSource.opened).toHaveLength(2));
      expect(FakeEventSource.opened[1]!.closed).toBe(false);
    } finally {
      onlineManager.setOnline(true);
    }
  });
});

describe('read marks', () => {
  it('marks a story read when it is expanded or opened, and says so to screen readers', async () => {
    const { user, goBack } = renderApp('/');
    await screen.findByRole('link', { name: newest.title });
    expect(isMarkedRead(newest.title)).toBe(false);
    await user.click(within(item(newest.title)).getByRole('button', { name: /^show more/i }));
    expect(isMarkedRead(newest.title)).toBe(true);
    expect(item(newest.title)).toHaveClass('news-item--read');

    await user.click(screen.getByRole('link', { name: second.title }));
    await screen.findByRole('heading', { level: 1, name: second.title });
    await goBack();
    await screen.findByRole('link', { name: second.title });
    expect(isMarkedRead(second.title)).toBe(true);
    expect(isMarkedRead(firstPage[2]!.title)).toBe(false);
  });

  it('"Mark all as read" marks every story in view, counts drop to zero in the filter, and Undo restores', async () => {
    const { user } = renderApp('/');
    await screen.findByRole('link', { name: newest.title });
    await user.click(screen.getByRole('button', { name: 'Mark all as read' }));
    expect(await screen.findByText('All stories marked as read.')).toBeInTheDocument();
    await waitFor(() => expect(firstPage.every((a) => isMarkedRead(a.title))).toBe(true));

    await user.click(screen.getByRole('button', { name: /use filter/i }));
    const panel = await screen.findByRole('group', { name: /show news on these topics/i });
    const politicsRow = within(panel)
      .getByRole('checkbox', { name: topicName('politics') })
      .closest('li')!;
    await waitFor(() => expect(politicsRow).toHaveTextContent(/0 unread of \d+ stories/));

    await user.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(firstPage.some((a) => isMarkedRead(a.title))).toBe(false));
    const politics = sampleData.articles.filter((a) => a.topics.includes('politics')).length;
    await waitFor(() => expect(politicsRow).toHaveTextContent(`${politics} unread of ${politics} stories`));
  });

  it("an opened story counts as read in its topics' unread counts", async () => {
    const { user } = renderApp('/');
    await screen.findByRole('link', { name: newest.title });
    await user.click(within(item(newest.title)).getByRole('button', { name: /^show more/i }));
    await user.click(screen.getByRole('button', { name: /use filter/i }));
    const panel = await screen.findByRole('group', { name: /show news on these topics/i });
    for (const topic of newest.topics) {
      const total = sampleData.articles.filter((a) => a.topics.includes(topic)).length;
      const row = within(panel)
        .getByRole('checkbox', { name: topicName(topic) })
        .closest('li')!;
      await waitFor(() => expect(row).toHaveTextContent(`${total - 1} unread of ${total} stories`));
    }
  });
});

describe('densities', () => {
  it('"Headlines" shows one line per story without the lead, and is remembered', async () => {
    const { user, unmount } = renderApp('/');
    await screen.findByRole('link', { name: newest.title });
    expect(screen.getByText(newest.lead)).toBeInTheDocument();
    const headlines = screen.getByRole('button', { name: 'Headlines' });
    expect(headlines).toHaveAttribute('aria-pressed', 'false');
    await user.click(headlines);
    expect(headlines).toHaveAttribute('aria-pressed', 'true');
    await waitFor(() => expect(screen.queryByText(newest.lead)).not.toBeInTheDocument());
    expect(within(item(newest.title)).getByText(topicName(newest.topics[0]!))).toBeInTheDocument();
    expect(JSON.parse(localStorage.getItem(READING_PREFS_STORAGE_KEY)!).state.density).toBe('headlines');

    unmount();
    renderApp('/');
    await screen.findByRole('link', { name: newest.title });
    expect(screen.getByRole('button', { name: 'Headlines' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.queryByText(newest.lead)).not.toBeInTheDocument();
  });
});

describe('keyboard', () => {
  it('j/k move between stories, s shows more, m marks read, o opens, and Back returns focus to the story', async () => {
    const { user, goBack } = renderApp('/');
    await screen.findByRole('link', { name: newest.title });
    await user.keyboard('j');
    expect(item(newest.title)).toHaveFocus();
    await user.keyboard('j');
    expect(item(second.title)).toHaveFocus();
    await user.keyboard('k');
    expect(item(newest.title)).toHaveFocus();

    await user.keyboard('s');
    expect(within(item(newest.title)).getAllByRole('button', { name: /^show less/i })[0]).toHaveAttribute(
      'aria-expanded',
      'true',
    );
    expect(isMarkedRead(newest.title)).toBe(true);
    await user.keyboard('m');
    expect(isMarkedRead(newest.title)).toBe(false);
    await user.keyboard('m');
    expect(isMarkedRead(newest.title)).toBe(true);

    await user.keyboard('j');
    await user.keyboard('o');
    expect(await screen.findByRole('heading', { level: 1, name: second.title })).toBeInTheDocument();
    await goBack();
    await waitFor(() => expect(item(second.title)).toHaveFocus());
  });

  it('? lists the shortcuts, and no shortcut fires while typing', async () => {
    const { user } = renderApp('/');
    await screen.findByRole('link', { name: newest.title });
    await user.keyboard('?');
    const dialog = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(within(dialog).getByRole('rowheader', { name: 'j' })).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();

    await user.click(screen.getByRole('searchbox'));
    await user.keyboard('jjs');
    expect(screen.getByRole('searchbox')).toHaveValue('jjs');
    expect(screen.getByRole('searchbox')).toHaveFocus();
    expect(screen.queryAllByRole('button', { name: /^show less/i })).toHaveLength(0);
  });
});

describe('saving from the list', () => {
  it('every story has Save; b saves the focused one; the Saved view lists both', async () => {
    const { user } = renderApp('/');
    await screen.findByRole('link', { name: newest.title });
    await user.click(within(item(newest.title)).getByRole('button', { name: `Save “${newest.title}”` }));
    expect(await within(item(newest.title)).findByRole('button', { name: `Saved “${newest.title}”` })).toHaveAttribute(
      'aria-pressed',
      'true',
    );

    await user.keyboard('j'); // from the story whose button was pressed to the next
    expect(item(second.title)).toHaveFocus();
    await user.keyboard('b');
    expect(await within(item(second.title)).findByRole('button', { name: `Saved “${second.title}”` })).toHaveAttribute(
      'aria-pressed',
      'true',
    );

    await user.click(screen.getByRole('navigation', { name: 'Main' }).querySelector('a[href="/saved"]')!);
    const saved = await screen.findByRole('heading', { level: 1, name: /saved/i });
    const list = saved.closest('section, main')!;
    await within(list as HTMLElement).findByRole('link', { name: newest.title });
    expect(within(list as HTMLElement).getByRole('link', { name: second.title })).toBeInTheDocument();
  });

  it('search results have Save too', async () => {
    const { user } = renderApp(`/search?q=${encodeURIComponent(newest.title.split(' ')[0]!)}`);
    const link = await screen.findByRole('link', { name: newest.title }, { timeout: 3000 });
    const result = link.closest('article')!;
    await user.click(within(result).getByRole('button', { name: `Save “${newest.title}”` }));
    expect(await within(result).findByRole('button', { name: `Saved “${newest.title}”` })).toBeInTheDocument();
  });
});

describe('time zones', () => {
  it("shows times and day headings in the agency zone or the reader's own, remembered", async () => {
    expect(localTimeZone()).not.toBe(env.agencyTimeZone);
    const { user } = renderApp('/');
    await screen.findByRole('link', { name: newest.title });
    expect(within(item(newest.title)).getByText(formatAgencyTime(newest.publishedAt))).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Display' }));
    const times = await screen.findByRole('group', { name: 'Times' });
    await user.click(within(times).getByRole('radio', { name: /^Your time \(UTC[+-−]?\d*/ }));
    const local = localTimeZone();
    expect(within(item(newest.title)).getByText(formatAgencyTime(newest.publishedAt, local))).toBeInTheDocument();
    const days = [...new Set(firstPage.map((a) => formatAgencyDay(a.publishedAt, local)))];
    const feed = screen.getByRole('region', { name: 'All news' });
    await waitFor(() =>
      expect(
        within(feed)
          .getAllByRole('heading', { level: 2 })
          .map((h) => h.textContent),
      ).toEqual(days),
    );
    expect(JSON.parse(localStorage.getItem(READING_PREFS_STORAGE_KEY)!).state.timeZone).toBe('local');
  });

  it('says "2 h ago" for the last day, with the full time beside it for hover and screen readers', async () => {
    vi.setSystemTime(Date.parse(newest.publishedAt) + 2 * 3_600_000 + 60_000);
    renderApp('/');
    await screen.findByRole('link', { name: newest.title });
    const time = within(item(newest.title)).getByText('2 h ago');
    expect(time.tagName).toBe('TIME');
    expect(time.parentElement).toHaveTextContent(
      `2 h ago${formatAgencyDay(newest.publishedAt)}, ${formatAgencyTime(newest.publishedAt)}`,
    );
  });
});

describe('muting a topic', () => {
  it("mutes from a story's topic chip: its stories leave the feed, the filter says until when, Undo restores", async () => {
    const { user } = renderApp('/');
    await screen.findByRole('link', { name: newest.title });
    const topic = newest.topics[0]!;
    await user.click(within(item(newest.title)).getByRole('button', { name: topicName(topic) }));
    await user.click(await screen.findByRole('button', { name: 'Mute for 24 hours' }));

    const kept = articlesNewestFirst.filter((a) => !a.topics.includes(topic));
    await waitFor(() => expect(headingTexts()).toEqual(kept.slice(0, DEFAULT_PAGE_SIZE).map((a) => a.title)));
    expect(screen.getByText(`Muted: ${topicName(topic)}.`, { exact: false })).toBeInTheDocument();
    expect(await screen.findByText(new RegExp(`^${topicName(topic)} is muted until`))).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: /use filter/i }));
    const panel = await screen.findByRole('group', { name: /show news on these topics/i });
    const row = within(panel)
      .getByRole('checkbox', { name: topicName(topic) })
      .closest('li')!;
    expect(row).toHaveTextContent(/Muted until/);
    await user.click(within(row).getByRole('button', { name: `Unmute ${topicName(topic)}` }));
    expect(await screen.findByRole('link', { name: newest.title })).toBeInTheDocument();
  });

  it('mutes from the filter for 7 days, and Undo brings the stories back', async () => {
    const { user } = renderApp('/');
    await screen.findByRole('link', { name: newest.title });
    const topic = newest.topics[0]!;
    await user.click(screen.getByRole('button', { name: /use filter/i }));
    const panel = await screen.findByRole('group', { name: /show news on these topics/i });
    await user.click(within(panel).getByRole('button', { name: `Mute ${topicName(topic)}` }));
    await user.click(within(panel).getByRole('button', { name: '7 days' }));
    await waitFor(() => expect(screen.queryByRole('link', { name: newest.title })).not.toBeInTheDocument());
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(await screen.findByRole('link', { name: newest.title })).toBeInTheDocument();
  });
});

describe('the filter panel', () => {
  it('shows its open state, and Escape or Done close it and return focus to its button', async () => {
    const { user } = renderApp('/');
    await screen.findByRole('link', { name: newest.title });
    const button = screen.getByRole('button', { name: /use filter/i });
    expect(button).toHaveAccessibleName(
      `Use filter, ${sampleData.topics.length} of ${sampleData.topics.length} topics selected`,
    );
    await user.click(button);
    expect(button).toHaveAttribute('aria-expanded', 'true');
    const panel = await screen.findByRole('group', { name: /show news on these topics/i });
    await user.click(within(panel).getAllByRole('checkbox')[0]!);
    await user.keyboard('{Escape}');
    expect(panel).not.toBeInTheDocument();
    expect(button).toHaveFocus();
    expect(button).toHaveAttribute('aria-expanded', 'false');

    await user.click(button);
    await user.click(await screen.findByRole('button', { name: 'Done' }));
    expect(screen.queryByRole('group', { name: /show news on these topics/i })).not.toBeInTheDocument();
    expect(button).toHaveFocus();
  });
});
