import { describe, expect, it } from "vitest";
import { extractSites } from "../../src/extract/site.ts";
import { defaultLexicon } from "../../src/pipeline/suggest.ts";
import { docOf, lexiconWith, MINI_LEXICON, MINI_SITES } from "./mini-lexicon.ts";

/** "left back (A_TAL) 'left upper back'" for each site mention. */
function sites(note: string): string {
  return extractSites(docOf(note), MINI_LEXICON)
    .flatMap((m) =>
      m.kind === "site"
        ? [`${m.laterality ? `${m.laterality} ` : ""}${m.site} (${m.siteGroup}) '${m.text}'`]
        : [],
    )
    .join("; ");
}

function lateralities(note: string): string[] {
  return extractSites(docOf(note), MINI_LEXICON).flatMap((m) =>
    m.kind === "laterality" ? [`${m.laterality} '${m.text}'`] : [],
  );
}

describe("extractSites", () => {
  it.each([
    ["upper back", "back (A_TAL) 'upper back'"],
    ["left upper back", "left back (A_TAL) 'left upper back'"],
    ["L forearm", "left arm (A_TAL) 'L forearm'"],
    ["scalp", "scalp (B_SNHFG) 'scalp'"],
    ["L scalp", "left scalp (B_SNHFG) 'L scalp'"],
    ["posterior neck", "neck (B_SNHFG) 'neck'"],
    ["R cheek", "right cheek (C_FACE) 'R cheek'"],
    ["R. cheek", "right cheek (C_FACE) 'R. cheek'"],
    ["bilateral cheeks", "bilateral cheek (C_FACE) 'bilateral cheeks'"],
    ["nasal tip", "nose (C_FACE) 'nasal tip'"],
    ["right side of the nose", "right nose (C_FACE) 'right side of the nose'"],
    ["Site: L forearm", "left arm (A_TAL) 'L forearm'"],
    ["left arm and right cheek", "left arm (A_TAL) 'left arm'; right cheek (C_FACE) 'right cheek'"],
  ])("reads %j as %s", (note, expected) => {
    expect(sites(note)).toBe(expected);
  });

  it.each([
    ["a phrase that only contains a site word", "Patient came back today"],
    ["a symptom phrase", "No back pain"],
    ["a short side letter without a site", "L"],
    ["an unknown site", "L leg"],
  ])("reads no site in %s (%j)", (_name, note) => {
    expect(sites(note)).toBe("");
  });

  it.each([
    ["left", ["left 'left'"]],
    ["right side of the nose", ["right 'right'"]],
    ["L", []],
    ["L scalp", []],
  ])("reports the side words of %j as %j", (note, expected) => {
    expect(lateralities(note)).toEqual(expected);
  });

  it("carries the repair groups and Mohs group of the site term", () => {
    const [site] = extractSites(docOf("R nasal tip"), MINI_LEXICON);
    expect(site).toMatchObject({
      kind: "site",
      site: "nose",
      mohs: "head",
      repairGroups: { simple: "S_FACE", intermediate: "I_FACE", complex: "C_ENEL" },
      ruleId: "t.site.nose",
    });
  });
});

describe("'back of the ...' phrases", () => {
  it.each([
    ["a laceration of the back of the head", "scalp"],
    ["a papule on the back of the neck", "neck"],
    ["a wart on the back of the hand", "hand"],
  ])("places %j on the %s, not the back", (text, site) => {
    const lex = defaultLexicon();
    const found = extractSites(docOf(text, lex), lex).flatMap((m) =>
      m.kind === "site" ? [m.site] : [],
    );
    expect(found).toEqual([site]);
  });
});

describe("parts of the outer ear", () => {
  it.each([
    ["a papule on the left antitragus", "ear"],
    ["an SK of the right conchal bowl", "ear"],
    ["a nevus of the triangular fossa", "ear"],
    ["a BCC of the helical crus", "ear"],
  ])("places %j on the %s", (text, site) => {
    const lex = defaultLexicon();
    const found = extractSites(docOf(text, lex), lex).flatMap((m) =>
      m.kind === "site" ? [m.site] : [],
    );
    expect(found).toEqual([site]);
  });
});

describe("'each' before a list joiner", () => {
  it("does not give the next site a side ('60 cm2 each and dorsal feet')", () => {
    const lex = defaultLexicon();
    const text = "Excimer to dorsal hands 60 cm2 each and dorsal feet 80 cm2 each.";
    const feet = extractSites(docOf(text, lex), lex).find(
      (m) => m.kind === "site" && m.site === "foot",
    );
    expect(feet && "laterality" in feet ? feet.laterality : undefined).toBeUndefined();
    expect(feet?.text).toBe("feet");
  });
});

describe("two side words joined by 'and' before one site", () => {
  it.each([
    ["R and L forearm", "bilateral arm (A_TAL) 'L forearm'"],
    ["right & left upper back", "bilateral back (A_TAL) 'left upper back'"],
    // One side word only, or the same side twice, is that side.
    ["scalp and L forearm", "scalp (B_SNHFG) 'scalp'; left arm (A_TAL) 'L forearm'"],
    ["left and left forearm", "left arm (A_TAL) 'left forearm'"],
  ])("reads %j as %s", (note, expected) => {
    expect(sites(note)).toBe(expected);
  });
});

describe("the digit a site names (lexicon sites digits)", () => {
  const lex = lexiconWith({
    sites: {
      ...MINI_SITES,
      sites: [
        ...MINI_SITES.sites,
        {
          id: "t.site.foot",
          site: "foot",
          siteGroup: "B_SNHFG",
          icdSite: "lower_limb",
          repair: { simple: "S_BODY" },
          literals: ["foot", "toe", "great toe"],
        },
      ],
      digits: [
        { id: "t.digit.toe1", limb: "toe", digit: 1, literals: ["great toe"] },
        { id: "t.digit.toe4", limb: "toe", digit: 4, literals: ["fourth toe"] },
      ],
    },
  });
  const digits = (note: string) =>
    extractSites(docOf(note, lex), lex).flatMap((m) =>
      m.kind === "site" ? [`${m.text}: ${m.digit ? `${m.digit.limb} ${m.digit.digit}` : "-"}`] : [],
    );

  it.each([
    ["left great toe", ["left great toe: toe 1"]],
    // A digit phrase that starts before the site word still names its digit.
    ["fourth toe of the left foot", ["toe: toe 4", "left foot: -"]],
    ["right toe", ["right toe: -"]],
  ])("reads %j as %j", (note, expected) => {
    expect(digits(note)).toEqual(expected);
  });
});
