// View: lobby (placeholder until it is built).

/** Route view. */
export function lobby(outlet, params) {
  outlet.textContent = "lobby";
}
