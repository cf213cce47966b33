// Room panel: controls (placeholder until it is built).

/** Mount the controls panel into `region`; returns a cleanup function. */
export function mountControls(ctx, region) {
  return () => {};
}
