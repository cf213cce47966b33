// Room panel: player (placeholder until it is built).

/** Mount the player panel into `region`; returns a cleanup function. */
export function mountPlayer(ctx, region) {
  return () => {};
}
