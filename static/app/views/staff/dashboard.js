// Staff page /staff/dashboard: signups, active users, live parties, uploads, revenue and open
// reports — each its total, its figure over the chosen window and a bar per day.

import * as api from "../../api.js";
import { h, replace, say } from "../../dom.js";
import { field, statusRegion } from "../forms.js";
import { isAdmin, staffNav } from "./nav.js";

const FIGURES = [
  ["signups", "Signups", "people in all", "joined"],
  ["active_users", "Active users", "active in the window", "active"],
  ["live_parties", "Live parties", "playing now", "started"],
  ["uploads", "Uploads", "videos in all", "uploaded"],
  ["revenue", "Revenue", "in all", "received"],
  ["open_reports", "Open reports", "waiting now", "filed"],
];

function money(minor, currency) {
  try {
    return new Intl.NumberFormat(undefined, { style: "currency", currency: currency.toUpperCase() }).format(minor / 100);
  } catch {
    return `${(minor / 100).toFixed(2)} ${currency}`;
  }
}

function bars(series, label) {
  const top = Math.max(1, ...series.map((p) => p.value));
  return h(
    "div",
    { class: "dash-bars", role: "img", "aria-label": `${label} per day` },
    series.map((p) => {
      const bar = h("span", { class: "dash-bar", title: `${p.date}: ${p.value}` });
      bar.style.height = `${Math.round((p.value / top) * 100)}%`; // CSSOM: allowed by the page's CSP
      return bar;
    }),
  );
}

function card([key, label, totalText, periodText], figure, days) {
  const show = (n) => (key === "revenue" ? money(n ?? 0, figure.currency || "usd") : String(n ?? "—"));
  return h(
    "section",
    { class: "panel dash-card", "data-figure": key },
    h("h2", {}, label),
    h("p", { class: "dash-total" }, show(figure.total), h("span", { class: "muted" }, ` ${totalText}`)),
    h("p", { class: "muted" }, `${show(figure.period)} ${periodText} in ${days} days`),
    bars(figure.series || [], label),
  );
}

/** Route view: /staff/dashboard */
export async function staffDashboard(outlet) {
  const status = statusRegion();
  const grid = h("div", { class: "staff-grid" });
  const days = h("select", { name: "days" }, [7, 30, 90].map((n) => h("option", { value: String(n), selected: n === 30 }, `${n} days`)));
  outlet.append(h("div", { class: "staff-page" }, staffNav("/staff/dashboard"), h("h1", {}, "Dashboard"), field("Window", days), status, grid));
  if (!isAdmin()) {
    say(status, "Only administrators can see the dashboard.", "error");
    days.disabled = true;
    return;
  }
  async function load() {
    try {
      const body = await api.get(`/api/admin/dashboard/?days=${encodeURIComponent(days.value)}`);
      replace(grid, FIGURES.map((spec) => card(spec, body[spec[0]], body.days)));
      say(status, "");
    } catch (error) {
      say(status, error.describe ? error.describe() : "Could not load the dashboard.", "error");
    }
  }
  days.addEventListener("change", load);
  await load();
}
