// Joining a party's room on the chat and interactive sockets, at the right moment.
//
// A first-time visitor of a public party becomes a member through the /party join; a chat or
// poll join that raced ahead of it would be refused, so these joins wait for the snapshot.

import { call } from "../sockets.js";

/**
 * Call `fn()` after every connect of `socket`, but only once the /party snapshot has made us a
 * member (deferred to the next "snapshot" otherwise). Returns a cleanup function.
 */
export function onRoomConnect(ctx, socket, fn) {
  let waiting = false;
  const run = () => {
    if (ctx.party) fn();
    else waiting = true;
  };
  const offSnapshot = ctx.on("snapshot", () => {
    if (waiting && socket.connected) {
      waiting = false;
      fn();
    }
  });
  socket.on("connect", run);
  if (socket.connected) run();
  return () => {
    socket.off("connect", run);
    offSnapshot();
  };
}

const interactiveJoins = new WeakMap();

/**
 * Share one `join` of the /interactive room between the panels that need it (reactions and
 * polls): `fn(ack)` runs after each (re)join, and at once with the last ack if there is one.
 */
export function onInteractiveJoin(ctx, fn) {
  const socket = ctx.sockets.interactive;
  let entry = interactiveJoins.get(socket);
  if (!entry) {
    entry = { listeners: new Set(), last: null };
    interactiveJoins.set(socket, entry);
    const shared = entry;
    onRoomConnect(ctx, socket, async () => {
      shared.last = await call(socket, "join", { party_id: ctx.partyId });
      shared.listeners.forEach((listener) => listener(shared.last));
    });
  }
  entry.listeners.add(fn);
  if (entry.last) fn(entry.last);
  return () => entry.listeners.delete(fn);
}
