import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Settings, SettingsPatch, SettingsResult } from '../../electron/api/settings-schemas';
import { client, orpc } from './client';

const KEY = orpc.settings.get.queryKey({ input: {} });
const SET_KEY = ['settings', 'set'];

/** The settings, read once and kept current by our own writes. */
export function useSettings(): Settings | undefined {
  return useQuery({ ...orpc.settings.get.queryOptions({ input: {} }) }).data?.settings;
}

export function useSettingsResult(): SettingsResult | undefined {
  return useQuery({ ...orpc.settings.get.queryOptions({ input: {} }) }).data;
}

export function useUpdateSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: SET_KEY,
    mutationFn: (patch: SettingsPatch) => client.settings.set(patch),
    // Show the change at once (a checkbox must not wait for the round trip); the answer confirms it.
    onMutate: (patch) => {
      const previous = queryClient.getQueryData<SettingsResult>(KEY);
      if (previous) {
        const confirmations = { ...previous.settings.confirmations, ...patch.confirmations };
        queryClient.setQueryData<SettingsResult>(KEY, { ...previous, settings: { ...previous.settings, ...patch, confirmations } });
      }
      return { previous };
    },
    onError: (_error, _patch, context) => {
      if (context?.previous) queryClient.setQueryData(KEY, context.previous);
    },
    // An older answer must not undo a newer optimistic change: the last call's answer wins.
    onSuccess: (result) => {
      if (queryClient.isMutating({ mutationKey: SET_KEY }) <= 1) queryClient.setQueryData(KEY, result);
    },
  });
}

export function useAcknowledgeRecovery() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => client.settings.acknowledgeRecovery({}),
    onSuccess: () => queryClient.setQueryData<SettingsResult>(KEY, (old) => (old ? { ...old, recoveredFrom: null } : old)),
  });
}
