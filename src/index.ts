/**
 * dermcode public API. Curated re-exports only.
 */
export { suggest } from "./pipeline/suggest.ts";
export * from "./schemas/api.ts";
