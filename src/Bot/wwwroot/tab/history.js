// History page (tab/plans/{id}/history[?assignment=]): /tab/api/plans/{id}/history, paged; the assignment picker lists the
// plan's assignments the caller may see.
(window.TeamsPlansViews = window.TeamsPlansViews || []).push(["#tp-history-title", async function (tp) {
  "use strict";
  const { $, api, cell, pager } = tp;
  const id = $("#tp-history-title").dataset.planId;
  const form = $("#tp-history-filters");
  const select = form.querySelector("select");
  $("#tp-history-plan").href += location.search;
  const rows = await api(`tab/api/plans/${encodeURIComponent(id)}/assignments?size=2000`);
  if (!rows) return;
  const asked = new URLSearchParams(location.search).get("assignment");
  for (const r of rows.items) {
    const o = document.createElement("option");
    o.value = r.assignmentId; o.textContent = r.ordinal + ". " + r.holder; o.selected = r.assignmentId === asked;
    select.append(o);
  }
  async function load(n) {
    const a = select.value;
    const page = await api(`tab/api/plans/${encodeURIComponent(id)}/history?page=${n}` + (a ? "&assignment=" + encodeURIComponent(a) : ""));
    if (!page) return;
    const body = $("#tp-history tbody");
    body.replaceChildren();
    for (const e of page.items) {
      const tr = document.createElement("tr");
      cell(tr, e.at); cell(tr, e.ordinal + ". " + e.holder); cell(tr, e.eventLabel); cell(tr, e.actor); cell(tr, e.source); cell(tr, e.detail);
      body.appendChild(tr);
    }
    pager(page, load);
  }
  form.addEventListener("submit", (e) => { e.preventDefault(); load(1); });
  await load(1);
}]);
