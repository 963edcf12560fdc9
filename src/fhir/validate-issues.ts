/** The issue list the FHIR validator collects (problems are collected, never thrown). */

export interface FhirIssue {
  /** JSON path of the offending element ("entry[2].resource.code"). */
  path: string;
  message: string;
}

export type Json = Record<string, unknown>;

export class Issues {
  readonly list: FhirIssue[] = [];

  add(path: string, message: string): void {
    this.list.push({ path, message });
  }
}

export function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Calls `each` for every item of an optional array element; flags a non-array. */
export function eachOf(
  value: unknown,
  path: string,
  issues: Issues,
  each: (item: unknown, path: string) => void,
): void {
  if (value === undefined) return;
  if (!Array.isArray(value)) {
    issues.add(path, "must be an array");
    return;
  }
  for (const [i, item] of value.entries()) each(item, `${path}[${i}]`);
}
