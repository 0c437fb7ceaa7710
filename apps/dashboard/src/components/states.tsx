import type { ReactNode } from 'react';
import type { GraphError } from '../graph/request.js';
import type { QueryState } from '../graph/use-query.js';
import type { Words } from '../words.js';

/** A query's three outcomes as the reader sees them: a loading line, the error in words, or the view. */
export function Loaded<T>({
  state,
  words,
  children,
}: {
  state: QueryState<T>;
  words: Words;
  children: (data: T, errors: GraphError[]) => ReactNode;
}) {
  if (state.status === 'loading') {
    return (
      <p className="state" role="status" aria-live="polite">
        {words.loading}
      </p>
    );
  }
  if (state.status === 'error') {
    return (
      <p className="state error" role="alert">
        {words.errorPrefix} {state.error.message}
      </p>
    );
  }
  return (
    <>
      {state.errors.length > 0 && (
        <p className="state warning" role="alert">
          {words.partial} {state.errors.map((e) => e.message).join('; ')}
        </p>
      )}
      {children(state.data, state.errors)}
    </>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="state empty">{children}</p>;
}
