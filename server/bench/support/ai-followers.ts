/**
 * Followers of one AI job over graphql-ws (the protocol spoken directly over `ws`, as the
 * subscriptions bench does): each notes when its first event and its terminal event arrived
 * and rebuilds the text from the snapshot and the deltas, so the run can check that every
 * follower got the whole text exactly once.
 */
import WebSocket from 'ws';

const DOCUMENT = `subscription ($id: ID!) {
  aiJob(id: $id) {
    __typename index
    ... on AiJobSnapshot { text }
    ... on AiJobTextDelta { delta }
    ... on AiJobTextReset { reason }
  }
}`;

interface StreamEvent {
  __typename: string;
  index: number;
  text?: string | null;
  delta?: string;
}

export interface Follower {
  /** performance.now() at subscribe, first event, first delta and terminal event. */
  subscribedAt: number;
  firstEventAt: number;
  firstDeltaAt: number;
  terminalAt: number;
  text: string;
  deltas: number;
  failed: string | null;
  socket: WebSocket;
  /** Sends the subscription for job `id` on the open, acknowledged socket. */
  subscribe(id: string): void;
}

const TERMINAL = new Set(['AiJobSucceeded', 'AiJobFailed', 'AiJobCancelled']);

/** Opens one socket and resolves once the server acknowledged it (subscribe later). */
export function connectFollower(url: string, token: string): Promise<Follower> {
  const socket = new WebSocket(url, 'graphql-transport-ws', { perMessageDeflate: false });
  const follower: Follower = {
    subscribedAt: 0,
    firstEventAt: 0,
    firstDeltaAt: 0,
    terminalAt: 0,
    text: '',
    deltas: 0,
    failed: null,
    socket,
    subscribe(id) {
      socket.send(
        JSON.stringify({
          id: '1',
          type: 'subscribe',
          payload: { query: DOCUMENT, variables: { id } },
        }),
      );
      follower.subscribedAt = performance.now();
    },
  };
  return new Promise((resolve, reject) => {
    socket.on('open', () =>
      socket.send(
        JSON.stringify({ type: 'connection_init', payload: { Authorization: `Bearer ${token}` } }),
      ),
    );
    socket.on('error', (error) => {
      follower.failed ??= error.message;
      reject(error);
    });
    socket.on('message', (data: Buffer) => {
      const now = performance.now();
      const message = JSON.parse(data.toString('utf8')) as {
        type: string;
        payload?: { data?: { aiJob?: StreamEvent }; errors?: unknown };
      };
      if (message.type === 'connection_ack') {
        resolve(follower);
        return;
      }
      if (message.type === 'error') {
        follower.failed ??= JSON.stringify(message.payload).slice(0, 200);
        return;
      }
      const event = message.payload?.data?.aiJob;
      if (message.type !== 'next' || !event) return;
      if (follower.firstEventAt === 0) follower.firstEventAt = now;
      switch (event.__typename) {
        case 'AiJobSnapshot':
          follower.text = event.text ?? follower.text;
          break;
        case 'AiJobTextDelta':
          if (follower.firstDeltaAt === 0) follower.firstDeltaAt = now;
          follower.text += event.delta ?? '';
          follower.deltas += 1;
          break;
        case 'AiJobTextReset':
          follower.text = '';
          break;
        default:
          if (TERMINAL.has(event.__typename)) follower.terminalAt = now;
      }
    });
  });
}

/** Waits until every follower saw its terminal event (or failed), at most `timeoutMs`. */
export async function untilFinished(followers: readonly Follower[], timeoutMs: number) {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    if (followers.every((f) => f.terminalAt > 0 || f.failed)) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export function closeAll(followers: readonly Follower[]): void {
  for (const follower of followers) follower.socket.close(1000);
}
