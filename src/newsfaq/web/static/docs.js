// API documentation rendered from /openapi.json with DOM text nodes only, plus a "try it" box.
"use strict";

(function () {
  const $ = (id) => document.getElementById(id);

  function el(tag, cls, text) {
    const node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function pretty(value) {
    return JSON.stringify(value, null, 2);
  }

  function exampleFor(schema, spec) {
    if (!schema) return {};
    if (schema.$ref) return exampleFor(spec.components.schemas[schema.$ref.split("/").pop()], spec);
    if (schema.oneOf && schema.properties) {
      const first = schema.oneOf[0].required[0];
      const out = {};
      out[first] = first === "url" ? "https://example.com/news/story.html" : "Paste the article here.";
      return out;
    }
    const out = {};
    for (const name of schema.required || []) out[name] = "";
    return out;
  }

  function tryIt(method, path, schema, spec) {
    const box = el("details", "try");
    box.append(el("summary", null, "Try it"));
    const body = el("textarea");
    body.rows = 6;
    body.value = method === "get" ? "" : pretty(exampleFor(schema, spec));
    const send = el("button", null, "Send");
    send.type = "button";
    const out = el("pre", "response");
    send.addEventListener("click", async () => {
      out.textContent = "…";
      try {
        const init = { method: method.toUpperCase() };
        if (method !== "get") {
          init.headers = { "Content-Type": "application/json" };
          init.body = body.value;
        }
        const response = await fetch(path, init);
        const text = await response.text();
        let shown = text;
        try {
          shown = pretty(JSON.parse(text));
        } catch (_) {
          /* not JSON: show as is */
        }
        out.textContent = `${response.status} ${response.statusText}\n${shown}`;
      } catch (err) {
        out.textContent = String(err);
      }
    });
    if (method !== "get") box.append(body);
    box.append(send, out);
    return box;
  }

  function render(spec) {
    const ops = $("operations");
    for (const [path, methods] of Object.entries(spec.paths || {})) {
      for (const [method, op] of Object.entries(methods)) {
        const section = el("section", "operation");
        section.append(el("h2", null, `${method.toUpperCase()} ${path}`));
        if (op.summary) section.append(el("p", null, op.summary));
        if (op.description) section.append(el("p", "hint", op.description));
        for (const param of op.parameters || []) {
          const schema = param.schema || {};
          const values = schema.enum ? ` (${schema.enum.join(", ")})` : "";
          section.append(el("p", null, `Query ${param.name}${values}: ${param.description || ""}`));
        }
        const json = op.requestBody && op.requestBody.content && op.requestBody.content["application/json"];
        const schema = json ? json.schema : null;
        if (schema) {
          section.append(el("h3", null, "Request body"));
          section.append(el("pre", null, pretty(schema)));
        }
        const table = el("table");
        for (const [status, resp] of Object.entries(op.responses || {})) {
          const row = el("tr");
          row.append(el("td", null, status), el("td", null, resp.description || ""));
          const types = Object.keys(resp.content || {}).join(", ");
          row.append(el("td", null, types));
          table.append(row);
        }
        section.append(el("h3", null, "Responses"), table);
        section.append(tryIt(method, path, schema, spec));
        ops.append(section);
      }
    }
    const schemas = $("schemas");
    for (const [name, schema] of Object.entries((spec.components || {}).schemas || {})) {
      const box = el("details");
      box.id = `schema-${name}`;
      box.append(el("summary", null, name), el("pre", null, pretty(schema)));
      schemas.append(box);
    }
  }

  document.addEventListener("DOMContentLoaded", async () => {
    try {
      const response = await fetch("/openapi.json");
      const spec = await response.json();
      document.title = `${spec.info.title} ${spec.info.version} API`;
      render(spec);
      $("docs-status").textContent = `${spec.info.title} ${spec.info.version}: ${spec.info.summary || ""}`;
    } catch (err) {
      $("docs-status").textContent = `Could not load /openapi.json: ${err}`;
    }
  });
})();
