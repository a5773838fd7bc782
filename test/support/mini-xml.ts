/**
 * A small, strict XML reader for the structural SVG tests: enough to walk elements, attributes
 * and text, and to fail on what a browser would refuse (unbalanced tags, a stray "&" or "<",
 * duplicate attributes, an unknown entity). No DTDs, CDATA or namespaces beyond the prefix.
 */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  /** The element's own text, entities decoded (not its descendants'). */
  text: string;
}

const TOKEN =
  /<!--[\s\S]*?-->|<\?xml[\s\S]*?\?>|<\/([\w:.-]+)\s*>|<([\w:.-]+)((?:\s+[\w:.-]+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>|([^<]+)/y;
const ATTR = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(raw: string, where: string): string {
  return raw.replace(/&([^;\s]*);?/g, (all, name: string) => {
    if (!all.endsWith(';')) throw new Error(`Bare "&" in ${where}`);
    if (ENTITIES[name]) return ENTITIES[name];
    const m = /^#(x[0-9a-fA-F]+|[0-9]+)$/.exec(name);
    if (!m) throw new Error(`Unknown entity &${name}; in ${where}`);
    return String.fromCodePoint(m[1][0] === 'x' ? parseInt(m[1].slice(1), 16) : Number(m[1]));
  });
}

export function parseXml(source: string): XmlElement {
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < source.length) {
    const at = TOKEN.lastIndex;
    const m = TOKEN.exec(source);
    if (!m) throw new Error(`Malformed XML at offset ${at}: ${JSON.stringify(source.slice(at, at + 40))}`);
    const [, close, open, attrText, selfClosing, text] = m;
    if (text !== undefined) {
      if (stack.length) stack[stack.length - 1].text += decode(text, 'text');
      else if (text.trim()) throw new Error('Text outside the root element');
    } else if (close) {
      const top = stack.pop();
      if (!top || top.name !== close) throw new Error(`</${close}> closes <${top?.name ?? 'nothing'}>`);
    } else if (open) {
      const attrs: Record<string, string> = {};
      for (const a of (attrText ?? '').matchAll(ATTR)) {
        if (a[1] in attrs) throw new Error(`Duplicate attribute ${a[1]} on <${open}>`);
        attrs[a[1]] = decode(a[2] ?? a[3] ?? '', `attribute ${a[1]}`);
      }
      const el: XmlElement = { name: open, attrs, children: [], text: '' };
      if (stack.length) stack[stack.length - 1].children.push(el);
      else if (root) throw new Error('More than one root element');
      else root = el;
      if (!selfClosing) stack.push(el);
    }
  }
  if (stack.length) throw new Error(`Unclosed <${stack[stack.length - 1].name}>`);
  if (!root) throw new Error('No root element');
  return root;
}

export function findAll(root: XmlElement, test: (e: XmlElement) => boolean): XmlElement[] {
  const found: XmlElement[] = [];
  const walk = (e: XmlElement) => {
    if (test(e)) found.push(e);
    e.children.forEach(walk);
  };
  walk(root);
  return found;
}

export const hasClass = (cls: string) => (e: XmlElement) => (e.attrs.class ?? '').split(/\s+/).includes(cls);

/** All text inside an element: its own text first, then its descendants'. */
export const textOf = (e: XmlElement): string => e.text + e.children.map(textOf).join('');

/** "x1,y1 x2,y2 …" → [[x1, y1], [x2, y2], …] */
export const pointsOf = (e: XmlElement): [number, number][] =>
  (e.attrs.points ?? '')
    .trim()
    .split(/\s+/)
    .map((p) => p.split(',').map(Number) as [number, number]);
