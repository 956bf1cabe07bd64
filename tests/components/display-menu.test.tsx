import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DISPLAY_STORAGE_KEY } from '@/stores/display-storage';
import { articlesNewestFirst } from '../helpers/fixtures';
import { renderApp } from '../helpers/render-app';

const html = document.documentElement;
const stored = () => JSON.parse(localStorage.getItem(DISPLAY_STORAGE_KEY) ?? 'null') as { state: object } | null;

async function openMenu() {
  const app = renderApp(`/news/${articlesNewestFirst[0]!.id}`);
  await screen.findByRole('heading', { level: 1, name: articlesNewestFirst[0]!.title });
  const button = screen.getByRole('button', { name: 'Display' });
  expect(button).toHaveAttribute('aria-expanded', 'false');
  await app.user.click(button);
  expect(button).toHaveAttribute('aria-expanded', 'true');
  const panel = await screen.findByRole('group', { name: 'Display' });
  expect(button).toHaveAttribute('aria-controls', panel.id);
  await within(panel).findByRole('radio', { name: 'Dark' });
  return { ...app, button, panel };
}

describe('Display menu in the header', () => {
  it('switches to the dark theme at once and remembers it', async () => {
    const { user, panel } = await openMenu();
    const theme = within(panel).getByRole('group', { name: 'Theme' });
    expect(within(theme).getByRole('radio', { name: 'System' })).toBeChecked();
    await user.click(within(theme).getByRole('radio', { name: 'Dark' }));
    expect(html.dataset.theme).toBe('dark');
    expect(within(theme).getByRole('radio', { name: 'Dark' })).toBeChecked();
    expect(stored()?.state).toEqual({ theme: 'dark', textSize: 'medium' });

    await user.click(within(theme).getByRole('radio', { name: 'Light' }));
    expect(html.dataset.theme).toBe('light');
    await user.click(within(theme).getByRole('radio', { name: 'System' }));
    expect(html.dataset.theme).toBe('system');
  });

  it('sets the article text size in four steps and remembers it', async () => {
    const { user, panel } = await openMenu();
    const sizes = within(panel).getByRole('group', { name: 'Article text size' });
    expect(
      within(sizes)
        .getAllByRole('radio')
        .map((r) => r.getAttribute('value')),
    ).toEqual(['small', 'medium', 'large', 'x-large']);
    expect(within(sizes).getByRole('radio', { name: 'Medium' })).toBeChecked();
    await user.click(within(sizes).getByRole('radio', { name: 'Extra large' }));
    expect(html.dataset.textSize).toBe('x-large');
    expect(stored()?.state).toEqual({ theme: 'system', textSize: 'x-large' });
    await user.click(within(sizes).getByRole('radio', { name: 'Small' }));
    expect(html.dataset.textSize).toBe('small');
  });

  it('is used with the keyboard and closes with Escape, focus back on its button', async () => {
    const { user, button } = await openMenu();
    await user.tab();
    expect(screen.getByRole('radio', { name: 'System' })).toHaveFocus();
    await user.keyboard('{ArrowDown}'); // radios move and choose with the arrow keys
    expect(html.dataset.theme).toBe('light');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('group', { name: 'Display' })).not.toBeInTheDocument();
    expect(button).toHaveFocus();
    expect(button).toHaveAttribute('aria-expanded', 'false');
  });

  it('closes on a press outside it, and when focus moves elsewhere', async () => {
    const { user, button } = await openMenu();
    await user.click(screen.getByRole('heading', { level: 1 }));
    expect(screen.queryByRole('group', { name: 'Display' })).not.toBeInTheDocument();

    await user.click(button);
    await screen.findByRole('radio', { name: 'Dark' });
    screen.getByRole('link', { name: 'Skip to content' }).focus();
    await waitFor(() => expect(screen.queryByRole('group', { name: 'Display' })).not.toBeInTheDocument());
  });

  it('closes when its button is pressed again', async () => {
    const { user, button } = await openMenu();
    await user.click(button);
    expect(screen.queryByRole('group', { name: 'Display' })).not.toBeInTheDocument();
  });
});
