import { describe, expect, it } from "vitest";
import { suggest } from "../../src/index.ts";

const codes = (note: string) => suggest(note).codes.map((c) => [c.code, c.units]);

describe("section labels written inline in one paragraph", () => {
  it.each<[string, string, (string | number)[][]]>([
    [
      "a path result, then today's cryo",
      "Path: SK. Cryo to 5 AKs on the forehead today.",
      [
        ["17000", 1],
        ["17003", 4],
      ],
    ],
    [
      "a prior visit, then today's procedures after a later label",
      "Prior visit: excision of BCC upper back. Today: suture removal. Shave bx of a new 3 mm lesion L cheek.",
      [["11102", 1]],
    ],
    [
      "an hpi treatment last year, then exam and procedure labels",
      "HPI: pt had LN2 to AKs last year. Exam: 6 AKs on scalp. Procedure: LN2 to 6 AKs.",
      [
        ["17000", 1],
        ["17003", 5],
      ],
    ],
    ["a history paragraph stays history", "PMH: excision of BCC upper back, Mohs of the nose.", []],
    [
      "a planned excision stays unbilled before today's label",
      "Plan: excision of the SK at next visit. Today: LN2 to 3 AKs of the scalp.",
      [
        ["17000", 1],
        ["17003", 2],
      ],
    ],
  ])("%s", (_name, note, expected) => {
    expect(codes(note)).toEqual(expected);
  });
});
