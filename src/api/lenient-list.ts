// Lists from the API are checked item by item: one malformed record costs the reader that record, not the page.
// The list's own shape (an array of items, the cursor) must still be right, or the whole response is refused.
import * as v from 'valibot';
import type { Output, Schema } from '@/contract/validate';

/** The items `schema` accepts, and how many it did not. */
export function keepValidItems<S extends Schema>(items: readonly unknown[], schema: S) {
  const valid: Output<S>[] = [];
  for (const item of items) {
    const parsed = v.safeParse(schema, item);
    if (parsed.success) valid.push(parsed.output);
  }
  return { items: valid, skipped: items.length - valid.length };
}

/** A list's items, each checked later with keepValidItems. */
export const uncheckedItems = v.array(v.unknown());
