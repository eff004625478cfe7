import {
  Bot,
  Box,
  Braces,
  FileText,
  Filter,
  GitFork,
  Globe,
  Inbox,
  Layers,
  Mail,
  Merge,
  MessageSquare,
  Play,
  Repeat,
  Reply,
  Rss,
  Scissors,
  Sparkles,
  Split,
  Timer,
  Type,
  UserCheck,
  Webhook,
  Workflow,
  type LucideIcon,
  type LucideProps,
} from 'lucide-react';

/**
 * The lucide icons node types may name (`display.icon` in nodes/<kind>/<name>/definition.ts, served
 * by GET /api/node-types). Imported one by one so the bundle carries only these; a name not listed
 * here (a newer server) shows the neutral box. node-icon.test.ts checks every definition is mapped.
 */
export const NODE_ICONS: Readonly<Record<string, LucideIcon>> = {
  bot: Bot,
  braces: Braces,
  'file-text': FileText,
  filter: Filter,
  'git-fork': GitFork,
  globe: Globe,
  inbox: Inbox,
  layers: Layers,
  mail: Mail,
  merge: Merge,
  'message-square': MessageSquare,
  play: Play,
  repeat: Repeat,
  reply: Reply,
  rss: Rss,
  scissors: Scissors,
  sparkles: Sparkles,
  split: Split,
  timer: Timer,
  type: Type,
  'user-check': UserCheck,
  webhook: Webhook,
  workflow: Workflow,
};

export const FALLBACK_NODE_ICON: LucideIcon = Box;

export const nodeIconFor = (name: string | undefined): LucideIcon =>
  (name !== undefined && Object.hasOwn(NODE_ICONS, name) ? NODE_ICONS[name] : undefined) ?? FALLBACK_NODE_ICON;

/** A node type's icon; decorative (the type's title is always written beside it). */
export function NodeIcon({ name, size = 16, ...props }: { name: string | undefined } & LucideProps) {
  const Component = nodeIconFor(name);
  return <Component size={size} strokeWidth={2} aria-hidden="true" focusable="false" data-icon={name} {...props} />;
}
