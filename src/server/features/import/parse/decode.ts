/**
 * Bytes → text for imported files.
 *
 * Order of evidence: a byte-order mark; UTF-16 recognised by its NUL bytes; valid UTF-8; then a
 * statistical guess (chardet) limited to encodings that real address-book exports use. Anything
 * undecodable becomes U+FFFD rather than an exception.
 *
 * vCards do not go through `decodeBytes` as a whole: a vCard may declare a charset per property
 * and may quoted-printable-encode the bytes of that charset, so `vcard.ts` works on the raw bytes
 * and uses `decodeWithCharset` value by value (QP → charset → unescape, never the other way).
 */
import chardet from 'chardet';
import iconv from 'iconv-lite';

export interface DecodedText {
  text: string;
  /** Canonical name of the encoding used: `utf-8`, `utf-16le`, `windows-1252`, `shift_jis`, … */
  encoding: string;
  bom: boolean;
}

export type Utf16 = 'utf-16le' | 'utf-16be';

export function detectBom(bytes: Uint8Array): { encoding: 'utf-8' | Utf16; length: number } | null {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { encoding: 'utf-8', length: 3 };
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

/**
 * UTF-16 without a BOM: text in Latin or CJK scripts written as UTF-16 has a NUL in (nearly) every
 * other byte for ASCII characters, which no 8-bit encoding produces in a text file.
 */
export function looksLikeUtf16(bytes: Uint8Array): Utf16 | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.3 && evenZero < pairs * 0.05) return 'utf-16le';
  if (evenZero > pairs * 0.3 && oddZero < pairs * 0.05) return 'utf-16be';
  return null;
}

/** A Buffer view of the same memory (no copy). */
export function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

export function isAscii(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if ((bytes[i] as number) > 0x7f) return false;
  return true;
}

const fatalUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lenientUtf8 = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

export function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    fatalUtf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * Encodings a guess may land on. chardet knows more, but for address books the realistic
 * non-UTF-8 sources are Windows code pages (Outlook, Excel) and the Japanese/Chinese/Korean
 * phone encodings; the rest mostly appear as false positives on short samples.
 */
const GUESSABLE = new Set([
  'windows-1252',
  'ISO-8859-1',
  'ISO-8859-2',
  'windows-1250',
  'windows-1251',
  'KOI8-R',
  'ISO-8859-5',
  'windows-1253',
  'ISO-8859-7',
  'ISO-8859-9',
  'windows-1254',
  'Shift_JIS',
  'EUC-JP',
  'Big5',
  'GB18030',
  'EUC-KR',
]);
const MULTIBYTE = new Set(['Shift_JIS', 'EUC-JP', 'Big5', 'GB18030', 'EUC-KR']);

/**
 * Guess a legacy (non-UTF-8) encoding. Windows-1252 is the default: it is what Outlook and Excel
 * write in Italy and most of Europe, and it decodes every byte. Another single-byte code page wins
 * only with a clear margin; a multi-byte one (Shift_JIS, …) only when chardet is confident, since
 * its detectors check the byte structure and rarely fire by accident.
 */
export function guessLegacyEncoding(bytes: Uint8Array): string {
  // Only the part that is not ASCII tells encodings apart; a bounded sample keeps this linear.
  const sample = nonAsciiSample(bytes, 64 * 1024);
  let best = 'windows-1252';
  let bestConfidence = 0;
  let cp1252 = 0;
  for (const m of chardet.analyse(sample)) {
    if (m.name === 'windows-1252' || m.name === 'ISO-8859-1') cp1252 = Math.max(cp1252, m.confidence);
  }
  for (const m of chardet.analyse(sample)) {
    if (!GUESSABLE.has(m.name)) continue;
    const margin = MULTIBYTE.has(m.name) ? (m.confidence >= 50 ? 0 : Infinity) : 10;
    if (m.confidence > bestConfidence && m.confidence >= cp1252 + margin) {
      best = m.name;
      bestConfidence = m.confidence;
    }
  }
  return canonical(best);
}

/** The lines that hold non-ASCII bytes, up to `max` bytes. */
function nonAsciiSample(bytes: Uint8Array, max: number): Uint8Array {
  const parts: Uint8Array[] = [];
  let size = 0;
  let start = 0;
  let dirty = false;
  for (let i = 0; i <= bytes.length && size < max; i++) {
    const b = i < bytes.length ? (bytes[i] as number) : 0x0a;
    if (b > 0x7f) dirty = true;
    if (b === 0x0a) {
      if (dirty) {
        const part = bytes.subarray(start, Math.min(i + 1, start + (max - size)));
        parts.push(part);
        size += part.length;
      }
      start = i + 1;
      dirty = false;
    }
  }
  return parts.length === 0 ? bytes.subarray(0, max) : Buffer.concat(parts);
}

