// View: auth (placeholder until it is built).

/** Route view. */
export function signin(outlet, params) {
  outlet.textContent = "auth";
}
export const signup = signin;
