import { useCallback, useState } from 'react';

/** State kept in sessionStorage under `key`, so it survives leaving a view and coming Back to it. */
export function useSessionState<T>(key: string, initial: T, isValid: (value: unknown) => value is T) {
  const [value, setValue] = useState<T>(() => {
    try {
      const raw = sessionStorage.getItem(key);
      const parsed: unknown = raw === null ? undefined : JSON.parse(raw);
      return isValid(parsed) ? parsed : initial;
    } catch {
      return initial;
    }
  });
  const update = useCallback(
    (next: (current: T) => T) => {
      setValue((current) => {
        const result = next(current);
        try {
          sessionStorage.setItem(key, JSON.stringify(result));
        } catch {
          // storage full or disabled: the state still works for this visit
        }
        return result;
      });
    },
    [key],
  );
  return [value, update] as const;
}
