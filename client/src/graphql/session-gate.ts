import { ApolloLink, Observable, type Operation } from '@apollo/client/core';

/** Operation context flag for the few operations that establish the session themselves. */
export const BEFORE_SESSION = { beforeSession: true } as const;

/**
 * Holds every GraphQL operation until the session is known: restored from the refresh cookie,
 * or known not to exist. A page opened by a reload or a link would otherwise ask as an
 * anonymous viewer and cache that answer (an empty library, a NOT_FOUND team).
 */
export interface SessionGate {
  /** Lets held and future operations through; later calls do nothing. */
  open(): void;
  isOpen(): boolean;
  /** The Apollo link that holds operations while the gate is closed. */
  readonly link: ApolloLink;
}

function establishesSession(operation: Operation): boolean {
  return (operation.getContext() as { beforeSession?: boolean }).beforeSession === true;
}

export function createSessionGate(): SessionGate {
  let opened = false;
  let release!: () => void;
  const known = new Promise<void>((resolve) => (release = resolve));

  const link = new ApolloLink((operation, forward) => {
    if (opened || establishesSession(operation)) return forward(operation);
    return new Observable((observer) => {
      let cancelled = false;
      let subscription: { unsubscribe(): void } | undefined;
      void known.then(() => {
        if (!cancelled) subscription = forward(operation).subscribe(observer);
      });
      return () => {
        cancelled = true;
        subscription?.unsubscribe();
      };
    });
  });

  return {
    open() {
      opened = true;
      release();
    },
    isOpen: () => opened,
    link,
  };
}
