// Room panel: reactions (placeholder until it is built).

/** Mount the reactions panel into `region`; returns a cleanup function. */
export function mountReactions(ctx, region) {
  return () => {};
}
