/**
 * The English of every validation issue, by catalogue key. This file is the source: apps/api's
 * `i18n:nodes` script writes it into @bm/i18n's `errors` catalogue under `graph.*` (where the
 * other languages translate it), and a test there fails when the catalogue is stale or when ICU
 * would render a message differently from `renderGraphMessage`. @bm/graph stays free of i18next:
 * it runs inside the Temporal workflow sandbox, and its English only needs `{name}` arguments.
 *
 * Rules for the texts: arguments are `{name}` only (no select or plural: a variant is its own
 * key), no other braces, and no apostrophe before a brace (ICU would read it as a quote).
 * Arguments are plain values: node names as `"label" (type)`, ids, handles, types and counts.
 */
export const GRAPH_MESSAGES = {
  'INVALID_GRAPH.at': 'Invalid graph at {path}: {detail}',
  'INVALID_GRAPH.top': 'Invalid graph at the top level: {detail}',
  TOO_MANY_NODES: 'The graph has {count} nodes; the limit is {max}. Split it into smaller bots.',
  DUPLICATE_NODE_ID: 'Two nodes share the id "{id}": {first} and {second}. Node ids must be unique.',
  DUPLICATE_EDGE_ID: 'Two connections share the id "{id}".',
  DUPLICATE_EDGE: 'Connection "{edge}" duplicates another connection from {source} to {target}.',
  'DANGLING_EDGE.from': 'Connection "{edge}" goes from unknown node "{source}"; delete it or reconnect it.',
  'DANGLING_EDGE.to': 'Connection "{edge}" goes to unknown node "{target}"; delete it or reconnect it.',
  'DANGLING_EDGE.both': 'Connection "{edge}" goes from unknown node "{source}" and to unknown node "{target}"; delete it or reconnect it.',
  'DANGLING_EDGE.output': 'Connection "{edge}" starts at output "{handle}" of {node}, which has no such output (outputs: {ports}).',
  'DANGLING_EDGE.input': 'Connection "{edge}" ends at input "{handle}" of {node}, which has no such input (inputs: {ports}).',
  'DANGLING_EDGE.errorOff':
    'Connection "{edge}" starts at the error output of {node}, which is off. Turn on "Route failures to the error output" in the node settings, or delete the connection.',
  LOOP_NO_COLLECT: '{node} has no Collect node: connect the end of its per-item steps to a flow.collect node.',
  LOOP_MANY_COLLECTS: '{node} leads to more than one Collect node ({collects}); a loop ends at exactly one.',
  LOOP_NESTED:
    '{node} is inside the loop {loop}. Loops cannot be nested: move the inner loop into another bot and call it with flow.subbot.',
  LOOP_LEAK:
    '{node} runs once per item of {loop}, but Connection "{edge}" takes its output to {target}, outside the loop. Pass it on through the Collect node of the loop.',
  SUBBOT_NOT_FOUND: '{node} runs a bot that is not in this workspace (id {bot}). Pick another bot in the node.',
  SUBBOT_CYCLE: '{node} would make the bot call itself: {path}. A bot cannot run itself, directly or through other bots.',
  COLLECT_NO_LOOP: '{node} collects the items of a loop, but no flow.loop node leads to it.',
  COLLECT_OUTSIDE_INPUT: '{node} collects the items of {loop}, but Connection "{edge}" brings in {source}, which is outside the loop.',
  'INVALID_EDGE.noOutput': '{node} has no output, but Connection "{edge}" starts from it.',
  'INVALID_EDGE.noInput': '{node} takes no input, but Connection "{edge}" connects {source} into it.',
  INCOMPATIBLE_PORTS: '{source} outputs {from} but {node} input "{port}" expects {to} (Connection "{edge}").',
  MULTIPLE_INPUTS:
    '{node} input "{port}" accepts one connection but has {count} (from {sources}); merge them with a transform.merge node first.',
  'DISABLED_NOT_ALLOWED.trigger':
    '{node} starts the run: it cannot be disabled (the run would do nothing). Enable it, or disable the nodes after it.',
  'DISABLED_NOT_ALLOWED.loop':
    '{node} is a loop or collects the items of one: it cannot be disabled. Enable it, or disable the nodes inside the loop.',
  CYCLE: 'These nodes form a cycle: {path}. Remove one of these connections.',
  TOO_MANY_OF_TYPE: 'A bot may have only one {type} node, but this one has {count}: {nodes}. Keep one and delete the others.',
  UNKNOWN_NODE_TYPE: '{node} has an unknown node type "{type}" (version {version}).',
  UNKNOWN_NODE_VERSION: '{node} uses version {version}, which does not exist (available: {available}).',
  MISSING_PARAM: '{node}: parameter "{param}" is required.',
  'INVALID_PARAM.type': '{node}: parameter "{param}": expected {expected}, received {received}.',
  'INVALID_PARAM.empty': '{node}: parameter "{param}" must not be empty.',
  'INVALID_PARAM.minLength': '{node}: parameter "{param}" must have at least {limit} characters.',
  'INVALID_PARAM.maxLength': '{node}: parameter "{param}" must have at most {limit} characters.',
  'INVALID_PARAM.minItems': '{node}: parameter "{param}" must have at least {limit} items.',
  'INVALID_PARAM.maxItems': '{node}: parameter "{param}" must have at most {limit} items.',
  'INVALID_PARAM.min': '{node}: parameter "{param}" must be at least {limit}.',
  'INVALID_PARAM.max': '{node}: parameter "{param}" must be at most {limit}.',
  'INVALID_PARAM.above': '{node}: parameter "{param}" must be greater than {limit}.',
  'INVALID_PARAM.below': '{node}: parameter "{param}" must be less than {limit}.',
  'INVALID_PARAM.integer': '{node}: parameter "{param}" must be a whole number.',
  'INVALID_PARAM.oneOf': '{node}: parameter "{param}": expected one of {options}.',
  'INVALID_PARAM.format': '{node}: parameter "{param}" is not a valid {format}.',
  'INVALID_PARAM.unknownKeys': '{node}: parameter "{param}" has fields it does not know: {keys}.',
  'INVALID_PARAM.unknownParams': '{node}: unknown parameters: {keys}.',
  'INVALID_PARAM.httpUrl': '{node}: parameter "{param}" must be an http:// or https:// URL.',
  /** A node definition's own (English) refinement message that reads on from the name ("must be …"). */
  'INVALID_PARAM.predicate': '{node}: parameter "{param}" {detail}.',
  'INVALID_PARAM.other': '{node}: parameter "{param}": {detail}.',
  'INVALID_PARAM.whole': '{node}: parameters: {detail}.',
  /** output.respond's header and status rules. */
  'INVALID_PARAM.headerForbidden':
    '{node}: parameter "{param}" cannot set the header {header}: the server sets it for every answer, or it would be unsafe on this address.',
  'INVALID_PARAM.headerName': '{node}: parameter "{param}": "{header}" is not a valid header name.',
  'INVALID_PARAM.headersObject': '{node}: parameter "{param}" must be header names with values, or one expression that gives them.',
  'INVALID_PARAM.headerValue': '{node}: parameter "{param}": the value of {header} must be one line of text.',
  'INVALID_PARAM.informationalStatus': '{node}: parameter "{param}" must be a final status (200 to 599), not {status}.',
  'INVALID_PARAM.statusWithoutBody': '{node}: an answer with status {status} has no body; clear the body or choose another status.',
  'LLM_CONNECTION_MISSING.none':
    '{node} has no LLM connection: choose one on the node, or set a default connection for the bot (Settings → LLM Connections to add one).',
  'LLM_CONNECTION_MISSING.botInactive':
    '{node} has no LLM connection: The bot\'s default LLM connection "{connection}" is deactivated. Activate it in Settings → LLM Connections, or pick another connection for the bot.',
  'LLM_CONNECTION_MISSING.botUnavailable':
    "{node} has no LLM connection: The bot's default LLM connection no longer exists or is not available to you. Pick another connection for the bot.",
  'LLM_CONNECTION_MISSING.botPersonal':
    '{node} has no LLM connection you may use: the bot\'s default LLM connection "{connection}" is the personal connection of {owner}, and only their runs and triggers may use their key. Pick a shared connection or one of your own for the bot.',
  LLM_CONNECTION_PERSONAL:
    '{node} uses "{connection}", the personal LLM connection of {owner}: only their runs and triggers may use their key. Pick a shared connection or one of your own on the node.',
  LLM_CONNECTION_UNUSABLE:
    '{node} uses LLM connection "{connection}", which does not exist, is inactive or is not shared with this bot\'s workspace. Pick a shared connection or one of your own on the node.',
  EXPRESSION_SYNTAX: '{node}, parameter "{param}": Expression syntax error at character {position} of "{snippet}": {detail}',
  EXPRESSION_UNKNOWN_NODE: '{node}, parameter "{param}" refers to {ref}, but there is no node with id "{id}".',
  'EXPRESSION_NOT_UPSTREAM.self':
    '{node}, parameter "{param}" refers to its own output ({ref}); a node can only use the outputs of nodes before it.',
  'EXPRESSION_NOT_UPSTREAM.other':
    '{node}, parameter "{param}" refers to {ref}, but {other} does not run before it; connect it to this node (directly or through other nodes).',
  SECRET_MISSING: '{node} uses secrets.{name}, which does not exist in this workspace. An admin adds it under Settings → Secrets.',
} as const;

/** A validation message's key inside GRAPH_MESSAGES; in the `errors` catalogue it is `graph.<key>`. */
export type GraphMessageKey = keyof typeof GRAPH_MESSAGES;
export type MessageParams = Record<string, string | number>;

/** The catalogue namespace prefix of validation messages (`errors:graph.CYCLE`). */
export const GRAPH_KEY_PREFIX = 'graph.';

/** The English text of a message; an argument that was not given stays visible as `{name}`. */
export function renderGraphMessage(key: GraphMessageKey, params: MessageParams): string {
  return GRAPH_MESSAGES[key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
