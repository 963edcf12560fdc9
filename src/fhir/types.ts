/**
 * The FHIR R4 types dermcode's output is checked against, from the FHIR type package on npm
 * (@types/fhir, its `fhir/r4` module). This file is the only place that names the package.
 */
import type * as R4 from "fhir/r4.js";

export type Coding = R4.Coding;
export type CodeableConcept = R4.CodeableConcept;
export type Reference = R4.Reference;
export type Extension = R4.Extension;
export type Quantity = R4.Quantity;
export type Annotation = R4.Annotation;
export type Attachment = R4.Attachment;
export type Identifier = R4.Identifier;
export type ChargeItem = R4.ChargeItem;
export type Condition = R4.Condition;
export type DocumentReference = R4.DocumentReference;
export type OperationOutcome = R4.OperationOutcome;
export type OperationOutcomeIssue = R4.OperationOutcomeIssue;

export type BundleResource = ChargeItem | Condition | DocumentReference | OperationOutcome;

export interface BundleEntry extends Omit<R4.BundleEntry, "resource"> {
  fullUrl: string;
  resource: BundleResource;
}

export interface Bundle extends Omit<R4.Bundle, "entry"> {
  resourceType: "Bundle";
  entry: BundleEntry[];
}
