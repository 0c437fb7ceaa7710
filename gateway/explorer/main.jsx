import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import 'graphiql/graphiql.css';
import { createRoot } from 'react-dom/client';
import { EXAMPLES } from './examples.js';

// Same origin as the page: the explorer is served by the gateway it queries.
const fetcher = createGraphiQLFetcher({ url: new URL('/graphql', window.location.href).href });

createRoot(document.getElementById('explorer')).render(
  <GraphiQL fetcher={fetcher} defaultTabs={EXAMPLES} shouldPersistHeaders={false} />,
);
