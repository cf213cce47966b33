// Socket.IO connections to the app's namespaces, authenticated with the current access token.

import { refresh } from "./api.js";
import * as session from "./session.js";

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
  let refreshed = false;
  socket.on("connect", () => {
    refreshed = false;
  });
  socket.on("connect_error", async (error) => {
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
