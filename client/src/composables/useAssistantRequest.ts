import { useMutation } from '@vue/apollo-composable';
import { computed, shallowRef } from 'vue';
import {
  ComposeSquadMutation,
  ExplainSynergyMutation,
  ReviewBuildMutation,
} from '../components/assistant/assistant.documents';
import type { AssistantRequest } from '../components/assistant/assistantRequest';

/** Starts an AI job for a request; resolves with the job's id (null when refused: see `error`). */
export function useAssistantRequest() {
  const compose = useMutation(ComposeSquadMutation);
  const review = useMutation(ReviewBuildMutation);
  const synergy = useMutation(ExplainSynergyMutation);
  const error = shallowRef<unknown>(null);
  const asking = computed(
    () => compose.loading.value || review.loading.value || synergy.loading.value,
  );

  async function ask(request: AssistantRequest): Promise<string | null> {
    error.value = null;
    try {
      switch (request.kind) {
        case 'COMPOSE_SQUAD':
          return (await compose.mutate({ input: request.input }))?.data?.composeSquad.id ?? null;
        case 'REVIEW_BUILD':
          return (await review.mutate({ input: request.input }))?.data?.reviewBuild.id ?? null;
        case 'EXPLAIN_SYNERGY':
          return (await synergy.mutate({ input: request.input }))?.data?.explainSynergy.id ?? null;
      }
    } catch (caught) {
      error.value = caught;
      return null;
    }
  }

  return { ask, asking, error };
}
