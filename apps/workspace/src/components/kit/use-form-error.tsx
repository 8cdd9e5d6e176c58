import { useState } from 'react';
import { ErrorAt, invalidProps, placeError } from '../field-errors';
import type { PlacedError } from '../field-errors';

/**
 * The server error of one form, placed on the control its `field` names (or on the form): `invalid`
 * marks that control, `At` shows the text beside it. `testId` overrides the error's test id.
 */
export function useFormError(scope: string, testId?: (key: string) => string) {
  const [error, setError] = useState<PlacedError | null>(null);
  return {
    error,
    setError,
    clear: () => setError(null),
    /** Places a caught error on the most specific of `keys`, else on the form. */
    place: (err: unknown, keys: Iterable<string>) => setError(placeError(err, keys)),
    invalid: (key: string) => invalidProps(error, scope, key),
    at: (...keys: string[]) => <ErrorAt error={error} scope={scope} keys={keys} testId={testId} />,
  };
}

export type FormError = ReturnType<typeof useFormError>;
