// Socket.IO connections to the app's namespaces, authenticated with the current access token.

import { refresh } from "./api.js";
import { refused } from "./maintenance.js";
import * as session from "./session.js";

const opened = new Set();

// Back online: reconnect now instead of when the backoff timer (up to 5 s) fires. The sockets
// share one manager, which only restarts once every namespace on it has let go.
window.addEventListener("online", () => {
  const waiting = [...opened].filter((socket) => socket.active && !socket.connected);
  waiting.forEach((socket) => socket.disconnect());
  waiting.forEach((socket) => socket.connect());
});

/**
 * Connect to a namespace ("/party", "/chat", "/interactive", "/videos"). The token is read at
 * every (re)connect; a refusal for an expired token refreshes it once and connects again.
 */
export function connect(namespace) {
  const socket = window.io(namespace, {
    auth: (cb) => cb({ token: session.accessToken() }),
    transports: ["websocket", "polling"],
    reconnectionDelay: 500,
    reconnectionDelayMax: 5000,
  });
  opened.add(socket);
  socket.on("disconnect", (reason) => {
    if (reason === "io client disconnect") opened.delete(socket);
    // The server closed us: if the session was revoked (signed out elsewhere, password changed,
    // account suspended), the refresh fails and clears it, which sends the page to sign in.
    if (reason === "io server disconnect") refresh();
  });
  let refreshed = false;
  socket.on("connect", () => {
    refreshed = false;
  });
  socket.on("connect_error", async (error) => {
    if (error?.data?.error === "maintenance") return refused(error.data); // no retry will help
    if (socket.active || refreshed) return; // the client retries by itself; or we already did
    refreshed = true;
    if (await refresh()) socket.connect();
  });
  return socket;
}

/**
 * Emit an acknowledged event: resolves with the ack ({ok: true, ...} or {ok: false, error,
 * message}); a timeout or a dropped connection resolves {ok: false, error: "timeout"}.
 */
export async function call(socket, event, data = {}, timeoutMs = 8000) {
  try {
    return await socket.timeout(timeoutMs).emitWithAck(event, data);
  } catch {
    return { ok: false, error: "timeout", message: "The server did not answer in time." };
  }
}

/** A unique id for commands and chat messages (retries with the same id apply once). */
export function uid() {
  return crypto.randomUUID ? crypto.randomUUID() : `${Date.now()}-${Math.random()}`;
}
