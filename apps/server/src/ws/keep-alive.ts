/** The part of a `ws` socket the keep-alive uses. */
export interface PingedSocket {
  ping(): void;
  terminate(): void;
  on(event: 'pong' | 'close', listener: () => void): unknown;
}

/** Starts a repeating round and returns its stop; `setInterval` unless a test drives the rounds. */
export type RoundTimer = (round: () => void, everyMs: number) => () => void;

export interface KeepAlive {
  /** Pings the socket from the next round on; it leaves on its own when it closes. */
  watch(socket: PingedSocket): void;
  /** How many sockets are watched (for tests and inspection). */
  size(): number;
  close(): void;
}

const realTimer: RoundTimer = (round, everyMs) => {
  const timer = setInterval(round, everyMs);
  timer.unref();
  return () => clearInterval(timer);
};

/**
 * Protocol pings for every stream of the node, on one timer. A connection cut without a close
 * (a laptop lid shut, Wi-Fi gone, a proxy dropping the TCP connection silently) stays open on the
 * server until a write fails, which may take hours; meanwhile it would keep its agent or customer
 * present. Each round pings every socket; one that has not answered (pong) the previous round's
 * ping is terminated, which runs the stream's usual close path. Browsers answer protocol pings by
 * themselves, so a live page is never cut: a dead connection is found within two rounds.
 */
export function createKeepAlive(everyMs: number, timer: RoundTimer = realTimer): KeepAlive {
  /** Each socket, and whether it answered since the last ping. */
  const sockets = new Map<PingedSocket, { answered: boolean }>();
  const stop = timer(() => {
    for (const [socket, state] of sockets) {
      if (!state.answered) {
        sockets.delete(socket);
        socket.terminate();
        continue;
      }
      state.answered = false;
      try {
        socket.ping();
      } catch {
        // Not open any more: its close event removes it.
      }
    }
  }, everyMs);
  return {
    watch(socket) {
      const state = { answered: true };
      sockets.set(socket, state);
      socket.on('pong', () => (state.answered = true));
      socket.on('close', () => sockets.delete(socket));
    },
    size: () => sockets.size,
    close() {
      stop();
      sockets.clear();
    },
  };
}
