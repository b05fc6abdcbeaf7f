/**
 * Live teams for `teamUpdated`: one channel per team with subscribers on this instance. A
 * channel listens to TEAM_UPDATED once (not once per subscriber), reads the team once per
 * change (team.snapshot.ts) and hands the snapshot to every subscriber, each of which decides
 * its access from the snapshot's facts. Subscribers get the current state first, so a client
 * that (re)subscribes is never left stale; when the pubsub resumes after an outage every
 * channel reads its team again and subscribers get whatever changed meanwhile.
 *
 * A change reaches subscribers a slice at a time, one slice per turn of the event loop, so the
 * mutation that caused it (and every other request) answers without waiting for thousands of
 * deliveries.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Viewer } from '../../platform/graphql/context.js';
import { NotFoundError } from '../../platform/graphql/errors.js';
import type { AppPubSub, TeamUpdatedPayload } from '../../platform/pubsub.js';
import { canViewTeam } from './team.rules.js';
import {
  loadTeamSnapshot,
  snapshotAccess,
  type SqlRunner,
  type TeamSnapshot,
} from './team.snapshot.js';

export interface TeamLiveOptions {
  readonly pubSub: AppPubSub;
  /** Runs the snapshot statement. */
  readonly run: SqlRunner;
  /** False while events may be missed (Redis down): cached snapshots are not trusted then. */
  readonly isLive?: () => boolean;
  readonly onError: (error: unknown) => void;
  /** Subscribers handed a change per turn of the event loop. */
  readonly sliceSize?: number;
  /** How old a snapshot may be to answer a new subscriber without reading the team again. */
  readonly freshForMs?: number;
  /** Observes every snapshot read (tests count them). */
  readonly onSnapshotRead?: (teamId: string) => void;
}

/** One subscriber: the latest snapshot it may see and has not taken yet. */
class Inbox implements AsyncIterableIterator<TeamSnapshot> {
  private pending: TeamSnapshot | undefined;
  private ended = false;
  private waiting: ((result: IteratorResult<TeamSnapshot>) => void) | undefined;
  private offeredVersion = 0;

  constructor(
    readonly viewer: Viewer | null,
    private readonly onReturn: (inbox: Inbox) => void,
  ) {}

  /** A newer snapshot replaces one not yet taken; one the viewer may not see is skipped. */
  offer(snapshot: TeamSnapshot): void {
    if (this.ended || snapshot.version <= this.offeredVersion) return;
    this.offeredVersion = snapshot.version;
    if (!canViewTeam(snapshotAccess(snapshot, this.viewer))) return;
    if (this.waiting) {
      const resolve = this.waiting;
      this.waiting = undefined;
      resolve({ value: snapshot, done: false });
    } else this.pending = snapshot;
  }

  /** The team is gone: the subscription completes. */
  end(): void {
    if (this.ended) return;
    this.ended = true;
    this.pending = undefined;
    this.waiting?.({ value: undefined, done: true });
    this.waiting = undefined;
  }

  next(): Promise<IteratorResult<TeamSnapshot>> {
    if (this.pending) {
      const value = this.pending;
      this.pending = undefined;
      return Promise.resolve({ value, done: false });
    }
    if (this.ended) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => (this.waiting = resolve));
  }

  return(): Promise<IteratorResult<TeamSnapshot>> {
    this.end();
    this.onReturn(this);
    return Promise.resolve({ value: undefined, done: true });
  }

  [Symbol.asyncIterator](): this {
    return this;
  }
}

class Channel {
  readonly inboxes = new Set<Inbox>();
  private snapshot: TeamSnapshot | null = null;
  private readAt = 0;
  private reading: Promise<TeamSnapshot | null> | undefined;
  /** The newest version an event announced. */
  private announced = 0;
  private refreshing = false;
  private readonly events: AsyncIterator<TeamUpdatedPayload>;
  private closed = false;

  constructor(
    private readonly teamId: string,
    private readonly options: Required<Omit<TeamLiveOptions, 'onSnapshotRead'>> &
      Pick<TeamLiveOptions, 'onSnapshotRead'>,
    private readonly onEmpty: (channel: Channel) => void,
  ) {
    this.events = options.pubSub.subscribe('TEAM_UPDATED', teamId)[Symbol.asyncIterator]();
    void this.listen();
  }

