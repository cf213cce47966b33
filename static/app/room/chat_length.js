// The chat box's length counter: it shows as the text nears the party's limit, and while the
// text is over it the box is marked invalid and the limit's message stays under it.

import { h, say } from "../dom.js";

const DEFAULT_LIMIT = 500;
// The counter shows once this few characters are left (a tenth of the limit, at least 20).
const nearLimit = (limit) => Math.max(20, Math.round(limit / 10));
// Code points of the trimmed text: what the server counts (an emoji is one, not two).
const lengthOf = (text) => [...text.trim()].length;

/**
 * A counter for the textarea `input` whose messages go to `status`. Returns {element,
 * check(), setLimit(n), refused()}: check() redraws and says whether the text fits;
 * refused() notes that the server refused the text as too long (cleared like ours).
 */
export function lengthCounter(input, status) {
  const element = h("span", { class: "chat-count", id: `${input.id}-count`, hidden: true });
  input.setAttribute("aria-describedby", element.id);
  let limit = DEFAULT_LIMIT;
  let saying = false; // the status shows the limit's message

  function check({ again = false } = {}) {
    const used = lengthOf(input.value);
    const over = used > limit;
    element.hidden = limit - used > nearLimit(limit);
    element.textContent = `${used} / ${limit}`;
    element.classList.toggle("over", over);
    if (over) input.setAttribute("aria-invalid", "true");
    else input.removeAttribute("aria-invalid");
    if (over && (!saying || again)) say(status, `Messages are limited to ${limit} characters: ${used - limit} too many.`, "error");
    else if (!over && saying) say(status, "");
    saying = over;
    return !over;
  }

  input.addEventListener("input", () => check());
  return {
    element,
    check,
    setLimit(next) {
      limit = next || DEFAULT_LIMIT;
      check();
    },
    refused() {
      saying = true;
    },
  };
}
