import { createRequire as __runActionRequire } from 'node:module'; const require = __runActionRequire(import.meta.url);
import {
  ComponentReadError,
  MIRROR_HEADER_BYTES,
  RunActionError,
  TranspileError,
  capMemory,
  timeoutVerdict,
  workerDeathVerdict
} from "./chunk-SCWAIDUC.js";

// src/core/text/suggest.ts
function distance(a, b) {
  const rows = [];
  for (let i = 0; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        row.push(j);
        continue;
      }
      const prev = rows[i - 1];
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2][j - 2] + 1);
      row.push(d);
    }
    rows.push(row);
  }
  return rows[a.length][b.length];
}
function closest(word, candidates) {
  const w = word.toLowerCase();
  const limit = Math.max(1, Math.floor(w.length / 3));
  let best;
  let bestDistance = limit + 1;
  for (const c of candidates) {
    const d = distance(w, c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

// src/core/config/run-toml.ts
import { readFile, stat } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";

// src/core/config/errors.ts
var ConfigNotFoundError = class extends RunActionError {
};
var ConfigReadError = class extends RunActionError {
};
var ConfigSyntaxError = class extends RunActionError {
};
var ConfigTypeError = class extends RunActionError {
};
var ConfigMissingKeyError = class extends RunActionError {
};
var ConfigValueError = class extends RunActionError {
};

// src/core/config/capability.ts
var SIMPLE = ["clock", "random", "stdin", "stdout", "stderr", "all"];
var CAPABILITY_FORMS = [
  "stdin",
  "stdout",
  "stderr",
  "clock",
  "random",
  "env",
  "env:<VAR>",
  "fs:read:<path>",
  "fs:write:<path>",
  "net:listen:[<host>:]<port>",
  "net:connect:<host>[:<port>]",
  "all"
];
var HINT = `write one of: ${CAPABILITY_FORMS.join(", ")}`;
function fail(text, why, location) {
  const near = closest(text, [...SIMPLE, "env", "fs:read:", "fs:write:", "net:listen:", "net:connect:"]);
  throw new ConfigValueError(`invalid capability ${JSON.stringify(text)}: ${why}${near ? ` (did you mean \`${near}\`?)` : ""}`, {
    location,
    hint: HINT
  });
}
function port(text, min, whole, location) {
  if (!/^\d{1,5}$/.test(text) || Number(text) < min || Number(text) > 65535) {
    fail(whole, `port ${JSON.stringify(text)} is not a number from ${min} to 65535`, location);
  }
  return Number(text);
}
function hostPort(rest) {
  const bracketed = /^\[([^\]]+)\](?::(.*))?$/.exec(rest);
  if (bracketed) return { host: bracketed[1], ...bracketed[2] !== void 0 ? { port: bracketed[2] } : {} };
  if (/^\d+$/.test(rest)) return { port: rest };
  const colon = rest.lastIndexOf(":");
  if (colon < 0) return { host: rest };
  return { host: rest.slice(0, colon), port: rest.slice(colon + 1) };
}
function parseCapability(text, location) {
  if (SIMPLE.includes(text)) return { kind: text, text };
  if (text === "env") return { kind: "env", variable: "*", text };
  if (text.startsWith("env:")) {
    const variable = text.slice(4);
    if (!variable) fail(text, "the variable name is empty", location);
    return { kind: "env", variable, text };
  }
  if (text.startsWith("fs:")) {
    const m = /^fs:(read|write):(.*)$/s.exec(text);
    if (!m) fail(text, "the access must be `read` or `write`", location);
    if (!m[2]) fail(text, "the path is empty", location);
    return { kind: "fs", access: m[1], path: m[2], text };
  }
  if (text.startsWith("net:")) {
    const m = /^net:(listen|connect):(.*)$/s.exec(text);
    if (!m) fail(text, "the action must be `listen` or `connect`", location);
    const action = m[1];
    const hp = hostPort(m[2]);
    if (action === "listen" && hp.port === void 0) fail(text, "a port is required: net:listen:8080", location);
    if (action === "connect" && !hp.host) fail(text, "a host is required: net:connect:example.com:443", location);
    return {
      kind: "net",
      action,
      ...hp.host ? { host: hp.host } : {},
      ...hp.port !== void 0 ? { port: port(hp.port, action === "listen" ? 0 : 1, text, location) } : {},
      text
    };
  }
  fail(text, "unknown capability", location);
}

// src/core/config/language.ts
var LANGUAGE_ALIASES = {
  rust: "rust",
  rs: "rust",
  go: "go",
  golang: "go",
  python: "python",
  py: "python",
  javascript: "javascript",
  js: "javascript",
  typescript: "typescript",
  ts: "typescript",
  zig: "zig",
  c: "c",
  wat: "wat",
  wasm: "wasm",
  wasm32: "wasm"
};
function languageFromName(name) {
  return Object.hasOwn(LANGUAGE_ALIASES, name.toLowerCase()) ? LANGUAGE_ALIASES[name.toLowerCase()] : void 0;
}

// node_modules/smol-toml/dist/error.js
function getLineColFromPtr(string, ptr) {
  let lines = string.slice(0, ptr).split(/\r?\n/);
  return [lines.length, lines.pop().length + 1];
}
function makeCodeBlock(string, line, column) {
  let lines = string.split(/\r?\n/);
  let codeblock = "";
  let numberLen = (Math.log10(line + 1) | 0) + 1;
  for (let i = line - 1; i <= line + 1; i++) {
    let l = lines[i - 1];
    if (!l)
      continue;
    codeblock += i.toString().padEnd(numberLen, " ");
    codeblock += ":  ";
    codeblock += l;
    codeblock += "\n";
    if (i === line) {
      codeblock += " ".repeat(numberLen + column + 2);
      codeblock += "^\n";
    }
  }
  return codeblock;
}
var TomlError = class _TomlError extends Error {
  line;
  column;
  codeblock;
  constructor(message, options) {
    const [line, column] = getLineColFromPtr(options.toml, options.ptr);
    const codeblock = makeCodeBlock(options.toml, line, column);
    super(`Invalid TOML document: ${message}

${codeblock}`, options);
    this.line = line;
    this.column = column;
    this.codeblock = codeblock;
  }
  /** @internal */
  static x(message, ctx, ptr) {
    throw new _TomlError(message, { toml: ctx.s, ptr: ptr ?? ctx.p });
  }
};

// node_modules/smol-toml/dist/primitive.js
function parseString(ctx) {
  let startPtr = ctx.p;
  let c = ctx.s.charCodeAt(ctx.p++);
  let first = c;
  let isLiteral = c === 39;
  let isMultiline = c === ctx.s.charCodeAt(ctx.p) && c === ctx.s.charCodeAt(ctx.p + 1);
  if (isMultiline) {
    if ((c = ctx.s.charCodeAt(ctx.p += 2)) === 10)
      ctx.p++;
    else if (c === 13 && ctx.s.charCodeAt(ctx.p + 1) === 10)
      ctx.p += 2;
  }
  let parsed = "";
  let sliceStart = ctx.p;
  let state = 0;
  for (; ctx.p < ctx.s.length; ctx.p++) {
    c = ctx.s.charCodeAt(ctx.p);
    if (isMultiline && (c === 10 || c === 13 && ctx.s.charCodeAt(ctx.p + 1) === 10)) {
      state = state && 3;
    } else if (c < 32 && c !== 9 || c === 127) {
      TomlError.x("control characters are not allowed in strings", ctx);
    } else if ((!state || state === 3) && c === first && (!isMultiline || ctx.s.charCodeAt(ctx.p + 1) === first && ctx.s.charCodeAt(ctx.p + 2) === first)) {
      if (isMultiline) {
        if (ctx.s.charCodeAt(ctx.p + 3) === first)
          ctx.p++;
        if (ctx.s.charCodeAt(ctx.p + 3) === first)
          ctx.p++;
      }
      if (!state) {
        let s = ctx.s.slice(sliceStart, ctx.p);
        parsed = parsed ? parsed + s : s;
      }
      ctx.p += isMultiline ? 3 : 1;
      return parsed;
    } else if (!state) {
      if (!isLiteral && c === 92) {
        parsed += ctx.s.slice(sliceStart, sliceStart = ctx.p);
        state = 1;
      }
    } else if (state === 1) {
      if (c === 120 || c === 117 || c === 85) {
        let errPtr = ctx.p++ - 1;
        let value = 0;
        let len = c === 120 ? 2 : c === 117 ? 4 : 8;
        for (let j = 0; j < len; j++, ctx.p++) {
          let hex = ctx.s.charCodeAt(ctx.p);
          let digit = (
            /* 0-9 */
            hex >= 48 && hex <= 57 ? hex - 48 : (
              /* A-F */
              hex >= 65 && hex <= 70 ? hex - 65 + 10 : (
                /* a-f */
                hex >= 97 && hex <= 102 ? hex - 97 + 10 : -1
              )
            )
          );
          if (digit < 0)
            TomlError.x("invalid non-hex character in unicode escape", ctx);
          value = value << 4 | digit;
        }
        if (value < 0 || value > 1114111 || value >= 55296 && value <= 57343) {
          TomlError.x("invalid unicode escape", ctx, errPtr);
        }
        parsed += String.fromCodePoint(value);
        sliceStart = ctx.p--;
        state = 0;
      } else if (isMultiline && (c === 32 || c === 9)) {
        state = 2;
      } else {
        if (c === 98)
          parsed += "\b";
        else if (c === 116)
          parsed += "	";
        else if (c === 110)
          parsed += "\n";
        else if (c === 102)
          parsed += "\f";
        else if (c === 114)
          parsed += "\r";
        else if (c === 101)
          parsed += "\x1B";
        else if (c === 34)
          parsed += '"';
        else if (c === 92)
          parsed += "\\";
        else
          TomlError.x("unrecognised escape sequence", ctx);
        sliceStart = ctx.p + 1;
        state = 0;
      }
    } else if (c !== 32 && c !== 9) {
      if (state === 2)
        TomlError.x("invalid escape: only line-ending whitespace may be escaped", ctx, sliceStart);
      state = !isLiteral && c === 92 ? 1 : 0;
      sliceStart = ctx.p;
    }
  }
  TomlError.x("unfinished string", ctx, startPtr);
}

// node_modules/smol-toml/dist/date.js
var DATE_TIME_RE = /^(\d{4}-\d{2}-\d{2})?[Tt ]?(?:(\d{2}):\d{2}(?::\d{2}(?:\.\d+)?)?)?(Z|z|[-+]\d{2}:\d{2})?$/i;
var TomlDate = class _TomlDate extends Date {
  #hasDate = false;
  #hasTime = false;
  #offset = null;
  constructor(date, fasttype, unsafeDelim) {
    let hasDate = true;
    let hasTime = true;
    let offset = "Z";
    let c;
    if (typeof date === "string") {
      if (fasttype)
        prep: {
          if (fasttype < 3) {
            if (+date.slice(11, 13) > 23) {
              date = "";
              break prep;
            }
            if (fasttype === 2) {
              offset = null;
              date += "Z";
            } else if ((c = date.charCodeAt(date.length - 1)) !== 90 && c !== 122) {
              offset = date.slice(date.length - 6);
            }
            if (unsafeDelim)
              date = date.slice(0, 10) + "T" + date.slice(11);
          } else if (fasttype === 4) {
            date = +date.slice(0, 2) > 23 ? "" : `0000-01-01T${date}Z`;
          }
          hasDate = fasttype !== 4;
          hasTime = fasttype !== 3;
        }
      else {
        let match = date.match(DATE_TIME_RE);
        if (match) {
          if (!match[1]) {
            hasDate = false;
            date = `0000-01-01T${date}`;
          }
          hasTime = !!match[2];
          hasTime && date[10] === " " && (date = date.replace(" ", "T"));
          if (match[2] && +match[2] > 23) {
            date = "";
          } else {
            offset = match[3] || null;
            if (!offset && hasTime)
              date += "Z";
          }
        } else {
          date = "";
        }
      }
    }
    super(date);
    if (!isNaN(this.getTime())) {
      this.#hasDate = hasDate;
      this.#hasTime = hasTime;
      this.#offset = offset;
    }
  }
  isDateTime() {
    return this.#hasDate && this.#hasTime;
  }
  isLocal() {
    return !this.#hasDate || !this.#hasTime || !this.#offset;
  }
  isDate() {
    return this.#hasDate && !this.#hasTime;
  }
  isTime() {
    return this.#hasTime && !this.#hasDate;
  }
  isValid() {
    return this.#hasDate || this.#hasTime;
  }
  toISOString() {
    let iso = super.toISOString();
    if (this.isDate())
      return iso.slice(0, 10);
    if (this.isTime())
      return iso.slice(11, 23);
    if (this.#offset === null)
      return iso.slice(0, -1);
    if (this.#offset === "Z" || this.#offset === "z")
      return iso;
    let offset = +this.#offset.slice(1, 3) * 60 + +this.#offset.slice(4, 6);
    offset = this.#offset[0] === "-" ? offset : -offset;
    let offsetDate = new Date(this.getTime() - offset * 6e4);
    return offsetDate.toISOString().slice(0, -1) + this.#offset;
  }
  static wrapAsOffsetDateTime(jsDate, offset = "Z") {
    let date = new _TomlDate(jsDate);
    date.#offset = offset;
    return date;
  }
  static wrapAsLocalDateTime(jsDate) {
    let date = new _TomlDate(jsDate);
    date.#offset = null;
    return date;
  }
  static wrapAsLocalDate(jsDate) {
    let date = new _TomlDate(jsDate);
    date.#hasTime = false;
    date.#offset = null;
    return date;
  }
  static wrapAsLocalTime(jsDate) {
    let date = new _TomlDate(jsDate);
    date.#hasDate = false;
    date.#offset = null;
    return date;
  }
};

// node_modules/smol-toml/dist/extract.js
function isDigit(char, base = 10) {
  return base === 16 ? char > 47 && char < 58 || char > 64 && char < 71 || char > 96 && char < 103 : char > 47 && char < 48 + base;
}
function isEndOfValue(char, delim) {
  return char === 32 || char === 9 || char === 10 || char === 13 || // Structure end or next value delimiter
  delim && (char === delim || char === 44) || // Comment
  char === 35;
}
function extractValue(ctx, end) {
  let errPtr = ctx.p;
  let c = ctx.s.charCodeAt(ctx.p);
  if (c === 91 || c === 123) {
    ctx.d-- || TomlError.x("document contains excessively nested structures. aborting.", ctx);
    let value = c === 91 ? parseArray(ctx) : parseInlineTable(ctx);
    ctx.d++;
    return value;
  }
  if (c === 34 || c === 39) {
    return parseString(ctx);
  }
  if (c === 116) {
    if (ctx.s.charCodeAt(++ctx.p) !== 114 || ctx.s.charCodeAt(++ctx.p) !== 117 || ctx.s.charCodeAt(++ctx.p) !== 101)
      TomlError.x("invalid value", ctx, errPtr);
    return ctx.p++, true;
  }
  if (c === 102) {
    if (ctx.s.charCodeAt(++ctx.p) !== 97 || ctx.s.charCodeAt(++ctx.p) !== 108 || ctx.s.charCodeAt(++ctx.p) !== 115 || ctx.s.charCodeAt(++ctx.p) !== 101)
      TomlError.x("invalid value", ctx, errPtr);
    return ctx.p++, false;
  }
  if (c === 43 || c === 45) {
    return parseNumber(ctx, ctx.p, ctx.s.charCodeAt(++ctx.p), 44 - c, end);
  }
  if (ctx.s.charCodeAt(ctx.p + 4) === 45 && ctx.s.charCodeAt(ctx.p + 7) === 45) {
    return parseDate(ctx, c, end);
  }
  if (ctx.s.charCodeAt(ctx.p + 2) === 58) {
    return parseTime(ctx, c, end);
  }
  return parseNumber(ctx, ctx.p, c, 0, end);
}
function parseNumber(ctx, startPtr, startChr, sign, endChr) {
  let c = startChr;
  let state = 0;
  let hasUnderscores = false;
  if (c === 105) {
    if (ctx.s.charCodeAt(++ctx.p) !== 110 || ctx.s.charCodeAt(++ctx.p) !== 102)
      TomlError.x("invalid value", ctx, startPtr);
    return ctx.p++, (sign || 1) / 0;
  }
  if (c === 110) {
    if (ctx.s.charCodeAt(++ctx.p) !== 97 || ctx.s.charCodeAt(++ctx.p) !== 110)
      TomlError.x("invalid value", ctx, startPtr);
    return ctx.p++, NaN;
  }
  if (c === 48) {
    if (++ctx.p >= ctx.s.length || isEndOfValue(c = ctx.s.charCodeAt(ctx.p), endChr))
      return ctx.bi === true ? 0n : 0;
    if (!sign) {
      if (c === 120)
        return parseIntegerBaseN(ctx, startPtr, 16, endChr);
      else if (c === 98)
        return parseIntegerBaseN(ctx, startPtr, 2, endChr);
      else if (c === 111)
        return parseIntegerBaseN(ctx, startPtr, 8, endChr);
    }
    if (c === 46)
      state = 2;
    else if (c === 101 || c === 69)
      state = 4;
    else
      TomlError.x("illegal leading zero", ctx, startPtr);
  } else if (!isDigit(c))
    TomlError.x("invalid value", ctx, startPtr);
  while (++ctx.p < ctx.s.length && (c = ctx.s.charCodeAt(ctx.p), !isEndOfValue(c, endChr))) {
    if (!state)
      state = 1;
    if (c === 95) {
      if (!(state & 1))
        TomlError.x("illegal underscore", ctx);
      state += 11;
      hasUnderscores = true;
    } else if (state === 1 && c === 46)
      state = 2;
    else if ((state === 1 || state === 3) && (c === 101 || c === 69))
      state = 4;
    else if (state === 4 && (c === 43 || c === 45)) {
      state = 6;
    } else if (!isDigit(c))
      TomlError.x(`illegal character in numeric literal`, ctx);
    else if (state > 9)
      state -= 11;
    else if (!(state & 1))
      state++;
  }
  if (!state) {
    let val = (startChr - 48) * (sign || 1);
    return ctx.bi === true ? BigInt(val) : val;
  }
  if (!(state & 1))
    TomlError.x("unfinished numeric value", ctx, startPtr);
  let str = ctx.s.slice(startPtr, ctx.p);
  if (hasUnderscores)
    str = str.replaceAll("_", "");
  return state > 1 ? parseFloat(str) : parseInteger(ctx, str, 10, startPtr);
}
function parseIntegerBaseN(ctx, startPtr, base, endChr) {
  let c, underscore = 1;
  while (++ctx.p < ctx.s.length && (c = ctx.s.charCodeAt(ctx.p), !isEndOfValue(c, endChr))) {
    if (c === 95) {
      if (underscore & 1)
        TomlError.x("illegal underscore", ctx);
      underscore = 3;
    } else if (!isDigit(c, base))
      TomlError.x(`illegal character in numeric literal`, ctx);
    else if (underscore & 1)
      underscore--;
  }
  if (underscore & 1)
    TomlError.x("unfinished numeric value", ctx);
  let str = ctx.s.slice(startPtr + 2, ctx.p);
  if (underscore)
    str = str.replaceAll("_", "");
  return parseInteger(ctx, str, base, startPtr);
}
function parseInteger(ctx, str, base, startPtr) {
  if (ctx.bi !== true)
    int: {
      let val = parseInt(str, base);
      if (!Number.isSafeInteger(val)) {
        if (ctx.bi)
          break int;
        TomlError.x("integer value cannot be represented losslessly", ctx, startPtr);
      }
      return val;
    }
  return base === 10 ? BigInt(str) : BigInt((base === 2 ? "0b" : base === 8 ? "0o" : "0x") + str);
}
function parseDate(ctx, c, endChr) {
  let startPtr = ctx.p++, unsafeSeparator;
  if (!isDigit(c) || !isDigit(ctx.s.charCodeAt(ctx.p++)) || !isDigit(ctx.s.charCodeAt(ctx.p++)) || !isDigit(ctx.s.charCodeAt(ctx.p++))) {
    return parseNumber(ctx, ctx.p = startPtr, c, 0, endChr);
  }
  ctx.p += 5;
  if (!isDigit(ctx.s.charCodeAt(ctx.p++)))
    TomlError.x("invalid date-time: date part is malformed", ctx, startPtr);
  if (ctx.p >= ctx.s.length || ((c = ctx.s.charCodeAt(ctx.p)) !== 32 || (unsafeSeparator = true, !isDigit(ctx.s.charCodeAt(ctx.p + 1)))) && c !== 84 && c !== 116) {
    let t2 = ctx.s.slice(startPtr, ctx.p);
    return readDate(ctx, t2, 3, false, startPtr);
  }
  if (ctx.s.charCodeAt(ctx.p += 3) !== 58)
    TomlError.x("invalid date-time: time part is malformed", ctx, startPtr);
  if (ctx.s.charCodeAt(ctx.p += 3) === 58)
    ctx.p += 3;
  if (ctx.s.charCodeAt(ctx.p) === 46)
    while (isDigit(ctx.s.charCodeAt(++ctx.p)))
      ;
  if (c = ctx.s.charCodeAt(ctx.p)) {
    if (c === 90 || c === 122) {
      let t2 = ctx.s.slice(startPtr, ++ctx.p);
      return readDate(ctx, t2, 1, unsafeSeparator, startPtr, "[+00:00]");
    }
    if (c === 43 || c === 45) {
      let t2 = ctx.s.slice(startPtr, ctx.p += 6);
      return readDate(ctx, t2, 1, unsafeSeparator, startPtr, !ctx.ld && "[" + ctx.s.slice(ctx.p - 6, ctx.p) + "]");
    }
  }
  let t = ctx.s.slice(startPtr, ctx.p);
  return readDate(ctx, t, 2, unsafeSeparator, startPtr);
}
function parseTime(ctx, c, endChr) {
  let start = ctx.p;
  if (!isDigit(c) || !isDigit(ctx.s.charCodeAt(++ctx.p))) {
    return parseNumber(ctx, --ctx.p, c, 0, endChr);
  }
  if (ctx.s.charCodeAt(ctx.p += 4) === 58)
    ctx.p += 3;
  if (ctx.s.charCodeAt(ctx.p) === 46)
    while (isDigit(ctx.s.charCodeAt(++ctx.p)))
      ;
  let t = ctx.s.slice(start, ctx.p);
  return readDate(ctx, t, 4, false, start);
}
function readDate(ctx, str, type, unsafeDelim, errPtr, temporalSuffix) {
  if (ctx.ld) {
    let date = new TomlDate(str, type, unsafeDelim);
    if (!date.isValid())
      TomlError.x("invalid date", ctx, errPtr);
    return date;
  }
  try {
    if (temporalSuffix)
      str += temporalSuffix;
    switch (type) {
      case 1:
        return Temporal.ZonedDateTime.from(str);
      case 2:
        return Temporal.PlainDateTime.from(str);
      case 3:
        return Temporal.PlainDate.from(str);
      case 4:
        return Temporal.PlainTime.from(str);
    }
  } catch (e) {
    TomlError.x(e instanceof Error ? e.message : "" + e, ctx, errPtr);
  }
}

// node_modules/smol-toml/dist/util.js
function skipComment(ctx) {
  for (; ctx.p < ctx.s.length; ctx.p++) {
    let c = ctx.s.charCodeAt(ctx.p);
    if (c === 10)
      break;
    if (c === 13 && ctx.s.charCodeAt(ctx.p + 1) === 10) {
      ctx.p++;
      break;
    }
    if (c < 32 && c !== 9 || c === 127) {
      TomlError.x("control characters are not allowed in comments", ctx);
    }
  }
}
function skipVoid(ctx, banNewLines, banComments) {
  let c;
  while (ctx.p < ctx.s.length) {
    while (ctx.p < ctx.s.length && ((c = ctx.s.charCodeAt(ctx.p)) === 32 || c === 9 || !banNewLines && (c === 10 || c === 13 && ctx.s.charCodeAt(ctx.p + 1) === 10)))
      ctx.p++;
    if (banComments || c !== 35)
      break;
    skipComment(ctx);
  }
}

// node_modules/smol-toml/dist/struct.js
function parseKey(ctx, end = 61) {
  let startPtr;
  let state = 0;
  let parsed = [];
  let sliceStart;
  let c = ctx.s.charCodeAt(startPtr = ctx.p);
  do {
    if (c === end) {
      if (!state)
        TomlError.x("unexpected end of key", ctx);
      if (state === 1)
        parsed.push(ctx.s.slice(sliceStart, ctx.p));
      return ctx.p++, parsed;
    } else if (c === 46) {
      if (!state)
        TomlError.x("illegal empty bare key", ctx);
      if (state === 1)
        parsed.push(ctx.s.slice(sliceStart, ctx.p));
      state = 0;
    } else if (!state && (c === 34 || c === 39)) {
      if (c === ctx.s.charCodeAt(ctx.p + 1) && c === ctx.s.charCodeAt(ctx.p + 2))
        TomlError.x("illegal quoted key: multiline strings are not allowed", ctx);
      parsed.push(parseString(ctx));
      state = 2;
      ctx.p--;
    } else if (c === 32 || c === 9) {
      if (state === 1) {
        parsed.push(ctx.s.slice(sliceStart, ctx.p));
        state = 2;
      }
    } else if (state === 2 || c < 48 && c !== 45 || c > 57 && c < 65 || c > 90 && c < 97 && c !== 95 || c > 122) {
      TomlError.x("illegal character in key", ctx);
    } else if (!state) {
      state = 1;
      sliceStart = ctx.p;
    }
  } while (c = ctx.s.charCodeAt(++ctx.p));
  TomlError.x("incomplete key-value: cannot find end of key", ctx, startPtr);
}
function parseInlineTable(ctx) {
  let startPtr = ctx.p++;
  let res = /* @__PURE__ */ Object.create(null);
  let seen = /* @__PURE__ */ new Set();
  let c;
  while (ctx.p < ctx.s.length) {
    skipVoid(ctx);
    if ((c = ctx.s.charCodeAt(ctx.p)) === 125) {
      ctx.p++;
      return res;
    }
    let k;
    let t = res;
    let hasOwn = false;
    let errPtr = ctx.p;
    let key = parseKey(ctx);
    for (let i = 0; i < key.length; i++) {
      if (i)
        t = hasOwn ? t[k] : t[k] = /* @__PURE__ */ Object.create(null);
      k = key[i];
      if ((hasOwn = Object.hasOwn(t, k)) && (typeof t[k] !== "object" || seen.has(t[k]))) {
        TomlError.x("trying to redefine an already defined value", ctx, errPtr);
      }
      let unsafe = k === "__proto__";
      if (ctx.uk && (unsafe || k === "constructor")) {
        t = ctx.uk !== 1 && TomlError.x("document contains an unsafe property", ctx, errPtr);
        break;
      }
      if (!hasOwn && unsafe) {
        Object.defineProperty(t, k, { enumerable: true, configurable: true, writable: true });
      }
    }
    if (hasOwn) {
      TomlError.x("trying to redefine an already defined value", ctx, errPtr);
    }
    skipVoid(ctx, true, true);
    let value = extractValue(
      ctx,
      125
      /* } */
    );
    if (t && typeof (t[k] = value) === "object")
      seen.add(value);
    skipVoid(ctx);
    if ((c = ctx.s.charCodeAt(ctx.p++)) === 125) {
      return res;
    }
    if (c !== 44)
      TomlError.x("expected comma or end of structure", ctx, ctx.p - 1);
  }
  TomlError.x("unfinished table", ctx, startPtr);
}
function parseArray(ctx) {
  let startPtr = ctx.p++;
  let res = [];
  let c;
  while (ctx.p < ctx.s.length) {
    skipVoid(ctx);
    if ((c = ctx.s.charCodeAt(ctx.p)) === 93) {
      ctx.p++;
      return res;
    }
    res.push(extractValue(
      ctx,
      93
      /* ] */
    ));
    skipVoid(ctx);
    if ((c = ctx.s.charCodeAt(ctx.p++)) === 93) {
      return res;
    }
    if (c !== 44)
      TomlError.x("expected comma or end of structure", ctx, ctx.p - 1);
  }
  TomlError.x("unfinished array", ctx, startPtr);
}

// node_modules/smol-toml/dist/parse.js
function peekTable(ctx, key, table, meta, type) {
  let t = table;
  let m = meta;
  let k;
  let hasOwn = false;
  let state;
  for (let i = 0; i < key.length; i++) {
    if (i) {
      t = hasOwn ? t[k] : t[k] = /* @__PURE__ */ Object.create(null);
      m = (state = m[k]).c;
      if (type === 0 && (state.t === 1 || state.t === 2)) {
        return null;
      }
      if (state.t === 2) {
        let l = t.length - 1;
        t = t[l];
        m = m[l].c;
      }
    }
    k = key[i];
    if ((hasOwn = Object.hasOwn(t, k)) && m[k]?.t === 0 && m[k]?.d) {
      return null;
    }
    if (!hasOwn) {
      let unsafe = k === "__proto__";
      if (ctx.uk && (unsafe || k === "constructor"))
        return false;
      if (unsafe) {
        Object.defineProperty(t, k, { enumerable: true, configurable: true, writable: true });
        Object.defineProperty(m, k, { enumerable: true, configurable: true, writable: true });
      }
      m[k] = {
        t: i < key.length - 1 && type === 2 ? 3 : type,
        d: false,
        i: 0,
        c: /* @__PURE__ */ Object.create(null)
      };
    }
  }
  state = m[k];
  if (state.t !== type && !(type === 1 && state.t === 3)) {
    return null;
  }
  if (type === 2) {
    if (!state.d) {
      state.d = true;
      t[k] = [];
    }
    t[k].push(t = /* @__PURE__ */ Object.create(null));
    state.c[state.i++] = state = { t: 1, d: false, i: 0, c: /* @__PURE__ */ Object.create(null) };
  }
  if (state.d) {
    return null;
  }
  state.d = true;
  if (type === 1) {
    t = hasOwn ? t[k] : t[k] = /* @__PURE__ */ Object.create(null);
  } else if (type === 0 && hasOwn) {
    return null;
  }
  return [k, t, state.c];
}
function validateTablePeek(ctx, peek, ptr) {
  if (peek === null || ctx.uk === 2)
    TomlError.x(peek === null ? "trying to redefine an already defined table or value" : "document contains an unsafe property", ctx, ptr);
}
function parse(toml, options = {}) {
  let ctx = {
    s: toml,
    p: 0,
    d: options.maxDepth ?? 1e3,
    bi: options.integersAsBigInt ?? false,
    ld: options.useLegacyDate ?? true,
    uk: options.unsafeKeyBehaviour === "throw" ? 2 : options.unsafeKeyBehaviour === "drop" ? 1 : 0
  };
  let res = /* @__PURE__ */ Object.create(null);
  let meta = /* @__PURE__ */ Object.create(null);
  let tmp;
  let skipping = false;
  let tbl = res;
  let m = meta;
  if (toml.charCodeAt(0) === 65279)
    ctx.p++;
  skipVoid(ctx);
  while (ctx.p < toml.length) {
    if (toml.charCodeAt(ctx.p) === 91) {
      let isTableArray = toml.charCodeAt(++ctx.p) === 91;
      tmp = ctx.p += +isTableArray;
      skipping = false;
      let k = parseKey(
        ctx,
        93
        /* ] */
      );
      if (isTableArray) {
        if (toml.charCodeAt(ctx.p) !== 93) {
          TomlError.x("expected end of table array declaration", ctx);
        }
        ctx.p++;
      }
      let p = peekTable(
        ctx,
        k,
        res,
        meta,
        isTableArray ? 2 : 1
        /* Type.EXPLICIT */
      );
      if (!p) {
        validateTablePeek(ctx, p, tmp);
        skipping = true;
      } else {
        m = p[2];
        tbl = p[1];
      }
    } else {
      tmp = ctx.p;
      let k = parseKey(ctx);
      let p = peekTable(
        ctx,
        k,
        tbl,
        m,
        0
        /* Type.DOTTED */
      );
      if (!p && !skipping)
        validateTablePeek(ctx, p, tmp);
      skipVoid(ctx, true, true);
      let v = extractValue(ctx, void 0);
      if (p && !skipping)
        p[1][p[0]] = v;
    }
    skipVoid(ctx, true);
    if (ctx.p < toml.length && (tmp = toml.charCodeAt(ctx.p)) !== 10 && (tmp !== 13 || toml.charCodeAt(ctx.p + 1) !== 10)) {
      TomlError.x("each key-value declaration must be followed by an end-of-line", ctx);
    }
    skipVoid(ctx);
  }
  return res;
}

// node_modules/smol-toml/dist/stringify.js
var HAS_WELLFORMED = !!"".isWellFormed;

// src/core/config/toml-positions.ts
function pathText(path) {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += (out ? "." : "") + (/^[A-Za-z0-9_-]+$/.test(part) ? part : JSON.stringify(part));
  }
  return out;
}
var id = (path) => JSON.stringify(path);
var ESCAPES = { b: "\b", t: "	", n: "\n", f: "\f", r: "\r", e: "\x1B", '"': '"', "\\": "\\" };
var TomlPositions = class {
  entries = /* @__PURE__ */ new Map();
  s;
  i = 0;
  line = 1;
  lineStart = 0;
  constructor(text) {
    this.s = text;
    if (text.charCodeAt(0) === 65279) this.i = this.lineStart = 1;
    this.scanDocument();
  }
  /** Position of the key (or table header) at `path`, else of its nearest recorded ancestor. */
  key(path) {
    return this.nearest(path)?.key;
  }
  /** Position of the value at `path` (falls back to its key, then to the nearest ancestor). */
  value(path) {
    const e = this.nearest(path);
    return e && (e.value ?? e.key);
  }
  nearest(path) {
    for (let n = path.length; n > 0; n--) {
      const e = this.entries.get(id(path.slice(0, n)));
      if (e) return e;
    }
    return void 0;
  }
  record(path, key, value, overwrite = true) {
    const k = id(path);
    if (overwrite || !this.entries.has(k)) this.entries.set(k, { key, value });
  }
  /** Dotted keys and headers define their parent tables implicitly, at the place they are written. */
  recordParents(path, from, at) {
    for (let n = from + 1; n < path.length; n++) this.record(path.slice(0, n), at, void 0, false);
  }
  // ---- character level ----
  pos() {
    return { line: this.line, col: this.i - this.lineStart + 1 };
  }
  advance(n = 1) {
    for (let k = 0; k < n && this.i < this.s.length; k++) {
      if (this.s[this.i] === "\n") {
        this.line++;
        this.lineStart = this.i + 1;
      }
      this.i++;
    }
  }
  ch() {
    return this.s[this.i];
  }
  skipSpaces() {
    while (this.ch() === " " || this.ch() === "	") this.advance();
  }
  /** Spaces, newlines and comments. */
  skipTrivia() {
    for (; ; ) {
      this.skipSpaces();
      if (this.ch() === "#") this.skipLine();
      else if (this.ch() === "\n" || this.ch() === "\r") this.advance();
      else return;
    }
  }
  skipLine() {
    while (this.i < this.s.length && this.ch() !== "\n") this.advance();
  }
  // ---- structure ----
  scanDocument() {
    let table = [];
    const arrayLengths = /* @__PURE__ */ new Map();
    while (this.i < this.s.length) {
      this.skipTrivia();
      if (this.i >= this.s.length) break;
      const start = this.pos();
      if (this.ch() === "[") {
        const isArray = this.s[this.i + 1] === "[";
        this.advance(isArray ? 2 : 1);
        this.skipSpaces();
        const parts2 = this.readKey();
        if (parts2) table = this.resolveHeader(parts2, isArray, arrayLengths, start);
        this.skipLine();
        continue;
      }
      const keyPos = this.pos();
      const parts = this.readKey();
      this.skipSpaces();
      if (!parts || this.ch() !== "=") {
        this.skipLine();
        continue;
      }
      this.advance();
      this.skipSpaces();
      const full = [...table, ...parts];
      this.recordParents(full, table.length, keyPos);
      this.record(full, keyPos, this.pos());
      this.scanValue(full);
      this.skipLine();
    }
  }
  /** Turns `[a.b]` / `[[a.b]]` into a concrete path, indexing into arrays of tables on the way. */
  resolveHeader(parts, isArray, lengths, at) {
    const resolved = [];
    parts.forEach((part, n) => {
      resolved.push(part);
      const k = id(resolved);
      if (n === parts.length - 1 && isArray) {
        const count = lengths.get(k) ?? 0;
        lengths.set(k, count + 1);
        this.record(resolved, at, void 0, false);
        resolved.push(count);
      } else {
        const count = lengths.get(k);
        if (count !== void 0) resolved.push(count - 1);
        else if (n < parts.length - 1) this.record(resolved, at, void 0, false);
      }
    });
    this.record(resolved, at);
    return resolved;
  }
  /** A dotted key (`a."b.c".'d'`), or undefined if the text here is not a key. */
  readKey() {
    const parts = [];
    for (; ; ) {
      const part = this.readKeyPart();
      if (part === void 0) return void 0;
      parts.push(part);
      this.skipSpaces();
      if (this.ch() !== ".") return parts;
      this.advance();
      this.skipSpaces();
    }
  }
  readKeyPart() {
    const c = this.ch();
    if (c === '"') return this.readBasicString();
    if (c === "'") {
      this.advance();
      const from2 = this.i;
      while (this.i < this.s.length && this.ch() !== "'" && this.ch() !== "\n") this.advance();
      const text = this.s.slice(from2, this.i);
      this.advance();
      return text;
    }
    const from = this.i;
    while (/[A-Za-z0-9_-]/.test(this.ch() ?? "")) this.advance();
    return this.i > from ? this.s.slice(from, this.i) : void 0;
  }
  readBasicString() {
    this.advance();
    let out = "";
    while (this.i < this.s.length && this.ch() !== '"' && this.ch() !== "\n") {
      if (this.ch() === "\\") {
        const e = this.s[this.i + 1] ?? "";
        const width = e === "u" ? 4 : e === "U" ? 8 : e === "x" ? 2 : 0;
        if (width) {
          out += String.fromCodePoint(parseInt(this.s.slice(this.i + 2, this.i + 2 + width), 16) || 65533);
          this.advance(2 + width);
        } else {
          out += ESCAPES[e] ?? e;
          this.advance(2);
        }
      } else {
        out += this.ch();
        this.advance();
      }
    }
    this.advance();
    return out;
  }
  scanValue(path) {
    const c = this.ch();
    if (c === '"' || c === "'") return this.skipString(c);
    if (c === "[") return this.scanArray(path);
    if (c === "{") return this.scanInlineTable(path);
    while (this.i < this.s.length && !",]}#\r\n".includes(this.ch())) this.advance();
  }
  skipString(quote) {
    const triple = quote.repeat(3);
    const escapes = quote === '"';
    if (this.s.startsWith(triple, this.i)) {
      this.advance(3);
      while (this.i < this.s.length) {
        if (escapes && this.ch() === "\\") this.advance(2);
        else if (this.s.startsWith(triple, this.i)) {
          this.advance(3);
          for (let extra = 0; extra < 2 && this.ch() === quote; extra++) this.advance();
          return;
        } else this.advance();
      }
      return;
    }
    this.advance();
    while (this.i < this.s.length && this.ch() !== quote && this.ch() !== "\n") this.advance(escapes && this.ch() === "\\" ? 2 : 1);
    this.advance();
  }
  scanArray(path) {
    this.advance();
    for (let index = 0; ; index++) {
      this.skipTrivia();
      if (this.i >= this.s.length) return;
      if (this.ch() === "]") return this.advance();
      const at = this.pos();
      const element = [...path, index];
      this.record(element, at, at);
      const before = this.i;
      this.scanValue(element);
      this.skipTrivia();
      if (this.ch() === ",") this.advance();
      else if (this.ch() === "]") return this.advance();
      else if (this.i === before) return;
    }
  }
  scanInlineTable(path) {
    this.advance();
    for (; ; ) {
      this.skipTrivia();
      if (this.i >= this.s.length) return;
      if (this.ch() === "}") return this.advance();
      const at = this.pos();
      const parts = this.readKey();
      this.skipSpaces();
      if (!parts || this.ch() !== "=") return;
      this.advance();
      this.skipSpaces();
      const full = [...path, ...parts];
      this.recordParents(full, path.length, at);
      this.record(full, at, this.pos());
      this.scanValue(full);
      this.skipTrivia();
      if (this.ch() === ",") this.advance();
      else if (this.ch() === "}") return this.advance();
      else return;
    }
  }
};

// src/core/config/toml-reader.ts
var SYNTAX_HINTS = [
  [/redefine/, "each [section] and key may appear only once: merge the two, or give the second one another name"],
  [/unsafe property/, "keys named `__proto__` or `constructor` are not accepted: rename the key"],
  [/escape/, `inside "\u2026" a backslash starts an escape: write \\\\ for a backslash, or use a '\u2026' literal string (handy for Windows paths)`],
  [/unfinished string|control characters are not allowed in strings/, 'close the string with its quote on the same line; use """\u2026""" for text over several lines'],
  [/unfinished array|expected comma/, 'separate the items with commas and close the array with ], e.g. args = ["s32:1", "s32:2"]'],
  [/illegal character in key|end of key|empty bare key/, 'quote keys that contain anything but letters, digits, - and _, e.g. "wasi:http" = "0.2.0"'],
  [/end-of-line/, "put each key = value on its own line; a comment starts with #"],
  [/invalid value/, 'quote text values ("rust"), write booleans as true/false and lists as ["a", "b"]']
];
function headerHint(line) {
  const t = line.trim();
  if (!t.startsWith("[")) return void 0;
  if (!/\]\s*(#.*)?$/.test(t)) return "close the section header with ] (or ]] for [[component]] and [[test]])";
  if (/^\[[^\]"']*:/.test(t)) return 'quote section names that contain ":" \u2014 e.g. [dependencies."acme:calc"]';
  return void 0;
}
function floatText(n) {
  if (Number.isNaN(n)) return "nan";
  if (!Number.isFinite(n)) return n > 0 ? "inf" : "-inf";
  const s = String(n);
  return /^-?\d+$/.test(s) ? `${s}.0` : s;
}
function describeValue(v) {
  if (typeof v === "string") return `a string (${JSON.stringify(v.length > 40 ? `${v.slice(0, 37)}...` : v)})`;
  if (typeof v === "bigint") return `an integer (${v})`;
  if (typeof v === "number") return `a float (${floatText(v)})`;
  if (typeof v === "boolean") return `a boolean (${v})`;
  if (Array.isArray(v)) return "an array";
  if (v instanceof Date) return "a date-time";
  return "a table";
}
function isTable(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof Date);
}
function keyText(key) {
  return /^[A-Za-z0-9_-]+$/.test(key) ? key : JSON.stringify(key);
}
var TomlReader = class {
  constructor(text, file) {
    this.text = text;
    this.file = file;
    try {
      this.root = parse(text, { integersAsBigInt: true, unsafeKeyBehaviour: "throw" });
    } catch (err) {
      if (!(err instanceof TomlError)) throw err;
      const message = err.message.split("\n")[0].replace(/^Invalid TOML document: /, "");
      const hint = headerHint(text.split("\n")[err.line - 1] ?? "") ?? SYNTAX_HINTS.find(([re]) => re.test(message))?.[1] ?? "see https://toml.io/en/v1.0.0 for the syntax";
      throw new ConfigSyntaxError(`invalid TOML: ${message}`, {
        location: { file, line: err.line, col: err.column },
        hint
      });
    }
  }
  text;
  file;
  root;
  warnings = [];
  positions;
  /** Where `path` is written: its key (or header), or its value. */
  location(path, part = "value") {
    if (path.length === 0) return { file: this.file };
    this.positions ??= new TomlPositions(this.text);
    const p = part === "key" ? this.positions.key(path) : this.positions.value(path);
    return p ? { file: this.file, line: p.line, col: p.col } : { file: this.file };
  }
  section(path, table) {
    return new Section(this, path, table);
  }
  warn(path, message) {
    this.warnings.push({ message, location: this.location(path, "key") });
  }
  typeError(path, expected, found, hint) {
    return new ConfigTypeError(`\`${pathText(path)}\`: expected ${expected}, found ${describeValue(found)}`, {
      location: this.location(path),
      hint
    });
  }
  valueError(path, message, hint, part = "value") {
    return new ConfigValueError(message, { location: this.location(path, part), hint });
  }
  missing(tablePath, key, hint) {
    const where = tablePath.length ? `in [${pathText(tablePath)}]` : "at the top level";
    return new ConfigMissingKeyError(`missing \`${key}\` ${where}`, { location: this.location(tablePath, "key"), hint });
  }
};
var Section = class _Section {
  constructor(reader, path, table) {
    this.reader = reader;
    this.path = path;
    this.table = table;
  }
  reader;
  path;
  table;
  at(key) {
    return [...this.path, key];
  }
  location(key, part = "value") {
    return this.reader.location(key === void 0 ? this.path : this.at(key), part);
  }
  typeError(key, expected, example) {
    return this.reader.typeError(this.at(key), expected, this.table[key], `write ${keyText(key)} = ${example}`);
  }
  string(key, example = '"\u2026"') {
    const v = this.table[key];
    if (v === void 0 || typeof v === "string") return v;
    throw this.typeError(key, "a string", example);
  }
  requiredString(key, example) {
    const v = this.string(key, example);
    if (v === void 0) throw this.reader.missing(this.path, key, `add ${keyText(key)} = ${example}`);
    return v;
  }
  bool(key) {
    const v = this.table[key];
    if (v === void 0 || typeof v === "boolean") return v;
    throw this.typeError(key, "a boolean", "true (or false, without quotes)");
  }
  /** A whole number in [min, max]; `example` shows the unquoted form in the hint. */
  integer(key, min, max, example) {
    const v = this.table[key];
    if (v === void 0) return void 0;
    if (typeof v !== "bigint") throw this.typeError(key, "an integer", `${example} (a whole number, without quotes)`);
    if (v < BigInt(min) || v > BigInt(max)) {
      throw this.reader.valueError(this.at(key), `\`${pathText(this.at(key))}\` = ${v} is out of range`, `use a whole number from ${min} to ${max}`);
    }
    return Number(v);
  }
  stringArray(key, example = '["\u2026"]') {
    const v = this.table[key];
    if (v === void 0) return void 0;
    if (!Array.isArray(v)) throw this.typeError(key, "an array of strings", example);
    v.forEach((item, n) => {
      if (typeof item !== "string") {
        throw this.reader.typeError(this.at(key).concat(n), "a string", item, `quote every item: ${keyText(key)} = ${example}`);
      }
    });
    return v;
  }
  /** A sub-table (written as [path.key] or key = { … }). */
  section(key, example = "{ \u2026 }") {
    const v = this.table[key];
    if (v === void 0) return void 0;
    if (!isTable(v)) throw this.typeError(key, "a table", `${example} (or a [${pathText(this.at(key))}] section)`);
    return new _Section(this.reader, this.at(key), v);
  }
  /** A table whose values are all strings (environment variables, import links). */
  stringMap(key, example) {
    const s = this.section(key, example);
    if (!s) return void 0;
    const out = {};
    for (const [k, v] of Object.entries(s.table)) {
      if (typeof v !== "string") throw s.typeError(k, "a string", '"\u2026"');
      out[k] = v;
    }
    return out;
  }
  /** Warns once per key this reader does not know, suggesting the closest known one. */
  warnUnknownKeys(known, ignoredNote = "it is ignored") {
    for (const key of Object.keys(this.table)) {
      if (known.includes(key)) continue;
      const near = closest(key, known);
      const where = this.path.length ? `in [${pathText(this.path)}]` : "at the top level";
      this.reader.warn(this.at(key), `unknown key \`${key}\` ${where}; ${ignoredNote}${near ? ` (did you mean \`${near}\`?)` : ""}`);
    }
  }
};

// src/core/config/components.ts
var COMPONENT_KEYS = ["path", "source", "language", "build", "wit", "world", "capabilities", "dependencies", "imports", "env"];
var UPSTREAM_UNUSED_KEYS = ["restart", "health_check"];
var NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
var INTERFACE = /^[A-Za-z][A-Za-z0-9-]*(?::[A-Za-z][A-Za-z0-9-]*)+(?:\/[A-Za-z][A-Za-z0-9-]*)+(?:@[0-9A-Za-z.+-]+)?$/;
var LANGUAGE_LIST = Object.entries(
  Object.entries(LANGUAGE_ALIASES).reduce((acc, [alias, lang]) => {
    (acc[lang] ??= []).push(alias);
    return acc;
  }, {})
).map(([lang, aliases]) => aliases.length > 1 ? `${lang} (${aliases.filter((a) => a !== lang).join(", ")})` : lang).join(", ");
function componentDeclaration(name, dialect) {
  return dialect === "code" ? `[components.${name}]` : `[[component]] with name = "${name}"`;
}
function knownComponentsNote(name, names) {
  if (names.length === 0) return "no components are defined";
  const near = closest(name, names);
  return `${near ? `did you mean \`${near}\`? ` : ""}defined components: ${names.join(", ")}`;
}
function readComponents(reader, root, dialect) {
  const read = [];
  const add = (s, name, namePath) => {
    const part = namePath.length === s.path.length ? "key" : "value";
    if (!NAME.test(name)) {
      throw reader.valueError(namePath, `component name ${JSON.stringify(name)} is not usable as a file name`, 'use letters, digits, "-", "_" and "." (not first), e.g. "calc" or "py-worker"', part);
    }
    const first = read.find((r) => r.component.name === name);
    if (first) {
      throw reader.valueError(namePath, `component "${name}" is defined twice (first at line ${first.component.location.line ?? "?"})`, "give each component its own name", part);
    }
    read.push({ component: readComponent(s, name), path: s.path });
  };
  const code2 = root.components;
  if (code2 !== void 0) {
    if (!isTable(code2)) {
      throw reader.typeError(["components"], "a table of components", code2, 'write one [components.<name>] section per component (or [[component]] with name = "\u2026")');
    }
    for (const [name, value] of Object.entries(code2)) {
      if (isTable(value)) add(reader.section(["components", name], value), name, ["components", name]);
      else reader.warn(["components", name], `\`components.${name}\` is not a component table; it is ignored (write [components.${name}] with path = "\u2026" or source = "\u2026")`);
    }
  }
  const documented = root.component;
  if (documented !== void 0) {
    if (!Array.isArray(documented)) {
      throw reader.typeError(["component"], "an array of tables [[component]]", documented, 'write each component as [[component]] with name = "\u2026" (or as [components.<name>])');
    }
    documented.forEach((value, i) => {
      if (!isTable(value)) throw reader.typeError(["component", i], "a table", value, 'write each component as [[component]] with name = "\u2026"');
      const s = reader.section(["component", i], value);
      add(s, s.requiredString("name", '"calc"'), ["component", i, "name"]);
    });
  }
  checkLinks(reader, read, dialect);
  return read.map((r) => r.component);
}
function readComponent(s, name) {
  s.warnUnknownKeys([...COMPONENT_KEYS, ...UPSTREAM_UNUSED_KEYS, ...s.path[0] === "component" ? ["name"] : []]);
  const component = {
    name,
    capabilities: [],
    dependencies: s.stringArray("dependencies", '["other-component"]') ?? [],
    imports: s.stringMap("imports", '{ "example:calculator/math" = "calculator" }') ?? {},
    env: s.stringMap("env", '{ LOG_LEVEL = "debug" }') ?? {},
    // A getter: positions cost a scan of the text, paid only if someone asks.
    get location() {
      return s.location(void 0, "key");
    }
  };
  for (const key of ["path", "source", "build", "wit", "world"]) {
    const v = s.string(key);
    if (v !== void 0) component[key] = v;
  }
  const language = s.string("language", '"rust"');
  if (language !== void 0) {
    const lang = languageFromName(language);
    if (!lang) {
      const near = closest(language, Object.keys(LANGUAGE_ALIASES));
      throw s.reader.valueError(s.at("language"), `unknown language ${JSON.stringify(language)}${near ? ` (did you mean \`${near}\`?)` : ""}`, `write language = one of: ${LANGUAGE_LIST}; or leave it out to detect it from the source`);
    }
    component.language = lang;
  }
  (s.stringArray("capabilities", '["stdout", "clock"]') ?? []).forEach((text, n) => {
    try {
      component.capabilities.push(parseCapability(text, { file: s.reader.file }));
    } catch (err) {
      if (!(err instanceof ConfigValueError)) throw err;
      throw new ConfigValueError(err.message, { location: s.reader.location(s.at("capabilities").concat(n)), ...err.hint ? { hint: err.hint } : {} });
    }
  });
  return component;
}
function checkLinks(reader, read, dialect) {
  const names = read.map((r) => r.component.name);
  for (const { component, path } of read) {
    for (const [iface, provider] of Object.entries(component.imports)) {
      const at = [...path, "imports", iface];
      if (!INTERFACE.test(iface)) {
        throw reader.valueError(at, `${JSON.stringify(iface)} is not an interface name`, 'key imports by the imported interface, e.g. imports = { "example:calculator/math" = "calculator" }', "key");
      }
      if (provider === component.name) {
        throw reader.valueError(at, `component "${component.name}" cannot provide its own import ${JSON.stringify(iface)}`, "name the component that exports this interface");
      }
      if (!names.includes(provider)) {
        throw reader.valueError(at, `import ${JSON.stringify(iface)} names component "${provider}", which is not defined`, `${knownComponentsNote(provider, names)}; or add ${componentDeclaration(provider, dialect)}`);
      }
    }
    component.dependencies.forEach((dep, n) => {
      if (!names.includes(dep)) reader.warn([...path, "dependencies", n], `component "${component.name}" depends on "${dep}", which is not a component of this project (${knownComponentsNote(dep, names)})`);
    });
  }
}

// src/core/config/units.ts
var SIZE_UNITS = { b: 1, kib: 1024, mib: 1024 ** 2, gib: 1024 ** 3 };
var DURATION_UNITS = { ms: 1, s: 1e3, m: 6e4, h: 36e5 };
function scaled(text, units) {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([A-Za-z]+)\s*$/.exec(text);
  const factor = m && units[m[2].toLowerCase()];
  if (!m || !factor) return void 0;
  const value = Number(m[1]) * factor;
  return Number.isSafeInteger(value) ? value : void 0;
}
function parseByteSize(text) {
  return scaled(text, SIZE_UNITS);
}
function parseDuration(text) {
  return scaled(text, DURATION_UNITS);
}

// src/core/config/project-sections.ts
var PROJECT_KEYS = ["name", "version", "description", "authors", "license", "repository"];
var DEPENDENCY_KEYS = ["version", "optional", "git", "path", "features"];
var BUILD_KEYS = ["output_dir", "target", "opt_level", "debug", "reproducible", "source_date_epoch"];
var REGISTRY_KEYS = ["url", "mirrors", "auth_token"];
var RUN_KEYS = ["policy", "memory", "timeout", "output_cap"];
var POLICIES = ["strict", "virtual", "dev"];
var SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;
var DEFAULT_REGISTRY_URL = "https://registry.esubalew.dev";
function isSemver(text) {
  return SEMVER.test(text);
}
function semverSuggestion(text) {
  const t = text.trim().replace(/^v/i, "");
  if (isSemver(t)) return t;
  if (/^\d+$/.test(t)) return `${t}.0.0`;
  if (/^\d+\.\d+$/.test(t)) return `${t}.0`;
  return "1.0.0";
}
function readProject(s) {
  const project = { name: "unnamed", version: "0.1.0", authors: [] };
  if (!s) return project;
  s.warnUnknownKeys(PROJECT_KEYS);
  project.name = s.string("name", '"my-app"') ?? project.name;
  const version = s.string("version", '"1.0.0"');
  if (version !== void 0) {
    if (!isSemver(version)) {
      throw s.reader.valueError(s.at("version"), `project version ${JSON.stringify(version)} is not a semantic version`, `write version = "${semverSuggestion(version)}" (MAJOR.MINOR.PATCH)`);
    }
    project.version = version;
  }
  project.authors = s.stringArray("authors", '["Jane Doe <jane@example.org>"]') ?? [];
  for (const key of ["description", "license", "repository"]) {
    const v = s.string(key);
    if (v !== void 0) project[key] = v;
  }
  return project;
}
function readDependencies(s, into) {
  if (!s) return;
  for (const [name, value] of Object.entries(s.table)) {
    const parts = name.split(":");
    if (parts.length !== 2 || !parts[0] || !parts[1]) {
      throw s.reader.valueError(s.at(name), `dependency name ${JSON.stringify(name)} is not "<namespace>:<name>"`, `name registry packages with their namespace, e.g. "wasi:logging" = "0.1.0"`, "key");
    }
    if (into.some((d2) => d2.name === name)) {
      throw s.reader.valueError(s.at(name), `dependency ${JSON.stringify(name)} is listed twice`, "keep one entry per package (dev-dependencies and dev_dependencies are the same section)", "key");
    }
    if (typeof value === "string") {
      into.push({ name, version: value, optional: false, features: [] });
      continue;
    }
    if (!isTable(value)) {
      throw s.reader.typeError(s.at(name), "a version string or a table", value, `write "${name}" = "1.0.0" or "${name}" = { version = "1.0.0" }`);
    }
    const d = s.section(name);
    d.warnUnknownKeys(DEPENDENCY_KEYS);
    const dep = {
      name,
      version: d.string("version", '"1.0.0"') ?? "",
      optional: d.bool("optional") ?? false,
      features: d.stringArray("features", '["fast"]') ?? []
    };
    const git = d.string("git");
    const path = d.string("path");
    if (git !== void 0) dep.git = git;
    if (path !== void 0) dep.path = path;
    into.push(dep);
  }
}
function readBuild(s) {
  s?.warnUnknownKeys(BUILD_KEYS);
  const build = {
    outputDir: s?.string("output_dir", '"target/wasm"') ?? "target/wasm",
    target: s?.string("target", '"wasm32-wasip2"') ?? "wasm32-wasip2",
    optLevel: s?.string("opt_level", '"release"') ?? "release",
    debug: s?.bool("debug") ?? false,
    reproducible: s?.bool("reproducible") ?? false
  };
  const epoch = s?.integer("source_date_epoch", 0, Number.MAX_SAFE_INTEGER, "1700000000");
  if (epoch !== void 0) build.sourceDateEpoch = epoch;
  return build;
}
function checkUrl(s, path, url) {
  let ok = false;
  try {
    ok = ["http:", "https:"].includes(new URL(url).protocol);
  } catch {
    ok = false;
  }
  if (!ok) throw s.reader.valueError(path, `${JSON.stringify(url)} is not an http(s) URL`, `write a full URL, e.g. url = "${DEFAULT_REGISTRY_URL}"`);
}
function readRegistry(s) {
  const registry = { url: DEFAULT_REGISTRY_URL, mirrors: [] };
  if (!s) return registry;
  s.warnUnknownKeys(REGISTRY_KEYS);
  const url = s.string("url", `"${DEFAULT_REGISTRY_URL}"`);
  if (url !== void 0) {
    checkUrl(s, s.at("url"), url);
    registry.url = url;
  }
  registry.mirrors = s.stringArray("mirrors", '["https://mirror.example.org"]') ?? [];
  registry.mirrors.forEach((m, n) => checkUrl(s, s.at("mirrors").concat(n), m));
  const token = s.string("auth_token");
  if (token !== void 0) registry.authToken = token;
  return registry;
}
var MEMORY = { key: "memory", range: [1, 65536], parse: parseByteSize, unit: 1024 * 1024, unitName: "MiB", form: "a size in B, KiB, MiB or GiB", example: '"256MiB"' };
var TIMEOUT = { key: "timeout", range: [1, 864e5], parse: parseDuration, unit: 1, unitName: "ms", form: "a duration in ms, s, m or h", example: '"30s"' };
var OUTPUT_CAP = { key: "output_cap", range: [1, 1024 ** 3], parse: parseByteSize, unit: 1, unitName: "bytes", form: "a size in B, KiB, MiB or GiB", example: '"1MiB"' };
function quantity(s, q) {
  const hint = `write ${q.key} = <whole number of ${q.unitName}, from ${q.range[0]} to ${q.range[1]}> or a string such as ${q.key} = ${q.example}`;
  const v = s.table[q.key];
  if (typeof v !== "string") {
    if (v !== void 0 && typeof v !== "bigint") throw s.reader.typeError(s.at(q.key), `an integer (${q.unitName}) or a string with a unit`, v, hint);
    return s.integer(q.key, q.range[0], q.range[1], q.example);
  }
  const amount = q.parse(v);
  const inUnit = amount === void 0 ? void 0 : amount / q.unit;
  if (inUnit === void 0 || !Number.isInteger(inUnit) || inUnit < q.range[0] || inUnit > q.range[1]) {
    const why = amount === void 0 ? `is not ${q.form}` : `is not a whole number of ${q.unitName} from ${q.range[0]} to ${q.range[1]}`;
    throw s.reader.valueError(s.at(q.key), `\`${pathText(s.at(q.key))}\` = ${JSON.stringify(v)} ${why}`, hint);
  }
  return inUnit;
}
function readRun(s) {
  const run = { policy: "strict", memoryMiB: 256, timeoutMs: 3e4, outputCapBytes: 1024 * 1024 };
  if (!s) return run;
  s.warnUnknownKeys(RUN_KEYS);
  const policy = s.string("policy", '"strict"');
  if (policy !== void 0) {
    if (!POLICIES.includes(policy)) {
      const near = closest(policy, POLICIES);
      throw s.reader.valueError(s.at("policy"), `unknown policy ${JSON.stringify(policy)}${near ? ` (did you mean \`${near}\`?)` : ""}`, `write policy = "strict", "virtual" or "dev"`);
    }
    run.policy = policy;
  }
  run.memoryMiB = quantity(s, MEMORY) ?? run.memoryMiB;
  run.timeoutMs = quantity(s, TIMEOUT) ?? run.timeoutMs;
  run.outputCapBytes = quantity(s, OUTPUT_CAP) ?? run.outputCapBytes;
  return run;
}

// src/core/config/test-cases.ts
var TEST_KEYS = ["component", "function", "args", "expect", "expected", "expect_error", "expect_exit", "expect_stdout"];
var VALUE_HINT = 'write a typed value such as "s32:5", "string:hello" or a WAVE value like "[1, 2]"';
function valueText(reader, path, v) {
  if (typeof v === "string") return v;
  if (typeof v === "bigint" || typeof v === "boolean") return String(v);
  if (typeof v === "number") return floatText(v);
  throw reader.typeError(path, "a value written as a string", v, VALUE_HINT);
}
function readTest(s, name, dialect) {
  s.warnUnknownKeys(dialect === "documented" ? [...TEST_KEYS, "name"] : TEST_KEYS);
  const test = {
    name,
    component: s.requiredString("component", '"calc"'),
    function: s.requiredString("function", '"add"'),
    args: [],
    get location() {
      return s.location(void 0, "key");
    }
  };
  const args = s.table.args;
  if (args !== void 0) {
    if (!Array.isArray(args)) throw s.reader.typeError(s.at("args"), "an array", args, 'write args = ["s32:2", "s32:3"] (one item per parameter)');
    test.args = args.map((a, n) => valueText(s.reader, s.at("args").concat(n), a));
  }
  if (s.table.expect !== void 0 && s.table.expected !== void 0) {
    throw s.reader.valueError(s.at("expected"), "both `expect` and `expected` are set", "keep one: `expected` is the documented spelling of `expect`", "key");
  }
  const expectKey = s.table.expect !== void 0 ? "expect" : "expected";
  if (s.table[expectKey] !== void 0) test.expect = valueText(s.reader, s.at(expectKey), s.table[expectKey]);
  const expectError = s.string("expect_error", '"division by zero"');
  const expectExit = s.integer("expect_exit", -(2 ** 31), 2 ** 31 - 1, "0");
  const expectStdout = s.string("expect_stdout", '"hello\\n"');
  if (expectError !== void 0) test.expectError = expectError;
  if (expectExit !== void 0) test.expectExit = expectExit;
  if (expectStdout !== void 0) test.expectStdout = expectStdout;
  return test;
}
function readTests(reader, root, components, dialect) {
  const tests = [];
  const code2 = root.tests;
  if (code2 !== void 0) {
    if (!isTable(code2)) throw reader.typeError(["tests"], "a table of tests", code2, "write one [tests.<name>] section per test");
    for (const [name, value] of Object.entries(code2)) {
      if (!isTable(value)) reader.warn(["tests", name], `\`tests.${name}\` is not a test table; it is ignored (write [tests.<name>] with component, function, args, expect)`);
      else tests.push({ test: readTest(reader.section(["tests", name], value), name, "code"), path: ["tests", name] });
    }
  }
  const documented = root.test;
  if (documented !== void 0) {
    if (!Array.isArray(documented)) throw reader.typeError(["test"], "an array of tables [[test]]", documented, 'write each test as [[test]] with name = "\u2026" (or as [tests.<name>])');
    documented.forEach((value, i) => {
      if (!isTable(value)) throw reader.typeError(["test", i], "a table", value, "write each test as [[test]] with component, function, args, expected");
      const s = reader.section(["test", i], value);
      const name = s.string("name", '"adds-small-numbers"');
      if (name !== void 0 && tests.some((t) => t.test.name === name)) {
        throw reader.valueError(s.at("name"), `test "${name}" is defined twice`, "give each test its own name");
      }
      tests.push({ test: readTest(s, name ?? "", "documented"), path: s.path });
    });
  }
  for (const { test, path } of tests) {
    if (!test.name) test.name = uniqueName(test.function, tests.map((t) => t.test.name));
    if (!components.includes(test.component)) {
      throw reader.valueError([...path, "component"], `test "${test.name}" names component "${test.component}", which is not defined`, `${knownComponentsNote(test.component, components)}; or add ${componentDeclaration(test.component, dialect)}`);
    }
  }
  return tests.map((t) => t.test);
}
function uniqueName(base, taken) {
  if (!taken.includes(base)) return base;
  for (let n = 2; ; n++) if (!taken.includes(`${base}-${n}`)) return `${base}-${n}`;
}

// src/core/config/run-toml.ts
var SECTIONS = [
  "project",
  "package",
  "components",
  "component",
  "tests",
  "test",
  "dependencies",
  "dev-dependencies",
  "dev_dependencies",
  "build",
  "registry",
  "run",
  // Upstream features outside run-action's scope: accepted, not read.
  "dev",
  "plugins",
  "deploy",
  "docker"
];
var DOCUMENTED_SECTIONS = ["package", "component", "test"];
function parseRunConfig(text, file) {
  const reader = new TomlReader(text, file);
  const root = reader.root;
  const top = reader.section([], root);
  for (const [key, value] of Object.entries(root)) {
    if (SECTIONS.includes(key)) continue;
    const near = closest(key, SECTIONS);
    const suggestion = near ? ` (did you mean [${near}]?)` : "";
    if (isTable(value)) reader.warn([key], `unknown section [${key}] is ignored${suggestion}`);
    else if (PROJECT_KEYS.includes(key)) reader.warn([key], `\`${key}\` outside any section is ignored; move it under [project]`);
    else reader.warn([key], `unknown key \`${key}\` outside any section is ignored${suggestion}`);
  }
  if (root.project !== void 0 && root.package !== void 0) {
    throw reader.valueError(["package"], "both [project] and [package] are present", "keep one of them: [project] is what upstream `run` reads, [package] its documented spelling", "key");
  }
  const dialect = DOCUMENTED_SECTIONS.some((k) => root[k] !== void 0) ? "documented" : "code";
  const projectSection = root.project !== void 0 ? "project" : "package";
  const project = readProject(top.section(projectSection, '{ name = "my-app", version = "0.1.0" }'));
  const components = readComponents(reader, root, dialect);
  const tests = readTests(reader, root, components.map((c) => c.name), dialect);
  const dependencies = [];
  readDependencies(top.section("dependencies", '{ "wasi:logging" = "0.1.0" }'), dependencies);
  const devDependencies = [];
  for (const key of ["dev-dependencies", "dev_dependencies"]) readDependencies(top.section(key, '{ "acme:mock" = "1.0.0" }'), devDependencies);
  const absolute = resolve(file);
  return {
    file: absolute,
    dir: dirname(absolute),
    dialect,
    project,
    components,
    tests,
    dependencies,
    devDependencies,
    build: readBuild(top.section("build", '{ output_dir = "target/wasm" }')),
    registry: readRegistry(top.section("registry", `{ url = "https://registry.example.org" }`)),
    run: readRun(top.section("run", '{ policy = "strict" }')),
    warnings: reader.warnings
  };
}
function code(err) {
  return err.code;
}
var NOT_FOUND_HINT = "create one with `run-action init`, or point at the project directory with -C <dir>";
async function loadRunConfig(dirOrFile) {
  const target = resolve(dirOrFile);
  let file = target;
  try {
    if ((await stat(target)).isDirectory()) file = join(target, "run.toml");
  } catch (err) {
    if (code(err) !== "ENOENT" && code(err) !== "ENOTDIR") throw new ConfigReadError(`cannot read ${target}: ${err.message}`, { location: { file: target }, cause: err });
    throw new ConfigNotFoundError(`${target} does not exist`, { location: { file: target }, hint: NOT_FOUND_HINT });
  }
  let text;
  try {
    text = await readFile(file, "utf8");
  } catch (err) {
    if (code(err) === "ENOENT") throw new ConfigNotFoundError(`no run.toml in ${dirname(file)}`, { location: { file }, hint: NOT_FOUND_HINT });
    throw new ConfigReadError(`cannot read ${file}: ${err.message}`, { location: { file }, cause: err });
  }
  return parseRunConfig(text, file);
}

// src/core/exec/artifact.ts
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile as readFile2, rename, writeFile } from "node:fs/promises";
import { isAbsolute, join as join2, resolve as resolve2 } from "node:path";
var ComponentNotFoundError = class extends RunActionError {
};
var WatCompileError = class extends RunActionError {
};
var sha256Hex = (bytes) => createHash("sha256").update(bytes).digest("hex");
var cacheDirOf = (dir) => join2(dir, ".run", "cache");
async function loadComponentArtifact(config, component) {
  const candidates = [
    component.path,
    component.source && /\.(wasm|wat)$/i.test(component.source) ? component.source : void 0,
    join2(config.build.outputDir, `${component.name}.wasm`)
  ].filter((p) => p !== void 0);
  for (const candidate of candidates) {
    const file = resolve2(config.dir, candidate);
    if (existsSync(file)) return loadFile(file, component.name, cacheDirOf(config.dir));
  }
  throw new ComponentNotFoundError(`component '${component.name}' has not been built: none of ${candidates.join(", ")} exists`, {
    location: component.location,
    hint: component.source || component.build ? "build it first with `run-action build`" : "set `path` to its .wasm, or `source` to its sources"
  });
}
async function loadTarget(target, dir, config) {
  for (const file of [resolve2(dir, target), isAbsolute(target) ? target : resolve2(target)]) {
    if (existsSync(file) && /\.(wasm|wat)$/i.test(file)) {
      const stem = file.replace(/^.*[\\/]/, "").replace(/\.(wasm|wat)$/i, "");
      return { artifact: await loadFile(file, stem, cacheDirOf(dir)) };
    }
  }
  const component = config?.components.find((c) => c.name === target);
  if (!component) {
    const names = config?.components.map((c) => c.name) ?? [];
    const guess = closest(target, names);
    throw new ComponentNotFoundError(`Component not found: ${target}`, {
      hint: guess ? `did you mean '${guess}'?` : names.length ? `components in ${config.file}: ${names.join(", ")}; or give a path to a .wasm/.wat file` : "give a path to a .wasm or .wat file, or a component name from run.toml"
    });
  }
  return { artifact: await loadComponentArtifact(config, component), component };
}
async function loadFile(file, name, cacheDir) {
  const raw = new Uint8Array(await readFile2(file));
  if (!/\.wat$/i.test(file)) return { name, file, bytes: raw, sha256: sha256Hex(raw) };
  const bytes = await compileWat(raw, file, cacheDir);
  return { name, file, bytes, sha256: sha256Hex(bytes) };
}
async function compileWat(text, file, cacheDir) {
  const cached = join2(cacheDir, "wat", `${sha256Hex(text)}.wasm`);
  if (existsSync(cached)) return new Uint8Array(await readFile2(cached));
  const { parse: parse2 } = await import("./chunk-3Y5QZTN3.js");
  let bytes;
  try {
    bytes = await parse2(new TextDecoder().decode(text));
  } catch (err) {
    throw new WatCompileError(`cannot compile ${file}: ${watMessage(err)}`, { location: { file, ...watPosition(err) }, hint: "fix the WAT text; the position is in the message" });
  }
  await mkdir(join2(cacheDir, "wat"), { recursive: true });
  const tmp = `${cached}.${process.pid}.tmp`;
  await writeFile(tmp, bytes);
  await rename(tmp, cached);
  return bytes;
}
function watMessage(err) {
  const e = err;
  return String(typeof e.payload === "string" ? e.payload : e.message ?? err).trim();
}
function watPosition(err) {
  const m = /:(\d+):(\d+)/.exec(watMessage(err));
  return m ? { line: Number(m[1]), col: Number(m[2]) } : {};
}

// src/core/exec/grants.ts
import { resolve as resolve3 } from "node:path";
var CapabilityDeniedError = class extends RunActionError {
};
function grantsFor(o) {
  const grants = { dirs: [], env: {}, clock: !!o.allowClock, random: !!o.allowRandom, stdin: false, args: o.args };
  for (const cap of o.capabilities) {
    switch (cap.kind) {
      case "all":
        if (o.policy !== "dev") {
          throw new CapabilityDeniedError(`capability "all" is not allowed under the ${o.policy} policy`, {
            hint: "grant what the component needs one by one (fs:read:<dir>, env:<VAR>, clock, random), or use --policy dev"
          });
        }
        grants.clock = grants.random = grants.stdin = true;
        grants.dirs.push({ guestPath: "/", hostPath: o.dir, write: true });
        break;
      case "fs":
        grants.dirs.push({ guestPath: cap.path, hostPath: resolve3(o.dir, cap.path), write: cap.access === "write" });
        break;
      case "env":
        if (cap.variable === "*") {
          o.logger.warn(`capability "${cap.text}" would expose the whole host environment; only variables named with env:<VAR> are passed`);
          break;
        }
        if (o.env[cap.variable] !== void 0) grants.env[cap.variable] = o.env[cap.variable];
        break;
      case "clock":
        grants.clock = true;
        break;
      case "random":
        grants.random = true;
        break;
      case "stdin":
        grants.stdin = true;
        break;
      case "net":
        o.logger.warn(`capability "${cap.text}" is not granted: components never reach the network here`);
        break;
      case "stdout":
      case "stderr":
        break;
    }
  }
  return grants;
}
function hostConfig(s) {
  return {
    policy: s.policy,
    grants: s.grants,
    epochSeconds: s.sourceDateEpoch ?? 0,
    seed: 0x5eed0f2a11n,
    outputCapBytes: s.outputCapBytes
  };
}

// src/core/engine/runner.ts
import { readFile as readFile4 } from "node:fs/promises";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";

// src/core/engine/transpile-cache.ts
import { createHash as createHash2 } from "node:crypto";
import { mkdir as mkdir2, mkdtemp, readFile as readFile3, rename as rename2, rm, writeFile as writeFile2 } from "node:fs/promises";
import { dirname as dirname2, join as join3 } from "node:path";

// package.json
var package_default = {
  name: "run-action",
  version: "2.0.0",
  description: "Build, compose, test, prove reproducible and publish WebAssembly components described by run.toml (Run 2.0) \u2014 a GitHub Action and an npx CLI",
  type: "module",
  license: "Apache-2.0",
  bin: {
    "run-action": "dist/cli.js"
  },
  files: [
    "dist",
    "action.yml",
    "README.md"
  ],
  engines: {
    node: ">=20"
  },
  scripts: {
    build: "node scripts/bundle.mjs",
    typecheck: "tsc --noEmit -p .",
    test: "vitest run"
  },
  overrides: {
    "@bytecodealliance/preview2-shim": "0.26.0"
  },
  devDependencies: {
    "@actions/cache": "6.3.0",
    "@actions/core": "3.0.1",
    "@actions/tool-cache": "4.0.0",
    "@bytecodealliance/componentize-js": "0.23.0",
    "@bytecodealliance/jco-transpile": "0.15.0",
    "@bytecodealliance/preview2-shim": "0.26.0",
    "@types/node": "20.19.43",
    "@types/semver": "7.8.0",
    esbuild: "0.28.2",
    semver: "7.8.6",
    "smol-toml": "1.9.1",
    tsx: "4.23.15",
    typescript: "7.0.2",
    vitest: "4.1.12"
  }
};

// src/core/engine/transpile-cache.ts
var JCO_TRANSPILE = "@bytecodealliance/jco-transpile";
var manifest = package_default;
var TRANSPILER_KEY = {
  layout: 1,
  transpiler: `${JCO_TRANSPILE}@${manifest.dependencies?.[JCO_TRANSPILE] ?? manifest.devDependencies?.[JCO_TRANSPILE]}`
};
var NAME2 = "component";
var MANIFEST = "manifest.json";
var sha256 = (bytes) => createHash2("sha256").update(bytes).digest("hex");
var COMPONENT_HEADER = [0, 97, 115, 109, 13, 0, 1, 0];
var CORE_HEADER = [0, 97, 115, 109, 1, 0, 0, 0];
var startsWith = (bytes, prefix) => prefix.every((b, i) => bytes[i] === b);
function checkIsComponent(bytes, what) {
  if (startsWith(bytes, COMPONENT_HEADER)) return;
  if (startsWith(bytes, CORE_HEADER)) {
    throw new ComponentReadError(`${what} is a core wasm module, not a component`, {
      location: { file: what },
      hint: "wrap it into a WASI 0.2 component (e.g. `jco new module.wasm --wasi-command` or `wasm-tools component new`)"
    });
  }
  throw new ComponentReadError(`${what} is not a WebAssembly component (bad header)`, {
    location: { file: what },
    hint: "point at the built .wasm component file"
  });
}
async function readEntry(dir, hash) {
  let m;
  try {
    m = JSON.parse(await readFile3(join3(dir, MANIFEST), "utf8"));
  } catch {
    return null;
  }
  if (m?.component !== hash || JSON.stringify(m.key) !== JSON.stringify(TRANSPILER_KEY) || typeof m.files !== "object" || !(m.js in m.files)) {
    return null;
  }
  const coreModules = /* @__PURE__ */ new Map();
  for (const [name, want] of Object.entries(m.files)) {
    let bytes;
    try {
      bytes = await readFile3(join3(dir, name));
    } catch {
      return null;
    }
    if (bytes.length !== want.size || sha256(bytes) !== want.sha256) return null;
    if (name.endsWith(".wasm")) coreModules.set(name, bytes);
  }
  return { sha256: hash, jsFile: join3(dir, m.js), coreModules, imports: m.imports, exports: m.exports, cached: true };
}
async function transpile(bytes, what) {
  const { transpileBytes } = await import("./chunk-7RGUL6VO.js");
  try {
    return await transpileBytes(bytes, {
      name: NAME2,
      instantiation: { tag: "async" },
      emitTypescriptDeclarations: false
    });
  } catch (err) {
    throw new TranspileError(`${what}: jco-transpile cannot translate this component: ${String(err?.message ?? err)}`, {
      location: { file: what },
      hint: "check that it is a valid WASI 0.2 component (`wasm-tools validate --features component-model`)",
      cause: err
    });
  }
}
async function transpileCached(bytes, cacheDir, what = "component") {
  const hash = sha256(bytes);
  const root = join3(cacheDir, "transpile");
  const dir = join3(root, hash);
  const hit = await readEntry(dir, hash);
  if (hit) return hit;
  checkIsComponent(bytes, what);
  const result = await transpile(bytes, what);
  const files = Object.entries(result.files).filter(([name]) => name.endsWith(".js") || name.endsWith(".wasm"));
  const js = `${NAME2}.js`;
  const m = {
    key: TRANSPILER_KEY,
    component: hash,
    js,
    files: Object.fromEntries(files.map(([name, b]) => [name, { size: b.length, sha256: sha256(b) }])),
    imports: result.imports,
    exports: result.exports
  };
  await mkdir2(root, { recursive: true });
  const tmp = await mkdtemp(join3(root, `.tmp-${hash.slice(0, 12)}-`));
  try {
    for (const [name, b] of files) {
      await mkdir2(dirname2(join3(tmp, name)), { recursive: true });
      await writeFile2(join3(tmp, name), b);
    }
    await writeFile2(join3(tmp, MANIFEST), JSON.stringify(m, null, 2));
    await rm(dir, { recursive: true, force: true });
    await rename2(tmp, dir);
  } catch (err) {
    await rm(tmp, { recursive: true, force: true });
    if (!await readEntry(dir, hash)) throw err;
  }
  const coreModules = new Map(files.filter(([name]) => name.endsWith(".wasm")));
  return { sha256: hash, jsFile: join3(dir, js), coreModules, imports: result.imports, exports: result.exports, cached: false };
}

// src/core/engine/runner.ts
var DEFAULT_LIMITS = { memoryBytes: 256 * 1024 * 1024, timeoutMs: 3e4 };
var TERMINATE_GRACE_MS = 500;
var MEMORY_EXPORT_PREFIX = "run-action:memory";
var WORKER_HEAP_MB = 256;
function workerSpawn() {
  if (!import.meta.url.endsWith(".ts")) return { entry: new URL("./worker.js", import.meta.url), eval: false };
  const tsx = createRequire(import.meta.url).resolve("tsx/cjs");
  const file = fileURLToPath(new URL("./worker.ts", import.meta.url));
  return { entry: `require(${JSON.stringify(tsx)}); require(${JSON.stringify(file)});`, eval: true };
}
var SPAWN = workerSpawn();
var EngineThread = class {
  worker;
  pending;
  dead = false;
  mirror = new MirrorReader();
  constructor(init, heapMb2) {
    this.worker = new Worker(SPAWN.entry, {
      eval: SPAWN.eval,
      // The guest never sees the host environment; the worker does not need it either.
      env: {},
      // Engine diagnostics (jco prints some on console) must not reach the user's terminal.
      stdout: true,
      stderr: true,
      resourceLimits: { maxOldGenerationSizeMb: heapMb2 }
    });
    this.worker.stdout.resume();
    this.worker.stderr.resume();
    this.worker.unref();
    this.worker.on("message", (msg) => this.pending?.onMessage(msg));
    this.worker.on("error", (err) => this.die(err.message, err.code === "ERR_WORKER_OUT_OF_MEMORY"));
    this.worker.on("exit", (code2) => this.die(`exit code ${code2}`, false));
    if (init instanceof Promise) init.then((m) => this.post(m), () => {
    });
    else this.post(init);
  }
  post(msg) {
    if (!this.dead) this.worker.postMessage(msg);
  }
  die(cause, outOfMemory) {
    if (this.dead) return;
    this.dead = true;
    const p = this.pending;
    this.pending = void 0;
    p?.onDeath(cause, outOfMemory);
  }
  async terminate() {
    this.dead = true;
    this.pending = void 0;
    await Promise.race([this.worker.terminate(), new Promise((r) => setTimeout(r, TERMINATE_GRACE_MS).unref())]);
  }
};
var MirrorReader = class {
  #mirror;
  /** A zeroed mirror for a call with this per-stream cap. */
  forCall(cap) {
    if (!this.#mirror || this.#mirror.cap < cap) {
      this.#mirror = { buffer: new SharedArrayBuffer(MIRROR_HEADER_BYTES + 2 * cap), cap };
    } else {
      new Float64Array(this.#mirror.buffer, 0, 4).fill(0);
    }
    return this.#mirror;
  }
  /** What the worker had mirrored when it stopped; read only once the thread is gone. */
  read() {
    const m = this.#mirror;
    const c = new Float64Array(m.buffer, 0, 4);
    const bytes = (i) => new Uint8Array(m.buffer, MIRROR_HEADER_BYTES + i * m.cap, c[2 * i]).slice();
    return { stdout: bytes(0), stderr: bytes(1), truncated: { stdout: c[1], stderr: c[3] } };
  }
};
var ComponentSession = class {
  /** @internal use openComponent */
  constructor(sha2562, exports, imports, init, limits, thread) {
    this.sha256 = sha2562;
    this.exports = exports;
    this.imports = imports;
    this.#init = init;
    this.#limits = limits;
    this.#thread = thread;
  }
  sha256;
  exports;
  imports;
  #init;
  #limits;
  #thread;
  #queue = Promise.resolve();
  #nextId = 1;
  #closed = false;
  get limits() {
    return { ...this.#limits };
  }
  /** Calls one exported function in a fresh instance. Never throws for anything the guest does. */
  call(req) {
    return this.#enqueue(
      { path: req.path, args: req.args, host: req.host, resultIsResult: req.resultIsResult ?? false, cli: false },
      req.timeoutMs
    );
  }
  /**
   * Runs a command (`wasi:cli/run#run`): ok → class ok, exit code 0; `err` → class exit, code 1;
   * wasi:cli/exit(code) → class exit with that code (exit 0 is class ok).
   */
  run(req) {
    const iface = this.exports.find(([name, kind]) => kind === "instance" && /^wasi:cli\/run(@|$)/.test(name));
    if (!iface) {
      const names = this.exports.map(([n]) => n).join(", ") || "none";
      return Promise.resolve(
        detachedOutcome(
          { class: "error", exitCode: 1, message: `error: the component does not export wasi:cli/run, so it cannot be run as a command (its exports: ${names})` },
          0
        )
      );
    }
    return this.#enqueue({ path: [iface[0], "run"], args: [], host: req.host, resultIsResult: true, cli: true }, req.timeoutMs);
  }
  /** Stops the worker. Calls still queued resolve as errors. */
  async close() {
    this.#closed = true;
    const t = this.#thread;
    this.#thread = void 0;
    if (t) {
      t.pending?.onDeath("the session was closed", false);
      await t.terminate();
    }
  }
  #enqueue(job, timeoutMs = this.#limits.timeoutMs) {
    const result = this.#queue.then(() => this.#execute(job, timeoutMs));
    this.#queue = result.catch(() => {
    });
    return result;
  }
  #execute(job, timeoutMs) {
    if (this.#closed) return Promise.resolve(detachedOutcome({ class: "error", exitCode: 1, message: "error: the session is closed" }, 0));
    if (!this.#thread || this.#thread.dead) this.#thread = new EngineThread(this.#init, heapMb(this.#limits));
    const thread = this.#thread;
    const id2 = this.#nextId++;
    const output = thread.mirror.forCall(job.host.outputCapBytes);
    return new Promise((resolve4) => {
      let startedAt;
      let timer;
      const settle = (outcome) => {
        clearTimeout(timer);
        thread.pending = void 0;
        thread.worker.unref();
        resolve4(outcome);
      };
      const fromParent = (verdict) => ({
        ...verdict,
        ...thread.mirror.read(),
        ledger: [],
        elapsedMs: startedAt === void 0 ? 0 : performance.now() - startedAt
      });
      const arm = (phase) => {
        clearTimeout(timer);
        timer = setTimeout(() => {
          const elapsedMs = startedAt === void 0 ? timeoutMs : performance.now() - startedAt;
          this.#thread = void 0;
          void thread.terminate().then(() => settle({ ...fromParent(timeoutVerdict(timeoutMs, phase)), elapsedMs }));
        }, timeoutMs);
      };
      thread.pending = {
        id: id2,
        onMessage: (msg) => {
          if (msg.id !== id2) return;
          if (msg.type === "started") {
            startedAt = performance.now();
            arm("call");
          } else {
            if (msg.outcome.class === "out-of-memory" || msg.outcome.class === "stack-overflow") {
              this.#thread = void 0;
              void thread.terminate();
            }
            settle(msg.outcome);
          }
        },
        onDeath: (cause, outOfMemory) => {
          if (this.#thread === thread) this.#thread = void 0;
          settle(fromParent(workerDeathVerdict(cause, outOfMemory)));
        }
      };
      thread.worker.ref();
      arm("instantiation");
      thread.post({ type: "call", id: id2, job, output });
    });
  }
};
function heapMb(limits) {
  return Math.ceil(limits.memoryBytes / (1024 * 1024)) + WORKER_HEAP_MB;
}
function detachedOutcome(verdict, elapsedMs) {
  return { ...verdict, stdout: new Uint8Array(), stderr: new Uint8Array(), truncated: { stdout: 0, stderr: 0 }, ledger: [], elapsedMs };
}
async function openComponent(opts) {
  const limits = { ...DEFAULT_LIMITS, ...opts.limits };
  const what = opts.file ?? "component";
  let resolveInit;
  let rejectInit;
  const initReady = new Promise((res, rej) => (resolveInit = res, rejectInit = rej));
  const thread = new EngineThread(initReady, heapMb(limits));
  try {
    const bytes = opts.bytes ?? await readComponent2(what);
    const t = await transpileCached(bytes, opts.cacheDir, what);
    const modules = new Map(
      await Promise.all(
        [...t.coreModules].map(
          async ([name, b]) => [name, await WebAssembly.compile(capMemory(b, limits.memoryBytes, { what: `${what} (${name})`, exportPrefix: MEMORY_EXPORT_PREFIX }))]
        )
      )
    );
    const init = { type: "init", jsUrl: pathToFileURL(t.jsFile).href, modules, memoryLimitBytes: limits.memoryBytes };
    resolveInit(init);
    return new ComponentSession(t.sha256, t.exports, t.imports, init, limits, thread);
  } catch (err) {
    rejectInit(err);
    await thread.terminate();
    throw err;
  }
}
async function readComponent2(file) {
  try {
    return await readFile4(file);
  } catch (err) {
    throw new ComponentReadError(`cannot read component ${file}: ${err.code ?? err.message}`, {
      location: { file },
      hint: "build the component first, or check the path",
      cause: err
    });
  }
}

// src/core/wit/jco-names.ts
function words(name) {
  return name.split("-").filter((w) => w.length > 0);
}
var title = (w) => w.charAt(0).toUpperCase() + w.slice(1).toLowerCase();
function lowerCamel(name) {
  const ws = words(name);
  return ws.map((w, i) => i === 0 ? w.toLowerCase() : title(w)).join("");
}
function exportKey(worldName) {
  return worldName.includes(":") ? worldName : lowerCamel(worldName);
}

// src/core/wit/model.ts
var prim = (kind) => Object.freeze({ kind });
var primitives = {
  bool: prim("bool"),
  s8: prim("s8"),
  s16: prim("s16"),
  s32: prim("s32"),
  s64: prim("s64"),
  u8: prim("u8"),
  u16: prim("u16"),
  u32: prim("u32"),
  u64: prim("u64"),
  f32: prim("f32"),
  f64: prim("f64"),
  char: prim("char"),
  string: prim("string")
};
function parseInterfaceName(name) {
  const m = /^([a-z0-9-]+|%[a-z0-9-]+):([a-z0-9-]+(?::[a-z0-9-]+)*)\/([a-z0-9-]+|%[a-z0-9-]+)(?:@(.+))?$/i.exec(name);
  if (!m) return void 0;
  return { namespace: m[1], package: m[2], name: m[3], ...m[4] === void 0 ? {} : { version: m[4] } };
}
function withName(type, name) {
  switch (type.kind) {
    case "list":
    case "tuple":
    case "record":
    case "variant":
    case "enum":
    case "flags":
    case "option":
    case "result":
      return type.name === void 0 ? { ...type, name } : type;
    default:
      return type;
  }
}
function typeName(type) {
  if (type.kind === "own") return type.resource.name;
  return "name" in type ? type.name : void 0;
}
function formatType(type, expand = false) {
  const inner = (t) => formatType(t, false);
  if (!expand) {
    const name = typeName(type);
    if (name !== void 0 && type.kind !== "own") return name;
  }
  switch (type.kind) {
    case "list":
      return `list<${inner(type.element)}${type.length === void 0 ? "" : `, ${type.length}`}>`;
    case "tuple":
      return `tuple<${type.types.map(inner).join(", ")}>`;
    case "record":
      return `record { ${type.fields.map((f) => `${f.name}: ${inner(f.type)}`).join(", ")} }`;
    case "variant":
      return `variant { ${type.cases.map((c) => c.type ? `${c.name}(${inner(c.type)})` : c.name).join(", ")} }`;
    case "enum":
      return `enum { ${type.cases.join(", ")} }`;
    case "flags":
      return `flags { ${type.flags.join(", ")} }`;
    case "option":
      return `option<${inner(type.inner)}>`;
    case "result":
      if (!type.ok && !type.err) return "result";
      if (!type.err) return `result<${inner(type.ok)}>`;
      return `result<${type.ok ? inner(type.ok) : "_"}, ${inner(type.err)}>`;
    case "own":
      return type.resource.name;
    case "borrow":
      return `borrow<${type.resource.name}>`;
    case "stream":
    case "future":
      return type.element ? `${type.kind}<${inner(type.element)}>` : type.kind;
    case "map":
      return `map<${inner(type.key)}, ${inner(type.value)}>`;
    default:
      return type.kind;
  }
}
function formatFunctionType(func) {
  const params = func.params.map((p) => `${p.name}: ${formatType(p.type)}`).join(", ");
  return `${func.async ? "async " : ""}func(${params})${func.result ? ` -> ${formatType(func.result)}` : ""}`;
}
function classifyFunctionName(name) {
  const m = /^\[(constructor|method|static)\]([^.]+)(?:\.(.+))?$/.exec(name);
  if (!m) return { kind: "freestanding", method: name };
  const kind = m[1];
  return { kind, resource: m[2], method: m[3] ?? m[2] };
}

// src/core/values/errors.ts
function render(d) {
  const input = d.input.length > 60 ? `${d.input.slice(0, 57)}...` : d.input;
  return `${d.problem} (column ${d.column} of '${input}'); expected ${d.expected}`;
}
var ValueInputError = class extends RunActionError {
  problem;
  input;
  column;
  expected;
  constructor(d) {
    super(render(d), { hint: d.hint, ...d.location ? { location: d.location } : {} });
    this.problem = d.problem;
    this.input = d.input;
    this.column = d.column;
    this.expected = d.expected;
  }
  /**
   * The same error placed in a file: `location` is where the value text starts (e.g. the string in
   * run.toml), and the column is moved by this error's column within the text.
   */
  at(location) {
    const col = location.col === void 0 ? void 0 : location.col + this.column - 1;
    const Ctor = this.constructor;
    return new Ctor({
      problem: this.problem,
      input: this.input,
      column: this.column,
      expected: this.expected,
      hint: this.hint ?? "",
      location: { ...location, ...col === void 0 ? {} : { col } }
    });
  }
};
var ValueSyntaxError = class extends ValueInputError {
};
var ValueTypeError = class extends ValueInputError {
};
var UnknownValueTypeError = class extends ValueInputError {
};
var CallSyntaxError = class extends ValueInputError {
};
var ArgumentCountError = class extends RunActionError {
};
var JsValueError = class extends RunActionError {
};

// src/core/values/model.ts
var INT_RANGES = {
  s8: { min: -128n, max: 127n },
  s16: { min: -32768n, max: 32767n },
  s32: { min: -2147483648n, max: 2147483647n },
  s64: { min: -9223372036854775808n, max: 9223372036854775807n },
  u8: { min: 0n, max: 255n },
  u16: { min: 0n, max: 65535n },
  u32: { min: 0n, max: 4294967295n },
  u64: { min: 0n, max: 18446744073709551615n }
};
function isIntKind(kind) {
  return Object.prototype.hasOwnProperty.call(INT_RANGES, kind);
}
function intVal(kind, value) {
  return kind === "s64" || kind === "u64" ? { kind, value } : { kind, value: Number(value) };
}
function floatVal(kind, value) {
  return { kind, value: kind === "f32" ? Math.fround(value) : value };
}
function valEquals(a, b) {
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case "f32":
    case "f64": {
      const y = b.value;
      return a.value === y || Number.isNaN(a.value) && Number.isNaN(y);
    }
    case "bool":
    case "s8":
    case "s16":
    case "s32":
    case "u8":
    case "u16":
    case "u32":
    case "s64":
    case "u64":
    case "char":
    case "string":
      return a.value === b.value;
    case "list":
    case "tuple": {
      const y = b.items;
      return a.items.length === y.length && a.items.every((v, i) => valEquals(v, y[i]));
    }
    case "record": {
      const y = b.fields;
      return a.fields.length === y.length && a.fields.every((f, i) => f.name === y[i].name && valEquals(f.value, y[i].value));
    }
    case "variant": {
      const y = b;
      return a.case === y.case && optionalEquals(a.payload, y.payload);
    }
    case "enum":
      return a.case === b.case;
    case "flags": {
      const y = b.flags;
      return a.flags.length === y.length && a.flags.every((f) => y.includes(f));
    }
    case "option":
      return optionalEquals(a.value, b.value);
    case "result": {
      const y = b;
      return a.ok === y.ok && optionalEquals(a.value, y.value);
    }
    case "handle": {
      const y = b;
      return a.id === y.id && a.resource === y.resource && a.borrow === y.borrow;
    }
    case "unit":
      return true;
  }
}
function optionalEquals(a, b) {
  return a === void 0 || b === void 0 ? a === b : valEquals(a, b);
}
var PRIMITIVE_VAL_KINDS = /* @__PURE__ */ new Set(["bool", "s8", "s16", "s32", "s64", "u8", "u16", "u32", "u64", "f32", "f64", "char", "string"]);
function typeMismatch(val, type, path = "") {
  const at = path ? ` at ${path}` : "";
  if (PRIMITIVE_VAL_KINDS.has(type.kind)) {
    return val.kind === type.kind ? void 0 : `a ${val.kind} value${at} where ${type.kind} is expected`;
  }
  switch (type.kind) {
    case "enum":
      if (val.kind !== "enum") return `a ${val.kind} value${at} where an enum is expected`;
      return type.cases.includes(val.case) ? void 0 : `'${val.case}'${at} is not a case of ${type.name ?? "the enum"} (${type.cases.join(", ")})`;
    case "flags":
      if (val.kind !== "flags") return `a ${val.kind} value${at} where flags are expected`;
      for (const f of val.flags) if (!type.flags.includes(f)) return `'${f}'${at} is not a flag of ${type.name ?? "the flags"} (${type.flags.join(", ")})`;
      return void 0;
    case "list":
      if (val.kind !== "list") return `a ${val.kind} value${at} where a list is expected`;
      for (let i = 0; i < val.items.length; i++) {
        const m = typeMismatch(val.items[i], type.element, `${path}[${i}]`);
        if (m) return m;
      }
      return void 0;
    case "tuple":
      if (val.kind !== "tuple" || val.items.length !== type.types.length) return `a ${val.kind} value${at} where a tuple of ${type.types.length} is expected`;
      for (let i = 0; i < val.items.length; i++) {
        const m = typeMismatch(val.items[i], type.types[i], `${path}.${i}`);
        if (m) return m;
      }
      return void 0;
    case "record":
      if (val.kind !== "record" || val.fields.length !== type.fields.length) return `a ${val.kind} value${at} where record ${type.name ?? ""} is expected`;
      for (let i = 0; i < type.fields.length; i++) {
        const f = type.fields[i];
        const v = val.fields[i];
        if (v.name !== f.name) return `field '${v.name}'${at} where '${f.name}' is expected`;
        const m = typeMismatch(v.value, f.type, `${path}.${f.name}`);
        if (m) return m;
      }
      return void 0;
    case "variant": {
      if (val.kind !== "variant") return `a ${val.kind} value${at} where a variant is expected`;
      const c = type.cases.find((x) => x.name === val.case);
      if (!c) return `'${val.case}'${at} is not a case of ${type.name ?? "the variant"}`;
      if (!c.type || !val.payload) return c.type || val.payload ? `case '${val.case}'${at} ${c.type ? "needs" : "has no"} a payload` : void 0;
      return typeMismatch(val.payload, c.type, `${path}(${val.case})`);
    }
    case "option":
      if (val.kind !== "option") return `a ${val.kind} value${at} where an option is expected`;
      return val.value ? typeMismatch(val.value, type.inner, `${path}?`) : void 0;
    case "result": {
      if (val.kind !== "result") return `a ${val.kind} value${at} where a result is expected`;
      const t = val.ok ? type.ok : type.err;
      if (!t || !val.value) return t || val.value ? `${val.ok ? "ok" : "err"}${at} ${t ? "needs" : "has no"} a payload` : void 0;
      return typeMismatch(val.value, t, `${path}.${val.ok ? "ok" : "err"}`);
    }
    case "own":
    case "borrow":
      return val.kind === "handle" ? void 0 : `a ${val.kind} value${at} where a ${type.resource.name} handle is expected`;
    default:
      return `values of type ${type.kind}${at} are not supported`;
  }
}

// src/core/values/jco-values.ts
var TYPED_ARRAYS = {
  u8: Uint8Array,
  s8: Int8Array,
  u16: Uint16Array,
  s16: Int16Array,
  u32: Uint32Array,
  s32: Int32Array,
  u64: BigUint64Array,
  s64: BigInt64Array,
  f32: Float32Array,
  f64: Float64Array
};
function typedArrayKind(type) {
  return Object.prototype.hasOwnProperty.call(TYPED_ARRAYS, type.kind) ? type.kind : void 0;
}
function nullable(type) {
  return type.kind === "option" && !nullable(type.inner);
}
function wrong(what, type) {
  throw new JsValueError(`cannot convert ${what} to ${formatType(type)}`, {
    hint: "this is a mismatch between the value and the function signature; check the WIT types of the function"
  });
}
function toJs(val, type) {
  const k = type.kind;
  if (isIntKind(k) || k === "f32" || k === "f64" || k === "bool" || k === "char" || k === "string") {
    if (val.kind !== k) wrong(`a ${val.kind} value`, type);
    return val.value;
  }
  switch (type.kind) {
    case "list": {
      if (val.kind !== "list") return wrong(`a ${val.kind} value`, type);
      const items = val.items.map((v) => toJs(v, type.element));
      const typed = typedArrayKind(type.element);
      if (!typed) return items;
      return typed === "u64" || typed === "s64" ? TYPED_ARRAYS[typed].from(items) : TYPED_ARRAYS[typed].from(items);
    }
    case "tuple":
      if (val.kind !== "tuple" || val.items.length !== type.types.length) return wrong(`a ${val.kind} value`, type);
      return val.items.map((v, i) => toJs(v, type.types[i]));
    case "record": {
      if (val.kind !== "record") return wrong(`a ${val.kind} value`, type);
      const out = {};
      for (const f of type.fields) {
        const v = val.fields.find((x) => x.name === f.name) ?? wrong(`a record without field '${f.name}'`, type);
        out[lowerCamel(f.name)] = toJs(v.value, f.type);
      }
      return out;
    }
    case "variant": {
      if (val.kind !== "variant") return wrong(`a ${val.kind} value`, type);
      const c = type.cases.find((x) => x.name === val.case) ?? wrong(`case '${val.case}'`, type);
      return c.type && val.payload ? { tag: c.name, val: toJs(val.payload, c.type) } : { tag: c.name };
    }
    case "enum":
      if (val.kind !== "enum" || !type.cases.includes(val.case)) return wrong(`a ${val.kind} value`, type);
      return val.case;
    case "flags": {
      if (val.kind !== "flags") return wrong(`a ${val.kind} value`, type);
      const out = {};
      for (const f of type.flags) out[lowerCamel(f)] = val.flags.includes(f);
      return out;
    }
    case "option": {
      if (val.kind !== "option") return wrong(`a ${val.kind} value`, type);
      if (nullable(type)) return val.value === void 0 ? void 0 : toJs(val.value, type.inner);
      return val.value === void 0 ? { tag: "none" } : { tag: "some", val: toJs(val.value, type.inner) };
    }
    case "result": {
      if (val.kind !== "result") return wrong(`a ${val.kind} value`, type);
      const payload = val.ok ? type.ok : type.err;
      return { tag: val.ok ? "ok" : "err", val: payload && val.value ? toJs(val.value, payload) : void 0 };
    }
    case "own":
    case "borrow":
      throw new JsValueError(`a ${type.resource.name} resource cannot be passed as an argument from text`, {
        hint: "resources are created by the component itself; call a function that returns one instead"
      });
    default:
      return wrong("a value", type);
  }
}
var HandleNumbers = class {
  ids = /* @__PURE__ */ new WeakMap();
  next = 1;
  id(handle) {
    let id2 = this.ids.get(handle);
    if (id2 === void 0) {
      id2 = this.next++;
      this.ids.set(handle, id2);
    }
    return id2;
  }
};
function describeJs(js) {
  if (js === null) return "null";
  if (Array.isArray(js)) return "an array";
  if (ArrayBuffer.isView(js)) return `a ${js.constructor.name}`;
  return typeof js === "object" ? "an object" : `the ${typeof js} ${String(js)}`;
}
function fromJs(js, type, handles = new HandleNumbers()) {
  if (type === void 0) return void 0;
  return convertFromJs(js, type, handles);
}
function convertFromJs(js, type, handles) {
  const k = type.kind;
  const bad = () => wrong(describeJs(js), type);
  if (isIntKind(k)) {
    let n;
    if (typeof js === "bigint") n = js;
    else if (typeof js === "number" && Number.isInteger(js)) n = BigInt(js);
    else return bad();
    if (n < INT_RANGES[k].min || n > INT_RANGES[k].max) return bad();
    return intVal(k, n);
  }
  switch (type.kind) {
    case "bool":
      return typeof js === "boolean" ? { kind: "bool", value: js } : bad();
    case "f32":
    case "f64":
      return typeof js === "number" ? floatVal(type.kind, js) : bad();
    case "char":
      return typeof js === "string" && [...js].length === 1 ? { kind: "char", value: js } : bad();
    case "string":
      return typeof js === "string" ? { kind: "string", value: js } : bad();
    case "list": {
      if (!Array.isArray(js) && !(ArrayBuffer.isView(js) && !(js instanceof DataView))) return bad();
      const items = [];
      for (const x of js) items.push(convertFromJs(x, type.element, handles));
      return { kind: "list", items };
    }
    case "tuple":
      if (!Array.isArray(js) || js.length !== type.types.length) return bad();
      return { kind: "tuple", items: js.map((x, i) => convertFromJs(x, type.types[i], handles)) };
    case "record": {
      if (typeof js !== "object" || js === null) return bad();
      const obj = js;
      return { kind: "record", fields: type.fields.map((f) => ({ name: f.name, value: convertFromJs(obj[lowerCamel(f.name)], f.type, handles) })) };
    }
    case "variant": {
      if (typeof js !== "object" || js === null) return bad();
      const { tag, val } = js;
      const c = type.cases.find((x) => x.name === tag) ?? bad();
      return c.type ? { kind: "variant", case: c.name, payload: convertFromJs(val, c.type, handles) } : { kind: "variant", case: c.name };
    }
    case "enum":
      return typeof js === "string" && type.cases.includes(js) ? { kind: "enum", case: js } : bad();
    case "flags": {
      if (js === void 0 || js === null) return { kind: "flags", flags: [] };
      if (typeof js !== "object") return bad();
      const obj = js;
      return { kind: "flags", flags: type.flags.filter((f) => Boolean(obj[lowerCamel(f)])) };
    }
    case "option": {
      if (nullable(type)) return js === void 0 || js === null ? { kind: "option" } : { kind: "option", value: convertFromJs(js, type.inner, handles) };
      if (typeof js !== "object" || js === null) return bad();
      const { tag, val } = js;
      if (tag === "none") return { kind: "option" };
      if (tag === "some") return { kind: "option", value: convertFromJs(val, type.inner, handles) };
      return bad();
    }
    case "result": {
      if (typeof js !== "object" || js === null) return bad();
      const { tag, val } = js;
      if (tag !== "ok" && tag !== "err") return bad();
      const payload = tag === "ok" ? type.ok : type.err;
      return { kind: "result", ok: tag === "ok", ...payload ? { value: convertFromJs(val, payload, handles) } : {} };
    }
    case "own":
    case "borrow":
      if (typeof js !== "object" && typeof js !== "function" || js === null) return bad();
      return { kind: "handle", borrow: type.kind === "borrow", resource: type.resource.name, id: handles.id(js) };
    default:
      return wrong(`a ${type.kind} value (not supported yet)`, type);
  }
}

// src/core/wit/errors.ts
var ComponentFormatError = class extends RunActionError {
  offset;
  constructor(message, offset, hint) {
    super(offset === void 0 ? message : `${message} (at byte ${offset})`, hint === void 0 ? {} : { hint });
    this.offset = offset;
  }
};
var FunctionNotFoundError = class extends RunActionError {
  available;
  constructor(message, available, hint) {
    super(message, { hint });
    this.available = available;
  }
};
var AmbiguousFunctionError = class extends RunActionError {
  candidates;
  constructor(message, candidates, hint) {
    super(message, { hint });
    this.candidates = candidates;
  }
};
var UnsupportedFunctionError = class extends RunActionError {
};

// src/core/wit/component-binary.ts
var Scope = class {
  constructor(parent) {
    this.parent = parent;
  }
  parent;
  types = [];
  funcs = [];
  instances = [];
  components = [];
};
var PRIMITIVE_CODES = {
  127: primitives.bool,
  126: primitives.s8,
  125: primitives.u8,
  124: primitives.s16,
  123: primitives.u16,
  122: primitives.s32,
  121: primitives.u32,
  120: primitives.s64,
  119: primitives.u64,
  118: primitives.f32,
  117: primitives.f64,
  116: primitives.char,
  115: primitives.string,
  100: { kind: "error-context" }
};
var SORTS = { 1: "func", 2: "value", 3: "type", 4: "component", 5: "instance" };
var MAX_STEPS = 1e6;
var decoder = new TextDecoder("utf-8", { fatal: true });
var Reader = class {
  constructor(bytes, start = 0) {
    this.bytes = bytes;
    this.pos = start;
  }
  bytes;
  pos;
  steps = 0;
  nextResourceId = 1;
  fail(message, at = this.pos) {
    throw new ComponentFormatError(`invalid component binary: ${message}`, at, "check that the file is a complete WebAssembly component (wasm-tools validate <file>)");
  }
  step() {
    if (++this.steps > MAX_STEPS) this.fail("too many nested instantiations to read its types");
  }
  u8(end) {
    if (this.pos >= end) this.fail("unexpected end of section");
    return this.bytes[this.pos++];
  }
  peek(end) {
    if (this.pos >= end) this.fail("unexpected end of section");
    return this.bytes[this.pos];
  }
  u32(end) {
    let result = 0;
    let shift = 0;
    for (; ; ) {
      const b = this.u8(end);
      if (shift === 28 && b > 15) this.fail("integer too large");
      result += (b & 127) * 2 ** shift;
      if ((b & 128) === 0) return result;
      shift += 7;
    }
  }
  /** Skips an unsigned LEB128 of up to 64 bits (memory and table limits). */
  skipLeb(end) {
    for (let i = 0; i < 10; i++) if ((this.u8(end) & 128) === 0) return;
    this.fail("integer too large");
  }
  s33(end) {
    let result = 0;
    let shift = 0;
    let b;
    do {
      b = this.u8(end);
      if (shift > 28) this.fail("integer too large");
      result += (b & 127) * 2 ** shift;
      shift += 7;
    } while (b & 128);
    if (b & 64) result -= 2 ** shift;
    return result;
  }
  name(end) {
    const len = this.u32(end);
    if (this.pos + len > end) this.fail("name extends past end of section");
    const start = this.pos;
    this.pos += len;
    try {
      return decoder.decode(this.bytes.subarray(start, start + len));
    } catch {
      return this.fail("name is not valid UTF-8", start);
    }
  }
  freshResource(name) {
    return { name, id: this.nextResourceId++ };
  }
};
function readComponentWorld(bytes) {
  if (bytes.length < 8 || bytes[0] !== 0 || bytes[1] !== 97 || bytes[2] !== 115 || bytes[3] !== 109) {
    throw new ComponentFormatError("not a WebAssembly binary (missing the \\0asm header)", 0, "pass a .wasm component file");
  }
  if (bytes[6] === 0 && bytes[7] === 0) {
    throw new ComponentFormatError(
      "this is a core WebAssembly module, not a component",
      6,
      'turn it into a component first (run-action does this for `language = "wat"`/C builds; by hand: jco new <module>.wasm --wasi-command -o <component>.wasm)'
    );
  }
  const r = new Reader(bytes);
  const { imports, exports } = evalComponent(r, 0, bytes.length, void 0, void 0);
  return { imports: toWorldItems(imports), exports: toWorldItems(exports) };
}
function evalComponent(r, start, end, parent, args) {
  r.pos = start;
  const b = r.bytes;
  if (end - start < 8 || b[start + 4] !== 13 || b[start + 5] !== 0 || b[start + 6] !== 1 || b[start + 7] !== 0) {
    r.fail(`unsupported component binary version ${Array.from(b.subarray(start + 4, start + 8), (x) => x.toString(16).padStart(2, "0")).join(" ")} (this reader knows 0d 00 01 00)`, start + 4);
  }
  r.pos = start + 8;
  const scope = new Scope(parent);
  const imports = [];
  const exports = [];
  while (r.pos < end) {
    const id2 = r.u8(end);
    const size = r.u32(end);
    const sectionEnd = r.pos + size;
    if (sectionEnd > end) r.fail(`section ${id2} extends past the end of the component`);
    r.step();
    switch (id2) {
      case 0:
      // custom
      case 1:
      // core module
      case 2:
      // core instances
      case 3:
      // core types
      case 9:
      // start
      case 12:
        r.pos = sectionEnd;
        break;
      case 4:
        scope.components.push({ kind: "defined", start: r.pos, end: sectionEnd, parent: scope });
        r.pos = sectionEnd;
        break;
      case 5:
        readInstances(r, sectionEnd, scope);
        break;
      case 6:
        forEach(r, sectionEnd, () => readAlias(r, sectionEnd, scope));
        break;
      case 7:
        forEach(r, sectionEnd, () => scope.types.push(readTypeDef(r, sectionEnd, scope)));
        break;
      case 8:
        forEach(r, sectionEnd, () => readCanon(r, sectionEnd, scope));
        break;
      case 10:
        forEach(r, sectionEnd, () => {
          const name = readExternName(r, sectionEnd);
          const desc = readExternDesc(r, sectionEnd, scope, name);
          const ext = args?.get(name) ?? desc;
          push(scope, ext);
          imports.push([name, ext]);
        });
        break;
      case 11:
        forEach(r, sectionEnd, () => {
          const name = readExternName(r, sectionEnd);
          const actual = lookup(r, sectionEnd, scope, readSort(r, sectionEnd), r.u32(sectionEnd));
          const ascribed = readOptional(r, sectionEnd) ? readExternDesc(r, sectionEnd, scope, name) : void 0;
          const ext = named(r, ascribed ?? actual, name);
          push(scope, ext);
          exports.push([name, ext]);
        });
        break;
      default:
        r.fail(`unknown section id ${id2}`, r.pos - 1);
    }
    if (r.pos !== sectionEnd) r.fail(`section ${id2} has ${sectionEnd - r.pos} unread bytes`);
  }
  return { imports, exports };
}
function forEach(r, end, body) {
  const count = r.u32(end);
  for (let i = 0; i < count; i++) body();
}
function readOptional(r, end) {
  const b = r.u8(end);
  if (b > 1) r.fail(`expected 0x00 or 0x01, found 0x${b.toString(16)}`, r.pos - 1);
  return b === 1;
}
function readSort(r, end) {
  const b = r.u8(end);
  if (b === 0) {
    r.u8(end);
    return "core";
  }
  return SORTS[b] ?? r.fail(`unknown sort 0x${b.toString(16)}`, r.pos - 1);
}
function readExternName(r, end) {
  const kind = r.u8(end);
  if (kind > 2) r.fail(`unknown extern name encoding 0x${kind.toString(16)}`, r.pos - 1);
  const name = r.name(end);
  if (kind === 2) {
    forEach(r, end, () => {
      const attr = r.u8(end);
      if (attr > 2) r.fail(`unknown name attribute 0x${attr.toString(16)}`, r.pos - 1);
      r.name(end);
    });
  }
  return name;
}
function ancestor(r, scope, count) {
  let s = scope;
  for (let i = 0; i < count && s; i++) s = s.parent;
  return s ?? r.fail(`outer alias count ${count} leaves the outermost component`);
}
function lookup(r, end, scope, sort, index) {
  const missing = () => r.fail(`${sort} index ${index} is out of range`);
  switch (sort) {
    case "func":
      return { sort, sig: scope.funcs[index] ?? missing() };
    case "instance":
      return { sort, exports: scope.instances[index] ?? missing() };
    case "type":
      return { sort, def: scope.types[index] ?? missing() };
    case "component":
      return { sort, component: scope.components[index] ?? missing() };
    case "value":
      return { sort: "value" };
    case "core":
      void end;
      return { sort: "module" };
  }
}
function push(scope, ext) {
  switch (ext.sort) {
    case "func":
      scope.funcs.push(ext.sig);
      break;
    case "instance":
      scope.instances.push(ext.exports);
      break;
    case "type":
      scope.types.push(ext.def);
      break;
    case "component":
      scope.components.push(ext.component);
      break;
    default:
      break;
  }
}
function named(r, ext, name) {
  if (ext.sort !== "type") return ext;
  const def = ext.def;
  if (def.sort === "value") return { sort: "type", def: { sort: "value", type: withName(def.type, name) } };
  if (def.sort === "resource" && def.resource.name === "") def.resource.name = name;
  void r;
  return ext;
}
function readExternDesc(r, end, scope, name) {
  const kind = r.u8(end);
  switch (kind) {
    case 0:
      if (r.u8(end) !== 17) r.fail("expected a core module type", r.pos - 1);
      r.u32(end);
      return { sort: "module" };
    case 1: {
      const def = typeAt(r, scope, r.u32(end));
      if (def.sort !== "func") r.fail(`import/export '${name}' declares a func with a non-function type`);
      return { sort: "func", sig: def.sig };
    }
    case 2:
      if (r.u8(end) === 0) r.u32(end);
      else readValType(r, end, scope);
      return { sort: "value" };
    case 3: {
      const bound = r.u8(end);
      if (bound === 0) return named(r, { sort: "type", def: typeAt(r, scope, r.u32(end)) }, name);
      if (bound === 1) return { sort: "type", def: { sort: "resource", resource: r.freshResource(name) } };
      return r.fail(`unknown type bound 0x${bound.toString(16)}`, r.pos - 1);
    }
    case 4: {
      const def = typeAt(r, scope, r.u32(end));
      if (def.sort !== "component") r.fail(`'${name}' declares a component with a non-component type`);
      return { sort: "component", component: def.component };
    }
    case 5: {
      const def = typeAt(r, scope, r.u32(end));
      if (def.sort !== "instance") r.fail(`'${name}' declares an instance with a non-instance type`);
      return { sort: "instance", exports: def.exports };
    }
    default:
      return r.fail(`unknown extern kind 0x${kind.toString(16)}`, r.pos - 1);
  }
}
function typeAt(r, scope, index) {
  return scope.types[index] ?? r.fail(`type index ${index} is out of range`);
}
function readInstances(r, end, scope) {
  forEach(r, end, () => {
    const kind = r.u8(end);
    if (kind === 0) {
      const component = scope.components[r.u32(end)] ?? r.fail("component index out of range");
      const args = /* @__PURE__ */ new Map();
      forEach(r, end, () => {
        const name = r.name(end);
        args.set(name, lookup(r, end, scope, readSort(r, end), r.u32(end)));
      });
      scope.instances.push(instantiate(r, component, args));
    } else if (kind === 1) {
      const exports = /* @__PURE__ */ new Map();
      forEach(r, end, () => {
        const name = readExternName(r, end);
        exports.set(name, named(r, lookup(r, end, scope, readSort(r, end), r.u32(end)), name));
      });
      scope.instances.push(exports);
    } else {
      r.fail(`unknown instance kind 0x${kind.toString(16)}`, r.pos - 1);
    }
  });
}
function instantiate(r, component, args) {
  if (component.kind === "typed") return component.exports;
  const resume = r.pos;
  const { exports } = evalComponent(r, component.start, component.end, component.parent, args);
  r.pos = resume;
  return new Map(exports);
}
function readAlias(r, end, scope) {
  const sort = readSort(r, end);
  const target = r.u8(end);
  if (target === 0) {
    const instance = scope.instances[r.u32(end)] ?? r.fail("instance index out of range");
    const name = r.name(end);
    const ext = instance.get(name) ?? r.fail(`instance has no export named '${name}'`);
    if (ext.sort !== sort && !(sort === "core" && ext.sort === "module")) r.fail(`alias of '${name}' expects a ${sort}, found a ${ext.sort}`);
    push(scope, ext);
  } else if (target === 1) {
    r.u32(end);
    r.name(end);
  } else if (target === 2) {
    const count = r.u32(end);
    const index = r.u32(end);
    if (sort !== "core") push(scope, lookup(r, end, ancestor(r, scope, count), sort, index));
  } else {
    r.fail(`unknown alias target 0x${target.toString(16)}`, r.pos - 1);
  }
}
function readCanonOpts(r, end) {
  forEach(r, end, () => {
    const opt = r.u8(end);
    if (opt >= 3 && opt <= 8 && opt !== 6) r.u32(end);
    else if (opt > 9) r.fail(`unknown canonical option 0x${opt.toString(16)}`, r.pos - 1);
  });
}
var CANON_OPERANDS = {
  2: ["u32"],
  3: ["u32"],
  4: ["u32"],
  5: [],
  6: ["byte"],
  9: ["resultlist", "opts"],
  10: ["byte", "u32"],
  11: ["byte", "u32"],
  12: ["byte"],
  13: [],
  14: ["u32"],
  15: ["u32", "opts"],
  16: ["u32", "opts"],
  17: ["u32", "byte"],
  18: ["u32", "byte"],
  19: ["u32"],
  20: ["u32"],
  21: ["u32"],
  22: ["u32", "opts"],
  23: ["u32", "opts"],
  24: ["u32", "byte"],
  25: ["u32", "byte"],
  26: ["u32"],
  27: ["u32"],
  28: ["opts"],
  29: ["opts"],
  30: [],
  31: [],
  32: ["byte", "u32"],
  33: ["byte", "u32"],
  34: [],
  35: [],
  36: [],
  37: [],
  38: [],
  39: ["u32", "u32"],
  40: [],
  41: ["byte"],
  42: ["byte"],
  43: ["byte"],
  44: ["byte"],
  45: ["byte"],
  64: ["u32"],
  65: ["u32", "u32"],
  66: []
};
function readCanon(r, end, scope) {
  const op = r.u8(end);
  if (op === 0) {
    if (r.u8(end) !== 0) r.fail("canon lift expects a core func", r.pos - 1);
    r.u32(end);
    readCanonOpts(r, end);
    const def = typeAt(r, scope, r.u32(end));
    if (def.sort !== "func") r.fail("canon lift refers to a non-function type");
    scope.funcs.push(def.sig);
    return;
  }
  if (op === 1) {
    if (r.u8(end) !== 0) r.fail("canon lower expects a func", r.pos - 1);
    r.u32(end);
    readCanonOpts(r, end);
    return;
  }
  const operands = CANON_OPERANDS[op] ?? r.fail(`unknown canonical function 0x${op.toString(16)}`, r.pos - 1);
  for (const operand of operands) {
    if (operand === "u32") r.u32(end);
    else if (operand === "byte") r.u8(end);
    else if (operand === "opts") readCanonOpts(r, end);
    else readResult(r, end, scope);
  }
}
function readValType(r, end, scope) {
  const prim2 = PRIMITIVE_CODES[r.peek(end)];
  if (prim2) {
    r.pos++;
    return prim2;
  }
  const index = r.s33(end);
  if (index < 0) r.fail("unknown value type", r.pos - 1);
  const def = typeAt(r, scope, index);
  if (def.sort !== "value") r.fail(`type index ${index} is a ${def.sort} type, not a value type`);
  return def.type;
}
function readOptionalValType(r, end, scope) {
  return readOptional(r, end) ? readValType(r, end, scope) : void 0;
}
function resourceAt(r, scope, index) {
  const def = typeAt(r, scope, index);
  if (def.sort !== "resource") r.fail(`handle refers to type index ${index}, which is not a resource`);
  return def.resource;
}
function readResult(r, end, scope) {
  const kind = r.u8(end);
  if (kind === 0) return readValType(r, end, scope);
  if (kind === 1 && r.u8(end) === 0) return void 0;
  return r.fail("functions with several named results are not supported by the component model any more", r.pos - 1);
}
function readTypeDef(r, end, scope) {
  r.step();
  const op = r.u8(end);
  const value = (type) => ({ sort: "value", type });
  const prim2 = PRIMITIVE_CODES[op];
  if (prim2) return value(prim2);
  switch (op) {
    case 114: {
      const fields = [];
      forEach(r, end, () => fields.push({ name: r.name(end), type: readValType(r, end, scope) }));
      return value({ kind: "record", fields });
    }
    case 113: {
      const cases = [];
      forEach(r, end, () => {
        const name = r.name(end);
        const type = readOptionalValType(r, end, scope);
        if (readOptional(r, end)) r.u32(end);
        cases.push(type ? { name, type } : { name });
      });
      return value({ kind: "variant", cases });
    }
    case 112:
      return value({ kind: "list", element: readValType(r, end, scope) });
    case 103: {
      const element = readValType(r, end, scope);
      return value({ kind: "list", element, length: r.u32(end) });
    }
    case 111: {
      const types = [];
      forEach(r, end, () => types.push(readValType(r, end, scope)));
      return value({ kind: "tuple", types });
    }
    case 110:
    case 109: {
      const labels = [];
      forEach(r, end, () => labels.push(r.name(end)));
      return value(op === 110 ? { kind: "flags", flags: labels } : { kind: "enum", cases: labels });
    }
    case 107:
      return value({ kind: "option", inner: readValType(r, end, scope) });
    case 106: {
      const ok = readOptionalValType(r, end, scope);
      const err = readOptionalValType(r, end, scope);
      return value({ kind: "result", ...ok ? { ok } : {}, ...err ? { err } : {} });
    }
    case 105:
    case 104:
      return value({ kind: op === 105 ? "own" : "borrow", resource: resourceAt(r, scope, r.u32(end)) });
    case 102:
    case 101: {
      const element = readOptionalValType(r, end, scope);
      return value({ kind: op === 102 ? "stream" : "future", ...element ? { element } : {} });
    }
    case 99: {
      const key = readValType(r, end, scope);
      return value({ kind: "map", key, value: readValType(r, end, scope) });
    }
    case 64:
    case 67: {
      const params = [];
      forEach(r, end, () => params.push({ name: r.name(end), type: readValType(r, end, scope) }));
      const result = readResult(r, end, scope);
      return { sort: "func", sig: { params, ...result ? { result } : {}, async: op === 67 } };
    }
    case 65:
    case 66:
      return readTypeDecls(r, end, scope, op === 65);
    case 63: {
      r.u8(end);
      if (readOptional(r, end)) r.u32(end);
      return { sort: "resource", resource: r.freshResource("") };
    }
    default:
      return r.fail(`unknown type constructor 0x${op.toString(16)}`, r.pos - 1);
  }
}
function readTypeDecls(r, end, outer, isComponent) {
  const scope = new Scope(outer);
  const exports = /* @__PURE__ */ new Map();
  forEach(r, end, () => {
    const kind = r.u8(end);
    switch (kind) {
      case 0:
        skipCoreType(r, end);
        break;
      case 1:
        scope.types.push(readTypeDef(r, end, scope));
        break;
      case 2:
        readAlias(r, end, scope);
        break;
      case 3:
      case 4: {
        if (kind === 3 && !isComponent) r.fail("an instance type cannot declare imports", r.pos - 1);
        const name = readExternName(r, end);
        const ext = readExternDesc(r, end, scope, name);
        push(scope, ext);
        if (kind === 4) exports.set(name, ext);
        break;
      }
      default:
        r.fail(`unknown type declaration 0x${kind.toString(16)}`, r.pos - 1);
    }
  });
  return isComponent ? { sort: "component", component: { kind: "typed", exports } } : { sort: "instance", exports };
}
function skipCoreType(r, end) {
  if (r.peek(end) !== 80) return skipCoreFuncType(r, end);
  r.pos++;
  forEach(r, end, () => {
    const decl = r.u8(end);
    if (decl === 0) {
      r.name(end);
      r.name(end);
      skipCoreTypeRef(r, end);
    } else if (decl === 1) {
      skipCoreFuncType(r, end);
    } else if (decl === 2) {
      r.u8(end);
      r.u8(end);
      r.u32(end);
      r.u32(end);
    } else if (decl === 3) {
      r.name(end);
      skipCoreTypeRef(r, end);
    } else {
      r.fail(`unknown core module type declaration 0x${decl.toString(16)}`, r.pos - 1);
    }
  });
}
function skipCoreFuncType(r, end) {
  if (r.u8(end) !== 96) r.fail("core GC types in component types are not supported", r.pos - 1);
  for (let i = 0; i < 2; i++) forEach(r, end, () => skipCoreValType(r, end));
}
function skipCoreValType(r, end) {
  const t = r.u8(end);
  if (t >= 123 && t <= 127 || t === 112 || t === 111) return;
  r.fail(`unsupported core value type 0x${t.toString(16)}`, r.pos - 1);
}
function skipCoreTypeRef(r, end) {
  const kind = r.u8(end);
  const limits = () => {
    const flags = r.u8(end);
    r.skipLeb(end);
    if (flags & 1) r.skipLeb(end);
  };
  if (kind === 0) r.u32(end);
  else if (kind === 1) {
    skipCoreValType(r, end);
    limits();
  } else if (kind === 2) limits();
  else if (kind === 3) {
    skipCoreValType(r, end);
    r.u8(end);
  } else if (kind === 4) {
    r.u8(end);
    r.u32(end);
  } else r.fail(`unknown core import kind 0x${kind.toString(16)}`, r.pos - 1);
}
function toFunction(name, sig) {
  const { kind, resource } = classifyFunctionName(name);
  return {
    name,
    kind,
    ...resource === void 0 ? {} : { resource },
    params: sig.params,
    ...sig.result ? { result: sig.result } : {},
    async: sig.async
  };
}
function toWorldItems(entries) {
  const items = [];
  for (const [name, ext] of entries) {
    if (ext.sort === "func") {
      items.push({ kind: "function", name, func: toFunction(name, ext.sig) });
    } else if (ext.sort === "instance") {
      const iface = { functions: /* @__PURE__ */ new Map(), types: /* @__PURE__ */ new Map() };
      for (const [member, m] of ext.exports) {
        if (m.sort === "func") iface.functions.set(member, toFunction(member, m.sig));
        else if (m.sort === "type" && m.def.sort === "value") iface.types.set(member, m.def.type);
        else if (m.sort === "type" && m.def.sort === "resource") iface.types.set(member, { kind: "own", resource: m.def.resource });
      }
      const id2 = parseInterfaceName(name);
      items.push({ kind: "interface", name, ...id2 ? { id: id2 } : {}, iface });
    }
  }
  return items;
}

// src/core/wit/resolve-function.ts
function callable(func, qualifiedName) {
  const { kind, resource } = classifyFunctionName(func.name);
  if (kind !== "freestanding") {
    throw new UnsupportedFunctionError(
      `Function '${qualifiedName}' is a ${kind === "constructor" ? "constructor" : `${kind} function`} of resource ${resource}; only freestanding functions can be called`,
      { hint: "export a freestanding function that creates and uses the resource, and call that" }
    );
  }
}
function inInterface(item, func) {
  const qualifiedName = `${item.name}#${func.name}`;
  callable(func, qualifiedName);
  return { func, qualifiedName, interfaceName: item.name, jcoPath: [exportKey(item.name), lowerCamel(func.name)] };
}
function interfaceMatches(item, name) {
  if (item.name === name) return true;
  const id2 = item.id;
  if (!id2) return false;
  const unversioned = `${id2.namespace}:${id2.package}/${id2.name}`;
  return name === unversioned || name === id2.name;
}
function exportedFunctions(world) {
  const out = [];
  for (const item of world.exports) {
    if (item.kind === "function") out.push(item.name);
    else for (const f of item.iface.functions.values()) if (f.kind === "freestanding") out.push(`${item.name}#${f.name}`);
  }
  return out;
}
function notFound(world, name, detail = "") {
  const available = exportedFunctions(world);
  const kebab = name.replace(/([a-z0-9])([A-Z])/g, "$1-$2").toLowerCase();
  const suggestion = kebab !== name && available.some((a) => a === kebab || a.endsWith(`#${kebab}`)) ? ` (WIT names are kebab-case: did you mean '${kebab}'?)` : "";
  return new FunctionNotFoundError(
    `Function '${name}' not found${detail}${suggestion}`,
    available,
    available.length ? `exported functions: ${available.join(", ")}` : "this component exports no functions (is it a command? run it without --function)"
  );
}
function resolveFunction(world, name) {
  for (const item of world.exports) {
    if (item.kind === "function" && item.name === name) {
      callable(item.func, item.name);
      return { func: item.func, qualifiedName: item.name, jcoPath: [lowerCamel(item.name)] };
    }
  }
  const interfaces = world.exports.filter((i) => i.kind === "interface");
  const splits = [];
  for (const sep of ["#", "::"]) {
    const at = name.indexOf(sep);
    if (at > 0) {
      splits.push([name.slice(0, at), name.slice(at + sep.length)]);
      break;
    }
  }
  if (splits.length === 0) {
    const first = name.indexOf(".");
    const last = name.lastIndexOf(".");
    if (first > 0) splits.push([name.slice(0, first), name.slice(first + 1)]);
    if (last > first) splits.push([name.slice(0, last), name.slice(last + 1)]);
  }
  for (const [ifaceName, fnName] of splits) {
    const matches = interfaces.filter((i) => interfaceMatches(i, ifaceName));
    if (matches.length > 1) {
      const candidates = matches.map((m) => `${m.name}#${fnName}`);
      throw new AmbiguousFunctionError(
        `Function '${name}' is ambiguous across exported interfaces: interface '${ifaceName}' matches ${matches.map((m) => m.name).join(" and ")}`,
        candidates,
        `name the interface in full, e.g. --function '${candidates[0]}'`
      );
    }
    const item = matches[0];
    if (!item) continue;
    const func = item.iface.functions.get(fnName);
    if (func) return inInterface(item, func);
    throw notFound(world, name, ` in interface ${item.name}`);
  }
  const hits = [];
  for (const item of interfaces) {
    const func = item.iface.functions.get(name);
    if (func) hits.push(inInterface(item, func));
  }
  if (hits.length === 1) return hits[0];
  if (hits.length > 1) {
    const candidates = hits.map((h) => h.qualifiedName);
    throw new AmbiguousFunctionError(
      `Function '${name}' is ambiguous across exported interfaces: ${candidates.join(", ")}`,
      candidates,
      `qualify it with its interface, e.g. --function '${candidates[0]}'`
    );
  }
  throw notFound(world, name);
}

// src/core/exec/invoke.ts
var UnsupportedCallError = class extends RunActionError {
};
var NoEntryPointError = class extends RunActionError {
};
var CLI_RUN = /^wasi:cli\/run(@[^#]*)?$/;
var ComponentRunner = class _ComponentRunner {
  constructor(artifact, world, session) {
    this.artifact = artifact;
    this.world = world;
    this.session = session;
  }
  artifact;
  world;
  session;
  static async open(artifact, options) {
    const world = readComponentWorld(artifact.bytes);
    const session = await openComponent({ bytes: artifact.bytes, file: artifact.file, cacheDir: options.cacheDir, limits: options.limits ?? {} });
    return new _ComponentRunner(artifact, world, session);
  }
  resolve(name) {
    const resolved = resolveFunction(this.world, name);
    if (resolved.func.kind !== "freestanding" || resolved.jcoPath.length > 2) {
      throw new UnsupportedCallError(`${resolved.qualifiedName} is a resource function; only freestanding functions can be called`, {
        hint: "export a freestanding wrapper function for it"
      });
    }
    return resolved;
  }
  /** True when the component is a command (exports wasi:cli/run). */
  get isCommand() {
    return this.world.exports.some((e) => e.kind === "interface" && CLI_RUN.test(e.name));
  }
  async call(fn, args, host, timeoutMs) {
    const jsArgs = fn.func.params.map((p, i) => toJs(args[i], p.type));
    const outcome = await this.session.call({
      path: fn.jcoPath,
      args: jsArgs,
      host,
      resultIsResult: fn.func.result?.kind === "result",
      ...timeoutMs !== void 0 ? { timeoutMs } : {}
    });
    if (outcome.class !== "ok") return { outcome };
    const value = fn.func.result ? fromJs(outcome.value, fn.func.result) ?? { kind: "unit" } : { kind: "unit" };
    return { outcome, value };
  }
  /** Runs a command's `wasi:cli/run#run`. */
  async run(host, timeoutMs) {
    if (!this.isCommand) {
      const fns = this.world.exports.map((e) => e.name);
      throw new NoEntryPointError(`${this.artifact.file} has no CLI entry point (wasi:cli/run)`, {
        hint: fns.length ? `call one of its exports with --call '<fn>(\u2026)' or --function: ${fns.join(", ")}` : "the component exports nothing"
      });
    }
    return this.session.run({ host, ...timeoutMs !== void 0 ? { timeoutMs } : {} });
  }
  close() {
    return this.session.close();
  }
};

// src/core/values/describe.ts
function describeType(type) {
  const k = type.kind;
  if (isIntKind(k)) return `a ${k} (an integer from ${INT_RANGES[k].min} to ${INT_RANGES[k].max})`;
  switch (type.kind) {
    case "bool":
      return "a bool (true or false)";
    case "f32":
    case "f64":
      return `a ${type.kind} (a number such as 1.5, or nan, inf, -inf)`;
    case "char":
      return "a char in single quotes ('a')";
    case "string":
      return 'a string in double quotes ("text")';
    case "list":
      return `a list (${formatType(type)}) in square brackets`;
    case "tuple":
      return `a tuple of ${type.types.length} (${formatType(type)}) in parentheses`;
    case "record":
      return `${type.name ? `record ${type.name}` : "a record"} { ${type.fields.map((f) => `${f.name}: ${formatType(f.type)}`).join(", ")} }`;
    case "variant":
      return `a case of ${type.name ? `variant ${type.name}` : "the variant"} (${type.cases.map((c) => c.type ? `${c.name}(${formatType(c.type)})` : c.name).join(", ")})`;
    case "enum":
      return `a case of ${type.name ? `enum ${type.name}` : "the enum"} (${type.cases.join(", ")})`;
    case "flags":
      return `a set of flags of ${type.name ?? "the flags"} ({${type.flags.join(", ")}}) in braces`;
    case "option":
      return `an ${formatType(type)} (some(\u2026) or none)`;
    case "result":
      return `a ${formatType(type)} (ok${type.ok ? "(\u2026)" : ""} or err${type.err ? "(\u2026)" : ""})`;
    default:
      return `a ${formatType(type)}`;
  }
}
var label = (name) => ["true", "false", "some", "none", "ok", "err", "inf", "nan"].includes(name) ? `%${name}` : name;
function exampleValue(type, depth = 0) {
  if (depth > 4) return "\u2026";
  const ex = (t) => exampleValue(t, depth + 1);
  switch (type.kind) {
    case "bool":
      return "true";
    case "s8":
    case "s16":
    case "s32":
    case "s64":
    case "u8":
    case "u16":
    case "u32":
    case "u64":
      return "42";
    case "f32":
    case "f64":
      return "1.5";
    case "char":
      return "'a'";
    case "string":
      return '"text"';
    case "list":
      return `[${ex(type.element)}, ${ex(type.element)}]`;
    case "tuple":
      return `(${type.types.map(ex).join(", ")})`;
    case "record":
      return type.fields.length ? `{${type.fields.map((f) => `${f.name}: ${ex(f.type)}`).join(", ")}}` : "{:}";
    case "variant": {
      const c = type.cases[0];
      return c.type ? `${label(c.name)}(${ex(c.type)})` : label(c.name);
    }
    case "enum":
      return label(type.cases[0]);
    case "flags":
      return `{${type.flags.slice(0, 2).join(", ")}}`;
    case "option":
      return `some(${ex(type.inner)})`;
    case "result":
      return type.ok ? `ok(${ex(type.ok)})` : "ok";
    default:
      return `(no text form for ${formatType(type)})`;
  }
}

// src/core/values/upstream-syntax.ts
var UPSTREAM_TYPES = ["bool", "u8", "u16", "u32", "u64", "s8", "s16", "s32", "s64", "f32", "f64", "char", "string", "enum", "flags"];
function upstreamPrefix(text) {
  const m = /^\s*([A-Za-z_][A-Za-z0-9_]*):(?!:)/.exec(text);
  return m ? m[1] : void 0;
}
var RUST_FLOAT = /^[+-]?(?:inf|infinity|nan|(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)$/i;
function parseRustFloat(text) {
  if (!RUST_FLOAT.test(text)) return void 0;
  const lower = text.toLowerCase().replace(/^\+/, "");
  if (/^-?inf(inity)?$/.test(lower)) return lower.startsWith("-") ? -Infinity : Infinity;
  if (/^-?nan$/.test(lower)) return NaN;
  return Number(lower);
}
function parseRustInt(text, kind) {
  const { min, max } = INT_RANGES[kind];
  if (text === "") return "cannot parse integer from empty string";
  const signed = min < 0n;
  const m = signed ? /^([+-]?)(\d+)$/.exec(text) : /^(\+?)(\d+)$/.exec(text);
  if (!m) return "invalid digit found in string";
  const n = BigInt(`${m[1] === "-" ? "-" : ""}${m[2]}`);
  if (n > max) return "number too large to fit in target type";
  if (n < min) return "number too small to fit in target type";
  return n;
}
function invalid(input, column, type, reason) {
  throw new ValueTypeError({
    problem: `Invalid value: ${reason}`,
    input,
    column,
    expected: type === "f32" || type === "f64" ? `a ${type} number such as 1.5` : `a ${type} such as ${type}:${type.startsWith("u") ? 42 : -7}`,
    hint: type.startsWith("u") || type.startsWith("s") ? `write a whole number from ${INT_RANGES[type].min} to ${INT_RANGES[type].max}` : "write a number such as 1.5, 3, -0.25 or 6.02e23"
  });
}
function parseUpstream(text, input = text, offset = 0) {
  const lead = text.length - text.trimStart().length;
  const t = text.trim();
  const col = offset + lead + 1;
  if (t === "unit" || t === "()") return { kind: "unit" };
  if (t.length >= 2 && t.startsWith('"') && t.endsWith('"')) return { kind: "string", value: t.slice(1, -1) };
  if (t === "true" || t === "false") return { kind: "bool", value: t === "true" };
  const colon = t.indexOf(":");
  if (colon !== -1) {
    const prefix = t.slice(0, colon);
    const value = t.slice(colon + 1);
    const valueCol = col + colon + 1;
    if (!UPSTREAM_TYPES.includes(prefix)) {
      throw new UnknownValueTypeError({
        problem: `Unknown value type '${prefix}'`,
        input,
        column: col,
        expected: `one of ${UPSTREAM_TYPES.join(", ")} before the ':'`,
        hint: `write for example s32:42 or string:${t}; or, without a prefix, a WAVE value such as "${t.replace(/["\\]/g, "\\$&")}"`
      });
    }
    const type = prefix;
    switch (type) {
      case "bool":
        return { kind: "bool", value: value === "true" };
      case "f32":
      case "f64": {
        const f2 = parseRustFloat(value);
        if (f2 === void 0) invalid(input, valueCol, type, "invalid float literal");
        return floatVal(type, f2);
      }
      case "char": {
        const ch = [...value][0];
        if (ch === void 0) invalid(input, valueCol, type, "empty char");
        return { kind: "char", value: ch };
      }
      case "string":
        return { kind: "string", value };
      case "enum":
        return { kind: "enum", case: value };
      case "flags":
        return { kind: "flags", flags: value.split(/[|,]/).map((f2) => f2.trim()).filter((f2) => f2 !== "") };
      default: {
        const n = parseRustInt(value, type);
        if (typeof n === "string") invalid(input, valueCol, type, n);
        return intVal(type, n);
      }
    }
  }
  const int = parseRustInt(t, "s64");
  if (typeof int === "bigint") return int >= INT_RANGES.s32.min && int <= INT_RANGES.s32.max ? intVal("s32", int) : intVal("s64", int);
  const f = parseRustFloat(t);
  if (f !== void 0) return floatVal("f64", f);
  return { kind: "string", value: t };
}

// src/core/values/wave-parse.ts
var KEYWORDS = /* @__PURE__ */ new Set(["true", "false", "some", "none", "ok", "err", "inf", "nan"]);
var MAX_DEPTH = 100;
var ESCAPE_HINT = `valid escapes are \\n \\t \\r \\\\ \\" \\' and \\u{1F600}`;
var NODE_NAMES = {
  true: "the bool true",
  false: "the bool false",
  number: "a number",
  char: "a char",
  string: "a string",
  tuple: "a tuple",
  list: "a list",
  record: "a record",
  flags: "flags",
  label: "a label",
  variant: "a variant case with a payload",
  some: "some(\u2026)",
  none: "none",
  ok: "ok",
  err: "err"
};
var Lexer = class {
  constructor(input, from, end) {
    this.input = input;
    this.end = end;
    this.pos = from;
  }
  input;
  end;
  pos;
  peeked;
  syntax(problem, at, expected, hint) {
    throw new ValueSyntaxError({ problem, input: this.input, column: at + 1, expected, hint });
  }
  peek() {
    this.peeked ??= this.scan();
    return this.peeked;
  }
  next() {
    const t = this.peek();
    this.peeked = void 0;
    return t;
  }
  skipTrivia() {
    const s = this.input;
    while (this.pos < this.end) {
      const c = s[this.pos];
      if (c === " " || c === "	" || c === "\n" || c === "\r") this.pos++;
      else if (c === "/" && s[this.pos + 1] === "/") {
        const nl = s.indexOf("\n", this.pos);
        this.pos = nl === -1 || nl > this.end ? this.end : nl + 1;
      } else break;
    }
  }
  scan() {
    this.skipTrivia();
    const s = this.input;
    const start = this.pos;
    if (start >= this.end) return { type: "eof", start, end: start, value: "" };
    const c = s[start];
    if ("{}()[]:,".includes(c)) {
      this.pos++;
      return { type: c, start, end: this.pos, value: c };
    }
    if (c === '"') return s.startsWith('"""', start) ? this.multiline(start) : this.string(start);
    if (c === "'") return this.char(start);
    if (c === "-" || c >= "0" && c <= "9") return this.number(start);
    if (c === "%" || /[A-Za-z]/.test(c)) return this.label(start);
    return this.syntax(`unexpected character '${c}'`, start, "a value", `write ${'a value such as 42, "text", [1, 2] or {a: 1}'}`);
  }
  number(start) {
    const s = this.input;
    if (s.startsWith("-inf", start) && !/[A-Za-z0-9-]/.test(s[start + 4] ?? "")) {
      this.pos = start + 4;
      return { type: "number", start, end: this.pos, value: "-inf" };
    }
    const re = /-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?/y;
    re.lastIndex = start;
    const m = re.exec(s);
    if (!m || m.index + m[0].length > this.end) this.syntax("malformed number", start, "a number such as 42, -7 or 1.5e3", "write numbers in decimal: 42, -7, 1.5, 6.02e23");
    this.pos = start + m[0].length;
    if (/[A-Za-z0-9_.]/.test(s[this.pos] ?? "") && this.pos < this.end) {
      this.syntax(`malformed number '${s.slice(start, this.pos + 1)}'`, start, "a decimal number", "write numbers in decimal without leading zeros or suffixes: 42, 0, 1.5");
    }
    return { type: "number", start, end: this.pos, value: m[0] };
  }
  label(start) {
    const re = /%?([a-z][a-z0-9]*|[A-Z][A-Z0-9]*)(-([a-z0-9]+|[A-Z0-9]+))*/y;
    re.lastIndex = start;
    const m = re.exec(this.input);
    if (!m) this.syntax(`malformed label '${this.input.slice(start, start + 10)}'`, start, "a kebab-case label such as my-case", "labels are kebab-case words: red, green-ish, %ok");
    this.pos = start + m[0].length;
    const next = this.input[this.pos];
    if (next !== void 0 && this.pos < this.end && /[A-Za-z0-9_-]/.test(next)) {
      this.syntax(`malformed label '${this.input.slice(start, this.pos + 1)}'`, start, "a kebab-case label", "labels are kebab-case words; each word is all lowercase or all uppercase: green-ish, HTTP3");
    }
    const escaped = m[0].startsWith("%");
    return { type: "label", start, end: this.pos, value: escaped ? m[0].slice(1) : m[0], escaped };
  }
  /** One char of a string/char literal at `i`: [decoded, next index]. */
  charAt(i, quote, literalStart) {
    const s = this.input;
    const c = s[i];
    if (c === void 0 || i >= this.end) {
      const what = quote === '"' ? "string" : "char";
      this.syntax(`unterminated ${what}`, literalStart, `a closing ${quote}`, `close the ${what} with ${quote}${quote === '"' ? '; write a literal " as \\"' : ""}`);
    }
    if (c === "\n") this.syntax(`line break inside a ${quote === '"' ? "string" : "char"}`, i, quote === '"' ? 'the closing "' : "the closing '", 'write a line break as \\n (or use a """ multiline string)');
    if (c !== "\\") {
      const cp = s.codePointAt(i);
      return [String.fromCodePoint(cp), i + (cp > 65535 ? 2 : 1)];
    }
    const e = s[i + 1];
    const simple = { n: "\n", t: "	", r: "\r", "\\": "\\", '"': '"', "'": "'" };
    if (e !== void 0 && simple[e] !== void 0) return [simple[e], i + 2];
    if (e === "u") {
      const m = /^\{([0-9a-fA-F]{1,6})\}/.exec(s.slice(i + 2, i + 10));
      const cp = m ? parseInt(m[1], 16) : NaN;
      if (!m || cp > 1114111 || cp >= 55296 && cp <= 57343) {
        this.syntax(`invalid unicode escape '${s.slice(i, i + (m ? m[0].length + 2 : 3))}'`, i, "a \\u{\u2026} escape with 1 to 6 hex digits naming a Unicode scalar value", "write for example \\u{1F600} or \\u{41}");
      }
      return [String.fromCodePoint(cp), i + 2 + m[0].length];
    }
    return this.syntax(`invalid escape '\\${e ?? ""}'`, i, "an escape sequence", ESCAPE_HINT);
  }
  string(start) {
    let i = start + 1;
    let out = "";
    while (this.input[i] !== '"' || i >= this.end) {
      const [ch, next] = this.charAt(i, '"', start);
      out += ch;
      i = next;
    }
    this.pos = i + 1;
    return { type: "string", start, end: this.pos, value: out };
  }
  char(start) {
    if (this.input[start + 1] === "'") this.syntax("empty char", start, "exactly one character between the quotes", "write a char such as 'a' (or \\' for a quote)");
    const [ch, next] = this.charAt(start + 1, "'", start);
    if (this.input[next] !== "'" || next >= this.end) {
      const close = this.input.indexOf("'", next);
      if (close !== -1 && close < this.end && !this.input.slice(next, close).includes("\n")) {
        this.syntax("more than one character in a char", start, "exactly one character between the quotes", 'a char holds one character; use a string ("\u2026") for text');
      }
      this.syntax("unterminated char", start, "a closing '", "close the char with '");
    }
    this.pos = next + 1;
    return { type: "char", start, end: this.pos, value: ch };
  }
  /** `"""` newline … newline spaces `"""`: dedented by the closing line's indentation. */
  multiline(start) {
    const s = this.input;
    const close = s.indexOf('"""', start + 3);
    if (close === -1 || close + 3 > this.end) this.syntax("unterminated multiline string", start, 'a closing """', 'end it with """ on its own line');
    let i = start + 3;
    if (s[i] === "\r") i++;
    if (s[i] !== "\n") this.syntax('text after an opening """', start + 3, 'a line break right after """', "start the text on the next line");
    const lastNl = s.lastIndexOf("\n", close);
    const indent = s.slice(lastNl + 1, close);
    if (/[^ ]/.test(indent)) this.syntax('closing """ is not on its own line', close, 'only spaces before the closing """', 'put the closing """ on a line of its own');
    const lines = s.slice(i + 1, lastNl).split("\n");
    let out = "";
    let offset = i + 1;
    lines.forEach((line, n) => {
      if (line.endsWith("\r")) line = line.slice(0, -1);
      if (!line.startsWith(indent) && line.trim() !== "") this.syntax('line is indented less than the closing """', offset, `at least ${indent.length} spaces of indentation`, 'indent every line at least as far as the closing """');
      const body = line.slice(Math.min(indent.length, line.length));
      const bodyStart = offset + Math.min(indent.length, line.length);
      let j = bodyStart;
      while (j < bodyStart + body.length) {
        const [ch, next] = this.charAt(j, '"""', start);
        out += ch;
        j = next;
      }
      if (n < lines.length - 1) out += "\n";
      offset += line.length + 1 + (s[offset + line.length] === "\r" ? 1 : 0);
    });
    this.pos = close + 3;
    return { type: "string", start, end: this.pos, value: out };
  }
};
var Parser = class {
  constructor(lex) {
    this.lex = lex;
  }
  lex;
  depth = 0;
  unexpected(t, expected, hint = `write ${expected}`) {
    const found = t.type === "eof" ? "end of input" : `'${this.lex.input.slice(t.start, t.end)}'`;
    return this.lex.syntax(t.type === "eof" ? "unexpected end of input" : `unexpected ${found}`, t.start, expected, hint);
  }
  expect(type, expected) {
    const t = this.lex.next();
    if (t.type !== type) this.unexpected(t, expected);
    return t;
  }
  node() {
    if (++this.depth > MAX_DEPTH) this.lex.syntax("value nested too deeply", this.lex.pos, `at most ${MAX_DEPTH} levels of nesting`, "flatten the value");
    try {
      return this.nodeInner();
    } finally {
      this.depth--;
    }
  }
  leaf(t, tok) {
    return { t, start: tok.start, end: tok.end, kids: [], value: tok.value };
  }
  nodeInner() {
    const tok = this.lex.next();
    switch (tok.type) {
      case "number":
        return this.leaf("number", tok);
      case "char":
        return this.leaf("char", tok);
      case "string":
        return this.leaf("string", tok);
      case "(": {
        const kids = this.sequence(")", "a tuple element");
        if (kids.length === 0) this.lex.syntax("empty tuple", tok.start, "at least one value between ( and )", 'write (1, "a"); a function without a result returns nothing, so no expectation is needed');
        return { t: "tuple", start: tok.start, end: this.lex.pos, kids, value: "" };
      }
      case "[":
        return { t: "list", start: tok.start, end: this.lex.pos, kids: this.sequence("]", "a list element"), value: "" };
      case "{":
        return this.recordOrFlags(tok);
      case "label": {
        if (!tok.escaped && KEYWORDS.has(tok.value)) {
          switch (tok.value) {
            case "true":
            case "false":
              return this.leaf(tok.value, tok);
            case "inf":
            case "nan":
              return this.leaf("number", tok);
            case "none":
              return this.leaf("none", tok);
            case "some": {
              this.expect("(", "'(' after some (some(value))");
              const payload2 = this.node();
              this.expect(")", "')' to close some(\u2026)");
              return { t: "some", start: tok.start, end: this.lex.pos, kids: [payload2], value: "some" };
            }
            default: {
              const kids = [];
              if (this.lex.peek().type === "(") {
                this.lex.next();
                kids.push(this.node());
                this.expect(")", `')' to close ${tok.value}(\u2026)`);
              }
              return { t: tok.value, start: tok.start, end: this.lex.pos, kids, value: tok.value };
            }
          }
        }
        const label3 = this.leaf("label", tok);
        if (this.lex.peek().type !== "(") return label3;
        this.lex.next();
        const payload = this.node();
        this.expect(")", `')' to close ${tok.value}(\u2026)`);
        return { t: "variant", start: tok.start, end: this.lex.pos, kids: [label3, payload], value: tok.value };
      }
      default:
        return this.unexpected(tok, "a value");
    }
  }
  /** Comma-separated values up to `close`; trailing comma allowed. */
  sequence(close, what) {
    const kids = [];
    for (; ; ) {
      if (this.lex.peek().type === close) {
        this.lex.next();
        return kids;
      }
      kids.push(this.node());
      const sep = this.lex.next();
      if (sep.type === close) return kids;
      if (sep.type !== ",") this.unexpected(sep, `',' or '${close}' after ${what}`);
    }
  }
  recordOrFlags(open) {
    const first = this.lex.peek();
    if (first.type === ":") {
      this.lex.next();
      this.expect("}", "'}' after '{:' (the empty record)");
      return { t: "record", start: open.start, end: this.lex.pos, kids: [], value: "" };
    }
    if (first.type === "}") {
      this.lex.next();
      return { t: "flags", start: open.start, end: this.lex.pos, kids: [], value: "" };
    }
    const kids = [];
    let isRecord;
    const seen = /* @__PURE__ */ new Set();
    for (; ; ) {
      const label3 = this.lex.next();
      if (label3.type !== "label") this.unexpected(label3, isRecord === false ? "a flag name" : "a field name or flag name");
      const name = label3.value;
      if (seen.has(name)) this.lex.syntax(`duplicate ${isRecord ? "field" : "flag"} '${name}'`, label3.start, "each name once", `remove the second '${name}'`);
      seen.add(name);
      kids.push(this.leaf("label", label3));
      const after = this.lex.next();
      isRecord ??= after.type === ":";
      if (isRecord) {
        if (after.type !== ":") this.unexpected(after, `':' after field '${name}'`, `write ${name}: value`);
        kids.push(this.node());
        const sep = this.lex.next();
        if (sep.type === "}") break;
        if (sep.type !== ",") this.unexpected(sep, "',' or '}' in the record");
      } else {
        if (after.type === "}") break;
        if (after.type !== ",") this.unexpected(after, "',' or '}' in the flags");
      }
      if (this.lex.peek().type === "}") {
        this.lex.next();
        break;
      }
    }
    return { t: isRecord ? "record" : "flags", start: open.start, end: this.lex.pos, kids, value: "" };
  }
};
function parseTree(input, from, to) {
  const lex = new Lexer(input, from, to);
  const node = new Parser(lex).node();
  const rest = lex.next();
  if (rest.type !== "eof") {
    lex.syntax(`trailing characters '${input.slice(rest.start, to).trim()}' after the value`, rest.start, "the end of the value", "write one value; separate list items with commas inside [ ]");
  }
  return node;
}
function parseWave(input, type, span = { from: 0, to: input.length }) {
  const node = parseTree(input, span.from, span.to);
  return new Converter(input).convert(node, type);
}
function checkWaveSyntax(input) {
  parseTree(input, 0, input.length);
}
function flattenable(type) {
  return type.kind !== "option" && type.kind !== "result";
}
var Converter = class {
  constructor(input) {
    this.input = input;
  }
  input;
  mismatch(node, type, problem) {
    throw new ValueTypeError({
      problem: problem ?? `found ${NODE_NAMES[node.t]} where ${describeType(type)} is expected`,
      input: this.input,
      column: node.start + 1,
      expected: describeType(type),
      hint: `write ${exampleValue(type)}`
    });
  }
  convert(node, type) {
    const k = type.kind;
    if (isIntKind(k)) {
      if (node.t !== "number") this.mismatch(node, type);
      const text = node.value;
      if (!/^-?\d+$/.test(text)) this.mismatch(node, type, `${text} is not an integer`);
      const n = BigInt(text);
      const { min, max } = INT_RANGES[k];
      if (text.startsWith("-") && min === 0n) this.mismatch(node, type, `${k} cannot be negative (${text})`);
      if (n < min || n > max) this.mismatch(node, type, `${text} is out of range for ${k}`);
      return intVal(k, n);
    }
    switch (type.kind) {
      case "bool":
        if (node.t === "true" || node.t === "false") return { kind: "bool", value: node.t === "true" };
        return this.mismatch(node, type);
      case "f32":
      case "f64": {
        if (node.t !== "number") this.mismatch(node, type);
        const v = node.value === "nan" ? NaN : node.value === "inf" ? Infinity : node.value === "-inf" ? -Infinity : Number(node.value);
        return floatVal(type.kind, v);
      }
      case "char":
        if (node.t !== "char") this.mismatch(node, type, node.t === "string" ? `found a string where a char is expected (chars use single quotes)` : void 0);
        return { kind: "char", value: node.value };
      case "string":
        if (node.t !== "string") this.mismatch(node, type, node.t === "char" ? `found a char where a string is expected (strings use double quotes)` : void 0);
        return { kind: "string", value: node.value };
      case "list": {
        if (node.t !== "list") this.mismatch(node, type);
        if (type.length !== void 0 && node.kids.length !== type.length) this.mismatch(node, type, `the list has ${node.kids.length} elements but ${type.length} are required`);
        return { kind: "list", items: node.kids.map((n) => this.convert(n, type.element)) };
      }
      case "tuple": {
        if (node.t !== "tuple") this.mismatch(node, type);
        if (node.kids.length !== type.types.length) this.mismatch(node, type, `the tuple has ${node.kids.length} values but ${type.types.length} are required`);
        return { kind: "tuple", items: node.kids.map((n, i) => this.convert(n, type.types[i])) };
      }
      case "record":
        return this.record(node, type);
      case "variant":
        return this.variant(node, type);
      case "enum": {
        const c = this.caseName(node, type);
        if (payloadOf(node)) this.mismatch(node, type, `enum case '${c}' takes no payload`);
        if (!type.cases.includes(c)) this.mismatch(node, type, `'${c}' is not a case of ${type.name ? `enum ${type.name}` : "the enum"}`);
        return { kind: "enum", case: c };
      }
      case "flags": {
        if (node.t === "record" && node.kids.length === 0) return { kind: "flags", flags: [] };
        if (node.t !== "flags") this.mismatch(node, type);
        const given = new Map(node.kids.map((n) => [n.value, n]));
        for (const [name, n] of given) if (!type.flags.includes(name)) this.mismatch(n, type, `'${name}' is not a flag of ${type.name ?? "the flags"}`);
        return { kind: "flags", flags: type.flags.filter((f) => given.has(f)) };
      }
      case "option": {
        if (node.t === "none") return { kind: "option" };
        if (node.t === "some") return { kind: "option", value: this.convert(node.kids[0], type.inner) };
        if (!flattenable(type.inner)) this.mismatch(node, type, `found ${NODE_NAMES[node.t]} where ${describeType(type)} is expected (write some(\u2026) or none: a nested option cannot be written flat)`);
        return { kind: "option", value: this.convert(node, type.inner) };
      }
      case "result": {
        if (node.t === "ok" || node.t === "err") {
          const ok = node.t === "ok";
          const payloadType = ok ? type.ok : type.err;
          const payload = node.kids[0];
          if (payloadType && !payload) this.mismatch(node, type, `${node.t} needs a payload: ${node.t}(${exampleValue(payloadType)})`);
          if (!payloadType && payload) this.mismatch(node, type, `${node.t} of ${describeType(type)} takes no payload`);
          return { kind: "result", ok, ...payload ? { value: this.convert(payload, payloadType) } : {} };
        }
        if (!type.ok || !flattenable(type.ok)) this.mismatch(node, type);
        return { kind: "result", ok: true, value: this.convert(node, type.ok) };
      }
      case "own":
      case "borrow":
        return this.mismatch(node, type, `a ${type.resource.name} resource handle cannot be written as text`);
      default:
        return this.mismatch(node, type, `values of type ${type.kind} cannot be written as text`);
    }
  }
  /** The case name of a label, `case(payload)`, or a keyword form (`none`, `ok(…)` …) used as a case. */
  caseName(node, type) {
    switch (node.t) {
      case "label":
      case "variant":
        return node.value;
      case "none":
      case "some":
      case "ok":
      case "err":
      case "true":
      case "false":
        return node.t;
      default:
        return this.mismatch(node, type);
    }
  }
  variant(node, type) {
    const name = this.caseName(node, type);
    const c = type.cases.find((x) => x.name === name);
    if (!c) this.mismatch(node, type, `'${name}' is not a case of ${type.name ? `variant ${type.name}` : "the variant"}`);
    const payloadNode = payloadOf(node);
    if (c.type && !payloadNode) this.mismatch(node, type, `case '${name}' needs a payload: ${name}(${exampleValue(c.type)})`);
    if (!c.type && payloadNode) this.mismatch(node, type, `case '${name}' takes no payload`);
    return { kind: "variant", case: name, ...payloadNode ? { payload: this.convert(payloadNode, c.type) } : {} };
  }
  record(node, type) {
    const allOptional = type.fields.every((f) => f.type.kind === "option");
    if (node.t === "flags" && node.kids.length === 0 && allOptional) return { kind: "record", fields: type.fields.map((f) => ({ name: f.name, value: { kind: "option" } })) };
    if (node.t !== "record") this.mismatch(node, type);
    const given = /* @__PURE__ */ new Map();
    for (let i = 0; i < node.kids.length; i += 2) given.set(node.kids[i].value, { label: node.kids[i], value: node.kids[i + 1] });
    for (const [name, { label: label3 }] of given) {
      if (!type.fields.some((f) => f.name === name)) this.mismatch(label3, type, `${type.name ? `record ${type.name}` : "the record"} has no field '${name}'`);
    }
    const fields = type.fields.map((f) => {
      const g = given.get(f.name);
      if (g) return { name: f.name, value: this.convert(g.value, f.type) };
      if (f.type.kind === "option") return { name: f.name, value: { kind: "option" } };
      return this.mismatch(node, type, `${type.name ? `record ${type.name}` : "the record"} is missing field '${f.name}'`);
    });
    return { kind: "record", fields };
  }
};
function payloadOf(node) {
  if (node.t === "variant") return node.kids[1];
  return node.t === "some" || node.t === "ok" || node.t === "err" ? node.kids[0] : void 0;
}

// src/core/values/value-text.ts
function isSingleStringLiteral(text) {
  if (!text.startsWith('"') || !text.endsWith('"') || text.length < 2) return false;
  try {
    checkWaveSyntax(text);
    return true;
  } catch {
    return false;
  }
}
function parseValueText(input, type, role, span = { from: 0, to: input.length }) {
  const text = input.slice(span.from, span.to);
  const lead = text.length - text.trimStart().length;
  const trimmed = text.trim();
  if (type === void 0) return parseUpstream(text, input, span.from);
  if (upstreamPrefix(trimmed) !== void 0) {
    const val = parseUpstream(text, input, span.from);
    const mismatch = typeMismatch(val, type);
    if (mismatch && role === "argument") {
      throw new ValueTypeError({
        problem: `'${trimmed}' is ${mismatch}`,
        input,
        column: span.from + lead + 1,
        expected: describeType(type),
        hint: `write ${exampleValue(type)}, or drop the type prefix and let the WIT type decide`
      });
    }
    return val;
  }
  try {
    return parseWave(input, type, span);
  } catch (err) {
    if (!(err instanceof ValueInputError)) throw err;
    if (err instanceof ValueTypeError && isSingleStringLiteral(trimmed)) {
      const inner = parseWave(trimmed, primitives.string);
      if (inner.kind === "string") {
        try {
          return parseValueText(inner.value, type, role);
        } catch {
          throw err;
        }
      }
    }
    if (type.kind === "string" && (err instanceof ValueSyntaxError || err instanceof ValueTypeError) && !/^["']/.test(trimmed)) {
      return { kind: "string", value: trimmed };
    }
    throw err;
  }
}
function parseArguments(func, texts) {
  const params = func.params;
  const signature = `${func.name}: ${formatFunctionType(func)}`;
  if (texts.length > params.length) {
    throw new ArgumentCountError(`${func.name} takes ${params.length} argument${params.length === 1 ? "" : "s"}, ${texts.length} given`, {
      hint: `the function is ${signature}`
    });
  }
  const values = texts.map(
    (t, i) => typeof t === "string" ? parseValueText(t, params[i].type, "argument") : parseValueText(t.input, params[i].type, "argument", t.span)
  );
  for (let i = texts.length; i < params.length; i++) {
    const p = params[i];
    if (p.type.kind !== "option") {
      throw new ArgumentCountError(`missing argument '${p.name}' (${describeType(p.type)}) for ${func.name}`, {
        hint: `the function is ${signature}; for example pass ${exampleValue(p.type)}`
      });
    }
    values.push({ kind: "option" });
  }
  return values;
}

// src/core/values/float-format.ts
function shortest(value, single) {
  let text = value.toExponential();
  if (single) {
    for (let p = 0; p < 9; p++) {
      const candidate = value.toExponential(p);
      if (Math.fround(Number(candidate)) === value) {
        text = candidate;
        break;
      }
    }
  }
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  const digits = (m[2] + (m[3] ?? "")).replace(/0+$/, "") || "0";
  return { negative: m[1] === "-" || Object.is(value, -0), digits, point: Number(m[4]) + 1 };
}
function rustDisplayFloat(value, single) {
  if (Number.isNaN(value)) return "NaN";
  if (!Number.isFinite(value)) return value > 0 ? "inf" : "-inf";
  if (value === 0) return Object.is(value, -0) ? "-0" : "0";
  const { negative, digits, point } = shortest(value, single);
  let body;
  if (point <= 0) body = `0.${"0".repeat(-point)}${digits}`;
  else if (point >= digits.length) body = digits + "0".repeat(point - digits.length);
  else body = `${digits.slice(0, point)}.${digits.slice(point)}`;
  return negative ? `-${body}` : body;
}
function jsonFloat(value, single) {
  if (!Number.isFinite(value)) return "null";
  if (value === 0) return Object.is(value, -0) ? "-0.0" : "0.0";
  const { negative, digits, point } = shortest(value, single);
  const n = digits.length;
  let body;
  if (point >= n && point <= 16) body = `${digits}${"0".repeat(point - n)}.0`;
  else if (point > 0 && point <= 16) body = `${digits.slice(0, point)}.${digits.slice(point)}`;
  else if (point > -5 && point <= 0) body = `0.${"0".repeat(-point)}${digits}`;
  else body = `${digits[0]}${n > 1 ? `.${digits.slice(1)}` : ""}e${point - 1}`;
  return negative ? `-${body}` : body;
}

// src/core/values/wave-print.ts
var KEYWORDS2 = /* @__PURE__ */ new Set(["true", "false", "some", "none", "ok", "err", "inf", "nan"]);
function escapeChar(ch) {
  switch (ch) {
    case "\\":
      return "\\\\";
    case "\n":
      return "\\n";
    case "	":
      return "\\t";
    case "\r":
      return "\\r";
    case '"':
    case "'":
      return `\\${ch}`;
    default:
      return /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}]/u.test(ch) ? `\\u{${ch.codePointAt(0).toString(16)}}` : ch;
  }
}
function escapeText(text) {
  let out = "";
  for (const ch of text) out += escapeChar(ch);
  return out;
}
var label2 = (name) => KEYWORDS2.has(name) ? `%${name}` : name;
function printWave(val) {
  switch (val.kind) {
    case "bool":
      return String(val.value);
    case "s8":
    case "s16":
    case "s32":
    case "u8":
    case "u16":
    case "u32":
    case "s64":
    case "u64":
      return String(val.value);
    case "f32":
    case "f64":
      return Number.isNaN(val.value) ? "nan" : rustDisplayFloat(val.value, val.kind === "f32");
    case "char":
      return `'${escapeText(val.value)}'`;
    case "string":
      return `"${escapeText(val.value)}"`;
    case "list":
      return `[${val.items.map(printWave).join(", ")}]`;
    case "tuple":
      return `(${val.items.map(printWave).join(", ")})`;
    case "record": {
      const shown = val.fields.filter((f) => !(f.value.kind === "option" && f.value.value === void 0));
      return shown.length ? `{${shown.map((f) => `${f.name}: ${printWave(f.value)}`).join(", ")}}` : "{:}";
    }
    case "variant":
      return `${label2(val.case)}${val.payload ? `(${printWave(val.payload)})` : ""}`;
    case "enum":
      return label2(val.case);
    case "flags":
      return `{${val.flags.join(", ")}}`;
    case "option":
      return val.value ? `some(${printWave(val.value)})` : "none";
    case "result":
      return `${val.ok ? "ok" : "err"}${val.value ? `(${printWave(val.value)})` : ""}`;
    case "handle":
      return `${val.borrow ? "borrow" : "own"}<${val.resource}>(${val.id})`;
    case "unit":
      return "()";
  }
}

// src/core/check/run-tests.ts
var decoder2 = new TextDecoder();
async function runTests(config, options) {
  const policy = options.policy ?? config.run.policy;
  let tests = config.tests.filter((t) => !options.filter || t.component === options.filter || t.name === options.filter);
  const runners = /* @__PURE__ */ new Map();
  const open = (c) => {
    let r = runners.get(c.name);
    if (!r) {
      r = loadComponentArtifact(config, c).then((a) => ComponentRunner.open(a, { cacheDir: cacheDirOf(config.dir), limits: { memoryBytes: config.run.memoryMiB * 1024 * 1024, timeoutMs: config.run.timeoutMs } }));
      r.catch(() => {
      });
      runners.set(c.name, r);
    }
    return r;
  };
  try {
    if (tests.length === 0) tests = await discover(config, options.filter, open);
    const results = [];
    for (const test of tests) {
      const component = config.components.find((c) => c.name === test.component);
      const result = await runOne(config, component, test, policy, options, open);
      results.push(result);
      options.onResult?.(result);
    }
    const passed = results.filter((r) => r.passed).length;
    return { results, passed, failed: results.length - passed };
  } finally {
    await Promise.all([...runners.values()].map((r) => r.then((x) => x.close(), () => {
    })));
  }
}
async function runOne(config, component, test, policy, options, open) {
  const base = { name: test.name, component: test.component, stdout: "", stderr: "", ledger: [] };
  let runner;
  let fn;
  let args;
  try {
    runner = await open(component);
    fn = runner.resolve(test.function);
    args = parseArguments(fn.func, test.args);
  } catch (err) {
    if (err instanceof RunActionError) return { ...base, passed: false, reason: err.message + (err.hint ? ` (${err.hint})` : "") };
    throw err;
  }
  const grants = grantsFor({ capabilities: component.capabilities, policy, dir: config.dir, env: options.env, args: [component.name], logger: options.logger });
  const host = hostConfig({ policy, grants, outputCapBytes: config.run.outputCapBytes, ...config.build.sourceDateEpoch !== void 0 ? { sourceDateEpoch: config.build.sourceDateEpoch } : {} });
  const { outcome, value } = await runner.call(fn, args, host);
  const result = {
    ...base,
    passed: false,
    outcome: { class: outcome.class, exitCode: outcome.exitCode, message: outcome.message, elapsedMs: outcome.elapsedMs },
    ...value ? { value: printWave(value) } : {},
    stdout: decoder2.decode(outcome.stdout),
    stderr: decoder2.decode(outcome.stderr),
    ledger: outcome.ledger
  };
  const reason = judge(test, outcome, value, fn.func.result, result.stdout);
  return reason === void 0 ? { ...result, passed: true } : { ...result, reason };
}
function judge(test, outcome, value, resultType, stdout) {
  const exitCode = outcome.class === "exit" ? outcome.exitCode : outcome.class === "ok" ? 0 : void 0;
  if (outcome.class !== "ok" && !(outcome.class === "exit" && test.expectExit !== void 0)) {
    const error = `Component execution failed: ${test.component} - ${outcome.message}`;
    if (test.expectError !== void 0) {
      return error.includes(test.expectError) ? void 0 : `Expected error containing '${test.expectError}', got '${error}'`;
    }
    return error;
  }
  if (test.expectError !== void 0) return `Expected error containing '${test.expectError}', but the call succeeded`;
  if (test.expectExit !== void 0 && exitCode !== test.expectExit) return `Expected exit ${test.expectExit}, got ${exitCode}`;
  if (test.expect !== void 0) {
    let expected;
    try {
      expected = parseValueText(test.expect, resultType, "expectation");
    } catch (err) {
      if (err instanceof RunActionError) return `invalid expectation: ${err.message}`;
      throw err;
    }
    const got = value ?? { kind: "unit" };
    if (!valEquals(expected, got)) return `Expected ${describe(expected)}, got ${describe(got)}`;
  }
  if (test.expectStdout !== void 0 && stdout !== test.expectStdout) {
    return `Expected stdout ${JSON.stringify(test.expectStdout)}, got ${JSON.stringify(stdout)}`;
  }
  return void 0;
}
function describe(v) {
  return `${v.kind} ${printWave(v)}`;
}
async function discover(config, filter, open) {
  const found = [];
  for (const component of config.components) {
    if (filter && component.name !== filter) continue;
    let runner;
    try {
      runner = await open(component);
    } catch {
      continue;
    }
    for (const item of runner.world.exports) {
      const names = item.kind === "function" ? [item.name] : [...item.iface.functions.values()].filter((f) => f.kind === "freestanding").map((f) => `${item.name}#${f.name}`);
      for (const fn of names) {
        if (!/^test[_-]/.test(fn.replace(/^.*#/, ""))) continue;
        found.push({ name: `${component.name}::${fn.replace(/^.*#/, "")}`, component: component.name, function: fn, args: [], expectExit: 0, location: component.location });
      }
    }
  }
  return found;
}

export {
  closest,
  parseByteSize,
  parseDuration,
  loadRunConfig,
  formatFunctionType,
  CallSyntaxError,
  parseArguments,
  cacheDirOf,
  loadTarget,
  grantsFor,
  hostConfig,
  ComponentRunner,
  rustDisplayFloat,
  jsonFloat,
  printWave,
  runTests
};
