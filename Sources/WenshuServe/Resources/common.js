// Shared by the workbench's pages: JSON requests and the error line. No library, no build step.
"use strict";

class ApiError extends Error {
  constructor(status, body) {
    const e = (body && body.error) || {};
    super(e.chinese ? e.chinese + (e.hint ? "；" + e.hint : "") : "请求失败（" + status + "）");
    this.status = status;
    this.body = body || {};
  }
}

async function api(method, url, body) {
  const init = { method, headers: {} };
  if (body instanceof Blob || body instanceof ArrayBuffer) {
    init.body = body;
  } else if (body !== undefined) {
    init.headers["Content-Type"] = "application/json";
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(url, init);
  } catch (e) {
    throw new ApiError(0, { error: { chinese: "连不上服务器", hint: "请检查服务器是否还在运行" } });
  }
  let json = null;
  try { json = await response.json(); } catch (e) { json = null; }
  if (!response.ok) throw new ApiError(response.status, json);
  return json;
}

function showError(message) {
  const el = document.getElementById("error");
  if (!el) return;
  el.textContent = message || "";
  el.hidden = !message;
}

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === "class") node.className = v;
    else if (k === "text") node.textContent = v;
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children) if (c !== null && c !== undefined) node.append(c);
  return node;
}

// Node.replaceChildren for the older Chromium kernels some office browsers still run (360 on Chromium 69/78).
function setChildren(node, ...children) {
  node.textContent = "";
  for (const c of children) if (c !== null && c !== undefined) node.append(c);
}
