import type { MouseEvent } from 'react';
import type { Route } from '../route.js';

export interface Nav {
  route: Route;
  go: (next: Partial<Route>) => void;
  hrefOf: (next: Partial<Route>) => string;
}

/** A link's href (so it can be opened in a new tab or copied) that moves in place when clicked. */
export function linkTo(nav: Nav, next: Partial<Route>) {
  return {
    href: nav.hrefOf(next),
    onClick: (event: MouseEvent) => {
      if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
      event.preventDefault();
      nav.go(next);
    },
  };
}
