/**
 * File sizes as people read them: "21.0 MB", "512 KB", "900 bytes" (1 MB = 1024 × 1024 bytes, as
 * the import limit is set). Isomorphic: the server's messages and the web app say the same.
 */

const KB = 1024;
const MB = 1024 * 1024;

/** One size, with `decimals` digits after the point for KB and MB. */
export function formatBytes(bytes: number, decimals = 1): string {
  if (bytes >= MB) return `${(bytes / MB).toFixed(decimals)} MB`;
  if (bytes >= KB) return `${(bytes / KB).toFixed(decimals)} KB`;
  return `${bytes} bytes`;
}

/**
 * A file's size and a limit, written so that a file over the limit never looks the same size as
 * it: one more digit while they would ("20.03 MB" and "20.00 MB"), and the exact bytes at worst.
 */
export function sizeAndLimit(size: number, limit: number): { size: string; limit: string } {
  for (let decimals = 1; decimals <= 3; decimals++) {
    const s = formatBytes(size, decimals);
    const l = formatBytes(limit, decimals);
    if (size <= limit || s !== l) return { size: s, limit: l };
  }
  return { size: `${size} bytes`, limit: `${limit} bytes` };
}
