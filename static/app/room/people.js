// Room panel: people (placeholder until it is built).

/** Mount the people panel into `region`; returns a cleanup function. */
export function mountPeople(ctx, region) {
  return () => {};
}
