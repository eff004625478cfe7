import enCommon from '../messages/en/common.json';
import enEditor from '../messages/en/editor.json';
import enErrors from '../messages/en/errors.json';
import enGallery from '../messages/en/gallery.json';
import enExpressions from '../messages/en/expressions.json';
import enNodes from '../messages/en/nodes.json';
import enPages from '../messages/en/pages.json';
import enSettings from '../messages/en/settings.json';
import enTeams from '../messages/en/teams.json';
import enTemplates from '../messages/en/templates.json';
import enUsage from '../messages/en/usage.json';
import enDebug from '../messages/en/debug.json';
import enVersions from '../messages/en/versions.json';
import koCommon from '../messages/ko/common.json';
import koEditor from '../messages/ko/editor.json';
import koErrors from '../messages/ko/errors.json';
import koGallery from '../messages/ko/gallery.json';
import koExpressions from '../messages/ko/expressions.json';
import koNodes from '../messages/ko/nodes.json';
import koPages from '../messages/ko/pages.json';
import koSettings from '../messages/ko/settings.json';
import koTeams from '../messages/ko/teams.json';
import koTemplates from '../messages/ko/templates.json';
import koUsage from '../messages/ko/usage.json';
import koDebug from '../messages/ko/debug.json';
import koVersions from '../messages/ko/versions.json';
import type { Locale } from './locales';

/**
 * Namespaces: `common` (shell, shared widgets, statuses), `pages` (bots, runs, results, triggers,
 * auth), `settings` (connections, tokens), `teams` (workspaces, members, invitations, audit log,
 * roles), `usage` (costs, budgets, plan limits), `versions` (version history, diffs, save conflicts), `debug` (pinned data, run from a node, live runs),
 * `gallery` (the template gallery, using and publishing templates, export, import and duplicate),
 * `editor` (canvas, palette, inspector), `expressions` (the expression editor: data tree,
 * autocomplete, preview; the node run panel). `errors` is for API error codes, `nodes` for the node
 * catalogue's titles and descriptions and `templates` for the built-in gallery's names,
 * descriptions and categories; the server fills those three, the web reads only the few
 * client-side ones it owns.
 */
export const NAMESPACES = [
  'common',
  'pages',
  'settings',
  'teams',
  'editor',
  'expressions',
  'usage',
  'versions',
  'debug',
  'gallery',
  'errors',
  'nodes',
  'templates',
] as const;
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
  debug: enDebug,
  gallery: enGallery,
  versions: enVersions,
  errors: enErrors,
  nodes: enNodes,
  templates: enTemplates,
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
    debug: koDebug,
    gallery: koGallery,
    versions: koVersions,
    errors: koErrors,
    nodes: koNodes,
    templates: koTemplates,
  },
};