  private async listen(): Promise<void> {
    try {
      for (;;) {
        const { value: event, done } = await this.events.next();
        if (done || this.closed) return;
        if (event.deleted) this.finish();
        else if (event.version > (this.snapshot?.version ?? 0)) {
          this.announced = Math.max(this.announced, event.version);
          void this.refresh();
        }
      }
    } catch (error) {
      this.options.onError(error);
    }
  }

  /** Reads the team (one statement), sharing a read already under way. */
  private read(): Promise<TeamSnapshot | null> {
    this.reading ??= (async () => {
      try {
        this.options.onSnapshotRead?.(this.teamId);
        const snapshot = await loadTeamSnapshot(this.options.run, this.teamId);
        this.readAt = Date.now();
        if (snapshot && snapshot.version > (this.snapshot?.version ?? 0)) this.snapshot = snapshot;
        return snapshot;
      } finally {
        this.reading = undefined;
      }
    })();
    return this.reading;
  }

  /** The current state for a new subscriber: the cached snapshot if recent and trusted. */
  async current(): Promise<TeamSnapshot | null> {
    const fresh = Date.now() - this.readAt < this.options.freshForMs && this.options.isLive();
    if (this.snapshot && fresh && !this.reading) return this.snapshot;
    return this.read();
  }

  /** Reads until the snapshot is at least the newest announced version, then fans it out. */
  async refresh(force = false): Promise<void> {
    if (this.refreshing) return;
    this.refreshing = true;
    try {
      do {
        const before = this.snapshot?.version ?? 0;
        const snapshot = await this.read();
        if (this.closed) return;
        if (!snapshot) return this.finish();
        if (snapshot.version > before || force) await this.deliver(snapshot);
        force = false;
      } while (this.announced > (this.snapshot?.version ?? 0));
    } catch (error) {
      this.options.onError(error);
    } finally {
      this.refreshing = false;
    }
  }

  private async deliver(snapshot: TeamSnapshot): Promise<void> {
    const inboxes = [...this.inboxes];
    for (let start = 0; start < inboxes.length; start += this.options.sliceSize) {
      if (start > 0) await nextTurn();
      for (const inbox of inboxes.slice(start, start + this.options.sliceSize))
        inbox.offer(snapshot);
    }
  }

  private finish(): void {
    for (const inbox of this.inboxes) inbox.end();
    this.inboxes.clear();
    this.close();
  }

  remove(inbox: Inbox): void {
    this.inboxes.delete(inbox);
    if (this.inboxes.size === 0) this.close();
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    void this.events.return?.();
    this.onEmpty(this);
  }
}

export class TeamLive {
  private readonly channels = new Map<string, Channel>();
  private readonly options: Required<Omit<TeamLiveOptions, 'onSnapshotRead'>> &
    Pick<TeamLiveOptions, 'onSnapshotRead'>;

  constructor(options: TeamLiveOptions) {
    this.options = {
      isLive: () => true,
      sliceSize: 200,
      freshForMs: 1000,
      ...options,
    };
  }

  /**
   * The team for one subscriber: its current state first, then each newer version it may see
   * (versions it may not see are skipped); it ends when the team is deleted. NOT_FOUND when the
   * team does not exist or the viewer may not see it.
   */
  async subscribe(
    teamId: string,
    viewer: Viewer | null,
  ): Promise<AsyncIterableIterator<TeamSnapshot>> {
    let channel = this.channels.get(teamId);
    if (!channel) {
      channel = new Channel(teamId, this.options, (closed) => {
        if (this.channels.get(teamId) === closed) this.channels.delete(teamId);
      });
      this.channels.set(teamId, channel);
    }
    const joined = channel;
    const inbox = new Inbox(viewer, (left) => joined.remove(left));
    joined.inboxes.add(inbox);
    try {
      const current = await joined.current();
      if (!current || !canViewTeam(snapshotAccess(current, viewer)))
        throw new NotFoundError('Team');
      inbox.offer(current);
      return inbox;
    } catch (error) {
      await inbox.return();
      throw error;
    }
  }

  /** After an outage of the pubsub: every live team is read again and changes are delivered. */
  resync(): void {
    for (const channel of this.channels.values()) void channel.refresh(true);
  }

  /** Live teams on this instance (metrics, tests). */
  get teamCount(): number {
    return this.channels.size;
  }

  close(): void {
    for (const channel of [...this.channels.values()]) channel.close();
    this.channels.clear();
  }
}
