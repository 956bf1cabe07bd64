// Single-key shortcuts ("/", "j", "k"...) must never fire while the reader types or uses a modifier combination.
const TEXT_ENTRY = /^(TEXTAREA|SELECT)$/;
const NOT_TEXT_INPUT = /^(checkbox|radio|button|submit|reset|range|color|file|image)$/;

function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || TEXT_ENTRY.test(target.tagName)) return true;
  return target instanceof HTMLInputElement && !NOT_TEXT_INPUT.test(target.type);
}

/** A plain key press meant for the page's shortcuts (not typing, not Ctrl/Alt/Meta, not inside a dialog). */
export function isShortcutEvent(event: KeyboardEvent): boolean {
  if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return false;
  if (isTypingTarget(event.target)) return false;
  return !(event.target instanceof Element && event.target.closest('dialog, [role="dialog"]'));
}
