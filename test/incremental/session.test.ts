import { describe, expect, it } from "vitest";
import { createSession, EditError } from "../../src/incremental/index.ts";
import { suggest } from "../../src/index.ts";
import {
  fiveKbNote,
  fixtureNames,
  oneCharEdit,
  positionAwayFrom,
  procedureSpans,
  readFixture,
  seeded,
} from "./fixture-note.ts";

const plain = (value: unknown) => JSON.parse(JSON.stringify(value));

describe("incremental session: results", () => {
  it("gives exactly what suggest gives after random one-character edits of every fixture note", () => {
    const random = seeded(8);
    const paths: Record<string, number> = {};
    for (const name of fixtureNames()) {
      const session = createSession({ text: readFixture(name) });
      for (let k = 0; k < 6; k++) {
        const edit = oneCharEdit(
          session.text,
          Math.floor(random() * (session.text.length + 1)),
          random,
        );
        const update = session.applyEdit(edit);
        paths[update.path] = (paths[update.path] ?? 0) + 1;
        expect(plain(update.result), `${name} after ${JSON.stringify(edit)}`).toEqual(
          plain(suggest(session.text)),
        );
      }
    }
    expect(Object.keys(paths).sort()).toEqual(expect.arrayContaining(["full", "shifted"]));
  });

  it("re-codes letters typed inside an ordinary word without running the pipeline", () => {
    const note =
      "Shave biopsy of a 0.6 cm papule on the left upper back. Patient tolerated it nicely today.";
    const session = createSession({ text: note });
    const at = note.indexOf("nicely") + 3;
    const update = session.applyEdit({ start: at, end: at, insert: "e" });
    expect(update.path).toBe("shifted");
    expect(update.result).toEqual(suggest(session.text));
    expect(update.changes).toEqual({ added: [], removed: [], changed: [] });
  });

  it("moves every evidence span after the edit and keeps span texts true", () => {
    const session = createSession({
      text: "Closed nicely. Shave biopsy of a 0.6 cm papule on the left upper back.",
    });
    const update = session.applyEdit({ start: 9, end: 9, insert: "ee" });
    const note = session.text;
    for (const line of update.result.codes) {
      for (const span of line.evidence) expect(note.slice(span.start, span.end)).toBe(span.text);
    }
    expect(update.result).toEqual(suggest(note));
  });

  it("reuses a recent result when the text comes back (undo)", () => {
    const note = "Shave biopsy of a 0.6 cm papule on the left upper back.";
    const session = createSession({ text: note });
    session.applyEdit({ start: 0, end: 5, insert: "Punch" });
    const undo = session.update(note);
    expect(undo.path).toBe("cached");
    expect(undo.result).toEqual(suggest(note));
  });

  it("reports an unchanged text without work", () => {
    const session = createSession({ text: "Shave biopsy of the left arm." });
    const again = session.update(session.text);
    expect(again.path).toBe("unchanged");
    expect(again.changes.added).toEqual([]);
  });

  it("passes its suggest options on (modifier style, id)", () => {
    const note = readFixture(fixtureNames()[0]!);
    const session = createSession({ text: note, suggest: { modifierStyle: "59", id: "n1" } });
    expect(session.result).toEqual(suggest(note, { modifierStyle: "59", id: "n1" }));
  });

  it("checks itself against suggest on every update with verify: true", () => {
    const session = createSession({ text: fiveKbNote(), verify: true });
    const random = seeded(3);
    for (let k = 0; k < 20; k++)
      session.applyEdit(
        oneCharEdit(session.text, Math.floor(random() * session.text.length), random),
      );
    expect(session.stats.full + session.stats.shifted + session.stats.cached).toBe(21);
  });
});

