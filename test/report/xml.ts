/** A minimal XML well-formedness check for tests (no XML parser is installed): tags nest, attributes are quoted. */

const NAME = '[A-Za-z_:][-A-Za-z0-9_:.]*';
const ATTRIBUTE = `\\s+${NAME}\\s*=\\s*(?:"[^"<]*"|'[^'<]*')`;
const OPEN = new RegExp(`^<(${NAME})((?:${ATTRIBUTE})*)\\s*(/?)>`);
const CLOSE = new RegExp(`^</(${NAME})\\s*>`);
const ENTITY = /&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/;

/** Throws with the offset of the first problem; returns the element names in document order. */
export function assertWellFormed(xml: string): string[] {
  const names: string[] = [];
  const stack: string[] = [];
  let rest = xml.replace(/^<\?xml[^?]*\?>/, '');
  while (rest.length > 0) {
    const at = xml.length - rest.length;
    if (rest.startsWith('<![CDATA[')) {
      const end = rest.indexOf(']]>');
      if (end < 0) throw new Error(`unclosed CDATA at ${at}`);
      rest = rest.slice(end + 3);
    } else if (rest.startsWith('</')) {
      const found = CLOSE.exec(rest);
      if (!found || stack.pop() !== found[1]) throw new Error(`mismatched close tag at ${at}: ${rest.slice(0, 40)}`);
      rest = rest.slice(found[0].length);
    } else if (rest.startsWith('<')) {
      const found = OPEN.exec(rest);
      if (!found?.[1]) throw new Error(`bad tag at ${at}: ${rest.slice(0, 40)}`);
      if (ENTITY.test(found[2] ?? '')) throw new Error(`bad entity in attributes at ${at}`);
      names.push(found[1]);
      if (found[3] !== '/') stack.push(found[1]);
      rest = rest.slice(found[0].length);
    } else {
      const next = rest.indexOf('<');
      const text = next < 0 ? rest : rest.slice(0, next);
      if (ENTITY.test(text) || text.includes('>') && stack.length === 0 && text.trim()) throw new Error(`bad text at ${at}`);
      if (stack.length === 0 && text.trim()) throw new Error(`text outside the root at ${at}`);
      rest = next < 0 ? '' : rest.slice(next);
    }
  }
  if (stack.length > 0) throw new Error(`unclosed elements: ${stack.join(', ')}`);
  return names;
}
