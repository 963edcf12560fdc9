/**
 * Size bands of the per-lesion code tables at every boundary (0.5/0.6, 1.0/1.1, 2.0/2.1, 3.0/3.1,
 * 4.0/4.1 cm) in all three site groups: benign and malignant excision (on the excised diameter,
 * lesion + 2 x 1 mm margin), shave removal and malignant destruction (on the lesion diameter).
 * The grids are the reference's tables 3.1, 4.1 and 6.4, one column per size.
 */
import { describe, expect, it } from "vitest";
import { codes } from "../group/notes.ts";

const SIZES = [0.5, 0.6, 1.0, 1.1, 2.0, 2.1, 3.0, 3.1, 4.0, 4.1] as const;

/** site -> code at each of SIZES. */
type Grid = Record<"back" | "scalp" | "cheek", string[]>;

const BENIGN_EXCISION: Grid = {
  back: ["11400", "11401", "11401", "11402", "11402", "11403", "11403", "11404", "11404", "11406"],
  scalp: ["11420", "11421", "11421", "11422", "11422", "11423", "11423", "11424", "11424", "11426"],
  cheek: ["11440", "11441", "11441", "11442", "11442", "11443", "11443", "11444", "11444", "11446"],
};
const MALIGNANT_EXCISION: Grid = {
  back: ["11600", "11601", "11601", "11602", "11602", "11603", "11603", "11604", "11604", "11606"],
  scalp: ["11620", "11621", "11621", "11622", "11622", "11623", "11623", "11624", "11624", "11626"],
  cheek: ["11640", "11641", "11641", "11642", "11642", "11643", "11643", "11644", "11644", "11646"],
};
const SHAVE: Grid = {
  back: ["11300", "11301", "11301", "11302", "11302", "11303", "11303", "11303", "11303", "11303"],
  scalp: ["11305", "11306", "11306", "11307", "11307", "11308", "11308", "11308", "11308", "11308"],
  cheek: ["11310", "11311", "11311", "11312", "11312", "11313", "11313", "11313", "11313", "11313"],
};
const MALIGNANT_DESTRUCTION: Grid = {
  back: ["17260", "17261", "17261", "17262", "17262", "17263", "17263", "17264", "17264", "17266"],
  scalp: ["17270", "17271", "17271", "17272", "17272", "17273", "17273", "17274", "17274", "17276"],
  cheek: ["17280", "17281", "17281", "17282", "17282", "17283", "17283", "17284", "17284", "17286"],
};

const cm = (v: number) => v.toFixed(1);

/** Rows [site, size in cm, expected code] of a grid. */
function rows(grid: Grid) {
  return Object.entries(grid).flatMap(([site, list]) =>
    SIZES.map((size, i) => [site, cm(size), list[i]!] as const),
  );
}

describe("excision bands (excised diameter = lesion + 2 x narrowest margin)", () => {
  it.each(rows(BENIGN_EXCISION))(
    "codes a benign excision on the %s excised at %s cm as %s",
    (site, size, code) => {
      const lesion = cm(Number(size) - 0.2);
      expect(codes(`Excision of a ${lesion} cm nevus on the ${site} with 1 mm margins.`)).toBe(
        code,
      );
    },
  );

  it.each(rows(MALIGNANT_EXCISION))(
    "codes a malignant excision on the %s excised at %s cm as %s",
    (site, size, code) => {
      const lesion = cm(Number(size) - 0.2);
      const note = `Excision of a ${lesion} cm biopsy-proven BCC on the ${site} with 1 mm margins.`;
      expect(codes(note)).toBe(code);
    },
  );
});

describe("shave removal bands (lesion diameter, never margins)", () => {
  it.each(rows(SHAVE))(
    "codes a shave removal on the %s of a %s cm lesion as %s",
    (site, size, code) => {
      expect(codes(`Shave removal of a ${size} cm seborrheic keratosis on the ${site}.`)).toBe(
        code,
      );
    },
  );
});

describe("malignant destruction bands (lesion diameter)", () => {
  it.each(rows(MALIGNANT_DESTRUCTION))(
    "codes ED&C on the %s of a %s cm cancer as %s",
    (site, size, code) => {
      expect(codes(`ED&C of a ${size} cm biopsy-proven BCC on the ${site}.`)).toBe(code);
    },
  );
});
