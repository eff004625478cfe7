import type { z } from 'zod';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/**
 * One route of the public API: its method and path (Fastify syntax, `:name` params) and the zod
 * schemas of its params, query string, body and every response status. The API registers routes
 * from these; the OpenAPI document and the web client's types come from the same objects.
 */
export interface RouteDef {
  method: HttpMethod;
  path: string;
  params?: z.ZodType;
  querystring?: z.ZodType;
  body?: z.ZodType;
  response: Record<number, z.ZodType>;
}

/** Keeps the literal method and path types (they key the permission table). */
export const route = <const D extends RouteDef>(def: D): D => def;

/** `"GET /api/bots/:id"`: how the permission table and tests name a route. */
export type RouteKeyOf<D extends RouteDef> = `${D['method']} ${D['path']}`;

export const routeKey = (def: RouteDef): string => `${def.method} ${def.path}`;
