import { GraphQLError } from 'graphql';

/**
 * A malformed argument: `extensions.code` is BAD_USER_INPUT (Apollo's convention, which clients
 * already switch on) and `extensions.argument` names the argument at fault.
 */
export function badUserInput(argument: string, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', argument } });
}
