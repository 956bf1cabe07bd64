// Imported stories as the reader sees them: the source's name beside the time on every story (feed, search results,
// saved items, the article), "Read at <source>" at the end of the article, "first seen" for a story its feed gave
// no date, and the photo: a lazy, referrer-less thumbnail in the feed and a captioned figure in the article, loaded
// through the API's image proxy with its box reserved, hidden in place when it fails.
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmbeddedBackendFromData } from '@/backend/embedded/embedded-backend';
import type { Article } from '@/contract/news';
import { formatAgencyTime } from '@/lib/agency-time';
import { env } from '@/lib/env';
import { apiHandler } from '../helpers/api-handler';
import { articlesNewestFirst, sampleData } from '../helpers/fixtures';
import { server } from '../helpers/msw-server';
import { renderApp } from '../helpers/render-app';
import { testApiOver, type TestApi } from '../helpers/test-api';

const photographed: Article = {
  id: 'harbour-cranes-return',
  title: 'Harbour cranes return after the storm',
  lead: 'The port reopened on Friday after three days.',
  publishedAt: '2026-11-27T21:00:00+03:00',
  topics: ['economy'],
  pages: [['Cranes were back at work at the harbour.'], ['Ships queued outside the breakwater.']],
  source: { name: 'Harbour Gazette', url: 'https://gazette.example/' },
  url: 'https://gazette.example/news/cranes',
  image: {
    url: 'https://photos.example/cranes.jpg',
    alt: 'Cranes over the harbour at dawn',
    credit: 'Photo: Jan Novak / Harbour Gazette',
    width: 1200,
    height: 800,
  },
};
const undated: Article = {
  id: 'ferry-timetable-changes',
  title: 'Ferry timetable changes for the winter',
  lead: 'Fewer crossings from December.',
  publishedAt: '2026-11-27T20:30:00+03:00',
  undated: true,
  topics: ['society'],
  pages: [['The winter timetable starts on December 1.']],
  source: { name: 'Coast Radio' },
  url: 'https://coast.example/ferries',
  image: { url: 'https://photos.example/ferry.jpg' },
};

let api: TestApi;
beforeAll(async () => {
  const backend = await createEmbeddedBackendFromData({
    ...sampleData,
    articles: [...sampleData.articles, photographed, undated],
  });
  const fetchImage = () => Promise.reject(new Error('the jsdom tests never load photos'));
  api = await testApiOver(backend, {
    images: { key: Buffer.from('a key for the jsdom tests, long enough'), fetchImage },
  });
});
afterAll(async () => {
  await api.app.close();
  await api.backend.close();
});

const useImportedStories = (over = () => api) => server.use(apiHandler(over));
const storyItem = async (title: string) =>
  (await screen.findByRole('link', { name: title })).closest('article') as HTMLElement;
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const agencyTime = (iso: string) => formatAgencyTime(iso, env.agencyTimeZone);

/** The photo's proxy address as the app must load it: same origin, under /api/images/. */
const PROXIED = new RegExp(`^${window.location.origin}/api/images/[\\w-]+/[\\w-]+$`);

