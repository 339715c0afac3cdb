// newsfaq web page. Every piece of article text and metadata goes into the page as a DOM text
// node (textContent / createTextNode): nothing from an article is ever parsed as HTML.
"use strict";

(function () {
  const $ = (id) => document.getElementById(id);

  const state = {
    request: null, // body of the last successful explain request
    explainer: null,
    groups: new Map(), // evidence group id -> [{start, end}]
    index: new Map(), // evidence group id -> [span elements in the article view]
    pinned: null,
  };

  // ------------------------------------------------------------------ helpers

  function el(tag, opts, ...children) {
    const node = document.createElement(tag);
    if (opts) {
      if (opts.cls) node.className = opts.cls;
      if (opts.text !== undefined && opts.text !== null) node.textContent = String(opts.text);
      if (opts.title) node.title = String(opts.title);
      if (opts.attrs) for (const [k, v] of Object.entries(opts.attrs)) node.setAttribute(k, String(v));
    }
    for (const child of children) if (child) node.append(child);
    return node;
  }

  function setStatus(node, message, isError) {
    node.textContent = message || "";
    node.classList.toggle("error", Boolean(isError));
  }

  async function post(path, body) {
    const response = await fetch(path, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
    if (!response.ok) {
      let message = `HTTP ${response.status}`;
      try {
        const err = await response.json();
        if (err && err.message) message = `${err.message} (${err.error || response.status})`;
      } catch (_) {
        /* not JSON: keep the status line */
      }
      throw new Error(message);
    }
    return response;
  }

  function download(name, text, type) {
    const url = URL.createObjectURL(new Blob([text], { type }));
    const a = el("a", { attrs: { href: url, download: name } });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  function baseName() {
    const title = state.explainer && state.explainer.article.meta.title;
    const slug = (title || "explainer").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
    return slug.slice(0, 60) || "explainer";
  }

  // ------------------------------------------------------------------ text views

  // Split `text` at every span boundary; each piece covered by a group becomes a <span>.
  // Returns Map(group id -> [elements]). `decorate(el, ids)` styles covered pieces.
  function buildTextView(container, text, groups, decorate) {
    const cuts = new Set([0, text.length]);
    for (const spans of groups.values()) {
      for (const s of spans) {
        if (Number.isInteger(s.start) && Number.isInteger(s.end) && s.start < s.end && s.end <= text.length) {
          cuts.add(s.start);
          cuts.add(s.end);
        }
      }
    }
    const points = [...cuts].sort((a, b) => a - b);
    const index = new Map();
    for (const id of groups.keys()) index.set(id, []);
    const fragment = document.createDocumentFragment();
    for (let i = 0; i + 1 < points.length; i++) {
      const a = points[i];
      const b = points[i + 1];
      const piece = text.slice(a, b);
      const ids = [];
      for (const [id, spans] of groups) {
        if (spans.some((s) => s.start <= a && b <= s.end)) ids.push(id);
      }
      if (!ids.length) {
        fragment.append(document.createTextNode(piece));
        continue;
      }
      const span = el("span", { cls: "ev", text: piece });
      span.dataset.start = String(a);
      span.dataset.end = String(b);
      span.dataset.ev = ids.join(" ");
      if (decorate) decorate(span, ids);
      for (const id of ids) index.get(id).push(span);
      fragment.append(span);
    }
    container.replaceChildren(fragment);
    return index;
  }

  function clearHighlight() {
    for (const node of document.querySelectorAll("#article-view .hl")) node.classList.remove("hl");
    for (const node of document.querySelectorAll(".hoverable.active")) node.classList.remove("active");
  }

  function highlight(id, source) {
    clearHighlight();
    const nodes = state.index.get(id) || [];
    for (const node of nodes) node.classList.add("hl");
    if (source) source.classList.add("active");
    if (nodes.length) nodes[0].scrollIntoView({ block: "nearest", behavior: "auto" });
  }

  function bindEvidence(node, id) {
    node.classList.add("hoverable");
    node.dataset.ev = id;
    node.tabIndex = 0;
    node.addEventListener("mouseenter", () => highlight(id, node));
    node.addEventListener("focus", () => highlight(id, node));
    node.addEventListener("mouseleave", () => {
      if (state.pinned) highlight(state.pinned.id, state.pinned.node);
      else clearHighlight();
    });
    node.addEventListener("click", () => {
      state.pinned = state.pinned && state.pinned.id === id ? null : { id, node };
      if (state.pinned) highlight(id, node);
      else clearHighlight();
    });
  }

  function spansOf(evidence) {
    // a span of the headline (source "title") indexes the title, not the article body
    return (evidence || [])
      .filter((s) => (s.source || "text") === "text")
      .map((s) => ({ start: s.start, end: s.end }));
  }

  // ------------------------------------------------------------------ explainer

  function renderMeta(meta) {
    const box = $("article-meta");
    box.replaceChildren();
    if (meta.title) box.append(el("span", { cls: "title", text: meta.title }));
    const parts = [meta.author, meta.site, meta.date, meta.url].filter(Boolean);
    if (parts.length) box.append(document.createTextNode(parts.join(" · ")));
  }

  // "180 million", "1,600", "6.8": the same reading as the Markdown and HTML outputs
  function formatNumber(value) {
    const scales = [[1e12, "trillion"], [1e9, "billion"], [1e6, "million"]];
    for (const [scale, word] of scales) {
      if (Math.abs(value) >= scale) {
        return `${Number((value / scale).toFixed(2))} ${word}`;
      }
    }
    return value.toLocaleString("en-US", { maximumFractionDigits: 2 });
  }

  function renderFactValue(fact) {
    if (fact.kind === "date" && fact.normalized) return fact.normalized;
    if (fact.value !== null && fact.value !== undefined) {
      const per = fact.per ? `per ${fact.per}` : null;
      return [fact.qualifier, formatNumber(fact.value), fact.unit, per].filter(Boolean).join(" ");
    }
    return fact.normalized || fact.role || "";
  }

  function renderExplainer(ex) {
    state.explainer = ex;
    state.pinned = null;
    state.groups = new Map();
    renderMeta(ex.article.meta || {});

    const kp = $("key-points");
    kp.replaceChildren();
    ex.key_points.forEach((point, i) => {
      const id = `kp-${i}`;
      state.groups.set(id, spansOf(point.evidence));
      const li = el("li", { text: point.text });
      bindEvidence(li, id);
      kp.append(li);
    });

    const body = $("facts").tBodies[0];
    body.replaceChildren();
    // key facts are shown; the others wait behind a button (older JSON has no key flags)
    const anyKey = ex.facts.some((fact) => fact.key);
    const more = $("facts-more");
    const hiddenCount = anyKey ? ex.facts.filter((fact) => !fact.key).length : 0;
    more.hidden = hiddenCount === 0;
    more.textContent = `Show ${hiddenCount} more facts`;
    more.onclick = () => {
      body.querySelectorAll("tr.more").forEach((row) => { row.hidden = false; });
      more.hidden = true;
    };
    ex.facts.forEach((fact, i) => {
      const id = `fact-${i}`;
      state.groups.set(id, spansOf(fact.evidence));
      const factCell = el("td", { text: fact.text });
      if (fact.derived) {
        factCell.append(el("span", { cls: "badge derived", text: "derived", title: fact.derivation || "" }));
      }
      const isMore = anyKey && !fact.key;
      const row = el(
        "tr",
        { cls: [fact.derived ? "derived" : "", isMore ? "more" : ""].join(" ").trim() },
        el("td", { text: fact.kind }),
        factCell,
        el("td", { text: renderFactValue(fact) }),
        el("td", { text: fact.attributed_to || fact.entity || "" })
      );
      row.hidden = isMore;
      bindEvidence(row, id);
      body.append(row);
    });

    const faq = $("faq");
    faq.replaceChildren();
    ex.faq.forEach((qa, i) => {
      const id = `faq-${i}`;
      state.groups.set(id, spansOf(qa.evidence));
      const answer = el("div", { cls: "answer", text: qa.answer });
      if ((qa.evidence || []).some((s) => s.source === "title")) {
        answer.append(el("span", { cls: "badge headline", text: "headline", title: "quoted from the article's headline" }));
      }
      bindEvidence(answer, id);
      faq.append(el("div", { cls: "qa", attrs: { "data-kind": qa.kind } }, el("div", { cls: "question", text: qa.question }), answer));
    });

    $("credit").textContent = ex.credit || "";
    const warnings = $("warnings");
    warnings.replaceChildren(...(ex.warnings || []).map((w) => el("li", { text: w })));
    $("ask-answer").hidden = true;
    state.groups.delete("ask");
    rebuildArticle();
    $("result").hidden = false;
  }

  function rebuildArticle() {
    state.index = buildTextView($("article-view"), state.explainer.article.text, state.groups);
  }

  function sourceBody() {
    const url = $("article-url").value.trim();
    const text = $("article-text").value;
    if (text.trim()) {
      return /^\s*</.test(text) && /<\/[a-zA-Z]/.test(text) ? { html: text } : { text };
    }
    if (url) return { url };
    return null;
  }

  async function onExplain(event) {
    event.preventDefault();
    const source = sourceBody();
    const status = $("status");
    if (!source) {
      setStatus(status, "Paste an article, upload a file or give a URL.", true);
      return;
    }
    const body = { ...source, n: Number($("opt-n").value) || 8, key_points: Number($("opt-k").value) || 4 };
    setStatus(status, "Reading the article…");
    $("explain-btn").disabled = true;
    try {
      const response = await post("/api/explain", body);
      const ex = await response.json();
      state.request = body;
      renderExplainer(ex);
      setStatus(status, `${ex.faq.length} questions, ${ex.facts.length} facts, ${ex.key_points.length} key points.`);
    } catch (err) {
      setStatus(status, `Could not explain: ${err.message}`, true);
    } finally {
      $("explain-btn").disabled = false;
    }
  }

  async function fetchRendered(format) {
    const response = await post(`/api/explain?format=${format}`, state.request);
    return response.text();
  }

  async function onCopyJsonld() {
    const status = $("export-status");
    if (!state.request) return;
    try {
      const text = await fetchRendered("jsonld");
      const box = $("jsonld-fallback");
      box.value = text;
      try {
        await navigator.clipboard.writeText(text);
        box.hidden = true;
        setStatus(status, "JSON-LD copied.");
      } catch (_) {
        box.hidden = false;
        box.select();
        setStatus(status, "Copy the JSON-LD below (Ctrl+C).");
      }
    } catch (err) {
      setStatus(status, err.message, true);
    }
  }

  async function onDownloadMd() {
    if (!state.request) return;
    try {
      download(`${baseName()}.md`, await fetchRendered("md"), "text/markdown");
    } catch (err) {
      setStatus($("export-status"), err.message, true);
    }
  }

  function onDownloadJson() {
    if (!state.explainer) return;
    download(`${baseName()}.json`, JSON.stringify(state.explainer, null, 2), "application/json");
  }

  function onFile(event) {
    const file = event.target.files && event.target.files[0];
    if (!file) return;
    const reader = new FileReader();
    reader.onload = () => {
      $("article-text").value = String(reader.result || "");
      $("article-url").value = "";
      setStatus($("status"), `Loaded ${file.name}.`);
    };
    reader.onerror = () => setStatus($("status"), `Could not read ${file.name}.`, true);
    reader.readAsText(file);
  }

  // ------------------------------------------------------------------ ask

  async function onAsk(event) {
    event.preventDefault();
    const question = $("ask-question").value.trim();
    const box = $("ask-answer");
    if (!question || !state.request) return;
    const { n, key_points, ...source } = state.request;
    box.hidden = false;
    box.replaceChildren(el("em", { text: "Looking in the article…" }));
    try {
      const answer = await (await post("/api/ask", { ...source, question })).json();
      box.replaceChildren();
      if (!answer.answerable) {
        box.append(el("strong", { text: answer.text || "The article does not say." }));
        state.groups.delete("ask");
        rebuildArticle();
        return;
      }
      const text = el("div", { cls: "answer", text: answer.text || answer.sentence || "" });
      box.append(el("div", { cls: "question", text: question }), text);
      if (answer.sentence && answer.sentence !== answer.text) {
        box.append(el("div", { cls: "hint", text: `From: “${answer.sentence}”` }));
      }
      state.groups.set("ask", spansOf(answer.evidence));
      rebuildArticle();
      bindEvidence(text, "ask");
      highlight("ask", text);
    } catch (err) {
      box.replaceChildren(el("span", { cls: "error", text: `Could not answer: ${err.message}` }));
    }
  }

  // ------------------------------------------------------------------ audit

  function renderAudit(report) {
    const summary = $("audit-summary");
    summary.replaceChildren();
    for (const verdict of ["supported", "unsupported", "contradicted"]) {
      summary.append(el("span", { cls: `badge ${verdict}`, text: `${report.summary[verdict] || 0} ${verdict}` }), " ");
    }
    const originalGroups = new Map();
    const claimGroups = new Map();
    report.claims.forEach((claim, i) => {
      claimGroups.set(`claim-${i}`, [{ start: claim.start, end: claim.end }]);
      originalGroups.set(`claim-${i}`, spansOf(claim.evidence));
    });
    const originalIndex = buildTextView($("original-view"), report.article.text, originalGroups);
    const detail = $("claim-detail");
    detail.hidden = true;
    buildTextView($("derived-view"), report.derived_text, claimGroups, (span, ids) => {
      const i = Number(ids[ids.length - 1].slice("claim-".length));
      const claim = report.claims[i];
      span.classList.add("claim", `verdict-${claim.verdict}`);
      span.title = claim.verdict;
      span.addEventListener("click", () => {
        for (const node of document.querySelectorAll("#derived-view .active, #original-view .hl")) {
          node.classList.remove("active", "hl");
        }
        for (const node of document.querySelectorAll(`#derived-view [data-ev~="claim-${i}"]`)) node.classList.add("active");
        const evidence = originalIndex.get(`claim-${i}`) || [];
        for (const node of evidence) node.classList.add("hl");
        if (evidence.length) evidence[0].scrollIntoView({ block: "nearest" });
        const reasons = el("ul");
        for (const reason of claim.reasons || []) reasons.append(el("li", { text: reason }));
        detail.replaceChildren(
          el("div", { cls: `badge ${claim.verdict}`, text: `${claim.verdict} (score ${Number(claim.score).toFixed(2)})` })
        );
        if (claim.question) detail.append(el("div", { cls: "question", text: claim.question }));
        detail.append(
          el("div", { cls: "claim-text", text: claim.text }),
          reasons.childElementCount ? reasons : el("p", { cls: "hint", text: "No reasons given." })
        );
        detail.hidden = false;
      });
    });
    $("audit-result").hidden = false;
  }

  async function onAudit(event) {
    event.preventDefault();
    const original = $("audit-original").value;
    const originalUrl = $("audit-original-url").value.trim();
    const derived = $("audit-derived").value;
    const status = $("audit-status");
    if ((!original.trim() && !originalUrl) || !derived.trim()) {
      setStatus(status, "Paste the original article (or give its URL) and the derived text.", true);
      return;
    }
    if (original.trim() && originalUrl) {
      setStatus(status, "Give the original either as text or as a URL, not both.", true);
      return;
    }
    const body = originalUrl ? { original_url: originalUrl, derived } : { original, derived };
    setStatus(status, "Checking each claim…");
    $("audit-btn").disabled = true;
    try {
      const report = await (await post("/api/audit", body)).json();
      renderAudit(report);
      setStatus(status, `${report.claims.length} claims checked.`);
    } catch (err) {
      setStatus(status, `Could not audit: ${err.message}`, true);
    } finally {
      $("audit-btn").disabled = false;
    }
  }

  // ------------------------------------------------------------------ story (POST /api/trace)

  function fillList(id, items, text) {
    const list = $(id);
    list.replaceChildren();
    for (const item of items) list.append(el("li", { text: text(item) }));
    if (!items.length) list.append(el("li", { cls: "hint", text: "None." }));
  }

  function claimText(c) {
    const q = c.question ? `[FAQ: ${c.question}] ` : "";
    return `${q}${c.claim} (${(c.reasons || []).join("; ")})`;
  }

  function renderTrace(t) {
    const o = t.original;
    $("story-original").textContent = o
      ? `${o.title || o.id} (${[o.site || o.url, o.date].filter(Boolean).join(", ")})`
      : t.external_source
        ? `${t.external_source} (not in the corpus)`
        : `Unknown: nothing points to an original (${t.status}).`;
    fillList("story-reasons", t.reasons || [], (r) => r);
    fillList("story-changed", t.changed || [], claimText);
    fillList("story-invented", t.invented || [], claimText);
    fillList("story-omissions", t.omissions || [], (m) => `${m.fact} (${m.why})`);
    fillList("story-members", t.members || [], (m) =>
      `${m.title || m.id} — similarity ${Number(m.similarity).toFixed(2)}`);
    $("story-result").hidden = false;
  }

  async function onTrace(event) {
    event.preventDefault();
    const text = $("story-text").value;
    const status = $("story-status");
    if (!text.trim()) {
      setStatus(status, "Paste the page to trace.", true);
      return;
    }
    setStatus(status, "Looking for its story and original…");
    $("story-btn").disabled = true;
    try {
      const t = await (await post("/api/trace", { text })).json();
      if (t.story_id) {
        renderTrace(t);
        setStatus(status, `Story ${t.story_id}: ${t.members.length} articles in the corpus.`);
      } else {
        $("story-result").hidden = true;
        setStatus(status, "No article of the corpus tells the same story.");
      }
    } catch (err) {
      const hint = err.message.includes("404") ? " (start the server with --corpus DIR)" : "";
      setStatus(status, `Could not trace: ${err.message}${hint}`, true);
    } finally {
      $("story-btn").disabled = false;
    }
  }

  // ------------------------------------------------------------------ tabs and wiring

  function selectTab(name) {
    for (const tab of ["explain", "audit", "story"]) {
      const on = tab === name;
      $(`tab-${tab}`).setAttribute("aria-selected", String(on));
      $(`panel-${tab}`).hidden = !on;
    }
  }

  document.addEventListener("DOMContentLoaded", () => {
    $("tab-explain").addEventListener("click", () => selectTab("explain"));
    $("tab-audit").addEventListener("click", () => selectTab("audit"));
    $("explain-form").addEventListener("submit", onExplain);
    $("article-file").addEventListener("change", onFile);
    $("copy-jsonld").addEventListener("click", onCopyJsonld);
    $("download-json").addEventListener("click", onDownloadJson);
    $("download-md").addEventListener("click", onDownloadMd);
    $("ask-form").addEventListener("submit", onAsk);
    $("audit-form").addEventListener("submit", onAudit);
    $("tab-story").addEventListener("click", () => selectTab("story"));
    $("story-form").addEventListener("submit", onTrace);
  });
})();
