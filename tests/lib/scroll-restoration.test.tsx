import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, useNavigate } from 'react-router';
import { describe, expect, it } from 'vitest';
import { useEntryState } from '@/lib/scroll-restoration';

const isList = (value: unknown): value is string[] => Array.isArray(value);
const NONE: string[] = [];

function Probe() {
  const [open, setOpen] = useEntryState('probe', NONE, isList);
  const navigate = useNavigate();
  return (
    <>
      <p>open: {open.join(',') || 'none'}</p>
      <button onClick={() => setOpen((ids) => [...ids, 'a'])}>Open a</button>
      <button onClick={() => navigate('/?refined=1', { replace: true })}>Refine</button>
      <button onClick={() => navigate('/other')}>Leave</button>
      <button onClick={() => navigate(-1)}>Back</button>
    </>
  );
}

describe('state that belongs to a history entry', () => {
  it('survives a REPLACE of the entry, starts empty on a new entry, and comes back with Back', async () => {
    const user = userEvent.setup();
    render(
      <MemoryRouter initialEntries={['/']}>
        <Probe />
      </MemoryRouter>,
    );
    await user.click(screen.getByRole('button', { name: 'Open a' }));
    expect(screen.getByText('open: a')).toBeInTheDocument();

    // Refining the address replaces the entry (it gets a new key): what was open stays open.
    await user.click(screen.getByRole('button', { name: 'Refine' }));
    expect(screen.getByText('open: a')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Leave' }));
    expect(screen.getByText('open: none')).toBeInTheDocument();

    await act(() => user.click(screen.getByRole('button', { name: 'Back' })));
    expect(screen.getByText('open: a')).toBeInTheDocument();
  });
});
