import { useMutation, useQueryClient } from '@tanstack/react-query';
import i18n from '../../i18n/index.ts';
import { api, ApiError } from '../../api/client.ts';
import { notifyError, notifySuccess } from '../../components/errors.ts';

export function useLoadDemo(onDone?: () => void) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: api.loadDemo,
    meta: { silent: true },
    onSuccess: async (r) => {
      notifySuccess(i18n.t('welcome.demoLoaded', { count: r.people }));
      await qc.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'session' });
      onDone?.();
    },
    onError: async (err) => {
      if (err instanceof ApiError && err.status === 409) {
        notifyError(err);
        await qc.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'session' });
        onDone?.();
        return;
      }
      notifyError(err);
    },
  });
}
