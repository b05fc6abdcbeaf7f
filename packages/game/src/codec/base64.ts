import { BuildCodeError } from './errors.js';

// Our own codec rather than Buffer (Node only) or atob/btoa (lenient about padding and
// whitespace): a chat code must be canonical Base64 for encode(decode(x)) === x to hold.
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const VALUES = new Map([...ALPHABET].map((char, index) => [char, index]));

export function encodeBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const chunk = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const available = Math.min(3, bytes.length - i);
    for (let j = 0; j < 4; j++) {
      out += j <= available ? ALPHABET[(chunk >> (18 - 6 * j)) & 63] : '=';
    }
  }
  return out;
}

function notBase64(detail: string): BuildCodeError {
  return new BuildCodeError('NOT_BASE64', `The chat code is not valid Base64: ${detail}.`);
}

/** Decodes padded, canonical Base64 (the only form the game writes). */
export function decodeBase64(text: string): Uint8Array {
  if (text.length % 4 !== 0) throw notBase64(`its length ${text.length} is not a multiple of 4`);
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const bytes = new Uint8Array((text.length / 4) * 3 - padding);
  let byteIndex = 0;
  for (let i = 0; i < text.length; i += 4) {
    let chunk = 0;
    for (let j = 0; j < 4; j++) {
      const position = i + j;
      const char = text.charAt(position);
      const isPadding = position >= text.length - padding;
      const value = isPadding ? 0 : VALUES.get(char);
      if (value === undefined)
        throw notBase64(`unexpected character "${char}" at position ${position}`);
      chunk = (chunk << 6) | value;
    }
    for (let j = 0; j < 3 && byteIndex < bytes.length; j++) {
      bytes[byteIndex++] = (chunk >> (16 - 8 * j)) & 0xff;
    }
    const isLast = i + 4 === text.length;
    const unusedBits = isLast ? chunk & ((1 << (8 * padding)) - 1) : 0;
    if (unusedBits !== 0) throw notBase64('the bits after the last byte are not zero');
  }
  return bytes;
}
