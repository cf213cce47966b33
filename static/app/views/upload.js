// View: upload (placeholder until it is built).

/** Route view. */
export function upload(outlet, params) {
  outlet.textContent = "upload";
}
