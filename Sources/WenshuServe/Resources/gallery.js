// The gallery: the clerk's documents, and a card per template (thumbnail, fields) to start a new one.
"use strict";

async function loadGallery() {
  try {
    const [{ templates }, { docs }] = await Promise.all([api("GET", "/api/templates"), api("GET", "/api/docs")]);
    const names = {};
    for (const t of templates) names[t.name] = t.chinese;
    const list = document.getElementById("docs");
    setChildren(list, ...docs.map(d => el("li", {},
      el("a", { href: "/d/" + d.id, class: "doc-link" }, el("strong", { text: d.title || "未命名" }),
        el("span", { class: "muted", text: "　" + (names[d.template] || d.template) + " · 修改于 " + new Date(d.updated).toLocaleString("zh-CN") })))));
    document.getElementById("no-docs").hidden = docs.length > 0;
    const box = document.getElementById("templates");
    setChildren(box, ...templates.map(t => el("article", { class: "card", "data-template": t.name },
      el("img", { src: "/t/" + encodeURIComponent(t.name) + "/thumb.png", alt: t.chinese + "的第一页", loading: "lazy", class: "thumb",
        onerror: ev => ev.target.replaceWith(el("div", { class: "thumb none", text: "暂无缩略图" })) }),
      el("h3", {}, t.chinese + " ", el("small", { class: "muted", text: t.name })),
      el("p", { class: "muted", text: t.fields + " 项：" + t.labels.slice(0, 8).join("、") + (t.labels.length > 8 ? "…" : "") }),
      t.required.length ? el("p", { class: "required", text: "必填：" + t.required.join("、") }) : null,
      el("button", { type: "button", class: "primary", text: "新建" + t.chinese, onclick: () => create(t.name) }))));
  } catch (e) {
    showError(e.message);
  }
}

async function create(template) {
  try {
    const doc = await api("POST", "/api/docs", { template });
    location.href = "/d/" + doc.id;
  } catch (e) {
    showError(e.message);
  }
}

loadGallery();
