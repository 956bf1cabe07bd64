// A route's search params as typed state: one valibot object schema per route, whose every field has a fallback,
// so parsing never fails: a value the schema refuses (or an absent one) takes the field's default, the others are
// kept. Written back with one helper, in the schema's key order, defaults left out.
// (No React here: the feed's first request reads the address before the app renders. The hook: use-url-state.ts.)
import * as v from 'valibot';

export type Shape = v.ObjectEntries;
export type UrlSchema<S extends Shape = Shape> = v.ObjectSchema<S, undefined>;
export type UrlState<S extends Shape> = v.InferOutput<UrlSchema<S>>;

/** The parsed state of `params` (only the schema's keys are read). */
export function readUrlState<S extends Shape>(schema: UrlSchema<S>, params: URLSearchParams): UrlState<S> {
  const raw: Record<string, string> = {};
  for (const key of Object.keys(schema.entries)) {
    const value = params.get(key);
    if (value !== null) raw[key] = value;
  }
  return v.parse(schema, raw);
}

const encode = (value: unknown): string =>
  value === null || value === undefined ? '' : Array.isArray(value) ? value.join(',') : String(value);

/** The canonical query string of a state: the schema's keys in order, lists comma-separated, defaults left out. */
export function writeUrlState<S extends Shape>(schema: UrlSchema<S>, state: UrlState<S>): URLSearchParams {
  const defaults = v.parse(schema, {}) as Record<string, unknown>;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(state as Record<string, unknown>)) {
    const text = encode(value);
    if (text !== '' && text !== encode(defaults[key])) params.set(key, text);
  }
  return params;
}

/** A comma-separated list of the values `item` accepts: bad and repeated entries dropped, null when none is left. */
export function commaList(accepts: (item: string) => boolean, normalize: (item: string) => string = (s) => s) {
  return v.fallback(
    v.pipe(
      v.string(),
      v.transform((raw) => {
        const items = [...new Set(raw.split(',').map((s) => normalize(s.trim())))].filter(accepts);
        return items.length ? items : null;
      }),
    ),
    null,
  );
}

/** A text value; null when absent or empty. */
export const optionalText = v.fallback(
  v.pipe(
    v.string(),
    v.transform((s): string | null => s || null),
  ),
  null,
);
