// TeamsPlans tab: Teams theme and SSO through teams-js (bundled at build into tab/lib), outside Teams the Entra sign-in
// of signin.js (MSAL.js) or, in local mode only, the local identity switcher, and the tables filled from the paged JSON
// API (/tab/api). Bearer tokens only, no cookies.
(function () {
  "use strict";
  let teams = null;
  let token = null;
  let localUser = null;
  let browserSignIn = null;
  const $ = (s) => document.querySelector(s);
  const text = (v) => (v === null || v === undefined ? "" : String(v));

  function setTheme(theme) {
    document.body.dataset.theme = theme === "dark" ? "dark" : theme === "contrast" ? "contrast" : "default";
  }

  // teams-js (bundled at build) only in a frame: loaded in a plain browser it would still ask Microsoft's CDN for its
  // list of valid hosts, and outside Teams there is nothing for it to do.
  function loadTeamsJs() {
    return new Promise((done) => {
      const s = document.createElement("script");
      s.src = "tab/lib/MicrosoftTeams.min.js";
      s.onload = () => done(window.microsoftTeams || null);
      s.onerror = () => done(null);
      document.head.appendChild(s);
    });
  }

  async function initTeams() {
    if (window.parent === window) return false;
    teams = await loadTeamsJs();
    if (!teams) return false;
    try {
      await Promise.race([teams.app.initialize(), new Promise((_, no) => setTimeout(() => no(new Error("timeout")), 3000))]);
      const ctx = await teams.app.getContext();
      setTheme(ctx.app && ctx.app.theme);
      teams.app.registerOnThemeChangeHandler(setTheme);
      token = await teams.authentication.getAuthToken();
      return true;
    } catch (e) {
      return false;
    }
  }

  async function initLocal() {
    const r = await fetch("tab/api/local/users");
    if (!r.ok) return false;
    const users = await r.json();
    const select = $("#tp-who");
    const asked = new URLSearchParams(location.search).get("as");
    localUser = asked || localStorage.getItem("tp-user") || (users[0] && users[0].aadObjectId);
    for (const u of users) {
      const o = document.createElement("option");
      o.value = u.aadObjectId; o.textContent = u.name; o.selected = u.aadObjectId === localUser;
      select.appendChild(o);
    }
    select.hidden = false; $("#tp-who-label").hidden = false;
    select.addEventListener("change", () => { localStorage.setItem("tp-user", select.value); location.reload(); });
    return true;
  }

  function headers() {
    const h = {};
    if (token) h["Authorization"] = "Bearer " + token;
    if (localUser) h["X-TeamsPlans-User"] = localUser;
    return h;
  }

  function showError(status, body) {
    const box = $("#tp-error");
    box.hidden = false;
    box.textContent = (body && body.error) || ("Lỗi " + status + " / Error " + status);
  }

  async function api(path, method, json) {
    const send = () => {
      const h = headers();
      if (json !== undefined) h["Content-Type"] = "application/json";
      return fetch(path, { method: method || "GET", headers: h, body: json === undefined ? undefined : JSON.stringify(json) });
    };
    let r = await send();
    if (r.status === 401 && browserSignIn) {
      const fresh = await browserSignIn.refresh(); // the browser sign-in's token ran out: renewed silently, asked once more
      if (fresh && fresh !== token) { token = fresh; r = await send(); }
    }
    const body = r.headers.get("content-type")?.includes("json") ? await r.json() : null;
    if (!r.ok) { showError(r.status, body); return null; }
    $("#tp-error").hidden = true;
    return body || {};
  }

  function query(form, extra) {
    const p = new URLSearchParams();
    for (const [k, v] of new FormData(form)) if (v) p.set(k, v);
    for (const [k, v] of Object.entries(extra || {})) if (v !== undefined && v !== null && v !== "") p.set(k, v);
    return p.toString();
  }

  function cell(tr, value, cls) {
    const td = document.createElement("td");
    if (value instanceof Node) td.appendChild(value); else td.textContent = text(value);
    if (cls) td.className = cls;
    tr.appendChild(td);
  }

  function pager(page, onPage) {
    const p = $("#tp-pager");
    p.replaceChildren();
    const pages = Math.max(1, Math.ceil(page.total / page.size));
    p.append(`Trang ${page.page}/${pages} · ${page.total} mục `);
    for (const [label, n] of [["‹ Trước", page.page - 1], ["Sau ›", page.page + 1]]) {
      const b = document.createElement("button");
      b.type = "button"; b.textContent = label; b.disabled = n < 1 || n > pages;
      b.addEventListener("click", () => onPage(n));
      p.append(b);
    }
  }

  async function plansView() {
    const form = $("#tp-plan-filters");
    async function load(n) {
      const page = await api("tab/api/plans?" + query(form, { page: n }));
      if (!page) return;
      const body = $("#tp-plans tbody");
      body.replaceChildren();
      for (const p of page.items) {
        const tr = document.createElement("tr");
        const a = document.createElement("a");
        a.href = "tab/plans/" + encodeURIComponent(p.planId) + location.search; a.textContent = p.number || p.planId;
        cell(tr, a); cell(tr, p.title); cell(tr, p.year);
        for (const k of Object.keys(p.counts)) cell(tr, p.counts[k], "tp-num tp-state-" + k);
        cell(tr, p.nextDeadline); cell(tr, p.deliveryFailed + p.deliveryBlocked, "tp-num");
        body.appendChild(tr);
      }
      pager(page, load);
    }
    form.addEventListener("submit", (e) => { e.preventDefault(); load(1); });
    await load(1);
  }

  async function planView() {
    const id = $("#tp-plan-title").dataset.planId;
    const info = await api("tab/api/plans/" + encodeURIComponent(id));
    if (!info) return;
    $("#tp-plan-title").textContent = (info.plan.number ? info.plan.number + " – " : "") + info.plan.title;
    $("#tp-plan-meta").textContent = [info.plan.issuer, info.plan.nextDeadline ? "Hạn tới: " + info.plan.nextDeadline : ""].filter(Boolean).join(" · ");
    $("#tp-history-link").href += location.search;
    if (info.canManage) $("#tp-plan-actions").hidden = false;
    if (info.canManage && info.plan.status === "Draft") { $("#tp-review-link").hidden = false; $("#tp-review-link").href += location.search; }
    const form = $("#tp-assignment-filters");
    let sort = "ordinal", desc = false;
    async function load(n) {
      const page = await api(`tab/api/plans/${encodeURIComponent(id)}/assignments?` + query(form, { page: n, sort: sort, desc: desc }));
      if (!page) return;
      const body = $("#tp-assignments tbody");
      body.replaceChildren();
      for (const r of page.items) {
        const tr = document.createElement("tr");
        tr.dataset.assignment = r.assignmentId;
        cell(tr, r.ordinal, "tp-num"); cell(tr, r.holder); cell(tr, r.unit); cell(tr, r.duty);
        cell(tr, r.deadlines.join("; ")); cell(tr, r.stateLabel, "tp-state-" + r.state); cell(tr, r.progress + "%", "tp-num");
        cell(tr, r.lastComment); cell(tr, r.reports, "tp-num");
        body.appendChild(tr);
      }
      pager(page, load);
    }
    form.addEventListener("submit", (e) => { e.preventDefault(); load(1); });
    for (const b of document.querySelectorAll("#tp-assignments [data-sort]")) {
      b.addEventListener("click", () => { desc = sort === b.dataset.sort ? !desc : false; sort = b.dataset.sort; load(1); });
    }
    $("#tp-export").addEventListener("click", async () => {
      const r = await fetch(`tab/api/plans/${encodeURIComponent(id)}/export.xlsx`, { headers: headers() });
      if (!r.ok) { showError(r.status, null); return; }
      const name = (r.headers.get("content-disposition") || "").match(/filename=([^;]+)/);
      const a = document.createElement("a");
      a.href = URL.createObjectURL(await r.blob()); a.download = name ? name[1].replace(/"/g, "") : "ke-hoach.xlsx";
      document.body.appendChild(a); a.click(); a.remove();
    });
    for (const [button, verb] of [["#tp-remind", "remind"], ["#tp-resend", "resend"]]) {
      $(button).addEventListener("click", async () => {
        const result = await api(`tab/api/plans/${encodeURIComponent(id)}/${verb}`, "POST");
        if (result) $("#tp-action-result").textContent = "Đã thực hiện / Done: " + JSON.stringify(result);
      });
    }
    await load(1);
  }

  async function configView() {
    if (!teams) return;
    teams.pages.config.registerOnSaveHandler((save) => {
      teams.pages.config.setConfig({ entityId: "plans", contentUrl: location.origin + "/tab", suggestedDisplayName: "Kế hoạch" })
        .then(() => save.notifySuccess(), (e) => save.notifyFailure(String(e)));
    });
    teams.pages.config.setValidityState(true);
    $("#tp-config").textContent = "Sẵn sàng / Ready";
  }

  async function start() {
    const inTeams = await initTeams();
    if (!inTeams && window.TeamsPlansSignIn && window.TeamsPlansSignIn.available()) {
      try {
        token = await window.TeamsPlansSignIn.signIn();
      } catch (e) {
        showError(401, { error: "Đăng nhập Entra không thành công / Entra sign-in failed: " + e.message });
        return;
      }
      if (!token) return; // on the way to Entra's sign-in page
      browserSignIn = window.TeamsPlansSignIn;
    } else if (!inTeams && !(await initLocal())) {
      showError(401, { error: "Hãy mở tab trong Teams để đăng nhập. / Open the tab in Teams to sign in." });
      return;
    }
    const me = await api("tab/api/me");
    if (me) $("#tp-me").textContent = me.name;
    if ($("#tp-config")) return configView();
    if ($("#tp-plans")) return plansView();
    if ($("#tp-assignments")) return planView();
    for (const [selector, view] of window.TeamsPlansViews || []) if ($(selector)) return view(tp);
  }

  // Pages with their own script (review.js, rollup.js, history.js) push [selector, view] to window.TeamsPlansViews;
  // start() runs once every script of the page has run and gives the view these helpers.
  const tp = { $, text, api, headers, cell, pager, showError };
  document.addEventListener("DOMContentLoaded", start);
})();
