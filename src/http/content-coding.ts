/**
 * Undoing a body's Content-Encoding (gzip, deflate, br), as body-parser does for requests and fetch for responses:
 * one home for the mock server, the verify transport and the client. Output is capped, so a small compressed body
 * cannot expand past what the caller would have read uncompressed.
 */
import { brotliDecompress, gunzip, inflate, type InputType, type ZlibOptions } from 'node:zlib';

type Decoder = (input: InputType, options: ZlibOptions, done: (error: Error | null, result: Buffer) => void) => void;
const DECODERS: Readonly<Record<string, Decoder>> = { gzip: gunzip, 'x-gzip': gunzip, deflate: inflate, br: brotliDecompress };

/** The codings a Content-Encoding header lists, in the order applied (`identity` dropped), lower-cased. */
export const codingsOf = (header: string | undefined): string[] =>
  (header ?? '').split(',').map((coding) => coding.trim().toLowerCase()).filter((coding) => coding !== '' && coding !== 'identity');

/** The decoded bytes, or why they could not be had: a coding not supported, bytes not in it, or output past the cap. */
export type Decoded =
  | { readonly ok: true; readonly bytes: Buffer }
  | { readonly ok: false; readonly problem: 'unsupported' | 'corrupt' | 'too-large'; readonly message: string };

/** Undoes every coding in `header` (outermost last), producing at most `limitBytes`. An empty body stays empty. */
export async function decodeContent(bytes: Buffer, header: string | undefined, limitBytes: number): Promise<Decoded> {
  const codings = codingsOf(header);
  let out = bytes;
  if (bytes.length === 0) return { ok: true, bytes };
  for (const coding of [...codings].reverse()) {
    const decoder = DECODERS[coding];
    if (!decoder) return { ok: false, problem: 'unsupported', message: `Content-Encoding ${coding} cannot be read (identity, gzip, deflate and br can)` };
    try {
      out = await new Promise<Buffer>((resolve, reject) => decoder(out, { maxOutputLength: limitBytes }, (error, result) => (error ? reject(error) : resolve(result))));
    } catch (error) {
      if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') return { ok: false, problem: 'too-large', message: `the body decodes to more than ${limitBytes} bytes` };
      return { ok: false, problem: 'corrupt', message: `the body is not valid ${coding}: ${(error as Error).message}` };
    }
  }
  return { ok: true, bytes: out };
}
