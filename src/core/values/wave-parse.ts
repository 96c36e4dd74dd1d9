/**
 * WAVE (WebAssembly Value Encoding, wasm-tools' crates/wasm-wave, the syntax of `wasmtime run
 * --invoke 'add(3, 4)'`) parsed against a WIT type. Two steps as in wasm-wave: an untyped syntax
 * tree (lexing: labels, numbers, chars, strings with escapes, multiline strings, `//` comments),
 * then a typed conversion. Beyond wasm-wave, and harmless: `{}` is accepted for a record whose
 * fields are all options, and keyword cases (`none`, `ok` …) of variants/enums without the `%`.
 */
import { formatType, type WitType } from '../wit/model.js';
import { describeType, exampleValue, withArticle } from './describe.js';
import { ValueSyntaxError, ValueTypeError } from './errors.js';
import { INT_RANGES, floatVal, intVal, isIntKind, type Val } from './model.js';

type TokenType = '{' | '}' | '(' | ')' | '[' | ']' | ':' | ',' | 'number' | 'label' | 'char' | 'string' | 'eof';

interface Token {
  type: TokenType;
  start: number;
  end: number;
  /** Decoded text of strings and chars, the label without `%`, or the number's text. */
  value: string;
  /** A label written with `%` (so never a keyword). */
  escaped?: boolean;
}

type NodeType = 'true' | 'false' | 'number' | 'char' | 'string' | 'tuple' | 'list' | 'record' | 'flags' | 'label' | 'variant' | 'some' | 'none' | 'ok' | 'err';

interface Node {
  t: NodeType;
  start: number;
  end: number;
  /** Records: label, value, label, value…; flags: labels; variant/some/ok/err: [label?, payload]. */
  kids: Node[];
  value: string;
}

const KEYWORDS = new Set(['true', 'false', 'some', 'none', 'ok', 'err', 'inf', 'nan']);
const MAX_DEPTH = 100;
const ESCAPE_HINT = 'valid escapes are \\n \\t \\r \\\\ \\" \\\' and \\u{1F600}';

const NODE_NAMES: Record<NodeType, string> = {
  true: 'the bool true',
  false: 'the bool false',
  number: 'a number',
  char: 'a char',
  string: 'a string',
  tuple: 'a tuple',
  list: 'a list',
  record: 'a record',
  flags: 'flags',
  label: 'a label',
  variant: 'a variant case with a payload',
  some: 'some(…)',
  none: 'none',
  ok: 'ok',
  err: 'err',
};

class Lexer {
  pos: number;
  private peeked: Token | undefined;
  constructor(
    readonly input: string,
    from: number,
    readonly end: number,
  ) {
    this.pos = from;
  }

  syntax(problem: string, at: number, expected: string, hint: string): never {
    throw new ValueSyntaxError({ problem, input: this.input, column: at + 1, expected, hint });
  }

  peek(): Token {
    this.peeked ??= this.scan();
    return this.peeked;
  }

  next(): Token {
    const t = this.peek();
    this.peeked = undefined;
    return t;
  }

  private skipTrivia(): void {
    const s = this.input;
    while (this.pos < this.end) {
      const c = s[this.pos]!;
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r') this.pos++;
      else if (c === '/' && s[this.pos + 1] === '/') {
        const nl = s.indexOf('\n', this.pos);
        this.pos = nl === -1 || nl > this.end ? this.end : nl + 1;
      } else break;
    }
  }

  private scan(): Token {
    this.skipTrivia();
    const s = this.input;
    const start = this.pos;
    if (start >= this.end) return { type: 'eof', start, end: start, value: '' };
    const c = s[start]!;
    if ('{}()[]:,'.includes(c)) {
      this.pos++;
      return { type: c as TokenType, start, end: this.pos, value: c };
    }
    if (c === '"') return s.startsWith('"""', start) ? this.multiline(start) : this.string(start);
    if (c === "'") return this.char(start);
    if (c === '-' || (c >= '0' && c <= '9')) return this.number(start);
    if (c === '%' || /[A-Za-z]/.test(c)) return this.label(start);
    return this.syntax(`unexpected character '${c}'`, start, 'a value', `write ${"a value such as 42, \"text\", [1, 2] or {a: 1}"}`);
  }

