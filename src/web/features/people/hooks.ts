import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api, keys, type PersonDetail, type UpdatePersonInput } from '../../api/client.ts';

/** After any change to the network: lists, facets, people, Me and matches are refetched when next seen. */
export function useInvalidateNetwork() {
  const qc = useQueryClient();
  return useCallback(
    () =>
      Promise.all([
        qc.invalidateQueries({ queryKey: keys.people }),
        qc.invalidateQueries({ queryKey: keys.facets }),
        qc.invalidateQueries({ queryKey: keys.persons }),
        qc.invalidateQueries({ queryKey: keys.me }),
        // Value Finder panels live under keys.persons; "I need…" answers depend on every offer and tie.
        qc.invalidateQueries({ queryKey: keys.matches }),
      ]),
    [qc],
  );
}

export function usePersonPatch(personId: string) {
  const qc = useQueryClient();
  const invalidate = useInvalidateNetwork();
  return useMutation({
    mutationFn: (body: UpdatePersonInput) => api.updatePerson(personId, body),
    meta: { silent: true },
    onSuccess: async (p: PersonDetail) => {
      qc.setQueryData(keys.person(personId), p);
      await invalidate();
    },
  });
}
