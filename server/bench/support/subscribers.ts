/**
 * A fleet of graphql-ws subscribers speaking the protocol directly over `ws` (no client
 * library: the driver must stay cheap next to the server it measures). Each subscriber notes
 * when it first saw each team version; the payload is only scanned for `"version":N`.
 */
import WebSocket from 'ws';

export interface Subscriber {
  readonly index: number;
  /** performance.now() when each version first arrived. */
  readonly arrivals: Map<number, number>;
  acked: boolean;
  subscribedAt: number;
  firstStateAt: number;
  failed: string | null;
  socket: WebSocket;
}

export interface FleetStats {
  readonly resets: number;
  readonly errors: string[];
}

const VERSION = /"version":(\d+)/;

export class Fleet {
  readonly subscribers: Subscriber[] = [];
  private closing = false;
  resets = 0;
  readonly errors: string[] = [];

  constructor(
    private readonly options: {
      /** ws://host:port/graphql per instance; subscribers alternate between them. */
      urls: readonly string[];
      tokens: readonly string[];
      query: string;
      variables: Record<string, unknown>;
    },
  ) {}

  /** Opens `count` more subscribers, started evenly at `rate` per second. */
  async open(count: number, rate: number): Promise<void> {
    const first = this.subscribers.length;
    const start = performance.now();
    const interval = 1000 / rate;
    await new Promise<void>((resolve) => {
      let opened = 0;
      const tick = () => {
        const due = Math.min(count, Math.floor((performance.now() - start) / interval) + 1);
        while (opened < due) this.connect(first + opened++);
        if (opened < count) setTimeout(tick, 1);
        else resolve();
      };
      tick();
    });
  }

  private connect(index: number): void {
    const url = this.options.urls[index % this.options.urls.length]!;
    const token = this.options.tokens[index % this.options.tokens.length]!;
    const socket = new WebSocket(url, 'graphql-transport-ws', { perMessageDeflate: false });
    const subscriber: Subscriber = {
      index,
      arrivals: new Map(),
      acked: false,
      subscribedAt: 0,
      firstStateAt: 0,
      failed: null,
      socket,
    };
    this.subscribers.push(subscriber);
    socket.on('open', () => {
      socket.send(
        JSON.stringify({ type: 'connection_init', payload: { Authorization: `Bearer ${token}` } }),
      );
    });
    socket.on('message', (data: Buffer) => {
      const now = performance.now();
      const text = data.toString('utf8');
      if (!subscriber.acked) {
        if (text.includes('"connection_ack"')) {
          subscriber.acked = true;
          socket.send(
            JSON.stringify({
              id: '1',
              type: 'subscribe',
              payload: { query: this.options.query, variables: this.options.variables },
            }),
          );
          subscriber.subscribedAt = performance.now();
        }
        return;
      }
      const version = VERSION.exec(text)?.[1];
      if (version !== undefined) {
        const v = Number(version);
        if (subscriber.firstStateAt === 0) subscriber.firstStateAt = now;
        if (!subscriber.arrivals.has(v)) subscriber.arrivals.set(v, now);
      } else if (text.includes('"error"') || text.includes('"complete"')) {
        this.fail(subscriber, text.slice(0, 200));
      }
    });
    socket.on('error', (error) => this.fail(subscriber, error.message));
    socket.on('close', (code) => {
      if (!this.closing && code !== 1000) {
        this.resets += 1;
        this.fail(subscriber, `closed ${code}`);
      }
    });
  }

  private fail(subscriber: Subscriber, reason: string): void {
    if (subscriber.failed) return;
    subscriber.failed = reason;
    if (this.errors.length < 5) this.errors.push(reason);
  }

  /** Resolves when every subscriber is acknowledged and subscribed (and, if `initialState`, has a first state). */
  async untilSubscribed(initialState: boolean, timeoutMs = 120_000): Promise<number> {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      const pending = this.subscribers.filter(
        (s) => !s.failed && (!s.acked || (initialState && s.firstStateAt === 0)),
      );
      if (pending.length === 0 || performance.now() > deadline) {
        return Math.max(
          ...this.subscribers.map((s) => (initialState ? s.firstStateAt : s.subscribedAt)),
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /** Waits until every live subscriber saw `version` (or a later one); returns the delays after `since`. */
  async deliveries(
    version: number,
    since: number,
    timeoutMs = 60_000,
  ): Promise<{ delays: number[]; missing: number }> {
    const deadline = performance.now() + timeoutMs;
    const live = this.subscribers.filter((s) => !s.failed);
    const arrival = (s: Subscriber) => {
      let best = Number.POSITIVE_INFINITY;
      for (const [v, at] of s.arrivals) if (v >= version && at < best) best = at;
      return best;
    };
    for (;;) {
      const missing = live.filter((s) => !Number.isFinite(arrival(s))).length;
      if (missing === 0 || performance.now() > deadline) {
        const delays = live
          .map(arrival)
          .filter(Number.isFinite)
          .map((at) => at - since);
        return { delays, missing };
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(
      this.subscribers.map(
        (s) =>
          new Promise<void>((resolve) => {
            if (s.socket.readyState === WebSocket.CLOSED) return resolve();
            s.socket.once('close', () => resolve());
            s.socket.terminate();
          }),
      ),
    );
  }
}