  private number(start: number): Token {
    const s = this.input;
    if (s.startsWith('-inf', start) && !/[A-Za-z0-9-]/.test(s[start + 4] ?? '')) {
      this.pos = start + 4;
      return { type: 'number', start, end: this.pos, value: '-inf' };
    }
    const re = /-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?/y;
    re.lastIndex = start;
    const m = re.exec(s);
    if (!m || m.index + m[0].length > this.end) this.syntax('malformed number', start, 'a number such as 42, -7 or 1.5e3', 'write numbers in decimal: 42, -7, 1.5, 6.02e23');
    this.pos = start + m[0].length;
    if (/[A-Za-z0-9_.]/.test(s[this.pos] ?? '') && this.pos < this.end) {
      this.syntax(`malformed number '${s.slice(start, this.pos + 1)}'`, start, 'a decimal number', 'write numbers in decimal without leading zeros or suffixes: 42, 0, 1.5');
    }
    return { type: 'number', start, end: this.pos, value: m[0] };
  }

  private label(start: number): Token {
    const re = /%?([a-z][a-z0-9]*|[A-Z][A-Z0-9]*)(-([a-z0-9]+|[A-Z0-9]+))*/y;
    re.lastIndex = start;
    const m = re.exec(this.input);
    if (!m) this.syntax(`malformed label '${this.input.slice(start, start + 10)}'`, start, 'a kebab-case label such as my-case', 'labels are kebab-case words: red, green-ish, %ok');
    this.pos = start + m[0].length;
    const next = this.input[this.pos];
    if (next !== undefined && this.pos < this.end && /[A-Za-z0-9_-]/.test(next)) {
      this.syntax(`malformed label '${this.input.slice(start, this.pos + 1)}'`, start, 'a kebab-case label', 'labels are kebab-case words; each word is all lowercase or all uppercase: green-ish, HTTP3');
    }
    const escaped = m[0].startsWith('%');
    return { type: 'label', start, end: this.pos, value: escaped ? m[0].slice(1) : m[0], escaped };
  }

  /** One char of a string (quote `"`) or char (quote `'`) literal at `i`: [decoded, next index]. */
  private charAt(i: number, quote: '"' | "'", literalStart: number): [string, number] {
    const s = this.input;
    const c = s[i];
    const what = quote === '"' ? 'string' : 'char';
    if (c === undefined || i >= this.end) {
      this.syntax(`unterminated ${what}`, literalStart, `a closing ${quote}`, `close the ${what} with ${quote}${quote === '"' ? '; write a literal " as \\"' : ''}`);
    }
    if (c === '\n') this.syntax(`line break inside a ${what}`, i, `the closing ${quote}`, 'write a line break as \\n (or use a """ multiline string)');
    if (c !== '\\') {
      const cp = s.codePointAt(i)!;
      return [String.fromCodePoint(cp), i + (cp > 0xffff ? 2 : 1)];
    }
    const e = s[i + 1];
    const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', '"': '"', "'": "'" };
    if (e !== undefined && simple[e] !== undefined) return [simple[e], i + 2];
    if (e === 'u') {
      const m = /^\{([0-9a-fA-F]{1,6})\}/.exec(s.slice(i + 2, i + 10));
      const cp = m ? parseInt(m[1]!, 16) : NaN;
      if (!m || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
        this.syntax(`invalid unicode escape '${s.slice(i, i + (m ? m[0].length + 2 : 3))}'`, i, 'a \\u{…} escape with 1 to 6 hex digits naming a Unicode scalar value', 'write for example \\u{1F600} or \\u{41}');
      }
      return [String.fromCodePoint(cp), i + 2 + m[0].length];
    }
    return this.syntax(`invalid escape '\\${e ?? ''}'`, i, 'an escape sequence', ESCAPE_HINT);
  }

  private string(start: number): Token {
    let i = start + 1;
    let out = '';
    while (this.input[i] !== '"' || i >= this.end) {
      const [ch, next] = this.charAt(i, '"', start);
      out += ch;
      i = next;
    }
    this.pos = i + 1;
    return { type: 'string', start, end: this.pos, value: out };
  }

