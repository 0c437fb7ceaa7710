import { badUserInput } from './errors.js';

/** The largest page any connection serves, in every subgraph. */
export const MAX_PAGE = 100;

/** Pages are bounded; an oversized request is an error, not a silently shorter page. */
export function assertPageSize(args: { first?: number | null; last?: number | null }): void {
  for (const argument of ['first', 'last'] as const) {
    const size = args[argument];
    if (size != null && (size < 0 || size > MAX_PAGE)) {
      throw badUserInput(argument, `${argument} must be between 0 and ${MAX_PAGE}, got ${size}`);
    }
  }
}
