// When a mute ends, in the reader's own clock (a mute is the reader's arrangement, not the agency's).
const muteEndFormat = new Intl.DateTimeFormat('en-US', {
  month: 'short',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
});

/** "Dec 1, 2:05 PM" */
export function formatMuteEnd(until: number): string {
  return muteEndFormat.format(new Date(until));
}