  private char(start: number): Token {
    if (this.input[start + 1] === "'") this.syntax('empty char', start, 'exactly one character between the quotes', "write a char such as 'a' (or \\' for a quote)");
    const [ch, next] = this.charAt(start + 1, "'", start);
    if (this.input[next] !== "'" || next >= this.end) {
      const close = this.input.indexOf("'", next);
      if (close !== -1 && close < this.end && !this.input.slice(next, close).includes('\n')) {
        this.syntax('more than one character in a char', start, 'exactly one character between the quotes', 'a char holds one character; use a string ("…") for text');
      }
      this.syntax('unterminated char', start, "a closing '", "close the char with '");
    }
    this.pos = next + 1;
    return { type: 'char', start, end: this.pos, value: ch };
  }

  /** `"""` newline … newline spaces `"""`: dedented by the closing line's indentation. */
  private multiline(start: number): Token {
    const s = this.input;
    const close = s.indexOf('"""', start + 3);
    if (close === -1 || close + 3 > this.end) this.syntax('unterminated multiline string', start, 'a closing """', 'end it with """ on its own line');
    let i = start + 3;
    if (s[i] === '\r') i++;
    if (s[i] !== '\n') this.syntax('text after an opening """', start + 3, 'a line break right after """', 'start the text on the next line');
    const lastNl = s.lastIndexOf('\n', close);
    const indent = s.slice(lastNl + 1, close);
    if (/[^ ]/.test(indent)) this.syntax('closing """ is not on its own line', close, 'only spaces before the closing """', 'put the closing """ on a line of its own');
    const lines = s.slice(i + 1, lastNl).split('\n');
    let out = '';
    let offset = i + 1;
    lines.forEach((line, n) => {
      if (line.endsWith('\r')) line = line.slice(0, -1);
      if (!line.startsWith(indent) && line.trim() !== '') this.syntax('line is indented less than the closing """', offset, `at least ${indent.length} spaces of indentation`, 'indent every line at least as far as the closing """');
      const body = line.slice(Math.min(indent.length, line.length));
      const bodyStart = offset + Math.min(indent.length, line.length);
      let j = bodyStart;
      while (j < bodyStart + body.length) {
        const [ch, next] = this.charAt(j, '"', start); // lines hold no line break; only escapes matter
        out += ch;
        j = next;
      }
      if (n < lines.length - 1) out += '\n';
      offset += line.length + 1 + (s[offset + line.length] === '\r' ? 1 : 0);
    });
    this.pos = close + 3;
    return { type: 'string', start, end: this.pos, value: out };
  }
}

class Parser {
  private depth = 0;
  constructor(readonly lex: Lexer) {}

  private unexpected(t: Token, expected: string, hint = `write ${expected}`): never {
    const found = t.type === 'eof' ? 'end of input' : `'${this.lex.input.slice(t.start, t.end)}'`;
    return this.lex.syntax(t.type === 'eof' ? 'unexpected end of input' : `unexpected ${found}`, t.start, expected, hint);
  }

  private expect(type: TokenType, expected: string): Token {
    const t = this.lex.next();
    if (t.type !== type) this.unexpected(t, expected);
    return t;
  }

  node(): Node {
    if (++this.depth > MAX_DEPTH) this.lex.syntax('value nested too deeply', this.lex.pos, `at most ${MAX_DEPTH} levels of nesting`, 'flatten the value');
    try {
      return this.nodeInner();
    } finally {
      this.depth--;
    }
  }

  private leaf(t: NodeType, tok: Token): Node {
    return { t, start: tok.start, end: tok.end, kids: [], value: tok.value };
  }

