/** Says how many items of a list the API sent malformed and were left out (nothing when none was). */
export function SkippedNote({ count, noun }: { count: number; noun: [one: string, many: string] }) {
  if (count === 0) return null;
  return (
    <p className="loading-note" role="status">
      {count === 1 ? `1 ${noun[0]} could not be shown` : `${count} ${noun[1]} could not be shown`}: the news service
      sent {count === 1 ? 'it' : 'them'} incomplete.
    </p>
  );
}
