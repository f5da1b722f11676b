/**
 * The character encoding of fetched or imported bytes, and decoding them.
 *
 * Order, as browsers do it: a byte-order mark wins, then the Content-Type
 * header's charset, then a <meta charset> or <meta http-equiv=content-type>
 * in the first bytes, then UTF-8 if the bytes are valid UTF-8, else
 * windows-1252 (the web's legacy default). Arabic sites still serve
 * windows-1256 and ISO-8859-6; Node's TextDecoder (full ICU) decodes both.
 */

/** How far into the page a <meta> declaring the charset is looked for (the HTML spec says 1024; real pages put comments first). */
const SNIFF_BYTES = 4096;

export interface Decoded {
  text: string;
  /** The WHATWG name of the encoding used, e.g. `windows-1256`. */
  encoding: string;
  /** Where the encoding came from. */
  from: 'bom' | 'header' | 'meta' | 'utf8-valid' | 'default';
  warnings: string[];
}

/** The `charset` parameter of a Content-Type header value, or null. */
export function charsetFromContentType(contentType: string | null | undefined): string | null {
  if (!contentType) return null;
  const match = /;\s*charset\s*=\s*("?)([^";\s]+)\1/i.exec(contentType);
  return match ? match[2]!.trim() : null;
}

/** The charset a page declares in a <meta> near its start, or null. */
export function charsetFromMeta(bytes: Uint8Array): string | null {
  // The start of any ASCII-compatible encoding reads the same as latin1.
  const head = new TextDecoder('windows-1252').decode(bytes.subarray(0, SNIFF_BYTES));
  const metas = head.match(/<meta\b[^>]*>/gi) ?? [];
  for (const meta of metas) {
    const attrs = metaAttributes(meta);
    const charset = attrs.get('charset')?.trim();
    if (charset) return charset;
    if (attrs.get('http-equiv')?.trim().toLowerCase() === 'content-type') {
      const found = charsetFromContentType(`x;${(attrs.get('content') ?? '').split(';').slice(1).join(';')}`);
      if (found) return found;
    }
  }
  return null;
}

/** The attributes of one <meta …> tag, names lower-cased; quoted and bare values alike. */
function metaAttributes(tag: string): Map<string, string> {
  const attrs = new Map<string, string>();
  for (const m of tag.slice(5).matchAll(/([A-Za-z_:][-A-Za-z0-9_:.]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/g)) {
    const name = m[1]!.toLowerCase();
    if (!attrs.has(name)) attrs.set(name, m[2] ?? m[3] ?? m[4] ?? '');
  }
  return attrs;
}

/** The WHATWG encoding name for a label, or null when TextDecoder does not know it. */
export function encodingForLabel(label: string): string | null {
  try {
    return new TextDecoder(label.trim()).encoding;
  } catch {
    return null;
  }
}

function bomEncoding(bytes: Uint8Array): { encoding: string; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  return null;
}

/**
 * Decodes bytes of an HTML or text page. `sniffMeta` is false for plain text
 * and Markdown, where a "<meta" in the text means nothing.
 */
export function decodeBytes(bytes: Uint8Array, contentType?: string | null, sniffMeta = true): Decoded {
  const warnings: string[] = [];
  const bom = bomEncoding(bytes);
  if (bom) return { text: new TextDecoder(bom.encoding).decode(bytes.subarray(bom.length)), encoding: bom.encoding, from: 'bom', warnings };

  const declared: { label: string; from: 'header' | 'meta' }[] = [];
  const header = charsetFromContentType(contentType);
  if (header) declared.push({ label: header, from: 'header' });
  const meta = sniffMeta ? charsetFromMeta(bytes) : null;
  if (meta) declared.push({ label: meta, from: 'meta' });

  for (const { label, from } of declared) {
    let encoding = encodingForLabel(label);
    if (!encoding) {
      warnings.push(`capture: unknown character encoding ${JSON.stringify(label)} declared in the ${from === 'header' ? 'Content-Type header' : 'page'}; ignored`);
      continue;
    }
    // A page served as UTF-16 by a <meta> is a lie the HTML spec also ignores: the meta was readable as ASCII.
    if (from === 'meta' && encoding.startsWith('utf-16')) encoding = 'utf-8';
    // x-user-defined and "replacement" are not text encodings a page should use.
    if (encoding === 'replacement' || encoding === 'x-user-defined') {
      warnings.push(`capture: character encoding ${JSON.stringify(label)} cannot be decoded; ignored`);
      continue;
    }
    return { text: new TextDecoder(encoding).decode(bytes), encoding, from, warnings };
  }

  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8', from: 'utf8-valid', warnings };
  } catch {
    warnings.push('capture: no character encoding declared and the bytes are not UTF-8; read as windows-1252');
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252', from: 'default', warnings };
  }
}
