/** Reproducers: a copy-paste curl command for a recorded request, and fast-check's replay flags. */
import { quote } from 'shell-quote';
import { KEY_EXPRESSION } from '../arbitraries/index.js';
import { API_KEY_PLACEHOLDER } from '../checks/documented.js';
import type { Finding, Replay, Reproducer, SentRequest } from '../checks/types.js';
import { headerValue } from '../http/headers.js';

/** Characters that mean nothing special inside double quotes (so `"X-API-KEY: $STIGG_API_KEY"` reads as written). */
const PLAIN_IN_DOUBLE_QUOTES = /^[A-Za-z0-9 _.,:;/=+-]*$/;
/** Characters a shell word may hold unquoted (no globbing `[]*?`, no expansion `$~`, no operators). */
const PLAIN_WORD = /^[A-Za-z0-9_.,:/=+@%-]+$/;

/** Control characters (C0, DEL, C1): a terminal would act on them, so a word holding one is written with escapes. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** bash's ANSI-C quoting (`$'…'`): controls as the `\xHH` bytes of their UTF-8, so the word shows none and sends each. */
function ansiC(text: string): string {
  const escaped = text.replace(/[\\']/g, '\\$&').replace(/[\u0000-\u001f\u007f-\u009f]/g, (char) => [...Buffer.from(char, 'utf8')].map((byte) => `\\x${byte.toString(16).padStart(2, '0')}`).join(''));
  return `$'${escaped}'`;
}

/** One shell word, as readable as safety allows: bare, else single-quoted, else shell-quote's quoting; `$'…'` with controls. */
function word(text: string): string {
  if (CONTROL.test(text)) return ansiC(text);
  if (PLAIN_WORD.test(text)) return text;
  return text.includes("'") ? quote([text]) : `'${text}'`;
}

/** A text cut into plain pieces and key expressions (`$STIGG_API_KEY`, `${STIGG_API_KEY^^}`), in order. */
function keyPieces(text: string): Array<{ readonly text: string; readonly key: boolean }> {
  const pieces: Array<{ text: string; key: boolean }> = [];
  let last = 0;
  for (const match of text.matchAll(KEY_EXPRESSION)) {
    pieces.push({ text: text.slice(last, match.index), key: false }, { text: match[0], key: true });
    last = match.index + match[0].length;
  }
  pieces.push({ text: text.slice(last), key: false });
  return pieces;
}

/**
 * One shell word for `text`, where each key expression stays outside single quotes, so that the shell expands it from
 * the environment (a wrong key made from the real one is computed again by bash): never the key itself.
 */
function wordWithKey(text: string): string {
  const pieces = keyPieces(text);
  if (pieces.length === 1) return word(text);
  // `$STIGG_API_KEY0` would name another variable: braces where a name character follows the placeholder.
  const braced = (index: number): string => {
    const expression = pieces[index]?.text ?? '';
    return expression === API_KEY_PLACEHOLDER && /^\w/.test(pieces[index + 1]?.text ?? '') ? `\${${API_KEY_PLACEHOLDER.slice(1)}}` : expression;
  };
  if (pieces.every((piece) => piece.key || PLAIN_IN_DOUBLE_QUOTES.test(piece.text))) return `"${pieces.map((piece, index) => (piece.key ? braced(index) : piece.text)).join('')}"`;
  return pieces.map((piece, index) => (piece.key ? `"${braced(index)}"` : piece.text === '' ? '' : word(piece.text))).join('');
}

/** `-H` arguments; curl needs `Name;` to send an empty value (`Name:` would remove the header). */
function headerWords(headers: Readonly<Record<string, string>>, hasBody: boolean): string[] {
  const words = Object.entries(headers).flatMap(([name, value]) => ['-H', wordWithKey(value === '' ? `${name};` : `${name}: ${value}`)]);
  const hasContentType = headerValue(headers, 'content-type') !== undefined;
  // With a body and no Content-Type, curl would add application/x-www-form-urlencoded; `Content-Type:` stops it.
  return hasBody && !hasContentType ? [...words, '-H', 'Content-Type:'] : words;
}

/** A `printf` pipeline for bodies holding NUL, which no command-line argument can carry. */
function printfBody(rawBody: string): string {
  const escaped = rawBody.replace(/\\/g, '\\\\').replace(/\0/g, '\\0000');
  return `printf '%b' ${word(escaped)} |`;
}

/**
 * The curl command that sends `request` again: method, every header, the body bytes as sent, and the URL with its
 * path as sent (`--path-as-is` keeps `.`/`..` segments, `--globoff` keeps `[]{}` literal).
 */
export function curlCommand(request: SentRequest): string {
  const { rawBody } = request;
  const hasNul = rawBody?.includes('\0') === true;
  const words = [
    ['curl', '--globoff', '--path-as-is', '-X', word(request.method)].join(' '),
    wordWithKey(request.url),
    ...headerWords(request.headers, rawBody !== undefined),
  ];
  // `--data-binary @x` would read file x; a body that starts with `@` goes as `--data-raw`, which sends it as is.
  if (rawBody !== undefined) words.push(rawBody.startsWith('@') && !hasNul ? '--data-raw' : '--data-binary', hasNul ? '@-' : word(rawBody));
  const command = words.join(' ');
  return hasNul && rawBody !== undefined ? `${printfBody(rawBody)} ${command}` : command;
}

/** fast-check's replay flags: `--seed 42 --path 7:1` (with `--shard 2/4` for a shard's case). */
export function replayFlags(replay: Replay): string {
  const shard = replay.shard === undefined ? '' : ` --shard ${word(replay.shard)}`;
  const path = replay.path === undefined ? '' : ` --path ${word(replay.path)}`;
  return `--seed ${Math.trunc(replay.seed)}${shard}${path}`;
}

/** The reproducer of a finding: curl, and replay flags when the runner recorded seed/path. */
export function reproducerFor(finding: Finding): Reproducer {
  return { curl: curlCommand(finding.request), ...(finding.replay ? { replay: replayFlags(finding.replay) } : {}) };
}