  private nodeInner(): Node {
    const tok = this.lex.next();
    switch (tok.type) {
      case 'number':
        return this.leaf('number', tok);
      case 'char':
        return this.leaf('char', tok);
      case 'string':
        return this.leaf('string', tok);
      case '(': {
        const kids = this.sequence(')', 'a tuple element');
        if (kids.length === 0) this.lex.syntax('empty tuple', tok.start, 'at least one value between ( and )', 'write (1, "a"); a function without a result returns nothing, so no expectation is needed');
        return { t: 'tuple', start: tok.start, end: this.lex.pos, kids, value: '' };
      }
      case '[':
        return { t: 'list', start: tok.start, end: this.lex.pos, kids: this.sequence(']', 'a list element'), value: '' };
      case '{':
        return this.recordOrFlags(tok);
      case 'label': {
        if (!tok.escaped && KEYWORDS.has(tok.value)) {
          switch (tok.value) {
            case 'true':
            case 'false':
              return this.leaf(tok.value, tok);
            case 'inf':
            case 'nan':
              return this.leaf('number', tok);
            case 'none':
              return this.leaf('none', tok);
            case 'some': {
              this.expect('(', "'(' after some (some(value))");
              const payload = this.node();
              this.expect(')', "')' to close some(…)");
              return { t: 'some', start: tok.start, end: this.lex.pos, kids: [payload], value: 'some' };
            }
            default: {
              const kids: Node[] = [];
              if (this.lex.peek().type === '(') {
                this.lex.next();
                kids.push(this.node());
                this.expect(')', `')' to close ${tok.value}(…)`);
              }
              return { t: tok.value as 'ok' | 'err', start: tok.start, end: this.lex.pos, kids, value: tok.value };
            }
          }
        }
        const label = this.leaf('label', tok);
        if (this.lex.peek().type !== '(') return label;
        this.lex.next();
        const payload = this.node();
        this.expect(')', `')' to close ${tok.value}(…)`);
        return { t: 'variant', start: tok.start, end: this.lex.pos, kids: [label, payload], value: tok.value };
      }
      default:
        return this.unexpected(tok, 'a value');
    }
  }

  /** Comma-separated values up to `close`; trailing comma allowed. */
  private sequence(close: TokenType, what: string): Node[] {
    const kids: Node[] = [];
    for (;;) {
      if (this.lex.peek().type === close) {
        this.lex.next();
        return kids;
      }
      kids.push(this.node());
      const sep = this.lex.next();
      if (sep.type === close) return kids;
      if (sep.type !== ',') this.unexpected(sep, `',' or '${close}' after ${what}`);
    }
  }

  private recordOrFlags(open: Token): Node {
    const first = this.lex.peek();
    if (first.type === ':') {
      this.lex.next();
      this.expect('}', "'}' after '{:' (the empty record)");
      return { t: 'record', start: open.start, end: this.lex.pos, kids: [], value: '' };
    }
    if (first.type === '}') {
      this.lex.next();
      return { t: 'flags', start: open.start, end: this.lex.pos, kids: [], value: '' };
    }
    const kids: Node[] = [];
    let isRecord: boolean | undefined;
    const seen = new Set<string>();
    for (;;) {
      const label = this.lex.next();
      if (label.type !== 'label') this.unexpected(label, isRecord === false ? 'a flag name' : 'a field name or flag name');
      const name = label.value;
      if (seen.has(name)) this.lex.syntax(`duplicate ${isRecord ? 'field' : 'flag'} '${name}'`, label.start, 'each name once', `remove the second '${name}'`);
      seen.add(name);
      kids.push(this.leaf('label', label));
      const after = this.lex.next();
      isRecord ??= after.type === ':';
      if (isRecord) {
        if (after.type !== ':') this.unexpected(after, `':' after field '${name}'`, `write ${name}: value`);
        kids.push(this.node());
        const sep = this.lex.next();
        if (sep.type === '}') break;
        if (sep.type !== ',') this.unexpected(sep, "',' or '}' in the record");
      } else {
        if (after.type === '}') break;
        if (after.type !== ',') this.unexpected(after, "',' or '}' in the flags");
      }
      if (this.lex.peek().type === '}') {
        this.lex.next();
        break;
      }
    }
    return { t: isRecord ? 'record' : 'flags', start: open.start, end: this.lex.pos, kids, value: '' };
  }
}

/** The parts of `input[from, to)` as a syntax tree; throws ValueSyntaxError. */
function parseTree(input: string, from: number, to: number): Node {
  const lex = new Lexer(input, from, to);
  const node = new Parser(lex).node();
  const rest = lex.next();
  if (rest.type !== 'eof') {
    lex.syntax(`trailing characters '${input.slice(rest.start, to).trim()}' after the value`, rest.start, 'the end of the value', 'write one value; separate list items with commas inside [ ]');
  }
  return node;
}

/**
 * Parses WAVE text (or the part `span` of it, columns still counted in the whole text) as a value
 * of `type`. Throws ValueSyntaxError / ValueTypeError with the column of the offending part.
 */
