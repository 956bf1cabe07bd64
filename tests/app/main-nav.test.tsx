// The header's links and, on phones, the "Menu" button they fold behind (the folding itself is CSS: the Chromium
// journey in tests/e2e/daily-flow.e2e.test.ts checks the one-row header at 320 and 375 px).
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { articlesNewestFirst } from '../helpers/fixtures';
import { renderApp } from '../helpers/render-app';

const newest = articlesNewestFirst[0]!;

describe('main navigation', () => {
  it('the Menu button shows its state, and choosing a view closes it', async () => {
    const { user } = renderApp('/');
    await screen.findByRole('link', { name: newest.title });
    const nav = screen.getByRole('navigation', { name: 'Main' });
    const menu = within(nav).getByRole('button', { name: 'Menu' });
    expect(menu).toHaveAttribute('aria-expanded', 'false');
    await user.click(menu);
    expect(menu).toHaveAttribute('aria-expanded', 'true');
    expect(menu).toHaveAttribute('aria-controls', within(nav).getByRole('list').id);
    expect(within(nav).getByRole('link', { name: 'All news' })).toHaveAttribute('aria-current', 'page');

    await user.click(within(nav).getByRole('link', { name: 'Currency converter' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Currency converter' })).toBeInTheDocument();
    expect(menu).toHaveAttribute('aria-expanded', 'false');
  });

  it('Escape or a press outside closes the menu; Escape puts focus back on its button', async () => {
    const { user } = renderApp('/');
    await screen.findByRole('link', { name: newest.title });
    const menu = screen.getByRole('button', { name: 'Menu' });
    await user.click(menu);
    await user.keyboard('{Escape}');
    expect(menu).toHaveAttribute('aria-expanded', 'false');
    expect(menu).toHaveFocus();

    await user.click(menu);
    await user.click(screen.getByRole('heading', { level: 1, name: 'All news' }));
    expect(menu).toHaveAttribute('aria-expanded', 'false');
  });

  it('names the brand link by the words it shows (label in name)', async () => {
    renderApp('/search');
    const brand = await screen.findByRole('link', { name: 'Agency News' });
    expect(brand).toHaveTextContent(/^Agency News$/);
    expect(brand).not.toHaveAttribute('aria-label');
  });
});
