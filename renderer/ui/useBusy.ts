// One action at a time on a form or panel: `busy` says which one runs (its key, `true` where there is
// one kind), so the buttons wait meanwhile; a failure's message, in Vietnamese as the call gave it,
// goes to `failed` and never past the screen.
import { useCallback, useState } from 'react';

export interface Busy<K> {
  busy: K | undefined;
  run(action: () => Promise<void>, failed: (message: string) => void, key?: K): Promise<void>;
}

export function useBusy<K = true>(): Busy<K> {
  const [busy, setBusy] = useState<K>();
  const run = useCallback(async (action: () => Promise<void>, failed: (message: string) => void, key?: K) => {
    setBusy(() => key ?? (true as K));
    try {
      await action();
    } catch (error) {
      failed((error as Error).message);
    } finally {
      setBusy(undefined);
    }
  }, []);
  return { busy, run };
}