export function parseWave(input: string, type: WitType, span: { from: number; to: number } = { from: 0, to: input.length }): Val {
  let node: Node;
  try {
    node = parseTree(input, span.from, span.to);
  } catch (err) {
    // The syntax tree is untyped; the hint can still show a whole value of the type wanted.
    if (!(err instanceof ValueSyntaxError)) throw err;
    throw new ValueSyntaxError({ problem: err.problem, input, column: err.column, expected: err.expected, hint: `${err.hint}; ${withArticle(formatType(type))} is written like ${exampleValue(type)}` });
  }
  return new Converter(input).convert(node, type);
}

function flattenable(type: WitType): boolean {
  return type.kind !== 'option' && type.kind !== 'result';
}

class Converter {
  constructor(readonly input: string) {}

  private mismatch(node: Node, type: WitType, problem?: string): never {
    throw new ValueTypeError({
      problem: problem ?? `found ${NODE_NAMES[node.t]}`,
      input: this.input,
      column: node.start + 1,
      expected: describeType(type),
      hint: `write ${exampleValue(type)}${node.t === 'string' && type.kind !== 'char' ? ' (without quotes)' : ''}`,
    });
  }

  convert(node: Node, type: WitType): Val {
    const k = type.kind;
    if (isIntKind(k)) {
      if (node.t !== 'number') this.mismatch(node, type);
      const text = node.value;
      if (!/^-?\d+$/.test(text)) this.mismatch(node, type, `${text} is not an integer`);
      const n = BigInt(text);
      const { min, max } = INT_RANGES[k];
      if (text.startsWith('-') && min === 0n) this.mismatch(node, type, `${k} cannot be negative (${text})`);
      if (n < min || n > max) this.mismatch(node, type, `${text} is out of range for ${k}`);
      return intVal(k, n);
    }
    switch (type.kind) {
      case 'bool':
        if (node.t === 'true' || node.t === 'false') return { kind: 'bool', value: node.t === 'true' };
        return this.mismatch(node, type);
      case 'f32':
      case 'f64': {
        if (node.t !== 'number') this.mismatch(node, type);
        const v = node.value === 'nan' ? NaN : node.value === 'inf' ? Infinity : node.value === '-inf' ? -Infinity : Number(node.value);
        return floatVal(type.kind, v);
      }
      case 'char':
        if (node.t !== 'char') this.mismatch(node, type, node.t === 'string' ? 'found a string (chars use single quotes)' : undefined);
        return { kind: 'char', value: node.value };
      case 'string':
        if (node.t !== 'string') this.mismatch(node, type, node.t === 'char' ? 'found a char (strings use double quotes)' : undefined);
        return { kind: 'string', value: node.value };
      case 'list': {
        if (node.t !== 'list') this.mismatch(node, type);
        if (type.length !== undefined && node.kids.length !== type.length) this.mismatch(node, type, `the list has ${node.kids.length} elements but ${type.length} are required`);
        return { kind: 'list', items: node.kids.map((n) => this.convert(n, type.element)) };
      }
      case 'tuple': {
        if (node.t !== 'tuple') this.mismatch(node, type);
        if (node.kids.length !== type.types.length) this.mismatch(node, type, `the tuple has ${node.kids.length} values but ${type.types.length} are required`);
        return { kind: 'tuple', items: node.kids.map((n, i) => this.convert(n, type.types[i]!)) };
      }
      case 'record':
        return this.record(node, type);
      case 'variant':
        return this.variant(node, type);
      case 'enum': {
        const c = this.caseName(node, type);
        if (payloadOf(node)) this.mismatch(node, type, `enum case '${c}' takes no payload`);
        if (!type.cases.includes(c)) this.mismatch(node, type, `'${c}' is not a case of ${type.name ? `enum ${type.name}` : 'the enum'}`);
        return { kind: 'enum', case: c };
      }
      case 'flags': {
        if (node.t === 'record' && node.kids.length === 0) return { kind: 'flags', flags: [] };
        if (node.t !== 'flags') this.mismatch(node, type);
        const given = new Map(node.kids.map((n) => [n.value, n]));
        for (const [name, n] of given) if (!type.flags.includes(name)) this.mismatch(n, type, `'${name}' is not a flag of ${type.name ?? 'the flags'}`);
        return { kind: 'flags', flags: type.flags.filter((f) => given.has(f)) };
      }
      case 'option': {
        if (node.t === 'none') return { kind: 'option' };
        if (node.t === 'some') return { kind: 'option', value: this.convert(node.kids[0]!, type.inner) };
        if (!flattenable(type.inner)) this.mismatch(node, type, `found ${NODE_NAMES[node.t]}, but a nested option cannot be written flat`);
        return { kind: 'option', value: this.convert(node, type.inner) };
      }
      case 'result': {
        if (node.t === 'ok' || node.t === 'err') {
          const ok = node.t === 'ok';
          const payloadType = ok ? type.ok : type.err;
          const payload = node.kids[0];
          if (payloadType && !payload) this.mismatch(node, type, `${node.t} needs a payload: ${node.t}(${exampleValue(payloadType)})`);
          if (!payloadType && payload) this.mismatch(node, type, `${node.t} of ${describeType(type)} takes no payload`);
          return { kind: 'result', ok, ...(payload ? { value: this.convert(payload, payloadType!) } : {}) };
        }
        if (!type.ok || !flattenable(type.ok)) {
          this.mismatch(node, type, type.ok ? `an ok holding an option or result cannot be written flat: found ${NODE_NAMES[node.t]}` : undefined);
        }
        return { kind: 'result', ok: true, value: this.convert(node, type.ok) };
      }
      case 'own':
      case 'borrow':
        return this.mismatch(node, type, `a ${type.resource.name} resource handle cannot be written as text`);
      default:
        return this.mismatch(node, type, `values of type ${type.kind} cannot be written as text`);
    }
  }

