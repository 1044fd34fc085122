// Department roll-up (tab/rollup): /tab/api/rollup paged (100 a page), filters in the form, a unit's detail
// (/tab/api/rollup/units/{code}) below the table, "Xuất Excel" (/tab/api/rollup/export.xlsx with the same filters).
(window.TeamsPlansViews = window.TeamsPlansViews || []).push(["#tp-rollup", async function (tp) {
  "use strict";
  const { $, api, headers, cell, pager, showError } = tp;
  const form = $("#tp-rollup-filters");
  const filters = () => {
    const p = new URLSearchParams();
    for (const [k, v] of new FormData(form)) if (v) p.set(k, v);
    return p;
  };

  async function detail(code) {
    const p = filters(), q = new URLSearchParams();
    for (const k of ["number", "year"]) if (p.get(k)) q.set(k, p.get(k));
    const unit = await api(`tab/api/rollup/units/${encodeURIComponent(code)}?` + q);
    if (!unit) return;
    const box = $("#tp-unit-detail");
    $("#tp-unit-heading").textContent = `${unit.name} (${unit.code}) · ${unit.kind} · ${unit.year}`;
    const plans = $("#tp-unit-plans");
    plans.replaceChildren();
    if (unit.plans.length === 0) plans.textContent = "Không có kế hoạch nào giao cho đơn vị. / No plan gives this unit a duty.";
    for (const plan of unit.plans) {
      const h = document.createElement("h3");
      h.textContent = (plan.number ? plan.number + " – " : "") + plan.title;
      h.className = "tp-light-" + plan.light;
      const table = document.createElement("table");
      table.className = "tp-table";
      table.setAttribute("aria-label", h.textContent);
      const head = document.createElement("tr");
      for (const t of ["Nội dung", "Hạn", "Trạng thái", "Ngày nộp / ban hành", "Kế hoạch của đơn vị"]) {
        const th = document.createElement("th"); th.scope = "col"; th.textContent = t; head.append(th);
      }
      table.createTHead().append(head);
      const body = table.createTBody();
      for (const i of plan.items) {
        const tr = document.createElement("tr");
        cell(tr, i.what); cell(tr, i.due); cell(tr, i.stateLabel, "tp-state-" + i.state); cell(tr, i.done);
        if (i.linkedUri && /^https?:/.test(i.linkedUri)) {
          const a = document.createElement("a"); a.href = i.linkedUri; a.textContent = i.linkedPlan; cell(tr, a);
        } else cell(tr, i.linkedPlan);
        body.append(tr);
      }
      plans.append(h, table);
    }
    box.hidden = false;
    box.focus();
  }

  async function load(n) {
    const p = filters(); p.set("page", n);
    const page = await api("tab/api/rollup?" + p);
    if (!page) return;
    $("#tp-rollup-meta").textContent = `Năm ${page.year} · ${page.plans.length} kế hoạch · ${page.total} đơn vị`;
    const list = $("#tp-rollup-plans");
    list.replaceChildren(...page.plans.map((x) => { const o = document.createElement("option"); o.value = x.number || ""; o.label = x.title; return o; }));
    const body = $("#tp-rollup tbody");
    const rows = document.createDocumentFragment();
    for (const u of page.items) {
      const tr = document.createElement("tr");
      tr.dataset.unit = u.code;
      const b = document.createElement("button");
      b.type = "button"; b.className = "tp-link"; b.textContent = u.name;
      b.addEventListener("click", () => detail(u.code));
      cell(tr, u.code); cell(tr, b); cell(tr, u.kindLabel); cell(tr, u.parentName || u.parent);
      cell(tr, u.lightLabel, "tp-light-" + u.light);
      for (const k of Object.keys(u.counts)) cell(tr, u.counts[k], "tp-num tp-state-" + k);
      cell(tr, u.total, "tp-num");
      rows.append(tr);
    }
    body.replaceChildren(rows);
    pager(page, load);
  }

  form.addEventListener("submit", (e) => { e.preventDefault(); load(1); });
  $("#tp-rollup-export").addEventListener("click", async () => {
    const r = await fetch("tab/api/rollup/export.xlsx?" + filters(), { headers: headers() });
    if (!r.ok) { showError(r.status, r.headers.get("content-type")?.includes("json") ? await r.json() : null); return; }
    const name = (r.headers.get("content-disposition") || "").match(/filename=([^;]+)/);
    const a = document.createElement("a");
    a.href = URL.createObjectURL(await r.blob()); a.download = name ? name[1].replace(/"/g, "") : "tong-hop-don-vi.xlsx";
    document.body.appendChild(a); a.click(); a.remove();
  });
  await load(1);
}]);
