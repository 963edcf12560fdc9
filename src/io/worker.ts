/**
 * Pool worker: receives chunks of records, answers each with its formatted output, in turn.
 * Started through worker-entry.js, which registers tsx so this TypeScript module can load.
 */
import { parentPort, workerData } from "node:worker_threads";
import { processChunk } from "./process-chunk.ts";
import type { InputRecord, ProcessSettings } from "./records.ts";

const settings = workerData as ProcessSettings;

parentPort!.on("message", (records: InputRecord[]) => {
  parentPort!.postMessage(processChunk(records, settings));
});
parentPort!.postMessage("ready");
