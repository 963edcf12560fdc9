// dermcode page: paste a note, see suggested CPT lines with their evidence.
// Plain browser JavaScript (no build step, no CDN). Talks to POST /v1/suggest on this origin.

const DEBOUNCE_MS = 250;
const CSV_HEADER = ["code", "units", "modifiers", "confidence", "description"];

const SAMPLE_NOTE = `DERMATOLOGY PROCEDURE NOTE

Patient: 68-year-old man, established patient.
Chief complaint: New bleeding spot on the back; rough spots on the scalp.

History: Basal cell carcinoma of the nose treated with Mohs surgery in 2019. Father had melanoma.

Exam: 0.7 cm pearly pink papule with arborizing vessels on the left upper back. Four gritty, scaly erythematous papules on the vertex scalp consistent with actinic keratoses. 0.5 cm stuck-on tan papule on the right temple consistent with seborrheic keratosis.

Procedure 1: Shave biopsy, left upper back.
Indication: rule out basal cell carcinoma. Risks, benefits and alternatives were discussed and verbal consent was obtained. The site was cleansed with alcohol and anesthetized with 1% lidocaine with epinephrine. A tangential shave biopsy of the 0.7 cm lesion was performed with a flexible blade. Hemostasis was achieved with aluminum chloride. The specimen was sent to dermatopathology.

Procedure 2: Destruction of premalignant lesions, scalp.
Four actinic keratoses on the vertex scalp were treated with liquid nitrogen cryotherapy, two freeze-thaw cycles each. The patient tolerated both procedures well.

The seborrheic keratosis on the right temple was not treated; the patient declined.

Plan: Follow up on pathology in 1-2 weeks. If basal cell carcinoma is confirmed, schedule an excision with 4 mm margins. Full skin exam in 6 months.
`;

const $ = (id) => document.getElementById(id);
const els = {
  note: $("note"),
  backdrop: $("backdrop"),
  scroller: document.querySelector(".editor-scroll"),
  sample: $("sample"),
  clear: $("clear"),
  copy: $("copy-csv"),
  csvBuffer: $("csv-buffer"),
  status: $("status"),
  codeSet: $("code-set"),
  charCount: $("char-count"),
  results: $("results"),
  error: $("error"),
  empty: $("empty"),
  tableHead: $("table-head"),
  codes: $("codes"),
  totals: $("totals"),
  totalsSum: $("totals-sum"),
  lineCount: $("line-count"),
  excludedSection: $("excluded-section"),
  excluded: $("excluded"),
  warningsSection: $("warnings-section"),
  warnings: $("warnings"),
  announce: $("announce"),
};

const state = {
  timer: 0,
  seq: 0,
  controller: null,
  /** The last result and the exact text it was computed for. */
  result: null,
  resultText: "",
  /** Highlight owners: key -> { kind, spans } ("c0" code line, "p2" excluded procedure, "w1" warning). */
  owners: new Map(),
  segments: [],
  active: { hover: null, focus: null, caret: null },
  lastAnnouncement: "",
};

// ---------- small helpers ----------

function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === "class") el.className = value;
    else if (name === "text") el.textContent = value;
    else el.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

const humanize = (word) => {
  const text = String(word ?? "")
    .replace(/[_-]+/g, " ")
    .trim();
  return text ? text[0].toUpperCase() + text.slice(1) : "";
};

const percent = (value) => `${Math.round(value * 100)}%`;

function confidenceBand(value) {
  if (value >= 0.8) return "high";
  if (value >= 0.5) return "medium";
  return "low";
}

function setStatus(kind, text) {
  els.status.dataset.state = kind;
  els.status.textContent = text;
}

function announce(text) {
  if (text === state.lastAnnouncement) return;
  state.lastAnnouncement = text;
  els.announce.textContent = text;
}

// ---------- the note editor: auto-growing textarea over a highlight layer ----------

function fitEditor() {
  const ta = els.note;
  ta.style.height = "auto";
  const wanted = Math.max(ta.scrollHeight, els.scroller.clientHeight);
  ta.style.height = `${wanted}px`;
  const count = ta.value.length;
  els.charCount.textContent = `${count.toLocaleString()} character${count === 1 ? "" : "s"}`;
}

