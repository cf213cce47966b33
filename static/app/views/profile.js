// View: profile (placeholder until it is built).

/** Route view. */
export function profile(outlet, params) {
  outlet.textContent = "profile";
}
