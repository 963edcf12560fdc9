/**
 * Drives the page at / in Debian's Chromium through playwright-core: paste a note, see the codes,
 * the highlighted evidence, hover both ways, copy as CSV, and save test-results/page.png.
 * Skipped (with a message) when /usr/bin/chromium is missing; CI installs it with apt-get.
 */
import { mkdirSync } from "node:fs";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { suggest } from "../../src/index.ts";
import type { CodeLine, SuggestResult } from "../../src/schemas/api.ts";
import { haveChromium, launchChromium } from "../chromium.ts";
import { fakeSuggest } from "./fake-result.ts";
import { listen, type TestServer } from "./helpers.ts";

const HAVE_CHROMIUM = haveChromium("page.e2e");

const BIOPSY_NOTE = `Procedure: Shave biopsy
Site: left upper back
Indication: 0.6 cm pink pearly papule, rule out basal cell carcinoma.
After verbal consent and local anesthesia with 1% lidocaine with epinephrine, a shave biopsy of the lesion was performed. Hemostasis with aluminum chloride. Specimen sent to dermatopathology.`;

/** The CSV the page must produce for these lines (same rules as app.js). */
function expectedCsv(codes: CodeLine[]): string {
  const field = (value: string) =>
    /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
  const rows = codes.map((c) =>
    [c.code, String(c.units), c.modifiers.join(" "), c.confidence.toFixed(2), c.description].map(
      field,
    ),
  );
  return `${[["code", "units", "modifiers", "confidence", "description"], ...rows].map((r) => r.join(",")).join("\r\n")}\r\n`;
}

async function shownLines(page: Page) {
  return page.$$eval(".code-line", (items) =>
    items.map((li) => ({
      code: li.querySelector(".code")?.textContent,
      units: Number(li.querySelector(".cl-units")?.lastChild?.textContent),
    })),
  );
}

async function waitForLines(page: Page, result: SuggestResult) {
  const want = result.codes.map((c) => ({ code: c.code, units: c.units }));
  await expect.poll(() => shownLines(page), { timeout: 10_000 }).toEqual(want);
}

const activeMarkTexts = (page: Page) =>
  page.$$eval("#backdrop mark.is-active", (marks) => marks.map((m) => m.textContent ?? ""));

/** Sorted, merged [start, end) ranges. */
function merge(ranges: [number, number][]): [number, number][] {
  const out: [number, number][] = [];
  for (const [start, end] of ranges.toSorted((a, b) => a[0] - b[0])) {
    const last = out.at(-1);
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else out.push([start, end]);
  }
  return out;
}

/** The note ranges covered by the highlight layer's marks matching `selector`. */
async function markedRanges(page: Page, selector: string): Promise<[number, number][]> {
  const marks = await page.$$eval(selector, (els) =>
    els.map((m) => [Number(m.getAttribute("data-start")), m.textContent?.length ?? 0] as const),
  );
  return merge(marks.map(([start, length]) => [start, start + length]));
}

/** Moves the real mouse over the highlighted piece starting at `start` (under the textarea). */
async function hoverMarkAt(page: Page, start: number) {
  const box = await page.locator(`#backdrop mark[data-start="${start}"]`).first().boundingBox();
  if (!box) throw new Error(`no highlighted span starts at ${start}`);
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
}

async function readClipboard(page: Page): Promise<string> {
  return page.evaluate(() => navigator.clipboard.readText());
}

