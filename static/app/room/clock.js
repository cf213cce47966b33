// The server's clock, estimated NTP-style over the /party socket (`time {t0}` → {t0, t1, t2}).
// Every playback state names server times; each viewer converts them to its own clock, so the
// estimate's error is directly how far apart viewers start, stop and seek.

import { call } from "../sockets.js";

const BURST = 8; // pings after every (re)join
const EVERY_MS = 15000; // one more ping this often, so the estimate follows a drifting clock
const KEEP = 8; // the best of the last KEEP samples wins: old samples age out

/** Local time in epoch ms from the monotonic performance clock (wall-clock jumps don't move it). */
export function localNow() {
  return performance.timeOrigin + performance.now();
}

/**
 * A server clock estimate for `socket`: {offset (server − local ms), rtt, toLocal(serverMs),
 * toServer(localMs), rough(serverTime), resync(), stop()}. Call resync() after each (re)join.
 */
export function serverClock(socket) {
  let samples = [];
  let timer = null;
  let round = 0;

  const clock = {
    offset: 0,
    rtt: null,
    known: false,
    toLocal: (serverMs) => serverMs - clock.offset,
    toServer: (localMs) => localMs + clock.offset,
    /** A first guess from the join snapshot's server_time, until pings answer. */
    rough(serverTime) {
      if (!clock.known && Number.isFinite(serverTime)) clock.offset = serverTime - localNow();
    },
    /** Forget old samples (a reconnect may reach another process) and ping a burst again. */
    async resync() {
      const mine = ++round;
      samples = [];
      clearInterval(timer);
      for (let i = 0; i < BURST && mine === round; i += 1) await ping(mine);
      if (mine === round) timer = setInterval(() => ping(mine), EVERY_MS);
    },
    stop() {
      round += 1;
      clearInterval(timer);
    },
  };

  async function ping(mine) {
    if (!socket.connected) return;
    const t0 = localNow();
    const ack = await call(socket, "time", { t0 }, 5000);
    const t3 = localNow();
    if (!ack.ok || mine !== round) return;
    const rtt = t3 - t0 - (ack.t2 - ack.t1);
    const offset = (ack.t1 - t0 + (ack.t2 - t3)) / 2;
    samples = [...samples.slice(-(KEEP - 1)), { rtt, offset }];
    // The smallest round trip had the least queueing, so its midpoint is the most trustworthy.
    const best = samples.reduce((a, b) => (b.rtt < a.rtt ? b : a));
    clock.offset = best.offset;
    clock.rtt = Math.max(0, best.rtt);
    clock.known = true;
  }

  return clock;
}
