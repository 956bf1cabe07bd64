// A route's search params as typed state: one zod/mini object schema per route, whose every field is wrapped in
// z.catch, so parsing never fails: a value the schema refuses (or an absent one) takes the field's default, the
// others are kept. Written back with one helper, in the schema's key order, defaults left out.
import { startTransition, useCallback, useMemo, useOptimistic } from 'react';
import { useSearchParams } from 'react-router';
import * as z from 'zod/mini';

type Shape = Record<string, z.ZodMiniType>;
export type UrlSchema<S extends Shape = Shape> = z.ZodMiniObject<S>;
export type UrlState<S extends Shape> = z.infer<UrlSchema<S>>;
type Patch<S extends Shape> = Partial<UrlState<S>>;

/** The parsed state of `params` (only the schema's keys are read). */
export function readUrlState<S extends Shape>(schema: UrlSchema<S>, params: URLSearchParams): UrlState<S> {
  const raw: Record<string, string> = {};
  for (const key of Object.keys(schema.shape)) {
    const value = params.get(key);
    if (value !== null) raw[key] = value;
  }
  return schema.parse(raw);
}

const encode = (value: unknown): string =>
  value === null || value === undefined ? '' : Array.isArray(value) ? value.join(',') : String(value);

/** The canonical query string of a state: the schema's keys in order, lists comma-separated, defaults left out. */
export function writeUrlState<S extends Shape>(schema: UrlSchema<S>, state: UrlState<S>): URLSearchParams {
  const defaults = schema.parse({}) as Record<string, unknown>;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(state as Record<string, unknown>)) {
    const text = encode(value);
    if (text !== '' && text !== encode(defaults[key])) params.set(key, text);
  }
  return params;
}

/** A comma-separated list of the values `item` accepts: bad and repeated entries dropped, null when none is left. */
export function commaList(accepts: (item: string) => boolean, normalize: (item: string) => string = (s) => s) {
  return z.catch(
    z.pipe(
      z.string(),
      z.transform((raw) => {
        const items = [...new Set(raw.split(',').map((s) => normalize(s.trim())))].filter(accepts);
        return items.length ? items : null;
      }),
    ),
    null,
  );
}

/** A text value; null when absent or empty. */
export const optionalText = z.catch(
  z.pipe(
    z.string(),
    z.transform((s) => s || null),
  ),
  null,
);

/**
 * The route's state from the address, and `update(patch, { replace })` to change it. Until the router commits the
 * new address (it navigates in a transition), the state shows the patch, so a control never flicks back.
 */
export function useUrlState<S extends Shape>(schema: UrlSchema<S>) {
  const [searchParams, setSearchParams] = useSearchParams();
  const urlState = useMemo(() => readUrlState(schema, searchParams), [schema, searchParams]);
  const [state, showPatch] = useOptimistic(urlState, (current: UrlState<S>, patch: Patch<S>) => ({
    ...current,
    ...patch,
  }));
  const update = useCallback(
    (patch: Patch<S>, { replace = false } = {}) => {
      startTransition(() => {
        showPatch(patch);
        setSearchParams((current) => writeUrlState(schema, { ...readUrlState(schema, current), ...patch }), {
          replace,
        });
      });
    },
    [schema, setSearchParams, showPatch],
  );
  return [state, update, searchParams] as const;
}
