import { type ChildProcess, spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { parseBytes } from "../../src/cli/commands/serve.ts";
import { UsageError } from "../../src/cli/usage.ts";
import { request } from "./helpers.ts";

const CLI = new URL("../../src/cli/index.ts", import.meta.url).pathname;

function dermcode(args: string[]): { child: ChildProcess; stderr: () => string } {
  const child = spawn(process.execPath, ["--import", "tsx", CLI, ...args], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr!.on("data", (chunk) => {
    stderr += chunk.toString();
  });
  return { child, stderr: () => stderr };
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));

describe("dermcode serve", () => {
  it("prints the listening URL on stderr, serves, and stops on SIGTERM with status 0", async () => {
    const { child, stderr } = dermcode(["serve", "--port", "0", "--max-body", "2k"]);
    const exit = exited(child);
    await expect
      .poll(stderr, { timeout: 20_000 })
      .toMatch(/listening on http:\/\/127\.0\.0\.1:\d+\//);
    const url = /listening on (http:\/\/\S+)\//.exec(stderr())![1]!;
    expect((await request(`${url}/healthz`)).status).toBe(200);
    const big = await request(`${url}/v1/suggest`, {
      method: "POST",
      body: `{"text":"${"a".repeat(3000)}"}`,
    });
    expect(big.status).toBe(413);
    await expect.poll(stderr).toMatch(/"path":"\/v1\/suggest","status":413/);
    child.kill("SIGTERM");
    expect(await exit).toBe(0);
    expect(stderr()).not.toMatch(/aaaa/);
  });

  it.each([
    [["serve", "--port", "http"], /--port must be an integer/],
    [["serve", "--max-body", "lots"], /--max-body must be a byte count/],
    [["serve", "--bogus"], /Unknown option/],
    [["serve", "extra"], /unexpected argument "extra"/],
  ])("exits 2 with a one-line message for %j", async (args, message) => {
    const { child, stderr } = dermcode(args);
    expect(await exited(child)).toBe(2);
    expect(stderr()).toMatch(message);
    expect(stderr().trim().split("\n")).toHaveLength(1);
  });

  it("parses byte counts with k and mb suffixes", () => {
    expect(parseBytes("max-body", "1048576")).toBe(1_048_576);
    expect(parseBytes("max-body", "512k")).toBe(524_288);
    expect(parseBytes("max-body", "2MB")).toBe(2_097_152);
    expect(() => parseBytes("max-body", "0")).toThrow(UsageError);
    expect(() => parseBytes("max-body", "1.5mb")).toThrow(UsageError);
  });
});
