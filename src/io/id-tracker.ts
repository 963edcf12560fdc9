/**
 * Decides which records a batch run codes: skips those an earlier run already wrote (resume,
 * counted per id so duplicate ids work) and flags duplicate ids, which are coded all the same
 * and reported. Duplicates are found through IdHashSet (12-23 bytes an id); resume keeps the
 * ids of the existing output in a Map until each is met again.
 */
import { IdHashSet } from "./id-hash-set.ts";
import { type InputRecord, isBadRecord } from "./records.ts";

export class IdTracker {
  private readonly seen = new IdHashSet();
  duplicates = 0;
  skipped = 0;
  /** Input position where coding starts: past the records skipped before the first one coded. */
  startAt = 0;
  private coding = false;

  /** @param done how many lines each id already has in the output (from prepareResume). */
  constructor(private readonly done: Map<string, number> = new Map()) {}

  /** The record to code (flagged when its id is a duplicate), or undefined to skip it. */
  admit(record: InputRecord): InputRecord | undefined {
    const duplicate = !this.seen.add(record.id);
    if (duplicate) this.duplicates++;
    const written = this.done.get(record.id);
    if (written !== undefined) {
      if (written <= 1) this.done.delete(record.id);
      else this.done.set(record.id, written - 1);
      this.skipped++;
      if (!this.coding) this.startAt = record.at ?? 0;
      return undefined;
    }
    this.coding = true;
    if (duplicate && !isBadRecord(record)) return { ...record, duplicate: true };
    return record;
  }
}

/** The records of `records` that this run codes, in order. */
export async function* admitted(
  records: AsyncIterable<InputRecord>,
  ids: IdTracker,
): AsyncGenerator<InputRecord> {
  for await (const record of records) {
    const admittedRecord = ids.admit(record);
    if (admittedRecord) yield admittedRecord;
  }
}
