// View: join (placeholder until it is built).

/** Route view. */
export function join(outlet, params) {
  outlet.textContent = "join";
}
