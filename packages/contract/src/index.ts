import { account } from './account';
import { auth } from './auth';
import { bots } from './bots';
import { connections } from './connections';
import { health, openapi } from './health';
import { me } from './me';
import { nodeTypes } from './node-types';
import { results } from './results';
import type { RouteDef, RouteKeyOf } from './route';
import { runs } from './runs';
import { schedules } from './schedules';
import { secrets } from './secrets';
import { tokens } from './tokens';
import { versions } from './versions';
import { webhooks } from './webhooks';
import { audit, invitations, members, workspaces } from './workspaces';
import { usage } from './usage';
import { budgets } from './budgets';
import { plans } from './plans';
import { portability, templates } from './templates';
import { pins } from './pins';
import { approvalLinks, approvals } from './approvals';

export * from './route';
export * from './common';
export * from './graph';
export * from './auth';
export * from './account';
export * from './me';
export * from './tokens';
export * from './connections';
export * from './bots';
export * from './versions';
export * from './webhooks';
export * from './runs';
export * from './results';
export * from './schedules';
export * from './secrets';
export * from './node-types';
export * from './health';
export * from './workspaces';
export * from './usage';
export * from './budgets';
export * from './plans';
export * from './templates';
export * from './pins';
export * from './approvals';

/** Every route of the public HTTP API, by concern. */
export const contract = {
  health,
  openapi,
  auth,
  account,
  me,
  tokens,
  connections,
  bots,
  versions,
  webhooks,
  runs,
  results,
  schedules,
  secrets,
  nodeTypes,
  workspaces,
  members,
  invitations,
  audit,
  usage,
  budgets,
  plans,
  templates,
  portability,
  pins,
  approvals,
  approvalLinks,
};

export type Contract = typeof contract;
type RoutesOf<G> = G[keyof G];
/** Every route definition of the contract. */
export type AnyContractRoute = { [G in keyof Contract]: RoutesOf<Contract[G]> }[keyof Contract];
/** `"GET /api/bots/:id"` for every route of the contract. */
export type RouteKey = AnyContractRoute extends infer D ? (D extends RouteDef ? RouteKeyOf<D> : never) : never;

/** The contract's routes as a flat list (the API registers each; tests compare against it). */
export const allRoutes: RouteDef[] = Object.values(contract).flatMap((group) => Object.values(group) as RouteDef[]);
