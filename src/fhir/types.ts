/// <reference types="fhir" />
/**
 * The FHIR R4 types dermcode's output is checked against, from the FHIR type package on npm
 * (@types/fhir). This file is the only place that names the package.
 *
 * The release installed now (@types/fhir 3.0.2) declares FHIR STU3 as the global namespace
 * `fhir`, without R4. Data types and the ChargeItem and Bundle elements dermcode fills are the
 * same in STU3 and R4, so they come from the package as they are; the few R4 changes to the
 * elements used here are stated below (R4 turned Condition.clinicalStatus/verificationStatus
 * into CodeableConcepts, dropped DocumentReference.indexed and made its type optional), and every
 * resource type pins `resourceType` to its name. With a release that ships R4 (the `fhir/r4`
 * module of @types/fhir 0.0.x) this file becomes
 *   export type { Bundle, BundleEntry, ChargeItem, Condition, DocumentReference, ... } from "fhir/r4";
 */

export type Coding = fhir.Coding;
export type CodeableConcept = fhir.CodeableConcept;
export type Reference = fhir.Reference;
export type Extension = fhir.Extension;
export type Quantity = fhir.Quantity;
export type Annotation = fhir.Annotation;
export type Attachment = fhir.Attachment;
export type Identifier = fhir.Identifier;

export interface ChargeItem extends fhir.ChargeItem {
  resourceType: "ChargeItem";
}

export interface Condition extends Omit<fhir.Condition, "clinicalStatus" | "verificationStatus"> {
  resourceType: "Condition";
  /** R4: CodeableConcept (STU3: code). */
  clinicalStatus?: CodeableConcept;
  /** R4: CodeableConcept (STU3: code). */
  verificationStatus?: CodeableConcept;
}

export interface DocumentReference
  extends Omit<fhir.DocumentReference, "indexed" | "type" | "class" | "created" | "context"> {
  resourceType: "DocumentReference";
  /** R4: optional (STU3: required). */
  type?: CodeableConcept;
  /** R4: when the reference was created (STU3 `indexed`). */
  date?: string;
}

export type BundleResource = ChargeItem | Condition | DocumentReference;

export interface BundleEntry extends Omit<fhir.BundleEntry, "resource"> {
  fullUrl: string;
  resource: BundleResource;
}

export interface Bundle extends Omit<fhir.Bundle, "entry"> {
  resourceType: "Bundle";
  entry: BundleEntry[];
}
