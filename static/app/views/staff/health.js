// Staff page /staff/health: each service's state and latency, the job queues and workers,
// Socket.IO connections per process, live parties and the host's CPU, memory and disk; it
// refreshes by itself every 15 seconds and on demand.

import * as api from "../../api.js";
import { h, replace, say } from "../../dom.js";
import { statusRegion } from "../forms.js";
import { isAdmin, staffNav } from "./nav.js";

const EVERY_MS = 15000;

function state(word) {
  return h("span", { class: `health-state ${word}` }, String(word).replace("_", " "));
}

function table(caption, head, rows) {
  return h(
    "table",
    { class: "staff-table" },
    h("caption", { class: "muted" }, caption),
    h("thead", {}, h("tr", {}, head.map((text) => h("th", { scope: "col" }, text)))),
    h("tbody", {}, rows.map((cells) => h("tr", {}, cells.map((cell, i) => h("td", { "data-label": head[i] }, cell))))),
  );
}

function services(body) {
  const rows = Object.entries(body.services).map(([name, probe]) => [
    name === "queue" ? "queue (RQ)" : name,
    state(probe.status),
    probe.latency_ms === null ? "—" : `${probe.latency_ms} ms`,
    probe.detail || "",
  ]);
  return table("Services", ["Service", "State", "Latency", "Detail"], rows);
}

function queues(figures) {
  const rows = Object.entries(figures.queues || {}).map(([name, q]) => [name, q.depth, q.started, q.failed]);
  const workers = figures.mode === "rq"
    ? `${figures.workers_alive} worker(s) alive${figures.workers.length ? `: ${figures.workers.map((w) => `${w.name} (${w.state})`).join(", ")}` : ""}`
    : `Embedded: jobs run in this process (${figures.in_process_running} running).`;
  return h("div", {}, table("Queues", ["Queue", "Waiting", "Running", "Failed"], rows), h("p", { class: "muted" }, workers));
}

function machine(body) {
  const m = body.metrics;
  const mib = Math.round(m.process.memory_rss_bytes / 1048576);
  const rows = [
    ["CPU", `${m.cpu_usage}%`],
    ["Memory", `${m.memory_usage}%`],
    ["Disk", `${m.disk_usage}%`],
    ["This process", `${mib} MiB, ${m.process.threads} threads`],
    ["Live parties", body.live_parties],
    ["Connections", body.connections.total],
  ];
  const procs = body.connections.processes.map((p) => [p.process + (p.this_process ? " (this one)" : ""), p.connections, Object.entries(p.namespaces).map(([ns, n]) => `${ns} ${n}`).join(", ")]);
  return h("div", {}, table("Host", ["Figure", "Value"], rows), table("Connections per process", ["Process", "Connections", "Namespaces"], procs));
}

/** Route view: /staff/health */
export async function staffHealth(outlet) {
  const status = statusRegion();
  const overall = h("p", { class: "health-overall" });
  const body = h("div", { class: "staff-grid" });
  const refresh = h("button", { type: "button", class: "secondary" }, "Refresh");
  outlet.append(
    h("div", { class: "staff-page" }, staffNav("/staff/health"), h("div", { class: "row" }, h("h1", {}, "Health"), refresh), overall, status, body),
  );
  if (!isAdmin()) {
    say(status, "Only administrators can see the health of the site.", "error");
    refresh.hidden = true;
    return null;
  }
  async function load() {
    refresh.disabled = true;
    try {
      const data = await api.get("/api/admin/health/status/");
      replace(overall, "Overall: ", state(data.status), h("span", { class: "muted" }, ` — checked ${new Date(data.timestamp).toLocaleTimeString()}`));
      replace(body, h("section", { class: "panel" }, services(data)), h("section", { class: "panel" }, queues(data.queues)), h("section", { class: "panel" }, machine(data)));
      say(status, "");
    } catch (error) {
      say(status, error.describe ? error.describe() : "Could not read the health of the site.", "error");
    } finally {
      refresh.disabled = false;
    }
  }
  refresh.addEventListener("click", load);
  await load();
  const timer = setInterval(load, EVERY_MS);
  return () => clearInterval(timer);
}
