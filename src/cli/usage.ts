import { type ParseArgsConfig, parseArgs } from "node:util";

/** A problem with the command line or its input: reported in one line, exit status 2. */
export class UsageError extends Error {
  override name = "UsageError";
}

/** node:util parseArgs that turns its errors into UsageError. */
export function parseCommandArgs<T extends NonNullable<ParseArgsConfig["options"]>>(
  argv: string[],
  options: T,
) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}
