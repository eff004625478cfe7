import enCommon from '../messages/en/common.json';
import enEditor from '../messages/en/editor.json';
import enErrors from '../messages/en/errors.json';
import enExpressions from '../messages/en/expressions.json';
import enNodes from '../messages/en/nodes.json';
import enPages from '../messages/en/pages.json';
import enSettings from '../messages/en/settings.json';
import enTeams from '../messages/en/teams.json';
import enUsage from '../messages/en/usage.json';
import koCommon from '../messages/ko/common.json';
import koEditor from '../messages/ko/editor.json';
import koErrors from '../messages/ko/errors.json';
import koExpressions from '../messages/ko/expressions.json';
import koNodes from '../messages/ko/nodes.json';
import koPages from '../messages/ko/pages.json';
import koSettings from '../messages/ko/settings.json';
import koTeams from '../messages/ko/teams.json';
import koUsage from '../messages/ko/usage.json';
import type { Locale } from './locales';

/**
 * Namespaces: `common` (shell, shared widgets, statuses), `pages` (bots, runs, results, triggers,
 * auth), `settings` (connections, tokens), `teams` (workspaces, members, invitations, audit log,
 * roles), `usage` (costs, budgets, plan limits), `editor` (canvas, palette, inspector), `expressions`
 * (the expression editor: data tree, autocomplete, preview; the node run panel). `errors` is for
 * API error codes and `nodes` for the node catalogue's titles and descriptions; the server fills
 * those two, the web reads only the few client-side ones it owns.
 */
export const NAMESPACES = ['common', 'pages', 'settings', 'teams', 'editor', 'expressions', 'usage', 'errors', 'nodes'] as const;
export type Namespace = (typeof NAMESPACES)[number];

/** English is the source catalogue: its shape is the type every other language must match. */
export const sourceResources = {
  common: enCommon,
  pages: enPages,
  settings: enSettings,
  teams: enTeams,
  editor: enEditor,
  expressions: enExpressions,
  usage: enUsage,
  errors: enErrors,
  nodes: enNodes,
};
export type Resources = typeof sourceResources;

type Tree = { [key: string]: string | Tree };

export const resources: Record<Locale, Record<Namespace, Tree>> = {
  en: sourceResources,
  ko: {
    common: koCommon,
    pages: koPages,
    settings: koSettings,
    teams: koTeams,
    editor: koEditor,
    expressions: koExpressions,
    usage: koUsage,
    errors: koErrors,
    nodes: koNodes,
  },
};
