// A list a screen asks the server for and keeps fresh: loaded at once, again every `everyMs` and on
// demand; the last error in Vietnamese as the call gave it. `load` undefined (no session): nothing.
import { useCallback, useEffect, useState, type Dispatch, type SetStateAction } from 'react';

export interface Polled<T> {
  value: T | undefined;
  error: string | undefined;
  reload(): Promise<void>;
  /** Changes the value until the next load (a row removed once acted on). */
  setValue: Dispatch<SetStateAction<T | undefined>>;
}

/** `load` must be stable (useCallback): a new function starts a new round of loads. */
export function usePolled<T>(load: (() => Promise<T>) | undefined, everyMs: number): Polled<T> {
  const [value, setValue] = useState<T>();
  const [error, setError] = useState<string>();
  const reload = useCallback(async () => {
    if (!load) return;
    try {
      setValue(await load());
      setError(undefined);
    } catch (e) {
      setError((e as Error).message);
    }
  }, [load]);
  useEffect(() => {
    void reload();
    const timer = setInterval(() => void reload(), everyMs);
    return () => clearInterval(timer);
  }, [reload, everyMs]);
  return { value, error, reload, setValue };
}
