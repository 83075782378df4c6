import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node as YamlNode } from 'yaml';
import type { Position } from 'unist';

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
    return this.doc.toJS({ maxAliasCount: 50 });
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