describe.skipIf(!HAVE_CHROMIUM)("the page in Chromium", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
    mkdirSync("test-results", { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function open(server: TestServer): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({
      viewport: { width: 1440, height: 900 },
      permissions: ["clipboard-read", "clipboard-write"],
      reducedMotion: "reduce", // no transitions: screenshots show the final state
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    page.on("console", (msg) => msg.type() === "error" && errors.push(msg.text()));
    await page.goto(`${server.url}/`);
    await expect.poll(() => page.textContent("#code-set")).toMatch(/^CPT \d{4}$/);
    expect(errors).toEqual([]);
    return { context, page };
  }

  it("pastes a note and shows the library's codes, evidence, hover links and CSV", async () => {
    const server = await listen({ accessLog: false });
    const { context, page } = await open(server);
    const expected = suggest(BIOPSY_NOTE);
    expect(expected.codes.map((c) => c.code)).toContain("11102");

    // Paste through the real clipboard, as a user would.
    await page.focus("#note");
    await page.evaluate((text) => navigator.clipboard.writeText(text), BIOPSY_NOTE);
    await page.keyboard.press("Control+V");
    expect(await page.inputValue("#note")).toBe(BIOPSY_NOTE);
    await waitForLines(page, expected);

    const line = expected.codes.find((c) => c.code === "11102")!;
    const index = expected.codes.indexOf(line);
    expect(line.evidence.length).toBeGreaterThan(0);
    const billed = await markedRanges(page, "#backdrop mark.ev-billed");
    for (const span of line.evidence) {
      expect(billed.some(([start, end]) => start <= span.start && span.end <= end)).toBe(true);
    }

    // Hover the code line: exactly its spans light up.
    await page.hover(`.code-line >> nth=${index}`);
    const own = merge(line.evidence.map((span) => [span.start, span.end]));
    expect(await markedRanges(page, "#backdrop mark.is-active")).toEqual(own);

    // Hover one of its spans in the note: its code line lights up.
    await page.mouse.move(5, 5);
    await hoverMarkAt(page, own[0]![0]);
    await expect
      .poll(() => page.$$eval(".code-line.is-linked .code", (c) => c.map((x) => x.textContent)))
      .toContain("11102");

    await page.click("#copy-csv");
    await expect.poll(() => readClipboard(page)).toBe(expectedCsv(expected.codes));
    await expect.poll(() => page.textContent("#announce")).toMatch(/Copied \d+ lines? as CSV/);

    // The sample note, hovered, is the screenshot a reviewer looks at.
    await page.click("#sample");
    const sample = suggest(await page.inputValue("#note"));
    await waitForLines(page, sample);
    if (sample.codes.length > 0) await page.hover(".code-line >> nth=0");
    await expect.poll(() => page.textContent("#copy-csv"), { timeout: 5_000 }).toBe("Copy as CSV");
    await page.screenshot({ path: "test-results/page.png" });
    await context.close();
    await server.close();
  });

  it("renders a known result: lines, both hover directions, exclusions, warnings, keyboard", async () => {
    const server = await listen({ accessLog: false, suggest: fakeSuggest });
    const { context, page } = await open(server);
    await page.click("#sample");
    const note = await page.inputValue("#note");
    const result = fakeSuggest(note);
    await waitForLines(page, result);

    expect(await page.textContent(".code-line[data-code='11102'] .modifier")).toBe("XS");
    expect(await page.textContent(".code-line[data-code='17003'] .conf-value")).toContain("64%");
    expect(await page.getAttribute(".code-line[data-code='17003'] .cl-conf", "class")).toContain(
      "conf-medium",
    );
    await expect
      .poll(() => page.textContent("#announce"))
      .toBe("3 claim lines: 11102, 17000, 17003. 3 not billed. 1 warning.");

    // A span shared by two lines links to both.
    await hoverMarkAt(page, note.indexOf("Four actinic keratoses"));
    await expect
      .poll(() =>
        page.$$eval(".code-line.is-linked", (c) => c.map((x) => x.getAttribute("data-code"))),
      )
      .toEqual(["17000", "17003"]);

    // Excluded procedures: struck through, with the reason, and their spans marked.
    const excluded = await page.$$eval(".excluded-item", (items) =>
      items.map((li) => ({
        tag: li.querySelector(".tag")?.textContent,
        struck: li.querySelector("s") !== null,
        reason: li.querySelector(".excluded-reason")?.textContent,
      })),
    );
    expect(excluded.map((e) => e.tag)).toEqual(["History", "Negated", "Planned"]);
    expect(excluded.every((e) => e.struck)).toBe(true);
    expect(excluded[1]?.reason).toContain("Documented as not done.");
    expect(await page.textContent("#backdrop mark.ev-excluded")).toBe("Mohs surgery in 2019");
    expect(await page.textContent(".warning-item")).toContain("Pathology is pending");

    // Keyboard: Tab reaches the controls, and a focused line lights its evidence.
    await page.mouse.move(5, 5);
    await page.focus("#copy-csv");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-code"))).toBe(
      "11102",
    );
    expect(await activeMarkTexts(page)).toEqual([
      "left upper back",
      "tangential shave biopsy",
      "0.7 cm",
    ]);
    await page.keyboard.press("Enter");
    const selected = await page.evaluate(() => {
      const ta = document.querySelector("textarea#note") as HTMLTextAreaElement;
      return ta.value.slice(ta.selectionStart, ta.selectionEnd);
    });
    expect(selected).toBe("left upper back");

    await page.click("#copy-csv");
    await expect.poll(() => readClipboard(page)).toBe(expectedCsv(result.codes));

    // Typing makes the result stale, then recomputes it (debounced).
    const calls: string[] = [];
    page.on("request", (req) => req.url().endsWith("/v1/suggest") && calls.push(req.url()));
    await page.focus("#note");
    await page.keyboard.press("Control+End");
    await page.keyboard.type(" Seen again in 6 months.");
    const stale = () => page.$eval("#results", (el) => el.classList.contains("is-stale"));
    expect(await stale()).toBe(true);
    expect(await page.$$eval("#backdrop mark", (m) => m.length)).toBe(0);
    await expect.poll(stale).toBe(false);
    await expect.poll(() => page.$$eval("#backdrop mark", (m) => m.length)).toBeGreaterThan(0);
    expect(calls.length).toBe(1);
    await page.screenshot({ path: "test-results/page-fixture.png" });
    await context.close();
    await server.close();
  });
});
