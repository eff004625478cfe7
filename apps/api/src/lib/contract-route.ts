import type { RouteDef } from '@bm/contract';

/**
 * A contract route as Fastify route options: method, url and the schemas that validate the
 * request and serialise each response (and make the OpenAPI). Spread into `app.route({ … })`.
 */
export function fromContract<const D extends RouteDef>(def: D) {
  const { method, path, ...schema } = def;
  return { method: method as D['method'], url: path as D['path'], schema: schema as Omit<D, 'method' | 'path'> };
}
