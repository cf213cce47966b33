// The header's menu button: on narrow screens the nav folds behind it instead of wrapping
// into ragged lines. It says whether the menu is open (aria-expanded) and closes on Escape,
// on a click elsewhere, and once a link in it is followed.

import { h } from "./dom.js";

/** Add the menu button for `nav` to `header`; the CSS decides where it shows. */
export function mountMenu(header, nav) {
  const button = h("button", { type: "button", class: "secondary menu-toggle", "aria-expanded": "false", "aria-controls": nav.id },
    h("span", { class: "menu-icon", "aria-hidden": "true" }, "☰"), "Menu");
  const setOpen = (open) => {
    button.setAttribute("aria-expanded", String(open));
    header.classList.toggle("menu-open", open);
  };
  const isOpen = () => button.getAttribute("aria-expanded") === "true";

  button.addEventListener("click", () => setOpen(!isOpen()));
  // A link or button in the menu did its job: fold it away (the page under it changes).
  nav.addEventListener("click", (event) => {
    if (event.target.closest("a, button")) setOpen(false);
  });
  document.addEventListener("click", (event) => {
    if (isOpen() && !header.contains(event.target)) setOpen(false);
  });
  header.addEventListener("keydown", (event) => {
    if (event.key !== "Escape" || !isOpen()) return;
    setOpen(false);
    button.focus();
  });
  nav.before(button);
  return { close: () => setOpen(false) };
}