/** Valid spans only: in range and matching the note (a bad span is skipped, never drawn wrong). */
function usableSpans(text, spans) {
  return (spans ?? []).filter(
    (s) =>
      Number.isInteger(s.start) &&
      Number.isInteger(s.end) &&
      s.start >= 0 &&
      s.end > s.start &&
      s.end <= text.length &&
      text.slice(s.start, s.end) === s.text,
  );
}

/** Cuts the note at every span boundary; each piece lists the owners whose spans cover it. */
function buildSegments(text, owners) {
  const cuts = new Set([0, text.length]);
  const covered = [];
  for (const [key, owner] of owners) {
    for (const span of owner.spans) {
      cuts.add(span.start);
      cuts.add(span.end);
      covered.push({ key, start: span.start, end: span.end });
    }
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segments = [];
  for (let i = 0; i + 1 < points.length; i += 1) {
    const start = points[i];
    const end = points[i + 1];
    const keys = [
      ...new Set(covered.filter((c) => c.start <= start && c.end >= end).map((c) => c.key)),
    ];
    segments.push({ start, end, keys });
  }
  return segments;
}

function markClass(keys) {
  const kinds = new Set(keys.map((key) => state.owners.get(key)?.kind));
  if (kinds.has("code")) return "ev ev-billed";
  if (kinds.has("excluded")) return "ev ev-excluded";
  return "ev ev-quiet";
}

function renderBackdrop() {
  const text = els.note.value;
  const fresh = state.result !== null && text === state.resultText;
  const segments = fresh ? state.segments : [{ start: 0, end: text.length, keys: [] }];
  const nodes = segments.map((seg) => {
    const piece = text.slice(seg.start, seg.end);
    if (seg.keys.length === 0) return document.createTextNode(piece);
    return h(
      "mark",
      { class: markClass(seg.keys), "data-keys": seg.keys.join(" "), "data-start": seg.start },
      piece,
    );
  });
  // A trailing newline needs something after it to take up its line, as it does in the textarea.
  els.backdrop.replaceChildren(...nodes, document.createTextNode("\u200b"));
  applyActive();
}

// ---------- linking lines and evidence ----------

function activeKeys() {
  return state.active.hover ?? state.active.focus ?? state.active.caret ?? [];
}

function applyActive() {
  const keys = new Set(activeKeys());
  for (const item of document.querySelectorAll("[data-key]")) {
    item.classList.toggle("is-linked", keys.has(item.dataset.key));
  }
  for (const mark of els.backdrop.querySelectorAll("mark")) {
    const hit = mark.dataset.keys.split(" ").some((key) => keys.has(key));
    mark.classList.toggle("is-active", hit);
  }
}

function setActive(source, keys) {
  state.active[source] = keys?.length ? keys : null;
  applyActive();
}

function keysAtOffset(offset) {
  const seg = state.segments.find((s) => s.start <= offset && offset < s.end && s.keys.length);
  return seg ? seg.keys : null;
}

/** The textarea sits above the highlight layer, so find the mark under the pointer by hit-testing. */
function markAtPoint(x, y) {
  for (const el of document.elementsFromPoint(x, y)) {
    if (el.tagName === "MARK" && els.backdrop.contains(el)) return el;
  }
  return null;
}

let pointerFrame = 0;
function onNotePointerMove(event) {
  cancelAnimationFrame(pointerFrame);
  pointerFrame = requestAnimationFrame(() => {
    const mark = markAtPoint(event.clientX, event.clientY);
    els.note.classList.toggle("over-evidence", Boolean(mark));
    setActive("hover", mark ? mark.dataset.keys.split(" ") : null);
  });
}

function onNoteCaret() {
  if (state.result === null || els.note.value !== state.resultText) return setActive("caret", null);
  setActive("caret", keysAtOffset(els.note.selectionStart));
}

/** Enter or click on a line selects its earliest evidence span in the note. */
function revealEvidence(key) {
  const spans = state.owners.get(key)?.spans ?? [];
  const span = spans.reduce(
    (first, s) => (first === undefined || s.start < first.start ? s : first),
    undefined,
  );
  if (!span || els.note.value !== state.resultText) return;
  els.note.focus({ preventScroll: true });
  els.note.setSelectionRange(span.start, span.end);
  const mark = els.backdrop.querySelector(`mark[data-start="${span.start}"]`);
  mark?.scrollIntoView({ block: "center", behavior: "smooth" });
}

function wireLinkedList(list) {
  const keyOf = (event) => event.target.closest("[data-key]")?.dataset.key;
  list.addEventListener("mouseover", (e) => setActive("hover", keyOf(e) ? [keyOf(e)] : null));
  list.addEventListener("mouseleave", () => setActive("hover", null));
  list.addEventListener("focusin", (e) => {
    const key = keyOf(e);
    setActive("focus", key ? [key] : null);
    const first = key && els.backdrop.querySelector(`mark[data-keys~="${key}"]`);
    if (first && e.target.matches(":focus-visible")) first.scrollIntoView({ block: "nearest" });
  });
  list.addEventListener("focusout", () => setActive("focus", null));
  list.addEventListener("click", (e) => keyOf(e) && revealEvidence(keyOf(e)));
  list.addEventListener("keydown", (e) => {
    if (e.key === "Enter" && keyOf(e)) {
      e.preventDefault();
      revealEvidence(keyOf(e));
    }
  });
}

// ---------- rendering the result ----------

function factorTitle(line) {
  const factors = (line.factors ?? []).map(
    (f) => `${f.weight >= 0 ? "+" : ""}${f.weight} ${f.name}`,
  );
  return [`Confidence ${line.confidence.toFixed(2)}`, ...factors].join("\n");
}

/** The rationale without a leading repeat of the description ("<description>: <facts>"). */
function rationaleText(line) {
  const prefix = `${line.description}:`;
  if (!line.rationale.startsWith(prefix)) return line.rationale;
  const rest = line.rationale.slice(prefix.length).trim();
  return rest ? rest[0].toUpperCase() + rest.slice(1) : line.rationale;
}

function renderCodeLine(line, index) {
  const band = confidenceBand(line.confidence);
  const fill = h("span", { class: "conf-fill" });
  fill.style.width = percent(line.confidence);
  const modifiers = line.modifiers.map((m) =>
    h("span", { class: "modifier", title: `Modifier ${m}` }, m),
  );
  const alternates = line.alternates?.length
    ? h("p", { class: "alternates" }, `Also considered: ${line.alternates.join(", ")}`)
    : null;
  return h(
    "li",
    { class: "code-line", "data-key": `c${index}`, "data-code": line.code, tabindex: 0 },
    h("div", { class: "cl-code" }, h("span", { class: "code" }, line.code), modifiers),
    h(
      "div",
      { class: "cl-main" },
      h("p", { class: "description" }, line.description),
      h("p", { class: "rationale" }, rationaleText(line)),
      alternates,
    ),
    h(
      "div",
      { class: "cl-units" },
      h("span", { class: "units-label" }, "Units "),
      String(line.units),
    ),
    h(
      "div",
      { class: `cl-conf conf-${band}`, title: factorTitle(line) },
      h("span", { class: "conf-bar", "aria-hidden": "true" }, fill),
      h(
        "span",
        { class: "conf-value" },
        h("span", { class: "visually-hidden" }, "Confidence "),
        percent(line.confidence),
      ),
    ),
  );
}

function exclusionTag(assertion) {
  if (assertion.negation === "negated") return "Negated";
  if (assertion.experiencer === "other") return "Other person";
  if (assertion.temporality === "historical") return "History";
  if (assertion.temporality === "hypothetical") return "Planned";
  if (assertion.negation === "possible") return "Uncertain";
  return "Not billable";
}

function renderExcluded(procedure, index) {
  const what = [humanize(procedure.technique ?? procedure.kind), procedure.site?.text]
    .filter(Boolean)
    .join(" · ");
  const quote = procedure.evidence?.[0]?.text;
  return h(
    "li",
    { class: "excluded-item", "data-key": `p${index}`, tabindex: 0 },
    h(
      "span",
      { class: "tag", "data-tag": exclusionTag(procedure.assertion) },
      exclusionTag(procedure.assertion),
    ),
    h(
      "div",
      { class: "excluded-body" },
      h(
        "p",
        { class: "excluded-what" },
        h("s", {}, what),
        h("span", { class: "visually-hidden" }, " (not billed)"),
      ),
      h(
        "p",
        { class: "excluded-reason" },
        procedure.assertion.reason ?? "Not billable as documented.",
        quote ? h("q", {}, quote) : null,
      ),
    ),
  );
}

function renderWarning(warning, index) {
  const linked = warning.span ? `w${index}` : undefined;
  return h(
    "li",
    { class: "warning-item", "data-key": linked, tabindex: linked ? 0 : undefined },
    h("span", { class: "warning-kind" }, humanize(warning.kind)),
    h("span", { class: "warning-message" }, warning.message),
  );
}

function collectOwners(text, result) {
  const owners = new Map();
  result.codes.forEach((line, i) => {
    owners.set(`c${i}`, { kind: "code", spans: usableSpans(text, line.evidence) });
  });
  result.procedures.forEach((p, i) => {
    if (p.assertion?.billable === false)
      owners.set(`p${i}`, { kind: "excluded", spans: usableSpans(text, p.evidence) });
  });
  result.warnings.forEach((w, i) => {
    if (w.span) owners.set(`w${i}`, { kind: "warning", spans: usableSpans(text, [w.span]) });
  });
  return owners;
}

function summary(result) {
  const codes = result.codes;
  const excluded = result.procedures.filter((p) => p.assertion?.billable === false).length;
  const parts = [
    codes.length === 0
      ? "No billable procedure found"
      : `${codes.length} claim line${codes.length === 1 ? "" : "s"}: ${codes.map((c) => c.code).join(", ")}`,
  ];
  if (excluded) parts.push(`${excluded} not billed`);
  if (result.warnings.length)
    parts.push(`${result.warnings.length} warning${result.warnings.length === 1 ? "" : "s"}`);
  return `${parts.join(". ")}.`;
}

function renderResult(text, result, elapsedMs) {
  state.result = result;
  state.resultText = text;
  state.owners = collectOwners(text, result);
  state.segments = buildSegments(text, state.owners);
  state.active = { hover: null, focus: null, caret: null };

  const excluded = result.procedures
    .map((p, i) => [p, i])
    .filter(([p]) => p.assertion?.billable === false);
  els.codes.replaceChildren(...result.codes.map(renderCodeLine));
  els.excluded.replaceChildren(...excluded.map(([p, i]) => renderExcluded(p, i)));
  els.warnings.replaceChildren(...result.warnings.map(renderWarning));
  els.excludedSection.hidden = excluded.length === 0;
  els.warningsSection.hidden = result.warnings.length === 0;
  els.tableHead.hidden = result.codes.length === 0;
  els.lineCount.textContent = result.codes.length ? String(result.codes.length) : "";
  const units = result.codes.reduce((sum, c) => sum + c.units, 0);
  els.totals.hidden = result.codes.length === 0;
  els.totalsSum.textContent = `${result.codes.length} line${result.codes.length === 1 ? "" : "s"} · ${units} unit${units === 1 ? "" : "s"}`;
  els.empty.hidden = result.codes.length > 0;
  els.empty.textContent = "No billable procedure found in this note.";
  els.copy.disabled = result.codes.length === 0;
  els.error.hidden = true;
  els.results.classList.remove("is-stale");
  if (result.codeSet) els.codeSet.textContent = `CPT ${result.codeSet}`;
  setStatus("ok", `Updated · ${Math.round(elapsedMs)} ms`);
  renderBackdrop();
  announce(summary(result));
}

function renderEmpty() {
  state.result = null;
  state.resultText = "";
  state.owners = new Map();
  state.segments = [];
  for (const list of [els.codes, els.excluded, els.warnings]) list.replaceChildren();
  els.excludedSection.hidden = true;
  els.warningsSection.hidden = true;
  els.tableHead.hidden = true;
  els.totals.hidden = true;
  els.lineCount.textContent = "";
  els.empty.hidden = false;
  els.empty.textContent = "Paste a note, or load the sample, to see suggested codes.";
  els.copy.disabled = true;
  els.error.hidden = true;
  els.results.classList.remove("is-stale");
  setStatus("idle", "Ready");
  renderBackdrop();
}

function renderError(message) {
  els.error.textContent = message;
  els.error.hidden = false;
  setStatus("error", "Not updated");
  announce(message);
}

// ---------- talking to the service ----------

function describeFailure(status, body) {
  if (status === 413)
    return "This note is larger than the service accepts. Split it and try again.";
  if (status === 503) return "The service is busy. Your note will be checked again as you type.";
  const detail = body?.error?.message;
  return detail
    ? `The service could not process this note: ${detail}`
    : `The service answered ${status}.`;
}

async function suggestNow() {
  clearTimeout(state.timer);
  const text = els.note.value;
  state.controller?.abort();
  const seq = ++state.seq;
  if (text.trim() === "") return renderEmpty();
  const controller = new AbortController();
  state.controller = controller;
  setStatus("busy", "Updating…");
  els.results.setAttribute("aria-busy", "true");
  const started = performance.now();
  try {
    const response = await fetch("/v1/suggest", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ text }),
      signal: controller.signal,
    });
    const body = await response.json().catch(() => null);
    if (seq !== state.seq) return;
    if (!response.ok || body === null) renderError(describeFailure(response.status, body));
    else renderResult(text, body, performance.now() - started);
  } catch (error) {
    if (error.name !== "AbortError" && seq === state.seq) {
      renderError("Cannot reach the dermcode service. Is `dermcode serve` still running?");
    }
  } finally {
    if (seq === state.seq) els.results.setAttribute("aria-busy", "false");
  }
}

