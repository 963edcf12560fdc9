/**
 * Base64 <-> text with the web platform's atob/btoa and TextEncoder/TextDecoder, which Node
 * (>= 16) and browsers both provide: no Buffer, so the same code runs in the browser bundle.
 */

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const CHUNK = 0x8000;

export function utf8ToBase64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = "";
  for (let i = 0; i < bytes.length; i += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  }
  return btoa(binary);
}

/** Decoded bytes, or undefined when `data` is not base64 (whitespace is ignored). */
export function base64ToBytes(data: string): Uint8Array | undefined {
  const compact = data.replace(/\s+/g, "");
  if (!BASE64.test(compact) || compact.length % 4 === 1) return undefined;
  let binary: string;
  try {
    binary = atob(compact);
  } catch {
    return undefined;
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function utf8ByteLength(text: string): number {
  return new TextEncoder().encode(text).length;
}
