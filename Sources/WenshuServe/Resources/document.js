// A document's page: the form generated from the template's fields, saved as the clerk types,
// problems beside their fields (the same messages as `wenshu check`), and the live preview.
"use strict";

const docId = location.pathname.split("/").filter(Boolean).pop();
const state = {
  fields: [], placeholders: [], data: {}, revision: 0, template: "",
  dirty: false, saving: false, conflict: false, timer: null,
  previewing: false, previewAgain: false, previews: 0,
  problemBoxes: new Map(),
};
const DEBOUNCE_MS = 250;

// ---- characters as the bureaus count them: white space is not counted ----
function countChars(s) { return Array.from(String(s || "")).filter(c => !/\s/.test(c)).length; }

// ---- the form ----
function problemBox(path) {
  const box = el("div", { class: "problems", "data-field": path });
  state.problemBoxes.set(path, box);
  return box;
}

function counter(field, input) {
  if (!field.max && !field.about) return null;
  const span = el("span", { class: "counter" });
  const update = () => {
    const n = countChars(input.value);
    if (field.max) {
      span.textContent = n + " / " + field.max + " 字";
      span.classList.toggle("over", n > field.max);
    } else {
      span.textContent = n + " 字（约 " + field.about + " 字为宜）";
      span.classList.toggle("over", n > field.about * 1.2);
    }
  };
  input.addEventListener("input", update);
  update();
  return span;
}

function help(field) {
  const bits = [];
  if (field.help) bits.push(field.help);
  if (field.example && field.type !== "long-text") bits.push("例：" + field.example);
  return bits.length ? el("p", { class: "help", text: bits.join("　") }) : null;
}

// An input for a scalar field; `get`/`set` read and write its value in the data.
function scalarInput(field, path, get, set) {
  const id = "f-" + path.replace(/[^A-Za-z0-9_-]/g, "_");
  let input;
  switch (field.type) {
    case "long-text":
      input = el("textarea", { id, rows: 8, placeholder: field.example || "" });
      break;
    case "date":
      input = el("input", { id, type: "date" });
      break;
    case "whole-number":
      input = el("input", { id, type: "number", min: field.min !== undefined ? field.min : 0, step: 1, inputmode: "numeric" });
      break;
    case "phone":
      input = el("input", { id, type: "tel", placeholder: field.example || "" });
      break;
    case "choice":
      input = el("select", { id }, el("option", { value: "", text: "（请选择）" }), ...(field.values || []).map(v => el("option", { value: v, text: v })));
      break;
    case "image":
      return imageInput(field, path, id, get, set);
    default:
      input = el("input", { id, type: "text", placeholder: field.example || "" });
  }
  const value = get();
  input.value = value === undefined || value === null ? "" : String(value);
  input.dataset.path = path;
  input.addEventListener("input", () => { set(input.value); changed(); });
  input.addEventListener("change", () => { set(input.value); changed(); });
  const extras = [];
  if (field.type === "long-text") {
    const file = el("input", { type: "file", accept: ".docx,.txt", hidden: true });
    file.addEventListener("change", async () => {
      const f = file.files[0];
      file.value = "";
      if (!f) return;
      try {
        const r = await upload(f, "text");
        input.value = r.text;
        set(r.text);
        input.dispatchEvent(new Event("input"));
      } catch (e) { showError(e.message); }
    });
    extras.push(el("label", { class: "button small", title: "从 Word 文档（.docx）或文本文件（.txt）导入这段文字" }, "从 .docx / .txt 导入", file));
  }
  return { input, extras: [counter(field, input), ...extras] };
}

function imageInput(field, path, id, get, set) {
  const name = el("span", { class: "file-name", text: get() || "（未上传）" });
  const file = el("input", { id, type: "file", accept: "image/png,image/jpeg", "data-path": path });
  file.addEventListener("change", async () => {
    const f = file.files[0];
    if (!f) return;
    try {
      const r = await upload(f, "image");
      set(r.path);
      name.textContent = r.path;
      changed();
    } catch (e) { showError(e.message); }
    file.value = "";
  });
  const clear = el("button", { type: "button", class: "small", text: "移除", onclick: () => { set(""); name.textContent = "（未上传）"; changed(); } });
  return { input: file, extras: [name, clear] };
}

function fieldBlock(field, path, get, set) {
  const label = el("label", { class: "label", text: field.label + (field.required ? " *" : "") });
  if (field.type === "list") return listBlock(field, path, get, set);
  if (field.type === "record") {
    const inner = get() && typeof get() === "object" ? get() : {};
    if (!get() || typeof get() !== "object") set(inner);
    return el("fieldset", { class: "record" }, el("legend", { text: field.label }), help(field),
      // A "*" field stands for keys the data chooses (item numbers): no input of its own.
      ...(field.fields || []).filter(g => g.path !== "*")
        .map(g => fieldBlock(g, path + "." + g.path, () => inner[g.path], v => { inner[g.path] = v; })),
      problemBox(path));
  }
  const { input, extras } = scalarInput(field, path, get, set);
  label.setAttribute("for", input.id);
  return el("div", { class: "field", "data-field": path }, label, input, ...extras.filter(Boolean), help(field), problemBox(path));
}