function canonical(name: string): string {
  const n = name.toLowerCase();
  // ISO-8859-1 labels are in practice Windows-1252 (the WHATWG rule): 0x80–0x9F are € ’ œ …,
  // never C1 control characters, in a file somebody typed.
  if (n === 'iso-8859-1' || n === 'latin1' || n === 'l1' || n === 'iso8859-1' || n === 'cp1252') return 'windows-1252';
  return n;
}

/** Charsets that are never honoured in a CHARSET parameter: not text encodings, or a script vector. */
const REFUSED = new Set([
  'base64',
  'hex',
  'binary',
  'utf7',
  'utf-7',
  'utf7imap',
  'ucs2',
  'ucs-2',
  'utf16',
  'utf-16',
  'utf-16le',
  'utf-16be',
  'utf16le',
  'utf16be',
  'utf32',
  'utf-32',
  'utf-32le',
  'utf-32be',
]);

/**
 * Map a declared charset name (a vCard `CHARSET=` value) to one iconv-lite can decode, or null
 * when it is unknown or refused. `us-ascii` maps to null too: writers declare it on text they
 * never checked, and undeclared text gets the better UTF-8-first treatment.
 */
export function resolveCharset(declared: string): string | null {
  const n = canonical(declared.trim().replace(/^["']|["']$/g, ''));
  if (n === '' || REFUSED.has(n)) return null;
  if (n === 'us-ascii' || n === 'ascii' || n === 'ansi_x3.4-1968') return null;
  if (n === 'utf-8' || n === 'utf8') return 'utf-8';
  return iconv.encodingExists(n) ? n : null;
}

/**
 * Decode `bytes` as `charset` (a name from `resolveCharset`/`guessLegacyEncoding`), or, when
 * `charset` is null, as UTF-8 if valid and else as `fallback`. `lossy` says some bytes were
 * invalid in the charset used and became U+FFFD; `encoding` is the charset used (`ascii` when
 * every byte was ASCII and no charset mattered).
 */
export function decodeWithCharset(
  bytes: Uint8Array,
  charset: string | null,
  fallback: string,
): { text: string; lossy: boolean; encoding: string } {
  if (isAscii(bytes)) return { text: asBuffer(bytes).toString('latin1'), lossy: false, encoding: 'ascii' };
  let cs = charset;
  if (cs === null) cs = isValidUtf8(bytes) ? 'utf-8' : fallback;
  if (cs !== 'utf-8' && iconv.encodingExists(cs)) {
    const text = iconv.decode(asBuffer(bytes), cs, { stripBOM: false });
    return { text, lossy: text.includes('\uFFFD'), encoding: cs };
  }
  try {
    return { text: fatalUtf8.decode(bytes), lossy: false, encoding: 'utf-8' };
  } catch {
    return { text: lenientUtf8.decode(bytes), lossy: true, encoding: 'utf-8' };
  }
}

/** Decode a whole file (CSV, or a vCard that is UTF-16) to a string. */
export function decodeBytes(bytes: Uint8Array): DecodedText {
  const bom = detectBom(bytes);
  if (bom) {
    const body = bytes.subarray(bom.length);
    if (bom.encoding === 'utf-8') return { text: lenientUtf8.decode(body), encoding: 'utf-8', bom: true };
    return { text: iconv.decode(asBuffer(body), bom.encoding, { stripBOM: false }), encoding: bom.encoding, bom: true };
  }
  const utf16 = looksLikeUtf16(bytes);
  if (utf16) return { text: iconv.decode(asBuffer(bytes), utf16, { stripBOM: false }), encoding: utf16, bom: false };
  if (isValidUtf8(bytes)) return { text: lenientUtf8.decode(bytes), encoding: 'utf-8', bom: false };
  const guess = guessLegacyEncoding(bytes);
  if (!iconv.encodingExists(guess)) return { text: lenientUtf8.decode(bytes), encoding: 'utf-8', bom: false };
  return { text: iconv.decode(asBuffer(bytes), guess, { stripBOM: false }), encoding: guess, bom: false };
}
