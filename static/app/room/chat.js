// Room panel: chat (placeholder until it is built).

/** Mount the chat panel into `region`; returns a cleanup function. */
export function mountChat(ctx, region) {
  return () => {};
}
