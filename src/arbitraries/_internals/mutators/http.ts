import fc from 'fast-check';
import { mediaEssence } from '../../../http/media-type.js';
import type { HeaderCase, RawBody } from '../../types.js';
import { codePointString } from '../code-point-string.js';
import type { Model } from '../model.js';
import { CONTENT_TYPE, type ValidParts } from '../parts.js';
import { textAlphabet } from '../unicode.js';
import { fixedMutator, mapMutator, type Mutator } from './mutator.js';
import { stringMutators } from './strings.js';

const withoutContentType = ({ headers, key }: HeaderCase): HeaderCase => ({ headers: Object.fromEntries(Object.entries(headers).filter(([name]) => name !== CONTENT_TYPE)), key });

/** Media types that are not the documented one: common wrong ones, and near misses of the documented one. */
function wrongContentTypes(documented: string): fc.Arbitrary<string> {
  const essence = mediaEssence(documented);
  const candidates = ['text/plain', 'application/xml', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x',
    'application/octet-stream', `${essence}x`, `x-${essence}`, `${essence}-patch`, `${essence.split('/')[0] ?? ''}/*`];
  return fc.constantFrom(...candidates.filter((candidate) => mediaEssence(candidate) !== essence));
}

/**
 * Header breakers: each header parameter's constraints, a wrong and a missing content type (when there is a body),
 * the API key missing (`required`, when it is the only scheme) or wrong (`auth`: no validator can see it).
 */
export function headerMutators(model: Model, parts: ValidParts): Mutator<HeaderCase>[] {
  const mutators: Mutator<HeaderCase>[] = [];
  for (const site of model.headerParams) {
    for (const mutator of stringMutators(site.schema, { part: site.part, pointer: site.pointer }, 'header')) {
      mutators.push({ kind: mutator.kind, arbitrary: fc.tuple(parts.headers, mutator.arbitrary).map(([base, bad]) => ({ value: { ...base, headers: { ...base.headers, [site.name]: bad.value } }, breaks: bad.breaks })) });
    }
  }
  const [documented] = parts.contentTypes;
  if (documented !== undefined) {
    const tag = { part: 'headers' as const, pointer: `/${CONTENT_TYPE}`, keyword: 'contentType' };
    const wrong = fc.tuple(parts.headers, wrongContentTypes(documented)).map(([base, type]) => ({ ...base, headers: { ...base.headers, [CONTENT_TYPE]: type } }));
    mutators.push(fixedMutator(tag, wrong, 'wrong'), fixedMutator(tag, parts.headers.map(withoutContentType), 'missing'));
  }
  if (model.key) {
    const { pointer } = model.key;
    if (model.key.required) mutators.push(fixedMutator({ part: 'headers', pointer, keyword: 'required' }, parts.headers.map((base): HeaderCase => ({ ...base, key: 'missing' }))));
    // A made-up key: visible ASCII (header-safe), never the real one in practice; runners hold the real key and may check.
    const fake = codePointString(textAlphabet('header'), { minLength: 1, maxLength: 64 });
    mutators.push(fixedMutator({ part: 'headers', pointer, keyword: 'auth' }, fc.tuple(parts.headers, fake).map(([base, wrong]): HeaderCase => ({ ...base, key: { wrong } }))));
  }
  return mutators;
}

const notJson = (text: string): boolean => {
  if (text === '') return false;
  try {
    JSON.parse(text);
    return false;
  } catch {
    return true;
  }
};

/** Spoils valid JSON text one of four ways: cut short, single-quoted, a trailing comma, or a word that is not JSON. */
function corrupt(json: string, way: number, at: number): string {
  switch (way) {
    case 0: return json.slice(0, 1 + (at % Math.max(1, json.length - 1)));
    case 1: return json.replace(/"/g, "'");
    case 2: return json.replace(/([}\]])$/, ',$1');
    default: return ['undefined', 'NaN', 'True', 'nul', '{', "{'a':1}"][at % 6] ?? '{';
  }
}

/** Body breakers on the bytes: not JSON at all (`json`), and no body where one is required (`required`, pointer ''). */
export function rawBodyMutators(model: Model, parts: ValidParts): Mutator<RawBody>[] {
  if (!model.body || !parts.bodyValue) return [];
  const text = fc.tuple(parts.bodyValue, fc.nat({ max: 3 }), fc.nat()).map(([value, way, at]) => corrupt(JSON.stringify(value), way, at)).filter(notJson);
  const mutators = [mapMutator(fixedMutator({ part: 'body', pointer: '', keyword: 'json' }, text), (raw): RawBody => ({ kind: 'text', text: raw }))];
  if (model.body.required) mutators.push(fixedMutator({ part: 'body', pointer: '', keyword: 'required' }, fc.constant<RawBody>({ kind: 'absent' }), 'absent'));
  return mutators;
}
