// One page of a staff list at a time: the filter form resets to page 1, Previous/Next move, and
// a summary says how many there are. The listing and the moderation queue both use it.

import { say } from "../../dom.js";

/**
 * Wire `form`, `prev`, `next` and `summary` to `fetchPage(page)` (returns a page body) and
 * `show(results)`; returns `load()`, which shows the current page again.
 */
export function pager({ form, prev, next, summary, status, fetchPage, show, empty, failed }) {
  let page = 1;
  async function load() {
    try {
      const body = await fetchPage(page);
      show(body.results);
      summary.textContent = body.count ? `${body.count} in all — page ${body.current_page} of ${body.total_pages}` : empty;
      prev.disabled = !body.previous;
      next.disabled = !body.next;
    } catch (error) {
      say(status, error.describe ? error.describe() : failed, "error");
    }
  }
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    page = 1;
    load();
  });
  prev.addEventListener("click", () => { page = Math.max(1, page - 1); load(); });
  next.addEventListener("click", () => { page += 1; load(); });
  return load;
}
