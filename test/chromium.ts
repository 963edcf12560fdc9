/** Debian's Chromium for the e2e tests (playwright-core cannot download browsers here). */
import { existsSync } from "node:fs";
import { type Browser, chromium } from "playwright-core";

const CHROMIUM = "/usr/bin/chromium";

const LAUNCH_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Whether Chromium is installed; warns once per test file when it is not. */
export function haveChromium(suite: string): boolean {
  const have = existsSync(CHROMIUM);
  if (!have)
    console.warn(`${suite}: skipped, ${CHROMIUM} not found (apt-get install chromium to run it)`);
  return have;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS });
}
