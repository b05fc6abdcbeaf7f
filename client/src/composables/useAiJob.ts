import { useApolloClient } from '@vue/apollo-composable';
import { ApolloError } from '@apollo/client/core';
import type { ObservableSubscription } from '@apollo/client/core';
import { computed, onBeforeUnmount, ref, shallowRef, watch, type Ref } from 'vue';
import {
  AiJobEventsSubscription,
  AiJobFieldsFragment,
  AiJobResultQuery,
  AiJobSummaryFragment,
} from '../components/assistant/assistant.documents';
import { getFragmentData } from '../gql';
import type {
  AiJobEventsSubscription as AiJobEventsResult,
  AiJobFieldsFragment as AiJobFields,
  AiJobResultQuery as AiJobResultData,
} from '../gql/graphql';
import { applyAiJobEvent, emptyAiJobView, type AiJobStreamEvent } from './aiJobEvents';

type EventData = AiJobEventsResult['aiJob'];

const resultOf = (job: AiJobResultData['aiJob']): AiJobFields =>
  getFragmentData(AiJobFieldsFragment, job);

/** The job the event carries (snapshot and terminal events do), unmasked. */
function jobOf(event: EventData) {
  return 'job' in event && event.job ? getFragmentData(AiJobSummaryFragment, event.job) : null;
}

/**
 * Follows one AI job through the `aiJob` subscription: the snapshot first (after a page
 * reload it holds the text so far), then progress, text and the terminal event. Changing
 * `jobId` follows the new job; nothing is followed while it is null.
 */
export function useAiJob(jobId: Ref<string | null>) {
  const { resolveClient } = useApolloClient();
  const view = ref(emptyAiJobView());
  const job = shallowRef<ReturnType<typeof jobOf>>(null);
  /** The finished job with its result (plan, advice or synergy), once it succeeded. */
  const result = shallowRef<AiJobFields | null>(null);
  const streamError = shallowRef<unknown>(null);
  let subscription: ObservableSubscription | null = null;

  function stop(): void {
    subscription?.unsubscribe();
    subscription = null;
  }

  function follow(id: string | null): void {
    stop();
    view.value = emptyAiJobView();
    job.value = null;
    result.value = null;
    streamError.value = null;
    if (!id) return;
    subscription = resolveClient()
      .subscribe({
        query: AiJobEventsSubscription,
        variables: { id },
        // Events are a log, not entities: nothing to normalize.
        fetchPolicy: 'no-cache',
      })
      .subscribe({
        next: (message) => {
          const event = message.data?.aiJob;
          if (!event) {
            if (message.errors?.length) {
              streamError.value = new ApolloError({ graphQLErrors: message.errors });
            }
            return;
          }
          view.value = applyAiJobEvent(view.value, event as AiJobStreamEvent);
          job.value = jobOf(event) ?? job.value;
          if (view.value.terminal === 'SUCCEEDED' && !result.value) void fetchResult(id);
        },
        error: (error: unknown) => {
          streamError.value = error;
        },
      });
  }

  async function fetchResult(id: string): Promise<void> {
    try {
      const response = await resolveClient().query({
        query: AiJobResultQuery,
        variables: { id },
        fetchPolicy: 'network-only',
      });
      if (jobId.value === id) result.value = resultOf(response.data.aiJob);
    } catch (error) {
      if (jobId.value === id) streamError.value = error;
    }
  }

  watch(jobId, follow, { immediate: true });
  onBeforeUnmount(stop);

  /** A failed job's coded error, in the shape ErrorAlert explains to players. */
  const failure = computed(() => {
    const error = view.value.error ?? job.value?.error;
    if (view.value.terminal !== 'FAILED' || !error) return null;
    return new ApolloError({
      graphQLErrors: [{ message: error.message, extensions: { code: error.code } }],
    });
  });

  return { view, job, result, streamError, failure };
}
