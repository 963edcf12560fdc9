/**
 * A copy of a string that does not keep a larger string alive. V8 may represent a substring of 13
 * or more characters as a slice of its parent, so a long-lived memo whose key is a word or phrase
 * cut out of a note would hold the whole note for the life of the process (a batch of a million
 * notes). Joining the characters makes a new flat string; short strings are copied anyway.
 */
export function ownString(s: string): string {
  return s.length < 13 ? s : s.split("").join("");
}
