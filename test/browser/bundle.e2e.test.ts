/**
 * Builds the browser bundle (scripts/build-browser.ts), serves it from 127.0.0.1, loads it in
 * Debian's Chromium through playwright-core with every other request aborted, and checks that
 * the page codes fixture notes exactly as Node does (codes and procedures deep-equal), that an
 * editing session and the FHIR output work there too, and that nothing tried to leave the page.
 * Skipped (with a message) when /usr/bin/chromium is missing; CI installs it with apt-get.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildBrowserBundle } from "../../scripts/build-browser.ts";
import { toFhirBundle, validateFhirBundle } from "../../src/fhir/index.ts";
import { suggest } from "../../src/index.ts";
import { haveChromium, launchChromium } from "../chromium.ts";
import { fiveKbNote, fixtureNames, readFixture } from "../incremental/fixture-note.ts";

const HAVE_CHROMIUM = haveChromium("browser bundle e2e");

const PAGE = `<!doctype html><meta charset="utf-8"><title>dermcode bundle test</title><p>bundle test</p>`;

describe.skipIf(!HAVE_CHROMIUM)("browser bundle in Chromium (network blocked)", () => {
  let outdir: string;
  let server: Server;
  let origin: string;
  let browser: Browser;
  let page: Page;
  const blocked: string[] = [];

  beforeAll(async () => {
    outdir = mkdtempSync(join(tmpdir(), "dermcode-browser-"));
    const built = await buildBrowserBundle({ outdir });
    const code = readFileSync(built.outfile);
    server = createServer((req, res) => {
      if (req.url === "/dermcode.js")
        res.writeHead(200, { "content-type": "text/javascript" }).end(code);
      else if (req.url === "/") res.writeHead(200, { "content-type": "text/html" }).end(PAGE);
      else res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchChromium();
    const context = await browser.newContext({ serviceWorkers: "block" });
    await context.route("**/*", (route) => {
      const url = route.request().url();
      if (url.startsWith(`${origin}/`)) return route.continue();
      blocked.push(url);
      return route.abort("blockedbyclient");
    });
    page = await context.newPage();
    await page.goto(`${origin}/`);
    // a string, not a function: the test runner would rewrite import() inside a function
    await page.evaluate(`import("/dermcode.js").then((m) => { globalThis.dermcode = m; })`);
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
    if (outdir) rmSync(outdir, { recursive: true, force: true });
  });

  it("codes every fixture note exactly as Node does", async () => {
    const names = fixtureNames();
    const notes = names.map(readFixture);
    const inBrowser = await page.evaluate((texts) => {
      const m = (globalThis as unknown as { dermcode: { suggest: (t: string) => unknown } })
        .dermcode;
      return texts.map((t) => JSON.stringify(m.suggest(t)));
    }, notes);
    notes.forEach((note, i) => {
      const node = suggest(note);
      const browserResult = JSON.parse(inBrowser[i]!);
      expect(browserResult.codes, names[i]).toEqual(JSON.parse(JSON.stringify(node.codes)));
      expect(browserResult.procedures, names[i]).toEqual(
        JSON.parse(JSON.stringify(node.procedures)),
      );
      expect(browserResult).toEqual(JSON.parse(JSON.stringify(node)));
    });
  });

  it("runs an editing session and writes a valid FHIR bundle in the page", async () => {
    const note = fiveKbNote();
    const out = await page.evaluate((text) => {
      type M = {
        createSession: (o: { text: string }) => {
          applyEdit: (e: object) => { path: string };
          text: string;
          result: unknown;
        };
        toFhirBundle: (r: unknown, t: string) => unknown;
      };
      const m = (globalThis as unknown as { dermcode: M }).dermcode;
      const session = m.createSession({ text });
      const at = text.indexOf("tolerated");
      const update = session.applyEdit({ start: at, end: at, insert: "X" });
      return {
        text: session.text,
        path: update.path,
        result: JSON.stringify(session.result),
        bundle: JSON.stringify(m.toFhirBundle(session.result, session.text)),
      };
    }, note);
    expect(JSON.parse(out.result)).toEqual(JSON.parse(JSON.stringify(suggest(out.text))));
    const bundle = JSON.parse(out.bundle);
    expect(validateFhirBundle(bundle)).toEqual([]);
    expect(bundle).toEqual(JSON.parse(JSON.stringify(toFhirBundle(suggest(out.text), out.text))));
  });

  it("made no request outside the local server", () => {
    expect(blocked).toEqual([]);
  });
});
