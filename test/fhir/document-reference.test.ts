import { describe, expect, it } from "vitest";
import {
  FhirInputError,
  fromDocumentReference,
  toFhirBundle,
  validateFhirBundle,
} from "../../src/fhir/index.ts";
import { suggest } from "../../src/index.ts";
import { fixtureNames, readFixture } from "../incremental/fixture-note.ts";

const b64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const utf8 = (text: string) => b64(new TextEncoder().encode(text));

function docRef(attachment: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return {
    resourceType: "DocumentReference",
    id: "note-1",
    status: "current",
    content: [{ attachment }],
    ...extra,
  };
}

describe("fromDocumentReference", () => {
  it("reads a base64 text/plain note with its id and subject", () => {
    const note = readFixture(fixtureNames()[0]!);
    const subject = { reference: "Patient/42" };
    const read = fromDocumentReference(
      docRef({ contentType: "text/plain; charset=utf-8", data: utf8(note) }, { subject }),
    );
    expect(read).toEqual({ id: "note-1", text: note, subject });
  });

  it("keeps non-ASCII text intact, so evidence offsets stay UTF-16 offsets of the decoded note", () => {
    const note = "Excision × 2 – left forearm, 1.2 cm lesion. Naïve café-au-lait macule 😀 noted.";
    const read = fromDocumentReference(docRef({ contentType: "text/plain", data: utf8(note) }));
    expect(read.text).toBe(note);
    const result = suggest(read.text);
    for (const line of result.codes)
      for (const s of line.evidence) expect(read.text.slice(s.start, s.end)).toBe(s.text);
  });

  it("decodes the charset the attachment names", () => {
    const latin1 = new Uint8Array([0x63, 0x61, 0x66, 0xe9]); // "café" in ISO-8859-1
    const read = fromDocumentReference(
      docRef({ contentType: "text/plain; charset=ISO-8859-1", data: b64(latin1) }),
    );
    expect(read.text).toBe("café");
  });

  it("uses the first content entry that is an inline plain-text note", () => {
    const doc = {
      resourceType: "DocumentReference",
      status: "current",
      content: [
        { attachment: { contentType: "application/pdf", url: "https://example.org/n.pdf" } },
        { attachment: { contentType: "text/plain", data: utf8("Shave biopsy of the left arm.") } },
      ],
    };
    expect(fromDocumentReference(doc).text).toBe("Shave biopsy of the left arm.");
  });

  it.each([
    ["a string", "note", "DocumentReference", /expected an object, got string/],
    [
      "another resource",
      { resourceType: "Patient" },
      "resourceType",
      /expected "DocumentReference", got "Patient"/,
    ],
    [
      "no content",
      { resourceType: "DocumentReference", status: "current" },
      "content",
      /non-empty array/,
    ],
    [
      "an entered-in-error document",
      docRef({ data: utf8("x") }, { status: "entered-in-error" }),
      "status",
      /entered-in-error/,
    ],
    [
      "a url-only attachment",
      docRef({ contentType: "text/plain", url: "https://ehr.example/n/1" }),
      "content[0].attachment.data",
      /does not fetch/,
    ],
    [
      "invalid base64",
      docRef({ contentType: "text/plain", data: "not base64!" }),
      "content[0].attachment.data",
      /not valid base64/,
    ],
    [
      "a PDF",
      docRef({ contentType: "application/pdf", data: utf8("%PDF") }),
      "content[0].attachment.contentType",
      /not supported/,
    ],
    [
      "bytes that are not UTF-8",
      docRef({ contentType: "text/plain", data: b64(new Uint8Array([0xff, 0xfe, 0x41])) }),
      "content[0].attachment.data",
      /not valid utf-8/,
    ],
    [
      "a size that disagrees",
      docRef({ contentType: "text/plain", data: utf8("abc"), size: 4 }),
      "content[0].attachment.size",
      /says 4 bytes/,
    ],
    [
      "an unknown charset",
      docRef({ contentType: "text/plain; charset=x-klingon", data: utf8("abc") }),
      "content[0].attachment.data",
      /unsupported charset/,
    ],
  ])("explains what is wrong with %s", (_, input, path, message) => {
    let error: unknown;
    try {
      fromDocumentReference(input);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(FhirInputError);
    expect((error as FhirInputError).path).toBe(path);
    expect((error as Error).message).toMatch(message);
  });

  it("round-trips: DocumentReference in, bundle referring to it out", () => {
    const note = "Cryotherapy with liquid nitrogen to three actinic keratoses on the scalp.";
    const read = fromDocumentReference(
      docRef(
        { contentType: "text/plain", data: utf8(note) },
        { subject: { reference: "Patient/7" } },
      ),
    );
    const result = suggest(read.text, read.id ? { id: read.id } : {});
    const bundle = toFhirBundle(result, read.text, {
      ...(read.subject ? { subject: read.subject } : {}),
      document: { reference: `DocumentReference/${read.id}` },
    });
    expect(validateFhirBundle(bundle, { note: read.text })).toEqual([]);
    expect(bundle.identifier?.value).toBe("note-1");
  });
});
