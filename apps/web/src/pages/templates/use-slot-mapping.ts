import { useEffect, useMemo, useState } from 'react';
import { useConnections } from '../../api/use-connections';
import { isComplete, resolveMapping, slotsWithoutConnection, type SlotLike, type SlotMapping } from './slot-mapping';
import { useWorkspaceSecrets } from './use-templates';

/** The state of a slot-mapping step: the user's choices over the starting ones, and whether it can go ahead. */
export function useSlotMapping(slots: readonly SlotLike[], secretSlots: readonly string[]) {
  const connections = useConnections();
  const secrets = useWorkspaceSecrets(secretSlots.length > 0);
  const [chosen, setChosen] = useState<SlotMapping>({ connections: {}, secrets: {} });
  // The lists may be from before a connection or secret was added elsewhere (another tab, the API):
  // a mapping step asks again, so "no connection fits" is never stale.
  const { refetch: refetchConnections } = connections;
  const { refetch: refetchSecrets } = secrets;
  const needsSecrets = secretSlots.length > 0;
  useEffect(() => {
    void refetchConnections();
    if (needsSecrets) void refetchSecrets();
  }, [refetchConnections, refetchSecrets, needsSecrets]);
  const connectionList = useMemo(() => connections.data ?? [], [connections.data]);
  const secretList = useMemo(() => secrets.data ?? [], [secrets.data]);
  const mapping = useMemo(
    () => resolveMapping(slots, secretSlots, connectionList, secretList, chosen),
    [slots, secretSlots, connectionList, secretList, chosen],
  );
  return {
    connections: connectionList,
    secrets: secretList,
    secretsUnavailable: secrets.isError,
    loading: connections.isPending || (secretSlots.length > 0 && secrets.isPending),
    error: connections.error,
    mapping,
    setMapping: setChosen,
    complete: isComplete(slots, secretSlots, mapping),
    missing: slotsWithoutConnection(slots, connectionList),
  };
}
