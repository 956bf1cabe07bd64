/** Star toggle: pins a currency to the top of every list. */
export function FavouriteToggle({
  code,
  favourites,
  onToggle,
}: {
  code: string;
  favourites: readonly string[];
  onToggle: (code: string) => void;
}) {
  const on = favourites.includes(code);
  return (
    <button
      type="button"
      className={`icon-button favourite-toggle${on ? ' favourite-toggle--on' : ''}`}
      aria-pressed={on}
      aria-label={`Favourite ${code}`}
      title={on ? `Unpin ${code} from the top of the lists` : `Pin ${code} to the top of the lists`}
      onClick={() => onToggle(code)}
    >
      <span aria-hidden="true">{on ? '★' : '☆'}</span>
    </button>
  );
}