function listBlock(field, path, get, set) {
  if (!Array.isArray(get())) set([]);
  const rows = el("div", { class: "rows" });
  const render = () => {
    const list = get();
    setChildren(rows, ...list.map((row, i) => {
      const rowPath = path + "[" + i + "]";
      const remove = el("button", { type: "button", class: "small", text: "删除", title: "删除这一项",
        onclick: () => { list.splice(i, 1); render(); changed(); } });
      if (!field.fields || field.fields.length === 0) {
        const { input } = scalarInput({ type: "text", example: field.example }, rowPath, () => list[i], v => { list[i] = v; });
        return el("div", { class: "row" }, el("span", { class: "row-no", text: (i + 1) + "." }), input, remove, problemBox(rowPath));
      }
      const obj = row && typeof row === "object" ? row : (list[i] = {});
      return el("fieldset", { class: "row" }, el("legend", { text: field.label + " 第 " + (i + 1) + " 项" }),
        ...field.fields.map(g => fieldBlock(g, rowPath + "." + g.path, () => obj[g.path], v => { obj[g.path] = v; })), remove, problemBox(rowPath));
    }));
  };
  render();
  const add = el("button", { type: "button", class: "small", text: "添加一项",
    onclick: () => { get().push(field.fields && field.fields.length ? {} : ""); render(); changed(); } });
  return el("fieldset", { class: "list", "data-field": path }, el("legend", { text: field.label + (field.required ? " *" : "") }),
    help(field), rows, add, problemBox(path));
}

function renderForm() {
  const form = document.getElementById("form");
  state.problemBoxes = new Map();
  const general = el("div", { id: "general-problems", class: "problems" });
  // The template's placeholder parameters (清河市…) are fields too: the clerk replaces them here,
  // as `city: 杭州市` in a data file does, or the save reports them as still the placeholder.
  // (A parameter the template also declares as a field, like the notice's issuer, is that field.)
  const params = state.placeholders.filter(p => !state.fields.some(f => f.path === p.param)).map(p => ({ path: p.param, label: p.label, type: "text", required: true,
    example: p.value, help: "模板参数，印前须换成本地的" + (p.help ? "；" + p.help : "") }));
  setChildren(form, general, ...params.concat(state.fields).map(f => fieldBlock(f, f.path, () => state.data[f.path], v => {
    if (v === "" || v === undefined) delete state.data[f.path]; else state.data[f.path] = v;
  })));
}

// ---- problems beside their fields ----
function showProblems(problems) {
  for (const box of state.problemBoxes.values()) setChildren(box);
  document.querySelectorAll(".field.has-error").forEach(n => n.classList.remove("has-error"));
  const general = document.getElementById("general-problems");
  setChildren(general);
  for (const p of problems || []) {
    let path = p.field || "";
    let box = state.problemBoxes.get(path);
    while (!box && path) {
      const shorter = path.replace(/(\[\d+\]|\.[^.\[\]]+)$/, "");
      path = shorter === path ? "" : shorter;
      box = state.problemBoxes.get(path);
    }
    const line = el("p", { class: "problem " + p.severity, title: p.message, text: (p.severity === "error" ? "错误：" : "注意：") + p.chinese + (p.hint ? "；" + p.hint : "") });
    (box || general).append(line);
    if (box && p.severity === "error" && box.parentElement) box.parentElement.classList.add("has-error");
  }
}

// ---- saving ----
function setSaveState(text, kind) {
  const s = document.getElementById("save-state");
  s.textContent = text;
  s.className = "save-state " + (kind || "");
}

function changed() {
  state.dirty = true;
  setSaveState("有改动…");
  clearTimeout(state.timer);
  state.timer = setTimeout(flush, DEBOUNCE_MS);
}

async function flush() {
  if (state.saving || state.conflict || !state.dirty) return;
  state.dirty = false;
  state.saving = true;
  setSaveState("正在保存…");
  try {
    const r = await api("PUT", "/api/docs/" + docId + "/data", { revision: state.revision, data: state.data });
    state.revision = r.revision;
    showProblems(r.problems);
    setSaveState("已保存", "ok");
    updateTitle();
    if (!state.dirty) preview();
  } catch (e) {
    if (e.status === 409) {
      state.conflict = true;
      document.getElementById("conflict").hidden = false;
      setSaveState("未保存：别处已修改", "bad");
    } else {
      state.dirty = true;
      setSaveState("保存失败：" + e.message + "（稍后重试）", "bad");
      setTimeout(flush, 2000);
    }
  } finally {
    state.saving = false;
    if (state.dirty && !state.conflict) { clearTimeout(state.timer); state.timer = setTimeout(flush, DEBOUNCE_MS); }
  }
}