describe('sources', () => {
  it("the feed shows a story's source beside its time; a story without one shows none", async () => {
    useImportedStories();
    renderApp('/');
    const item = await storyItem(photographed.title);
    expect(within(item).getByText('Harbour Gazette')).toBeInTheDocument();
    const sample = await storyItem(articlesNewestFirst[0]!.title);
    expect(within(sample).queryByText(/Gazette|Coast Radio/)).toBeNull();
  });

  it('headlines put the source before the topic on the story line', async () => {
    useImportedStories();
    const { user } = renderApp('/');
    await storyItem(photographed.title);
    await user.click(screen.getByRole('button', { name: 'Headlines' }));
    const item = await storyItem(photographed.title);
    await waitFor(() => expect(item).toHaveClass('news-item--headlines'));
    expect(within(item).getByText('Harbour Gazette')).toBeInTheDocument();
    expect(item).toHaveTextContent(/Harbour Gazette · Business & Economy/);
    // No thumbnails in headlines: one line per story.
    expect(item.querySelector('img')).toBeNull();
  });

  it('search results show the source and say when an undated story was first seen', async () => {
    useImportedStories();
    renderApp('/search?q=ferry');
    const result = (await screen.findByRole('link', { name: undated.title })).closest('article') as HTMLElement;
    expect(within(result).getByText('Coast Radio')).toBeInTheDocument();
    expect(within(result).getByText(/first seen/)).toBeInTheDocument();
  });

  it('a saved story shows its source', async () => {
    useImportedStories();
    const { user } = renderApp(`/news/${photographed.id}`);
    await screen.findByRole('heading', { level: 1, name: photographed.title });
    await user.click(await screen.findByRole('button', { name: `Save “${photographed.title}”` }));
    await screen.findByRole('button', { name: `Saved “${photographed.title}”` });
    await user.click(screen.getByRole('link', { name: 'Saved' }));
    const item = (await screen.findByRole('link', { name: photographed.title })).closest('li')!;
    expect(within(item).getByText('Harbour Gazette')).toBeInTheDocument();
  });

  it('the article names its source and ends with "Read at <source>", opening the story\'s page in a new tab', async () => {
    useImportedStories();
    renderApp(`/news/${photographed.id}`);
    await screen.findByRole('heading', { level: 1, name: photographed.title });
    const header = screen.getByRole('heading', { level: 1 }).closest('header')!;
    expect(within(header).getByText('Harbour Gazette')).toBeInTheDocument();
    const readAt = screen.getByRole('link', { name: /^Read at Harbour Gazette\s*\(opens in a new tab\)$/ });
    expect(readAt).toHaveAttribute('href', photographed.url);
    expect(readAt).toHaveAttribute('target', '_blank');
    expect(readAt).toHaveAttribute('rel', 'noopener noreferrer');
    // After the story's text (and its "Show more"), inside the article.
    const article = screen.getByRole('article');
    expect(article).toContainElement(readAt);
    const more = within(article).getByRole('button', { name: 'Show more' });
    expect(more.compareDocumentPosition(readAt) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('an undated story says its time is when it was first seen, in the feed and the article', async () => {
    useImportedStories();
    const { user } = renderApp('/');
    const item = await storyItem(undated.title);
    const seen = within(item)
      .getByText(/first seen/)
      .closest('.news-time')!;
    expect(seen).toHaveTextContent(/^first seen/);
    expect(seen.querySelector('time')).toHaveAttribute('datetime', undated.publishedAt);
    const dated = await storyItem(photographed.title);
    expect(within(dated).queryByText(/first seen/)).toBeNull();

    await user.click(within(item).getByRole('link', { name: undated.title }));
    await screen.findByRole('heading', { level: 1, name: undated.title });
    const header = screen.getByRole('heading', { level: 1 }).closest('header')!;
    expect(within(header).getByText(/first seen/).parentElement).toHaveTextContent(
      new RegExp(`^first seen .*${escapeRegExp(agencyTime(undated.publishedAt))}`),
    );
  });
});

describe('photos', () => {
  it('the feed row shows a lazy, referrer-less thumbnail from the image proxy, its size reserved', async () => {
    useImportedStories();
    renderApp('/');
    const item = await storyItem(photographed.title);
    // Decorative beside the title (alt=""): the article's figure describes it.
    const thumbnail = within(item).getByRole('presentation');
    expect(thumbnail.tagName).toBe('IMG');
    expect(thumbnail.getAttribute('src')).toMatch(PROXIED);
    expect(thumbnail).toHaveAttribute('alt', '');
    expect(thumbnail).toHaveAttribute('loading', 'lazy');
    expect(thumbnail).toHaveAttribute('decoding', 'async');
    expect(thumbnail).toHaveAttribute('referrerpolicy', 'no-referrer');
    expect(thumbnail).toHaveAttribute('width', '1200');
    expect(thumbnail).toHaveAttribute('height', '800');
    expect(thumbnail).not.toHaveAttribute('style');
    // The original host is never asked: nothing on the page points at it.
    expect(document.querySelector('img[src*="photos.example"]')).toBeNull();
  });

  it('the article shows the photo as a figure with its alt text and its credit as the caption', async () => {
    useImportedStories();
    renderApp(`/news/${photographed.id}`);
    const photo = await screen.findByRole('img', { name: 'Cranes over the harbour at dawn' });
    expect(photo.getAttribute('src')).toMatch(PROXIED);
    expect(photo).toHaveAttribute('loading', 'lazy');
    expect(photo).toHaveAttribute('decoding', 'async');
    expect(photo).toHaveAttribute('referrerpolicy', 'no-referrer');
    expect(photo).toHaveAttribute('width', '1200');
    expect(photo).toHaveAttribute('height', '800');
    const figure = photo.closest('figure')!;
    expect(within(figure).getByText('Photo: Jan Novak / Harbour Gazette').tagName).toBe('FIGCAPTION');
  });

  it('a photo of unknown size gets a fixed-ratio box instead of width and height', async () => {
    useImportedStories();
    renderApp(`/news/${undated.id}`);
    await screen.findByRole('heading', { level: 1, name: undated.title });
    const photo = screen.getByRole('article').querySelector('figure img')!;
    expect(photo).not.toHaveAttribute('width');
    expect(photo).not.toHaveAttribute('height');
    expect(photo).toHaveClass('story-photo--unsized');
    expect(screen.getByRole('article').querySelector('figcaption')).toBeNull();
  });

  it('a photo that fails to load is hidden in its own box: no broken image, nothing moves', async () => {
    useImportedStories();
    renderApp(`/news/${photographed.id}`);
    const photo = await screen.findByRole('img', { name: 'Cranes over the harbour at dawn' });
    fireEvent.error(photo);
    await waitFor(() => expect(photo).toHaveClass('story-photo--failed'));
    // The same element, with its reserved size; the caption stays.
    expect(photo).toBeInTheDocument();
    expect(photo).toHaveAttribute('width', '1200');
    expect(photo).toHaveAttribute('height', '800');
    expect(screen.getByText('Photo: Jan Novak / Harbour Gazette')).toBeInTheDocument();
  });

  it('without a proxy path from the API no photo is shown (the original is never loaded)', async () => {
    const plain = await testApiOver(api.backend);
    useImportedStories(() => plain);
    renderApp(`/news/${photographed.id}`);
    await screen.findByRole('heading', { level: 1, name: photographed.title });
    expect(screen.getByRole('article').querySelector('img, figure')).toBeNull();
    expect(screen.getByRole('link', { name: /^Read at Harbour Gazette/ })).toBeInTheDocument();
    await plain.app.close();
  });
});
