import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { useEffect, useState } from 'react';
import { type GraphError, request } from './request.js';

export type QueryState<T> =
  | { status: 'loading' }
  | { status: 'error'; error: Error }
  | { status: 'done'; data: T; errors: GraphError[] };

/** Runs an operation whenever its variables change; an answer to older variables is dropped. */
export function useQuery<TData, TVariables>(
  document: TypedDocumentNode<TData, TVariables>,
  variables: TVariables,
  options: { skip?: boolean } = {},
): QueryState<TData> {
  const [state, setState] = useState<QueryState<TData>>({ status: 'loading' });
  const key = JSON.stringify(variables);
  useEffect(() => {
    if (options.skip) return;
    const abort = new AbortController();
    setState({ status: 'loading' });
    request(document, variables, abort.signal).then(
      ({ data, errors }) => setState({ status: 'done', data, errors }),
      (error: Error) => {
        if (!abort.signal.aborted) setState({ status: 'error', error });
      },
    );
    return () => abort.abort();
  }, [document, key, options.skip]);
  return state;
}
