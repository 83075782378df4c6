import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node as YamlNode } from 'yaml';
import type { Position } from 'unist';

/** Characters in one YAML string: a whole chapter summary is a few hundred; a codebook label fewer. */
export const MAX_YAML_STRING = 100_000;
/** How often aliases may be expanded (the yaml library's guard against "billion laughs"). */
export const MAX_YAML_ALIASES = 50;

/**
 * A parsed YAML document that can say where any value came from.
 * `lineOffset` shifts positions when the YAML sits inside another file (front matter).
 */
export class YamlSource {
  readonly doc: Document.Parsed;
  private readonly counter: LineCounter;

  constructor(
    text: string,
    private readonly lineOffset = 0,
  ) {
    this.counter = new LineCounter();
    this.doc = parseDocument(text, { lineCounter: this.counter, prettyErrors: false, uniqueKeys: true });
  }

  /** Plain JS value of the document. */
  value(): unknown {
    return this.doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
  }

  /**
   * Values too large to accept, each with its position: strings over MAX_YAML_STRING characters,
   * and aliases that would expand beyond MAX_YAML_ALIASES (a few lines can otherwise expand to
   * gigabytes). Check these before `value()`, which throws on the second.
   */
  limitErrors(): { message: string; position: Position }[] {
    const out: { message: string; position: Position }[] = [];
    let firstAlias: YamlNode | undefined;
    visit(this.doc, {
      Scalar: (_key, node) => {
        if (typeof node.value === 'string' && node.value.length > MAX_YAML_STRING) {
          out.push({ message: `This text is ${node.value.length.toLocaleString('en')} characters long; the limit is ${MAX_YAML_STRING.toLocaleString('en')}`, position: this.nodePosition(node) ?? this.start() });
        }
      },
      Alias: (_key, node) => {
        firstAlias ??= node;
      },
    });
    if (firstAlias && isAlias(firstAlias)) {
      try {
        this.doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
      } catch {
        out.push({ message: `The aliases (*name) in this document expand too many times (limit ${MAX_YAML_ALIASES})`, position: this.nodePosition(firstAlias) ?? this.start() });
      }
    }
    return out;
  }

  /** Syntax errors, each with its position. */
  syntaxErrors(): { message: string; position: Position }[] {
    const seen = new Set<string>();
    const out: { message: string; position: Position }[] = [];
    for (const e of this.doc.errors) {
      const message = (e.message.split('\n')[0] ?? e.message).replace(/ at line \d+, column \d+:?$/, '');
      const key = String(e.pos[0]); // one message per place: YAML often explains one mistake twice
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ message, position: this.span(e.pos[0], e.pos[1]) });
    }
    return out;
  }

  /**
   * Position of the value at `path`. For a missing key, the closest existing parent.
   * With `key: true`, the position of the key itself (where editors look for a misspelt field).
   */
  positionOf(path: readonly (string | number)[], options: { key?: boolean } = {}): Position {
    let node: unknown = this.doc.contents;
    let best: Position = this.nodePosition(node) ?? this.start();
    for (let i = 0; i < path.length; i++) {
      const segment = path[i];
      const last = i === path.length - 1;
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(segment));
        if (!pair) return best;
        const keyPos = this.nodePosition(pair.key);
        if (last && options.key && keyPos) return keyPos;
        node = pair.value;
        best = this.nodePosition(node) ?? keyPos ?? best;
      } else if (isSeq(node) && typeof segment === 'number') {
        node = node.items[segment];
        if (node === undefined) return best;
        best = this.nodePosition(node) ?? best;
      } else {
        return best;
      }
    }
    return best;
  }

  /**
   * Position of the first item of the sequence at `path` whose value is `value` (by value, not by
   * index: lists are deduplicated and filtered after parsing, so indices shift).
   */
  positionOfEntry(path: readonly (string | number)[], value: string): Position {
    let node: unknown = this.doc.getIn(path, true);
    if (isSeq(node)) {
      for (const item of node.items) {
        if (isScalar(item) && String(item.value) === value) return this.nodePosition(item) ?? this.positionOf(path);
      }
    }
    return this.positionOf(path);
  }

  private nodePosition(node: unknown): Position | undefined {
    const range = (node as YamlNode | null | undefined)?.range;
    if (!range) return undefined;
    return this.span(range[0], range[1]);
  }

  private start(): Position {
    return this.span(0, 0);
  }

  private span(from: number, to: number): Position {
    const a = this.counter.linePos(from);
    const b = this.counter.linePos(to);
    return {
      start: { line: a.line + this.lineOffset, column: a.col, offset: from },
      end: { line: b.line + this.lineOffset, column: b.col, offset: to },
    };
  }
}
