// Room panel: invite (placeholder until it is built).

/** Mount the invite panel into `region`; returns a cleanup function. */
export function mountInvite(ctx, region) {
  return () => {};
}
