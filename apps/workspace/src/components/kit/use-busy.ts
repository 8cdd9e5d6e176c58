import type { FormEvent } from 'react';
import { useCallback, useRef, useState } from 'react';

/**
 * One action at a time: `run` ignores a call while the previous one is still pending (a double
 * click, Enter pressed twice), even before React has re-rendered the button as disabled.
 */
export function useBusy() {
  const inFlight = useRef(false);
  const [busy, setBusy] = useState(false);
  const run = useCallback(async (action: () => Promise<void>) => {
    if (inFlight.current) return;
    inFlight.current = true;
    setBusy(true);
    try {
      await action();
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  }, []);
  return { busy, run };
}

/** A form's submit handler: no page reload, and at most one submission in flight. */
export function useSubmit(action: () => Promise<void>) {
  const { busy, run } = useBusy();
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void run(action);
  };
  return { busy, onSubmit };
}