function onNoteInput() {
  fitEditor();
  renderBackdrop();
  els.results.classList.toggle("is-stale", state.result !== null);
  clearTimeout(state.timer);
  state.timer = setTimeout(suggestNow, DEBOUNCE_MS);
}

// ---------- CSV ----------

function csvField(value) {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(codes) {
  const rows = codes.map((c) => [
    c.code,
    c.units,
    c.modifiers.join(" "),
    c.confidence.toFixed(2),
    c.description,
  ]);
  return `${[CSV_HEADER, ...rows].map((row) => row.map(csvField).join(",")).join("\r\n")}\r\n`;
}

async function writeClipboard(text) {
  els.csvBuffer.value = text;
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    els.csvBuffer.select();
    return document.execCommand?.("copy") ?? false;
  }
}

async function copyCsv() {
  if (!state.result || state.result.codes.length === 0) return;
  const count = state.result.codes.length;
  const ok = await writeClipboard(toCsv(state.result.codes));
  els.copy.textContent = ok ? "Copied" : "Copy failed";
  els.copy.classList.toggle("is-done", ok);
  announce(
    ok
      ? `Copied ${count} line${count === 1 ? "" : "s"} as CSV.`
      : "Could not copy to the clipboard.",
  );
  setTimeout(() => {
    els.copy.textContent = "Copy as CSV";
    els.copy.classList.remove("is-done");
  }, 1800);
}

