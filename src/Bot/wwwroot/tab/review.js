// Import review (tab/plans/{id}/review): the document's text with each extracted item highlighted at its source sentence,
// one form per item (assignee, mapped member, duty, deadlines), add / remove, publish. JSON from /tab/api/plans/{id}/review.
(window.TeamsPlansViews = window.TeamsPlansViews || []).push(["#tp-review-title", async function (tp) {
  "use strict";
  const { $, api } = tp;
  const id = $("#tp-review-title").dataset.planId;
  const base = `tab/api/plans/${encodeURIComponent(id)}/review`;
  $("#tp-review-plan").href += location.search;

  function el(tag, props, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(props || {})) {
      if (k === "class") e.className = v; else if (k in e && k !== "list") e[k] = v; else e.setAttribute(k, v);
    }
    for (const c of children) if (c !== null && c !== undefined) e.append(c);
    return e;
  }

  function field(label, input) { return el("label", {}, label + " ", input); }

  // The text, cut at the items' spans (in order, overlaps dropped): each span a <mark> tied to its item's form.
  function renderDocument(view) {
    const doc = $("#tp-doc");
    doc.replaceChildren();
    $("#tp-doc-note").hidden = view.fromDocument;
    const spans = view.items.filter((i) => i.span).map((i) => ({ item: i, start: i.span.start, end: i.span.start + i.span.length }))
      .sort((a, b) => a.start - b.start);
    let at = 0;
    for (const s of spans) {
      if (s.start < at) continue;
      doc.append(view.text.slice(at, s.start));
      const mark = el("mark", { id: "tp-src-" + s.item.assignmentId, class: "tp-src", title: s.item.ordinal + ". " + s.item.display },
        view.text.slice(s.start, s.end));
      mark.dataset.item = s.item.assignmentId;
      mark.addEventListener("click", () => document.getElementById("tp-item-" + s.item.assignmentId)?.querySelector("input")?.focus());
      doc.append(mark);
      at = s.end;
    }
    doc.append(view.text.slice(at));
  }

  // Marks the item's sentence; with scroll, brings it to the middle of the text box (only the box scrolls, never the page,
  // so a button being pressed does not move away under the pointer).
  function highlight(itemId, on, scroll) {
    const mark = document.getElementById("tp-src-" + itemId);
    if (!mark) return;
    mark.classList.toggle("tp-active", on);
    if (on && scroll) {
      const doc = $("#tp-doc");
      doc.scrollTop += mark.getBoundingClientRect().top - doc.getBoundingClientRect().top - doc.clientHeight / 2;
    }
  }

  function memberSelect(view, item) {
    const select = el("select", { name: "member" }, el("option", { value: "" }, "(chưa chọn / not mapped)"));
    for (const m of view.members) {
      select.append(el("option", { value: m.aadObjectId, selected: m.aadObjectId === item.member }, m.name + (m.jobTitle ? " – " + m.jobTitle : "")));
    }
    return select;
  }

  function itemForm(view, item, draft) {
    const hid = "tp-item-h-" + item.assignmentId;
    const form = el("form", { id: "tp-item-" + item.assignmentId, class: "tp-item" + (item.span ? "" : " tp-nospan"), "aria-labelledby": hid });
    form.dataset.id = item.assignmentId;
    const mapped = item.memberName ? " → ✓ " + item.memberName : " → chưa có người nhận / not mapped";
    form.append(el("h3", { id: hid }, `${item.ordinal}. ${item.display}${item.guessed ? " (đoán / guessed)" : ""}`,
      el("span", { class: item.memberName ? "tp-ok" : "tp-warn" }, mapped)));
    if (item.span) {
      const locate = el("button", { type: "button", class: "tp-locate" }, "Xem trong văn bản / Show in the document");
      locate.addEventListener("click", () => highlight(item.assignmentId, true, true));
      form.append(locate);
    } else form.append(el("p", { class: "tp-en" }, "Không có câu nguồn trong văn bản. / No source sentence in the text."));
    form.append(
      field("Họ tên / Name", el("input", { name: "name", type: "text", maxLength: 300, value: item.name || "" })),
      field("Chức vụ / Title", el("input", { name: "title", type: "text", maxLength: 300, value: item.title || "" })),
      field("Đơn vị / Unit", el("input", { name: "unit", type: "text", maxLength: 300, value: item.unit || "", list: "tp-units" })),
      field("Người nhận / Member", memberSelect(view, item)),
      field("Nhiệm vụ / Duty", el("textarea", { name: "duty", rows: 3, maxLength: 4000, value: item.duty })));
    item.deadlines.forEach((d, i) => {
      form.append(field(`Thời hạn ${i + 1} / Deadline ${i + 1}`,
        el("input", { name: "deadline", type: "text", value: d.value, title: d.label + (d.guessed ? " (đoán / guessed)" : "") })));
    });
    form.append(field("Thời hạn mới / New deadline", el("input", { name: "deadline", type: "text", placeholder: "dd/MM/yyyy" })));
    const status = el("span", { role: "status", class: "tp-saved" });
    const remove = el("button", { type: "button", class: "tp-remove" }, "Xóa / Remove");
    remove.addEventListener("click", async () => {
      if (await api(`${base}/assignments/${encodeURIComponent(item.assignmentId)}`, "DELETE")) await load("Đã xóa / Removed: " + item.ordinal);
    });
    form.append(el("div", { class: "tp-actions" }, el("button", { type: "submit" }, "Lưu / Save"), remove, status));
    form.addEventListener("focusin", () => highlight(item.assignmentId, true));
    form.addEventListener("focusout", () => highlight(item.assignmentId, false));
    form.addEventListener("submit", async (e) => {
      e.preventDefault();
      if (await api(`${base}/assignments/${encodeURIComponent(item.assignmentId)}`, "PUT", edit(form))) await load("Đã lưu / Saved: " + item.ordinal);
    });
    if (!draft) for (const c of form.querySelectorAll("input, select, textarea, button:not(.tp-locate)")) c.disabled = true;
    return form;
  }

  function edit(form) {
    const f = new FormData(form);
    return {
      name: f.get("name") ?? null, title: f.get("title") ?? null, unit: f.get("unit") ?? null, duty: f.get("duty") ?? null,
      deadlines: f.getAll("deadline").map(String), member: f.has("member") ? String(f.get("member")) : null,
    };
  }

  async function load(note) {
    const view = await api(base);
    if (!view) return;
    const draft = view.status === "Draft";
    $("#tp-review-title").firstChild.textContent = (view.number ? view.number + " – " : "") + view.title + " ";
    $("#tp-review-meta").textContent = [view.issuer, draft ? "Bản nháp / Draft" : "Đã gửi / Published", view.items.length + " phân công / assignments"]
      .filter(Boolean).join(" · ");
    $("#tp-review-warnings").replaceChildren(...view.warnings.map((w) => el("li", {}, w)));
    $("#tp-units").replaceChildren(...view.units.map((u) => el("option", { value: u })));
    renderDocument(view);
    $("#tp-items").replaceChildren(...view.items.map((i) => itemForm(view, i, draft)));
    $("#tp-add").hidden = !draft;
    if (note) $("#tp-review-result").textContent = note;
  }

  $("#tp-add").addEventListener("submit", async (e) => {
    e.preventDefault();
    const body = edit(e.target);
    body.member = null;
    if (await api(`${base}/assignments`, "POST", body)) { e.target.reset(); await load("Đã thêm / Added"); }
  });
  $("#tp-publish").addEventListener("click", async () => {
    const r = await api(`${base}/publish`, "POST");
    if (r) await load(r.summary);
  });
  await load();
}]);
