import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useParams } from 'react-router-dom';
import { useShallow } from 'zustand/react/shallow';
import type { NodeRun } from '@bm/contract';
import { queryKeys } from '../../api/query-keys';
import { secretsApi } from '../../api/secrets';
import { useBot } from '../../api/use-bot';
import { nodeTypeOf } from '../store/catalogue-slice';
import { useEditorStore } from '../store/editor-store';
import { nodeById, upstreamNodeIds } from '../store/graph-queries';
import type { EditorState } from '../store/types';
import { buildExpressionData, parseSample, type ExpressionData, type SampleSource, type UpstreamFacts } from './expression-data';

const STRIDE = 4;

/**
 * The facts the data tree depends on, flat, so that zustand's shallow compare keeps the result
 * while the user types (params change; labels and outputs do not): no re-render per key.
 */
function selectFacts(s: EditorState, nodeId: string): unknown[] {
  const out: unknown[] = [];
  const manual = s.nodes.find((n) => n.data.type === 'source.manual');
  out.push(s.run ? s.run.input : s.sampleInput, manual?.data.params.sample, s.nodeTypes);
  for (const id of upstreamNodeIds(s, nodeId)) {
    const data = nodeById(s.nodes, id)?.data;
    if (!data) continue;
    const def = nodeTypeOf(s, data);
    out.push(id, data.label || def?.title || data.type, def, s.runNodes[id] ?? s.sampleNodes[id]);
  }
  return out;
}

/** Sample data, trees and autocomplete for the expressions of `nodeId`; `enabled` false while no field of it is being edited. */
export function useExpressionData(nodeId: string, enabled: boolean): ExpressionData | null {
  const facts = useEditorStore(useShallow((s) => (enabled ? selectFacts(s, nodeId) : [])));
  const { botId } = useParams();
  const bot = useBot(botId);
  const workspaceId = bot.data?.workspaceId;
  // Names only (values never leave the server); a viewer may not list them, then previews show placeholders.
  const secrets = useQuery({
    queryKey: queryKeys.secrets(workspaceId),
    queryFn: () => secretsApi.list(workspaceId),
    enabled: enabled && Boolean(workspaceId),
    retry: false,
    staleTime: 60_000,
  });
  // Pins come with the bot's answer, not the editor's document (pinning never touches a save).
  const pins = useMemo(() => {
    const m = new Map<string, unknown>();
    for (const n of bot.data?.graph.nodes ?? []) if (n.pinnedOutput !== undefined) m.set(n.id, n.pinnedOutput);
    return m;
  }, [bot.data]);
  const names = secrets.data?.secrets.map((x) => x.name) ?? null;
  const namesKey = names?.join('\u0000') ?? null;
  return useMemo(() => {
    if (!enabled) return null;
    const [runInput, sample] = facts as [unknown, unknown];
    const sampleValue = parseSample(sample);
    let input: { value: unknown; source: SampleSource } = { value: undefined, source: 'none' };
    if (runInput !== undefined && runInput !== null) input = { value: runInput, source: 'run' };
    else if (sampleValue !== undefined) input = { value: sampleValue, source: 'sample' };
    const upstream: UpstreamFacts[] = [];
    for (let i = 3; i + STRIDE <= facts.length; i += STRIDE) {
      upstream.push({
        nodeId: facts[i] as string,
        title: facts[i + 1] as string,
        def: facts[i + 2] as UpstreamFacts['def'],
        pinned: pins.get(facts[i] as string),
        nodeRun: facts[i + 3] as NodeRun | undefined,
      });
    }
    return buildExpressionData(input, upstream, namesKey === null ? null : namesKey === '' ? [] : namesKey.split('\u0000'));
  }, [enabled, facts, namesKey, pins]);
}