describe("incremental session: changes", () => {
  it("reports a code that replaces another as added and removed", () => {
    const session = createSession({
      text: "Shave biopsy of a 0.6 cm papule on the left upper back.",
    });
    const update = session.applyEdit({ start: 0, end: 5, insert: "Punch" });
    expect(update.changes.added.map((l) => l.code)).toEqual(["11104"]);
    expect(update.changes.removed.map((l) => l.code)).toEqual(["11102"]);
    expect(update.changes.changed).toEqual([]);
  });

  it("reports a line whose units change as changed", () => {
    const note = "Cryotherapy with liquid nitrogen to three actinic keratoses on the scalp.";
    const session = createSession({ text: note });
    const at = note.indexOf("three");
    const update = session.applyEdit({ start: at, end: at + 5, insert: "four" });
    expect(update.changes.added).toEqual([]);
    expect(update.changes.removed).toEqual([]);
    const units = update.changes.changed.map((c) => [c.before.code, c.before.units, c.after.units]);
    expect(units).toContainEqual(["17003", 2, 3]);
    // 17000 only changed its evidence text ("three" -> "four"): reported so highlights update
    expect(units.filter(([code]) => code !== "17003")).toEqual([["17000", 1, 1]]);
  });

  it("removes the lines of a procedure that becomes negated", () => {
    const session = createSession({
      text: "Shave biopsy of a 0.6 cm papule on the left upper back.",
    });
    const update = session.applyEdit({ start: 0, end: 1, insert: "No s" });
    expect(update.result.codes).toEqual([]);
    expect(update.changes.removed.map((l) => l.code)).toEqual(["11102"]);
  });
});

describe("incremental session: stable procedure ids", () => {
  it("keeps the id of a procedure whose own words are edited when its site stays", () => {
    const session = createSession({
      text: "Shave biopsy of a 0.6 cm papule on the left upper back.",
    });
    const before = session.procedureIds;
    const update = session.applyEdit({ start: 0, end: 5, insert: "Punch" });
    expect(update.procedureIds).toEqual(before);
  });

  it("gives a new procedure a new id and keeps the others", () => {
    const first = "Shave biopsy of a 0.6 cm papule on the left upper back.";
    const session = createSession({ text: first });
    const [id] = session.procedureIds;
    const update = session.update(`Punch biopsy of the right thigh.\n${first}`);
    expect(update.procedureIds).toHaveLength(2);
    expect(update.procedureIds[1]).toBe(id);
    expect(update.procedureIds[0]).not.toBe(id);
  });

  it("keeps every id across 1,000 random edits that do not touch procedure text (5 KB note)", () => {
    const random = seeded(2026);
    const session = createSession({ text: fiveKbNote() });
    let kept = 0;
    let reshaped = 0;
    for (let k = 0; k < 1000; k++) {
      const before = session.result.procedures.map((p) => p.kind);
      const ids = session.procedureIds;
      const at = positionAwayFrom(procedureSpans(session.result), session.text.length, random);
      if (at === undefined) continue;
      const update = session.applyEdit(oneCharEdit(session.text, at, random));
      const after = update.result.procedures.map((p) => p.kind);
      if (JSON.stringify(before) === JSON.stringify(after)) {
        expect(update.procedureIds).toEqual(ids);
        kept++;
      } else reshaped++;
      expect(new Set(update.procedureIds).size).toBe(update.procedureIds.length);
    }
    expect(kept + reshaped).toBe(1000);
    expect(reshaped).toBeLessThan(50);
  });
});

describe("incremental session: errors", () => {
  it("rejects an edit outside the text with EditError", () => {
    const session = createSession({ text: "abc" });
    expect(() => session.applyEdit({ start: 2, end: 9, insert: "" })).toThrow(EditError);
    expect(() => session.applyEdit({ start: 2, end: 1, insert: "" })).toThrow(/outside the text/);
    expect(() => session.applyEdit({ start: 0.5, end: 1, insert: "" })).toThrow(/integers/);
    expect(() => session.applyEdit(null as never)).toThrow(EditError);
  });

  it("rejects a non-string text", () => {
    const session = createSession();
    expect(() => session.update(42 as never)).toThrow(EditError);
  });
});
