import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { formatAgencyDay, formatAgencyTime } from '@/lib/agency-time';
import { articlesNewestFirst } from '../helpers/fixtures';
import { renderApp } from '../helpers/render-app';

describe('All news feed', () => {
  it('shows the newest articles first under day headings, with agency time', async () => {
    renderApp('/');
    const newest = articlesNewestFirst[0]!;
    const link = await screen.findByRole('link', { name: newest.title });
    expect(link).toHaveAttribute('href', `/news/${newest.id}`);
    const item = link.closest('article')!;
    expect(within(item).getByText(formatAgencyTime(newest.publishedAt))).toBeInTheDocument();
    expect(screen.getAllByRole('heading', { level: 2 })[0]).toHaveTextContent(formatAgencyDay(newest.publishedAt));
  });
});
