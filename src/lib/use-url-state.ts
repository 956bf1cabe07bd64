import { startTransition, useCallback, useMemo, useOptimistic } from 'react';
import { useSearchParams } from 'react-router';
import { readUrlState, writeUrlState, type Shape, type UrlSchema, type UrlState } from './url-state';

type Patch<S extends Shape> = Partial<UrlState<S>>;

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