  /** The case name of a label, `case(payload)`, or a keyword form (`none`, `ok(…)` …) used as a case. */
  private caseName(node: Node, type: WitType): string {
    switch (node.t) {
      case 'label':
      case 'variant':
        return node.value;
      case 'none':
      case 'some':
      case 'ok':
      case 'err':
      case 'true':
      case 'false':
        return node.t;
      default:
        return this.mismatch(node, type);
    }
  }

  private variant(node: Node, type: Extract<WitType, { kind: 'variant' }>): Val {
    const name = this.caseName(node, type);
    const c = type.cases.find((x) => x.name === name);
    if (!c) this.mismatch(node, type, `'${name}' is not a case of ${type.name ? `variant ${type.name}` : 'the variant'}`);
    const payloadNode = payloadOf(node);
    if (c.type && !payloadNode) this.mismatch(node, type, `case '${name}' needs a payload: ${name}(${exampleValue(c.type)})`);
    if (!c.type && payloadNode) this.mismatch(node, type, `case '${name}' takes no payload`);
    return { kind: 'variant', case: name, ...(payloadNode ? { payload: this.convert(payloadNode, c.type!) } : {}) };
  }

  private record(node: Node, type: Extract<WitType, { kind: 'record' }>): Val {
    const allOptional = type.fields.every((f) => f.type.kind === 'option');
    if (node.t === 'flags' && node.kids.length === 0 && allOptional) return { kind: 'record', fields: type.fields.map((f) => ({ name: f.name, value: { kind: 'option' } })) };
    if (node.t !== 'record') this.mismatch(node, type);
    const given = new Map<string, { label: Node; value: Node }>();
    for (let i = 0; i < node.kids.length; i += 2) given.set(node.kids[i]!.value, { label: node.kids[i]!, value: node.kids[i + 1]! });
    for (const [name, { label }] of given) {
      if (!type.fields.some((f) => f.name === name)) this.mismatch(label, type, `${type.name ? `record ${type.name}` : 'the record'} has no field '${name}'`);
    }
    const fields = type.fields.map((f) => {
      const g = given.get(f.name);
      if (g) return { name: f.name, value: this.convert(g.value, f.type) };
      if (f.type.kind === 'option') return { name: f.name, value: { kind: 'option' } as Val };
      return this.mismatch(node, type, `${type.name ? `record ${type.name}` : 'the record'} is missing field '${f.name}'`);
    });
    return { kind: 'record', fields };
  }
}

function payloadOf(node: Node): Node | undefined {
  if (node.t === 'variant') return node.kids[1];
  return node.t === 'some' || node.t === 'ok' || node.t === 'err' ? node.kids[0] : undefined;
}
