import type { Connection, EdgeChange, NodeChange, XYPosition } from '@xyflow/react';
import type { ApiErrorDetail } from '../../api/api-error';
import type {
  Graph,
  GraphInput,
  NodeSettings,
  OnFailure,
  NodeTypeDescription as NodeTypeDef,
  NodeRun,
  RunDetail,
  RunLoopItems,
} from '@bm/contract';
import type { BotFlowEdge, BotFlowNode, NoteFlowNode } from './flow-types';
import type { NotesSlice } from '../notes/notes-slice';
import type { IdCheck } from './ids';
import type { ClipboardEnvelope } from './clipboard';
import type { PasteResult } from './edit-slice';

/** Bot-level fields edited alongside the graph and saved with it. */
export type BotMeta = {
  name: string;
  description: string;
  llmConnectionId: string | null;
  llmModelOverride: string | null;
  /** What happens when a run fails: another bot to run, and channels to tell (null: nothing). */
  onFailure: OnFailure | null;
};

export type CatalogueSlice = {
  /** The latest version of each type: what new nodes get. */
  nodeTypes: Record<string, NodeTypeDef>;
  /** Every version, by `type@version` (read through nodeTypeOf). */
  nodeTypeVersions: Record<string, NodeTypeDef>;
  setCatalogue: (list: readonly NodeTypeDef[]) => void;
};

export type GraphSlice = {
  nodes: BotFlowNode[];
  edges: BotFlowEdge[];
  onNodesChange: (changes: NodeChange<BotFlowNode>[]) => void;
  onEdgesChange: (changes: EdgeChange<BotFlowEdge>[]) => void;
  onConnect: (connection: Connection) => void;
  /** Adds a node of `type`; with `connectFrom`, wires that node's first output to the new node. */
  addNode: (type: string, position: XYPosition, options?: { connectFrom?: string }) => string | null;
  updateParams: (nodeId: string, patch: Record<string, unknown>) => void;
  setLabel: (nodeId: string, label: string) => void;
  setSettings: (nodeId: string, settings: NodeSettings) => void;
  deleteNodes: (nodeIds: readonly string[]) => void;
  deleteSelection: () => void;
  selectNode: (nodeId: string | null) => void;
  /**
   * Gives node `from` the id `to` and rewrites every reference to it (see rename-node.ts). Refuses
   * an id that is empty, not identifier-safe or taken.
   */
  renameNode: (from: string, to: string) => IdCheck;
  /**
   * A node added here and not yet saved takes its id from its name (`Summarise` → `summarise`)
   * unless its id was renamed by hand; returns the id it has now.
   */
  followLabel: (nodeId: string) => string;
  /** Ids the editor derived from a node's name (see idFollowsName). */
  derivedIds: Record<string, true>;
  /** The latest rename, so the inspector keeps its state (and focus) across it. */
  lastRename: { from: string; to: string } | null;
};

export type DocumentSlice = {
  botId: string | null;
  meta: BotMeta;
  savedSnapshot: string;
  dirty: boolean;
  /** `version`: the bot's version this document is (the base of the next save). */
  load: (bot: { id: string; graph: Graph; meta: BotMeta; version?: number }) => void;
  setMeta: (patch: Partial<BotMeta>) => void;
  /** Forgets the open bot (leaving it without saving). */
  unload: () => void;
  /**
   * Records what the server now has: `snapshot` (taken when the save started, so edits made while
   * it was in flight stay unsaved) or else the current document.
   */
  markSaved: (snapshot?: string) => void;
};

export type Snapshot = { nodes: BotFlowNode[]; edges: BotFlowEdge[]; notes: NoteFlowNode[]; meta: BotMeta };

export type HistorySlice = {
  past: Snapshot[];
  future: Snapshot[];
  /** Remembers the current document before a change; calls with the same key close together merge. */
  checkpoint: (key?: string) => void;
  undo: () => void;
  redo: () => void;
};

/** One loop item picked in the run view: its node runs are shown for the loop's body nodes. */
export type RunItemView = { loopId: string; item: number; nodes: NodeRun[] | null };

export type RunSlice = {
  run: RunDetail | null;
  /** What the canvas and the node panel show: the run's node runs, the picked item's for its body nodes. */
  runNodes: Record<string, NodeRun>;
  setRun: (run: RunDetail | null) => void;
  /** The run's loops and their items' states (GET /api/runs/:id/items). */
  loops: RunLoopItems[];
  setLoops: (loops: RunLoopItems[]) => void;
  runItem: RunItemView | null;
  /** Picks a loop item (nodes null while they load), or none. */
  setRunItem: (view: RunItemView | null) => void;
  /**
   * The bot's latest run, loaded for sample data when no run is being watched: the expression
   * editor's field tree and previews read node outputs from `runNodes`, else from here.
   */
  sampleNodes: Record<string, NodeRun>;
  sampleInput: unknown;
  setSampleRun: (run: RunDetail | null) => void;
  issues: ApiErrorDetail[];
  setIssues: (issues: ApiErrorDetail[]) => void;
};

export type DraftError = { nodeId: string; field: string; message: string };

export type DraftSlice = {
  /** Inputs whose text does not parse, by `${nodeId}::${paramKey}`. */
  draftErrors: Record<string, DraftError>;
  /** `field.label` names the input in messages; a null error clears it. */
  setDraftError: (nodeId: string, field: { key: string; label: string }, error: string | null) => void;
};

/**
 * A graph shown on the canvas in place of the document, read-only: one version as it was
 * (`view`), or what `after` changed against `before` (`diff`: added, removed and changed nodes
 * marked). `context` says whose graphs they are: an older version against the current document
 * (history), or the bot as someone else saved it against the unsaved document (conflict).
 */
export type VersionView =
  | { kind: 'view'; version: number; graph: GraphInput }
  | { kind: 'diff'; context: 'history' | 'conflict'; version: number; before: GraphInput; after: GraphInput };

export type VersionSlice = {
  baseVersion: number | null;
  setBaseVersion: (version: number | null) => void;
  /** A save was refused: the bot is at `current` now. */
  conflict: { current: number } | null;
  setConflict: (conflict: { current: number } | null) => void;
  historyOpen: boolean;
  setHistoryOpen: (open: boolean) => void;
  versionView: VersionView | null;
  setVersionView: (view: VersionView | null) => void;
};

export type EditSlice = {
  /** The selected nodes and the edges between them, as the clipboard holds them; null when nothing is selected. */
  copySelection: () => ClipboardEnvelope | null;
  /** Adds a copied selection (new ids, references remapped; see clipboard.ts) as the new selection, in one undo step. */
  pasteEnvelope: (env: ClipboardEnvelope, at?: { x: number; y: number }) => PasteResult;
  /** Pastes a copy of the selection beside it; null when nothing is selected. */
  duplicateSelection: () => PasteResult | null;
  selectAll: () => void;
  /** Turns nodes off (kept, not run) or on again, in one undo step. */
  setDisabled: (nodeIds: readonly string[], disabled: boolean) => void;
};

export type EditorState = CatalogueSlice &
  GraphSlice &
  NotesSlice &
  DocumentSlice &
  HistorySlice &
  RunSlice &
  DraftSlice &
  VersionSlice &
  EditSlice;
