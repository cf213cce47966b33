// Room panel: polls (placeholder until it is built).

/** Mount the polls panel into `region`; returns a cleanup function. */
export function mountPolls(ctx, region) {
  return () => {};
}
