/**
 * Digit modifiers on nail procedures (reference 8.5 and 10; lexicon edits `digitModifier`, sites
 * `digits`): each nail billed per nail takes the modifier of its digit when the note names the
 * digit and its side; debridement and trimming count nails and take none; nothing is guessed.
 */
import { describe, expect, it } from "vitest";
import { shippedCodes as codes } from "../group/notes.ts";

describe("digit modifiers on nail procedures", () => {
  it.each([
    // One line a nail, in the order the digits are named; toes TA/T1-T4 left, T5/T6-T9 right.
    [
      "Avulsion of the nail plates of the left great toe, left second toe and right great toe.",
      "11730-TA 11732-T1 11732-T5",
    ],
    ["Nail avulsion, right fifth toenail.", "11730-T9"],
    ["Phenol matrixectomy of the left great toe and of the right great toe.", "11750-TA 11750-T5"],
    // Fingers: FA/F1-F4 left, F5/F6-F9 right.
    ["Biopsy of the nail matrix of the right ring finger.", "11755-F8"],
    ["Biopsy of the nail matrix of the left little fingernail.", "11755-F4"],
    ["Trephination of subungual hematoma, R thumb.", "11740-F5"],
    // The side may be named for both digits, or by the limb right after the digit.
    ["Avulsion of both great toenails.", "11730-TA 11732-T5"],
    ["Nail avulsion, fourth toe of the left foot.", "11730-T3"],
    // Two toes of one foot are two nails.
    [
      "Avulsion of the nail plate of the right great toe and the right second toe.",
      "11730-T5 11732-T6",
    ],
    // Each digit the procedure's sentences name is a nail, told again for another toe.
    [
      "The nail plate of the right great toe was avulsed with a hemostat. The left great toe was treated the same way, removing its whole nail plate.",
      "11730-T5 11732-TA",
    ],
    // A digit named in a sentence that does not tell the procedure is no nail of it.
    ["Avulsion of the left great toenail. The left second toe was normal.", "11730-TA"],
    // A procedure sentence naming no digit takes the one digit the note names ...
    [
      "Subungual hematoma of the left middle finger. Trephination of the subungual hematoma was performed.",
      "11740-F2",
    ],
    // ... and none when the note names two.
    [
      "Crush injury of the left thumb and the right index finger. Trephination of the subungual hematoma was performed.",
      "11740",
    ],
  ])("codes %j as %s", (note, expected) => {
    expect(codes(note)).toBe(expected);
  });

  it.each([
    // No side, or no digit: no modifier.
    ["Nail avulsion of the great toe.", "11730"],
    ["Avulsion of the left toenail.", "11730"],
    ["Avulsion of the ingrown nail of the left great toe and the second toe.", "11730 11732"],
    // Fewer digits named than nails counted: no line is given one.
    ["Toenail avulsion x 3, right 2nd, 3rd and 4th toes.", "11730 11732x2"],
    // Debridement counts the nails of the visit: no digit modifier.
    ["Debridement of the mycotic left great toenail and right great toenail.", "11720"],
  ])("gives no digit modifier it cannot read from %j (%s)", (note, expected) => {
    expect(codes(note)).toBe(expected);
  });
});