// ---------- start ----------

async function showCodeSet() {
  try {
    const health = await (await fetch("/healthz")).json();
    if (health.codeSet) els.codeSet.textContent = `CPT ${health.codeSet}`;
  } catch {
    setStatus("error", "Service unreachable");
  }
}

function start() {
  els.note.addEventListener("input", onNoteInput);
  els.note.addEventListener("mousemove", onNotePointerMove);
  els.note.addEventListener("mouseleave", () => setActive("hover", null));
  for (const type of ["keyup", "click", "select"]) els.note.addEventListener(type, onNoteCaret);
  els.note.addEventListener("blur", () => setActive("caret", null));
  els.sample.addEventListener("click", () => {
    els.note.value = SAMPLE_NOTE;
    fitEditor();
    renderBackdrop();
    suggestNow();
    els.note.focus({ preventScroll: true });
    els.note.setSelectionRange(0, 0);
    els.scroller.scrollTop = 0;
  });
  els.clear.addEventListener("click", () => {
    els.note.value = "";
    fitEditor();
    suggestNow();
    els.note.focus();
  });
  els.copy.addEventListener("click", copyCsv);
  wireLinkedList(els.codes);
  wireLinkedList(els.excluded);
  wireLinkedList(els.warnings);
  window.addEventListener("resize", fitEditor);
  fitEditor();
  renderBackdrop();
  showCodeSet();
  if (els.note.value.trim()) suggestNow();
}

start();