window.addEventListener("beforeunload", () => {
  if (state.dirty && !state.conflict) {
    fetch("/api/docs/" + docId + "/data", { method: "PUT", keepalive: true, headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ revision: state.revision, data: state.data }) });
  }
});

async function upload(file, kind) {
  return api("POST", "/api/docs/" + docId + "/upload?kind=" + kind + "&name=" + encodeURIComponent(file.name), file);
}

// ---- the preview ----
async function preview() {
  if (state.previewing) { state.previewAgain = true; return; }
  state.previewing = true;
  try {
    const r = await api("POST", "/api/docs/" + docId + "/preview");
    showPages(r);
  } catch (e) {
    document.getElementById("page-count").textContent = "预览失败：" + e.message;
  } finally {
    state.previewing = false;
    if (state.previewAgain) { state.previewAgain = false; preview(); }
  }
}

function showPages(r) {
  const count = document.getElementById("page-count");
  count.textContent = r.failed ? "无法排版（见表单上方的错误）" : "共 " + r.pages + " 页";
  document.getElementById("preview-time").textContent = r.ms ? "排版 " + r.ms + " 毫秒" : "";
  const warnings = [...(r.warnings || [])];
  const errors = (r.problems || []).length;
  const box = document.getElementById("warnings");
  box.hidden = warnings.length === 0 && errors === 0;
  document.getElementById("warnings-summary").textContent = (errors ? errors + " 处错误，" : "") + warnings.length + " 条提醒";
  setChildren(document.getElementById("warnings-list"), ...[...(r.problems || []), ...warnings].map(p =>
    el("li", { class: p.severity, text: p.message })));
  if (r.failed) showProblems(r.problems);
  const pages = document.getElementById("pages");
  for (let i = 0; i < r.pages; i++) {
    let img = pages.children[i];
    if (!img) {
      img = el("img", { class: "page", alt: "第 " + (i + 1) + " 页", "data-page": i + 1 });
      img.addEventListener("click", () => enlarge(img));
      pages.append(img);
    }
    const rev = String(r.revisions[i]);
    if (img.dataset.rev !== rev) {
      img.dataset.rev = rev;
      img.src = "/api/docs/" + docId + "/pages/" + (i + 1) + ".png?rev=" + rev;
    }
  }
  while (pages.children.length > r.pages) pages.lastElementChild.remove();
  state.previews += 1;
  document.body.dataset.previews = String(state.previews);
}

function enlarge(img) {
  const box = document.getElementById("lightbox");
  document.getElementById("lightbox-img").src = img.src;
  box.hidden = false;
}
document.getElementById("lightbox").addEventListener("click", () => { document.getElementById("lightbox").hidden = true; });
document.addEventListener("keydown", e => { if (e.key === "Escape") document.getElementById("lightbox").hidden = true; });

// ---- downloads and the workbook ----
for (const a of document.querySelectorAll(".downloads a")) {
  a.href = "/api/docs/" + docId + "/download/" + a.dataset.format;
  a.addEventListener("click", async ev => {
    // Save first, then check the download is possible, so a refusal shows its reason here.
    ev.preventDefault();
    await flush();
    const response = await fetch(a.href);
    if (!response.ok) {
      let body = null;
      try { body = await response.json(); } catch (e) { body = null; }
      showError(new ApiError(response.status, body).message);
      return;
    }
    const blob = await response.blob();
    const name = decodeURIComponent(((response.headers.get("Content-Disposition") || "").match(/filename\*=UTF-8''([^;]+)/) || [])[1] || "document");
    const link = el("a", { href: URL.createObjectURL(blob), download: name });
    document.body.append(link);
    link.click();
    link.remove();
    showError("");
  });
}

document.getElementById("workbook-upload").addEventListener("change", async ev => {
  const f = ev.target.files[0];
  ev.target.value = "";
  if (!f) return;
  try {
    const r = await upload(f, "workbook");
    if (!confirm("用“" + f.name + "”的内容替换表单中的全部内容？")) return;
    state.data = r.data || {};
    renderForm();
    changed();
    if (r.notes && r.notes.length) showError(r.notes.map(n => n.chinese).join("；"));
  } catch (e) { showError(e.message); }
});

document.getElementById("reload").addEventListener("click", () => location.reload());

function updateTitle() {
  const t = state.data.title || state.data.school || state.data.name || state.chinese;
  document.getElementById("doc-title").textContent = t;
  document.title = t + " · 文书工作台";
}

async function start() {
  try {
    const doc = await api("GET", "/api/docs/" + docId);
    const template = await api("GET", "/api/templates/" + encodeURIComponent(doc.template));
    state.fields = template.schema.fields;
    state.placeholders = template.schema.placeholders || [];
    state.data = doc.data || {};
    state.revision = doc.revision;
    state.chinese = doc.chinese;
    updateTitle();
    renderForm();
    setSaveState("已保存", "ok");
    const problems = await api("GET", "/api/docs/" + docId + "/problems");
    showProblems(problems.problems);
    preview();
  } catch (e) {
    showError(e.message);
  }
}

start();
