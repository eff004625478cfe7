import type { FastifyPluginAsync, FastifyPluginOptions, FastifyTypeProvider, RawServerDefault } from 'fastify';
import type { FastifySerializerCompiler } from 'fastify/types/schema';
import { ResponseSerializationError } from 'fastify-type-provider-zod';
import type { z, ZodType } from 'zod';

/**
 * Responses are *parsed* with their contract schema, not encoded: the contract describes what goes
 * on the wire as the output of its schemas (a handler returns the database's Dates, `IsoDate` turns
 * them into ISO strings), which is also the type the web client reads. fastify-type-provider-zod 7
 * encodes instead, which refuses one-way transforms such as that one.
 */
export const responseSerializer: FastifySerializerCompiler<ZodType> =
  ({ schema, method, url }) =>
  (data) => {
    const result = schema.safeParse(data);
    if (!result.success) throw new ResponseSerializationError(method, url, { cause: result.error });
    return JSON.stringify(result.data);
  };

/**
 * The type side of the same choice: a handler returns what the response schema *parses* (its
 * input: Dates from the database), requests are typed as what validation produces (its output).
 */
export interface ContractTypeProvider extends FastifyTypeProvider {
  validator: this['schema'] extends ZodType ? z.output<this['schema']> : unknown;
  serializer: this['schema'] extends ZodType ? z.input<this['schema']> : unknown;
}

/** A route plugin typed by the contract (use instead of fastify-type-provider-zod's FastifyPluginAsyncZod). */
export type ContractPlugin<Options extends FastifyPluginOptions = Record<never, never>> = FastifyPluginAsync<
  Options,
  RawServerDefault,
  ContractTypeProvider
>;
