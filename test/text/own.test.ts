import { describe, expect, it } from "vitest";
import { ownString } from "../../src/text/own.ts";

describe("ownString", () => {
  it.each(["", "ab", "hydrochlorothiazide", "one and a half centimetres", "naïve café ×2"])(
    "copies %j to an equal string",
    (s) => {
      const note = `prefix ${s} suffix`;
      const cut = note.slice(7, 7 + s.length);
      expect(ownString(cut)).toBe(s);
    },
  );
});
