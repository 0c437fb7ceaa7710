import { defineMutationErrors, SHARED_MUTATION_ERRORS } from '@mutu/service';
import { builder } from './builder.js';

/** The typed errors of this subgraph's mutations: the ones every subgraph shares. */
export const MUTATION_ERRORS = defineMutationErrors(builder, SHARED_MUTATION_ERRORS);
