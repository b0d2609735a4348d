// The one way a screen loads something from the main process (or another asynchronous source, such
// as the browser's device list): the request runs when its inputs change, and an answer that
// arrives after the inputs changed again or the screen closed is dropped (it would overwrite newer
// state, or set state on an unmounted screen). Screens do not write this guard by hand.
import { useEffect, useState, type DependencyList, type Dispatch, type SetStateAction } from 'react';

export interface FromMain<T> {
  /** the latest answer (undefined until the first one arrives) */
  value: T | undefined;
  /** why the latest request failed (worded at render time with errorMessage) */
  error: { cause: unknown } | null;
  /** replaces the value (after the screen changed it through another call) */
  set: Dispatch<SetStateAction<T | undefined>>;
}

/** `load` returns null when there is nothing to ask yet (no exam chosen). */
export function useFromMain<T>(load: () => Promise<T> | null, deps: DependencyList): FromMain<T> {
  const [value, set] = useState<T | undefined>(undefined);
  const [error, setError] = useState<{ cause: unknown } | null>(null);
  useEffect(() => {
    const pending = load();
    if (!pending) return;
    let live = true;
    pending.then(
      (v) => {
        if (live) {
          set(v);
          setError(null);
        }
      },
      (e: unknown) => {
        if (live) setError({ cause: e });
      },
    );
    return () => {
      live = false;
    };
    // the caller's deps are the inputs of `load` (checked at the call site: eslint additionalHooks)
  }, deps);
  return { value, error, set };
}
