import { useQuery } from '@tanstack/react-query';
import { queryKeys } from '../../api/query-keys';
import { secretsApi } from '../../api/secrets';
import { isInstallationAdmin, templatesApi } from '../../api/templates';
import { useWorkspaceId } from '../../session/workspace';

/** The gallery of the current workspace: built-in, installation and this workspace's templates. */
export function useTemplates() {
  const workspaceId = useWorkspaceId();
  return useQuery({
    queryKey: queryKeys.templates(workspaceId),
    queryFn: () => templatesApi.list(workspaceId),
    select: (d) => d.templates,
  });
}

/** The workspace secrets a secret slot can be bound to (asked only when a slot needs one). */
export function useWorkspaceSecrets(enabled: boolean) {
  const workspaceId = useWorkspaceId();
  return useQuery({
    queryKey: queryKeys.secrets(workspaceId),
    queryFn: () => secretsApi.list(workspaceId),
    select: (d) => d.secrets,
    enabled,
  });
}

/** Asked only where it matters (publishing), since the answer costs a request that most users fail. */
export function useInstallationAdmin(enabled: boolean) {
  return useQuery({ queryKey: queryKeys.installationAdmin, queryFn: isInstallationAdmin, staleTime: 5 * 60_000, enabled });
}
