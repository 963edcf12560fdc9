// Worker-thread bootstrap: a worker starts with a fresh module loader, so register tsx in it
// before importing the TypeScript worker (the same thing bin/dermcode.js does for the CLI).
import { register } from "tsx/esm/api";

register();
await import("./worker.ts");
