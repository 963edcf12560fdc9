import type { ProcedureEvent } from "./types.ts";

/**
 * Leaves an event in the result, visible but not billed, with the reason shown to the coder and
 * the rule that decided it (on the assertion and on the event).
 */
export function markNotBilled(e: ProcedureEvent, reason: string, ruleId: string): void {
  e.assertion = {
    ...e.assertion,
    billable: false,
    reason,
    ruleIds: [...e.assertion.ruleIds, ruleId],
  };
  e.ruleIds.push(ruleId);
}
