#!/usr/bin/env node
import { createRequire as __runActionRequire } from 'node:module'; const require = __runActionRequire(import.meta.url);
import {
  CallSyntaxError,
  ComponentRunner,
  cacheDirOf,
  closest,
  formatFunctionType,
  grantsFor,
  hostConfig,
  jsonFloat,
  loadRunConfig,
  loadTarget,
  parseArguments,
  parseByteSize,
  parseDuration,
  printWave,
  runTests,
  rustDisplayFloat
} from "./chunk-VHMB7AL5.js";
import {
  RunActionError,
  formatError
} from "./chunk-SCWAIDUC.js";
import {
  __commonJS,
  __toESM
} from "./chunk-YKBNFI37.js";

// node_modules/semver/internal/constants.js
var require_constants = __commonJS({
  "node_modules/semver/internal/constants.js"(exports, module) {
    "use strict";
    var SEMVER_SPEC_VERSION = "2.0.0";
    var MAX_LENGTH = 256;
    var MAX_SAFE_INTEGER = Number.MAX_SAFE_INTEGER || /* istanbul ignore next */
    9007199254740991;
    var MAX_SAFE_COMPONENT_LENGTH = 16;
    var MAX_SAFE_BUILD_LENGTH = MAX_LENGTH - 6;
    var WHITESPACE_CHARACTERS = [
      "	",
      "\n",
      "\v",
      "\f",
      "\r",
      " ",
      "\xA0",
      "\u1680",
      "\u2000",
      "\u2001",
      "\u2002",
      "\u2003",
      "\u2004",
      "\u2005",
      "\u2006",
      "\u2007",
      "\u2008",
      "\u2009",
      "\u200A",
      "\u2028",
      "\u2029",
      "\u202F",
      "\u205F",
      "\u3000",
      "\uFEFF"
    ];
    var RELEASE_TYPES = [
      "major",
      "premajor",
      "minor",
      "preminor",
      "patch",
      "prepatch",
      "prerelease"
    ];
    module.exports = {
      MAX_LENGTH,
      MAX_SAFE_COMPONENT_LENGTH,
      MAX_SAFE_BUILD_LENGTH,
      MAX_SAFE_INTEGER,
      WHITESPACE_CHARACTERS,
      RELEASE_TYPES,
      SEMVER_SPEC_VERSION,
      FLAG_INCLUDE_PRERELEASE: 1,
      FLAG_LOOSE: 2
    };
  }
});

// node_modules/semver/internal/debug.js
var require_debug = __commonJS({
  "node_modules/semver/internal/debug.js"(exports, module) {
    "use strict";
    var debug = typeof process === "object" && process.env && process.env.NODE_DEBUG && /\bsemver\b/i.test(process.env.NODE_DEBUG) ? (...args) => console.error("SEMVER", ...args) : () => {
    };
    module.exports = debug;
  }
});

// node_modules/semver/internal/re.js
var require_re = __commonJS({
  "node_modules/semver/internal/re.js"(exports, module) {
    "use strict";
    var {
      MAX_SAFE_COMPONENT_LENGTH,
      MAX_SAFE_BUILD_LENGTH,
      MAX_LENGTH
    } = require_constants();
    var debug = require_debug();
    exports = module.exports = {};
    var re = exports.re = [];
    var safeRe = exports.safeRe = [];
    var src = exports.src = [];
    var safeSrc = exports.safeSrc = [];
    var t = exports.t = {};
    var R = 0;
    var LETTERDASHNUMBER = "[a-zA-Z0-9-]";
    var safeRegexReplacements = [
      ["\\s", 1],
      ["\\d", MAX_LENGTH],
      [LETTERDASHNUMBER, MAX_SAFE_BUILD_LENGTH]
    ];
    var makeSafeRegex = (value) => {
      for (const [token, max] of safeRegexReplacements) {
        value = value.split(`${token}*`).join(`${token}{0,${max}}`).split(`${token}+`).join(`${token}{1,${max}}`);
      }
      return value;
    };
    var createToken = (name, value, isGlobal) => {
      const safe = makeSafeRegex(value);
      const index = R++;
      debug(name, index, value);
      t[name] = index;
      src[index] = value;
      safeSrc[index] = safe;
      re[index] = new RegExp(value, isGlobal ? "g" : void 0);
      safeRe[index] = new RegExp(safe, isGlobal ? "g" : void 0);
    };
    createToken("NUMERICIDENTIFIER", "0|[1-9]\\d*");
    createToken("NUMERICIDENTIFIERLOOSE", "\\d+");
    createToken("NONNUMERICIDENTIFIER", `\\d*[a-zA-Z-]${LETTERDASHNUMBER}*`);
    createToken("MAINVERSION", `(${src[t.NUMERICIDENTIFIER]})\\.(${src[t.NUMERICIDENTIFIER]})\\.(${src[t.NUMERICIDENTIFIER]})`);
    createToken("MAINVERSIONLOOSE", `(${src[t.NUMERICIDENTIFIERLOOSE]})\\.(${src[t.NUMERICIDENTIFIERLOOSE]})\\.(${src[t.NUMERICIDENTIFIERLOOSE]})`);
    createToken("PRERELEASEIDENTIFIER", `(?:${src[t.NONNUMERICIDENTIFIER]}|${src[t.NUMERICIDENTIFIER]})`);
    createToken("PRERELEASEIDENTIFIERLOOSE", `(?:${src[t.NONNUMERICIDENTIFIER]}|${src[t.NUMERICIDENTIFIERLOOSE]})`);
    createToken("PRERELEASE", `(?:-(${src[t.PRERELEASEIDENTIFIER]}(?:\\.${src[t.PRERELEASEIDENTIFIER]})*))`);
    createToken("PRERELEASELOOSE", `(?:-?(${src[t.PRERELEASEIDENTIFIERLOOSE]}(?:\\.${src[t.PRERELEASEIDENTIFIERLOOSE]})*))`);
    createToken("BUILDIDENTIFIER", `${LETTERDASHNUMBER}+`);
    createToken("BUILD", `(?:\\+(${src[t.BUILDIDENTIFIER]}(?:\\.${src[t.BUILDIDENTIFIER]})*))`);
    createToken("FULLPLAIN", `v?${src[t.MAINVERSION]}${src[t.PRERELEASE]}?${src[t.BUILD]}?`);
    createToken("FULL", `^${src[t.FULLPLAIN]}$`);
    createToken("LOOSEPLAIN", `[v=\\s]*${src[t.MAINVERSIONLOOSE]}${src[t.PRERELEASELOOSE]}?${src[t.BUILD]}?`);
    createToken("LOOSE", `^${src[t.LOOSEPLAIN]}$`);
    createToken("GTLT", "((?:<|>)?=?)");
    createToken("XRANGEIDENTIFIERLOOSE", `${src[t.NUMERICIDENTIFIERLOOSE]}|x|X|\\*`);
    createToken("XRANGEIDENTIFIER", `${src[t.NUMERICIDENTIFIER]}|x|X|\\*`);
    createToken("XRANGEPLAIN", `[v=\\s]*(${src[t.XRANGEIDENTIFIER]})(?:\\.(${src[t.XRANGEIDENTIFIER]})(?:\\.(${src[t.XRANGEIDENTIFIER]})(?:${src[t.PRERELEASE]})?${src[t.BUILD]}?)?)?`);
    createToken("XRANGEPLAINLOOSE", `[v=\\s]*(${src[t.XRANGEIDENTIFIERLOOSE]})(?:\\.(${src[t.XRANGEIDENTIFIERLOOSE]})(?:\\.(${src[t.XRANGEIDENTIFIERLOOSE]})(?:${src[t.PRERELEASELOOSE]})?${src[t.BUILD]}?)?)?`);
    createToken("XRANGE", `^${src[t.GTLT]}\\s*${src[t.XRANGEPLAIN]}$`);
    createToken("XRANGELOOSE", `^${src[t.GTLT]}\\s*${src[t.XRANGEPLAINLOOSE]}$`);
    createToken("COERCEPLAIN", `${"(^|[^\\d])(\\d{1,"}${MAX_SAFE_COMPONENT_LENGTH}})(?:\\.(\\d{1,${MAX_SAFE_COMPONENT_LENGTH}}))?(?:\\.(\\d{1,${MAX_SAFE_COMPONENT_LENGTH}}))?`);
    createToken("COERCE", `${src[t.COERCEPLAIN]}(?:$|[^\\d])`);
    createToken("COERCEFULL", src[t.COERCEPLAIN] + `(?:${src[t.PRERELEASE]})?(?:${src[t.BUILD]})?(?:$|[^\\d])`);
    createToken("COERCERTL", src[t.COERCE], true);
    createToken("COERCERTLFULL", src[t.COERCEFULL], true);
    createToken("LONETILDE", "(?:~>?)");
    createToken("TILDETRIM", `(\\s*)${src[t.LONETILDE]}\\s+`, true);
    exports.tildeTrimReplace = "$1~";
    createToken("TILDE", `^${src[t.LONETILDE]}${src[t.XRANGEPLAIN]}$`);
    createToken("TILDELOOSE", `^${src[t.LONETILDE]}${src[t.XRANGEPLAINLOOSE]}$`);
    createToken("LONECARET", "(?:\\^)");
    createToken("CARETTRIM", `(\\s*)${src[t.LONECARET]}\\s+`, true);
    exports.caretTrimReplace = "$1^";
    createToken("CARET", `^${src[t.LONECARET]}${src[t.XRANGEPLAIN]}$`);
    createToken("CARETLOOSE", `^${src[t.LONECARET]}${src[t.XRANGEPLAINLOOSE]}$`);
    createToken("COMPARATORLOOSE", `^${src[t.GTLT]}\\s*(${src[t.LOOSEPLAIN]})$|^$`);
    createToken("COMPARATOR", `^${src[t.GTLT]}\\s*(${src[t.FULLPLAIN]})$|^$`);
    createToken("COMPARATORTRIM", `(\\s*)${src[t.GTLT]}\\s*(${src[t.LOOSEPLAIN]}|${src[t.XRANGEPLAIN]})`, true);
    exports.comparatorTrimReplace = "$1$2$3";
    createToken("HYPHENRANGE", `^\\s*(${src[t.XRANGEPLAIN]})\\s+-\\s+(${src[t.XRANGEPLAIN]})\\s*$`);
    createToken("HYPHENRANGELOOSE", `^\\s*(${src[t.XRANGEPLAINLOOSE]})\\s+-\\s+(${src[t.XRANGEPLAINLOOSE]})\\s*$`);
    createToken("STAR", "(<|>)?=?\\s*\\*");
    createToken("GTE0", "^\\s*>=\\s*0\\.0\\.0\\s*$");
    createToken("GTE0PRE", "^\\s*>=\\s*0\\.0\\.0-0\\s*$");
  }
});

// node_modules/semver/internal/parse-options.js
var require_parse_options = __commonJS({
  "node_modules/semver/internal/parse-options.js"(exports, module) {
    "use strict";
    var looseOption = Object.freeze({ loose: true });
    var emptyOpts = Object.freeze({});
    var parseOptions = (options) => {
      if (!options) {
        return emptyOpts;
      }
      if (typeof options !== "object") {
        return looseOption;
      }
      return options;
    };
    module.exports = parseOptions;
  }
});

// node_modules/semver/internal/identifiers.js
var require_identifiers = __commonJS({
  "node_modules/semver/internal/identifiers.js"(exports, module) {
    "use strict";
    var numeric = /^[0-9]+$/;
    var compareIdentifiers = (a, b) => {
      if (typeof a === "number" && typeof b === "number") {
        return a === b ? 0 : a < b ? -1 : 1;
      }
      const anum = numeric.test(a);
      const bnum = numeric.test(b);
      if (anum && bnum) {
        a = +a;
        b = +b;
      }
      return a === b ? 0 : anum && !bnum ? -1 : bnum && !anum ? 1 : a < b ? -1 : 1;
    };
    var rcompareIdentifiers = (a, b) => compareIdentifiers(b, a);
    module.exports = {
      compareIdentifiers,
      rcompareIdentifiers
    };
  }
});

// node_modules/semver/classes/semver.js
var require_semver = __commonJS({
  "node_modules/semver/classes/semver.js"(exports, module) {
    "use strict";
    var debug = require_debug();
    var { MAX_LENGTH, MAX_SAFE_INTEGER } = require_constants();
    var { safeRe: re, t } = require_re();
    var parseOptions = require_parse_options();
    var { compareIdentifiers } = require_identifiers();
    var isPrereleaseIdentifier = (prerelease, identifier) => {
      const identifiers = identifier.split(".");
      if (identifiers.length > prerelease.length) {
        return false;
      }
      for (let i = 0; i < identifiers.length; i++) {
        if (compareIdentifiers(prerelease[i], identifiers[i]) !== 0) {
          return false;
        }
      }
      return true;
    };
    var SemVer = class _SemVer {
      constructor(version, options) {
        options = parseOptions(options);
        if (version instanceof _SemVer) {
          if (version.loose === !!options.loose && version.includePrerelease === !!options.includePrerelease) {
            return version;
          } else {
            version = version.version;
          }
        } else if (typeof version !== "string") {
          throw new TypeError(`Invalid version. Must be a string. Got type "${typeof version}".`);
        }
        if (version.length > MAX_LENGTH) {
          throw new TypeError(
            `version is longer than ${MAX_LENGTH} characters`
          );
        }
        debug("SemVer", version, options);
        this.options = options;
        this.loose = !!options.loose;
        this.includePrerelease = !!options.includePrerelease;
        const m = version.trim().match(options.loose ? re[t.LOOSE] : re[t.FULL]);
        if (!m) {
          throw new TypeError(`Invalid Version: ${version}`);
        }
        this.raw = version;
        this.major = +m[1];
        this.minor = +m[2];
        this.patch = +m[3];
        if (this.major > MAX_SAFE_INTEGER || this.major < 0) {
          throw new TypeError("Invalid major version");
        }
        if (this.minor > MAX_SAFE_INTEGER || this.minor < 0) {
          throw new TypeError("Invalid minor version");
        }
        if (this.patch > MAX_SAFE_INTEGER || this.patch < 0) {
          throw new TypeError("Invalid patch version");
        }
        if (!m[4]) {
          this.prerelease = [];
        } else {
          this.prerelease = m[4].split(".").map((id) => {
            if (/^[0-9]+$/.test(id)) {
              const num = +id;
              if (num >= 0 && num < MAX_SAFE_INTEGER) {
                return num;
              }
            }
            return id;
          });
        }
        this.build = m[5] ? m[5].split(".") : [];
        this.format();
      }
      format() {
        this.version = `${this.major}.${this.minor}.${this.patch}`;
        if (this.prerelease.length) {
          this.version += `-${this.prerelease.join(".")}`;
        }
        return this.version;
      }
      toString() {
        return this.version;
      }
      compare(other) {
        debug("SemVer.compare", this.version, this.options, other);
        if (!(other instanceof _SemVer)) {
          if (typeof other === "string" && other === this.version) {
            return 0;
          }
          other = new _SemVer(other, this.options);
        }
        if (other.version === this.version) {
          return 0;
        }
        return this.compareMain(other) || this.comparePre(other);
      }
      compareMain(other) {
        if (!(other instanceof _SemVer)) {
          other = new _SemVer(other, this.options);
        }
        if (this.major < other.major) {
          return -1;
        }
        if (this.major > other.major) {
          return 1;
        }
        if (this.minor < other.minor) {
          return -1;
        }
        if (this.minor > other.minor) {
          return 1;
        }
        if (this.patch < other.patch) {
          return -1;
        }
        if (this.patch > other.patch) {
          return 1;
        }
        return 0;
      }
      comparePre(other) {
        if (!(other instanceof _SemVer)) {
          other = new _SemVer(other, this.options);
        }
        if (this.prerelease.length && !other.prerelease.length) {
          return -1;
        } else if (!this.prerelease.length && other.prerelease.length) {
          return 1;
        } else if (!this.prerelease.length && !other.prerelease.length) {
          return 0;
        }
        let i = 0;
        do {
          const a = this.prerelease[i];
          const b = other.prerelease[i];
          debug("prerelease compare", i, a, b);
          if (a === void 0 && b === void 0) {
            return 0;
          } else if (b === void 0) {
            return 1;
          } else if (a === void 0) {
            return -1;
          } else if (a === b) {
            continue;
          } else {
            return compareIdentifiers(a, b);
          }
        } while (++i);
      }
      compareBuild(other) {
        if (!(other instanceof _SemVer)) {
          other = new _SemVer(other, this.options);
        }
        let i = 0;
        do {
          const a = this.build[i];
          const b = other.build[i];
          debug("build compare", i, a, b);
          if (a === void 0 && b === void 0) {
            return 0;
          } else if (b === void 0) {
            return 1;
          } else if (a === void 0) {
            return -1;
          } else if (a === b) {
            continue;
          } else {
            return compareIdentifiers(a, b);
          }
        } while (++i);
      }
      // preminor will bump the version up to the next minor release, and immediately
      // down to pre-release. premajor and prepatch work the same way.
      inc(release, identifier, identifierBase) {
        if (release.startsWith("pre")) {
          if (!identifier && identifierBase === false) {
            throw new Error("invalid increment argument: identifier is empty");
          }
          if (identifier) {
            const match = `-${identifier}`.match(this.options.loose ? re[t.PRERELEASELOOSE] : re[t.PRERELEASE]);
            if (!match || match[1] !== identifier) {
              throw new Error(`invalid identifier: ${identifier}`);
            }
          }
        }
        switch (release) {
          case "premajor":
            this.prerelease.length = 0;
            this.patch = 0;
            this.minor = 0;
            this.major++;
            this.inc("pre", identifier, identifierBase);
            break;
          case "preminor":
            this.prerelease.length = 0;
            this.patch = 0;
            this.minor++;
            this.inc("pre", identifier, identifierBase);
            break;
          case "prepatch":
            this.prerelease.length = 0;
            this.inc("patch", identifier, identifierBase);
            this.inc("pre", identifier, identifierBase);
            break;
          // If the input is a non-prerelease version, this acts the same as
          // prepatch.
          case "prerelease":
            if (this.prerelease.length === 0) {
              this.inc("patch", identifier, identifierBase);
            }
            this.inc("pre", identifier, identifierBase);
            break;
          case "release":
            if (this.prerelease.length === 0) {
              throw new Error(`version ${this.raw} is not a prerelease`);
            }
            this.prerelease.length = 0;
            break;
          case "major":
            if (this.minor !== 0 || this.patch !== 0 || this.prerelease.length === 0) {
              this.major++;
            }
            this.minor = 0;
            this.patch = 0;
            this.prerelease = [];
            break;
          case "minor":
            if (this.patch !== 0 || this.prerelease.length === 0) {
              this.minor++;
            }
            this.patch = 0;
            this.prerelease = [];
            break;
          case "patch":
            if (this.prerelease.length === 0) {
              this.patch++;
            }
            this.prerelease = [];
            break;
          // This probably shouldn't be used publicly.
          // 1.0.0 'pre' would become 1.0.0-0 which is the wrong direction.
          case "pre": {
            const base = Number(identifierBase) ? 1 : 0;
            if (this.prerelease.length === 0) {
              this.prerelease = [base];
            } else {
              let i = this.prerelease.length;
              while (--i >= 0) {
                if (typeof this.prerelease[i] === "number") {
                  this.prerelease[i]++;
                  i = -2;
                }
              }
              if (i === -1) {
                if (identifier === this.prerelease.join(".") && identifierBase === false) {
                  throw new Error("invalid increment argument: identifier already exists");
                }
                this.prerelease.push(base);
              }
            }
            if (identifier) {
              let prerelease = [identifier, base];
              if (identifierBase === false) {
                prerelease = [identifier];
              }
              if (isPrereleaseIdentifier(this.prerelease, identifier)) {
                const prereleaseBase = this.prerelease[identifier.split(".").length];
                if (isNaN(prereleaseBase)) {
                  this.prerelease = prerelease;
                }
              } else {
                this.prerelease = prerelease;
              }
            }
            break;
          }
          default:
            throw new Error(`invalid increment argument: ${release}`);
        }
        this.raw = this.format();
        if (this.build.length) {
          this.raw += `+${this.build.join(".")}`;
        }
        return this;
      }
    };
    module.exports = SemVer;
  }
});

// node_modules/semver/functions/parse.js
var require_parse = __commonJS({
  "node_modules/semver/functions/parse.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var parse = (version, options, throwErrors = false) => {
      if (version instanceof SemVer) {
        return version;
      }
      try {
        return new SemVer(version, options);
      } catch (er) {
        if (!throwErrors) {
          return null;
        }
        throw er;
      }
    };
    module.exports = parse;
  }
});

// node_modules/semver/functions/valid.js
var require_valid = __commonJS({
  "node_modules/semver/functions/valid.js"(exports, module) {
    "use strict";
    var parse = require_parse();
    var valid = (version, options) => {
      const v = parse(version, options);
      return v ? v.version : null;
    };
    module.exports = valid;
  }
});

// node_modules/semver/functions/clean.js
var require_clean = __commonJS({
  "node_modules/semver/functions/clean.js"(exports, module) {
    "use strict";
    var parse = require_parse();
    var clean = (version, options) => {
      const s = parse(version.trim().replace(/^[=v]+/, ""), options);
      return s ? s.version : null;
    };
    module.exports = clean;
  }
});

// node_modules/semver/functions/inc.js
var require_inc = __commonJS({
  "node_modules/semver/functions/inc.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var inc = (version, release, options, identifier, identifierBase) => {
      if (typeof options === "string") {
        identifierBase = identifier;
        identifier = options;
        options = void 0;
      }
      try {
        return new SemVer(
          version instanceof SemVer ? version.version : version,
          options
        ).inc(release, identifier, identifierBase).version;
      } catch (er) {
        return null;
      }
    };
    module.exports = inc;
  }
});

// node_modules/semver/functions/diff.js
var require_diff = __commonJS({
  "node_modules/semver/functions/diff.js"(exports, module) {
    "use strict";
    var parse = require_parse();
    var diff = (version1, version2) => {
      const v1 = parse(version1, null, true);
      const v2 = parse(version2, null, true);
      const comparison = v1.compare(v2);
      if (comparison === 0) {
        return null;
      }
      const v1Higher = comparison > 0;
      const highVersion = v1Higher ? v1 : v2;
      const lowVersion = v1Higher ? v2 : v1;
      const highHasPre = !!highVersion.prerelease.length;
      const lowHasPre = !!lowVersion.prerelease.length;
      if (lowHasPre && !highHasPre) {
        if (!lowVersion.patch && !lowVersion.minor) {
          return "major";
        }
        if (lowVersion.compareMain(highVersion) === 0) {
          if (lowVersion.minor && !lowVersion.patch) {
            return "minor";
          }
          return "patch";
        }
      }
      const prefix = highHasPre ? "pre" : "";
      if (v1.major !== v2.major) {
        return prefix + "major";
      }
      if (v1.minor !== v2.minor) {
        return prefix + "minor";
      }
      if (v1.patch !== v2.patch) {
        return prefix + "patch";
      }
      return "prerelease";
    };
    module.exports = diff;
  }
});

// node_modules/semver/functions/major.js
var require_major = __commonJS({
  "node_modules/semver/functions/major.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var major = (a, loose) => new SemVer(a, loose).major;
    module.exports = major;
  }
});

// node_modules/semver/functions/minor.js
var require_minor = __commonJS({
  "node_modules/semver/functions/minor.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var minor = (a, loose) => new SemVer(a, loose).minor;
    module.exports = minor;
  }
});

// node_modules/semver/functions/patch.js
var require_patch = __commonJS({
  "node_modules/semver/functions/patch.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var patch = (a, loose) => new SemVer(a, loose).patch;
    module.exports = patch;
  }
});

// node_modules/semver/functions/prerelease.js
var require_prerelease = __commonJS({
  "node_modules/semver/functions/prerelease.js"(exports, module) {
    "use strict";
    var parse = require_parse();
    var prerelease = (version, options) => {
      const parsed = parse(version, options);
      return parsed && parsed.prerelease.length ? parsed.prerelease : null;
    };
    module.exports = prerelease;
  }
});

// node_modules/semver/functions/compare.js
var require_compare = __commonJS({
  "node_modules/semver/functions/compare.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var compare = (a, b, loose) => new SemVer(a, loose).compare(new SemVer(b, loose));
    module.exports = compare;
  }
});

// node_modules/semver/functions/rcompare.js
var require_rcompare = __commonJS({
  "node_modules/semver/functions/rcompare.js"(exports, module) {
    "use strict";
    var compare = require_compare();
    var rcompare = (a, b, loose) => compare(b, a, loose);
    module.exports = rcompare;
  }
});

// node_modules/semver/functions/compare-loose.js
var require_compare_loose = __commonJS({
  "node_modules/semver/functions/compare-loose.js"(exports, module) {
    "use strict";
    var compare = require_compare();
    var compareLoose = (a, b) => compare(a, b, true);
    module.exports = compareLoose;
  }
});

// node_modules/semver/functions/compare-build.js
var require_compare_build = __commonJS({
  "node_modules/semver/functions/compare-build.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var compareBuild = (a, b, loose) => {
      const versionA = new SemVer(a, loose);
      const versionB = new SemVer(b, loose);
      return versionA.compare(versionB) || versionA.compareBuild(versionB);
    };
    module.exports = compareBuild;
  }
});

// node_modules/semver/functions/sort.js
var require_sort = __commonJS({
  "node_modules/semver/functions/sort.js"(exports, module) {
    "use strict";
    var compareBuild = require_compare_build();
    var sort = (list, loose) => list.sort((a, b) => compareBuild(a, b, loose));
    module.exports = sort;
  }
});

// node_modules/semver/functions/rsort.js
var require_rsort = __commonJS({
  "node_modules/semver/functions/rsort.js"(exports, module) {
    "use strict";
    var compareBuild = require_compare_build();
    var rsort = (list, loose) => list.sort((a, b) => compareBuild(b, a, loose));
    module.exports = rsort;
  }
});

// node_modules/semver/functions/gt.js
var require_gt = __commonJS({
  "node_modules/semver/functions/gt.js"(exports, module) {
    "use strict";
    var compare = require_compare();
    var gt = (a, b, loose) => compare(a, b, loose) > 0;
    module.exports = gt;
  }
});

// node_modules/semver/functions/lt.js
var require_lt = __commonJS({
  "node_modules/semver/functions/lt.js"(exports, module) {
    "use strict";
    var compare = require_compare();
    var lt = (a, b, loose) => compare(a, b, loose) < 0;
    module.exports = lt;
  }
});

// node_modules/semver/functions/eq.js
var require_eq = __commonJS({
  "node_modules/semver/functions/eq.js"(exports, module) {
    "use strict";
    var compare = require_compare();
    var eq = (a, b, loose) => compare(a, b, loose) === 0;
    module.exports = eq;
  }
});

// node_modules/semver/functions/neq.js
var require_neq = __commonJS({
  "node_modules/semver/functions/neq.js"(exports, module) {
    "use strict";
    var compare = require_compare();
    var neq = (a, b, loose) => compare(a, b, loose) !== 0;
    module.exports = neq;
  }
});

// node_modules/semver/functions/gte.js
var require_gte = __commonJS({
  "node_modules/semver/functions/gte.js"(exports, module) {
    "use strict";
    var compare = require_compare();
    var gte = (a, b, loose) => compare(a, b, loose) >= 0;
    module.exports = gte;
  }
});

// node_modules/semver/functions/lte.js
var require_lte = __commonJS({
  "node_modules/semver/functions/lte.js"(exports, module) {
    "use strict";
    var compare = require_compare();
    var lte = (a, b, loose) => compare(a, b, loose) <= 0;
    module.exports = lte;
  }
});

// node_modules/semver/functions/cmp.js
var require_cmp = __commonJS({
  "node_modules/semver/functions/cmp.js"(exports, module) {
    "use strict";
    var eq = require_eq();
    var neq = require_neq();
    var gt = require_gt();
    var gte = require_gte();
    var lt = require_lt();
    var lte = require_lte();
    var cmp = (a, op, b, loose) => {
      switch (op) {
        case "===":
          if (typeof a === "object") {
            a = a.version;
          }
          if (typeof b === "object") {
            b = b.version;
          }
          return a === b;
        case "!==":
          if (typeof a === "object") {
            a = a.version;
          }
          if (typeof b === "object") {
            b = b.version;
          }
          return a !== b;
        case "":
        case "=":
        case "==":
          return eq(a, b, loose);
        case "!=":
          return neq(a, b, loose);
        case ">":
          return gt(a, b, loose);
        case ">=":
          return gte(a, b, loose);
        case "<":
          return lt(a, b, loose);
        case "<=":
          return lte(a, b, loose);
        default:
          throw new TypeError(`Invalid operator: ${op}`);
      }
    };
    module.exports = cmp;
  }
});

// node_modules/semver/functions/coerce.js
var require_coerce = __commonJS({
  "node_modules/semver/functions/coerce.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var parse = require_parse();
    var { safeRe: re, t } = require_re();
    var coerce = (version, options) => {
      if (version instanceof SemVer) {
        return version;
      }
      if (typeof version === "number") {
        version = String(version);
      }
      if (typeof version !== "string") {
        return null;
      }
      options = options || {};
      let match = null;
      if (!options.rtl) {
        match = version.match(options.includePrerelease ? re[t.COERCEFULL] : re[t.COERCE]);
      } else {
        const coerceRtlRegex = options.includePrerelease ? re[t.COERCERTLFULL] : re[t.COERCERTL];
        let next;
        while ((next = coerceRtlRegex.exec(version)) && (!match || match.index + match[0].length !== version.length)) {
          if (!match || next.index + next[0].length !== match.index + match[0].length) {
            match = next;
          }
          coerceRtlRegex.lastIndex = next.index + next[1].length + next[2].length;
        }
        coerceRtlRegex.lastIndex = -1;
      }
      if (match === null) {
        return null;
      }
      const major = match[2];
      const minor = match[3] || "0";
      const patch = match[4] || "0";
      const prerelease = options.includePrerelease && match[5] ? `-${match[5]}` : "";
      const build = options.includePrerelease && match[6] ? `+${match[6]}` : "";
      return parse(`${major}.${minor}.${patch}${prerelease}${build}`, options);
    };
    module.exports = coerce;
  }
});

// node_modules/semver/functions/truncate.js
var require_truncate = __commonJS({
  "node_modules/semver/functions/truncate.js"(exports, module) {
    "use strict";
    var parse = require_parse();
    var constants = require_constants();
    var SemVer = require_semver();
    var truncate = (version, truncation, options) => {
      if (!constants.RELEASE_TYPES.includes(truncation)) {
        return null;
      }
      const clonedVersion = cloneInputVersion(version, options);
      return clonedVersion && doTruncation(clonedVersion, truncation);
    };
    var cloneInputVersion = (version, options) => {
      const versionStringToParse = version instanceof SemVer ? version.version : version;
      return parse(versionStringToParse, options);
    };
    var doTruncation = (version, truncation) => {
      if (isPrerelease(truncation)) {
        return version.version;
      }
      version.prerelease = [];
      switch (truncation) {
        case "major":
          version.minor = 0;
          version.patch = 0;
          break;
        case "minor":
          version.patch = 0;
          break;
      }
      return version.format();
    };
    var isPrerelease = (type) => {
      return type.startsWith("pre");
    };
    module.exports = truncate;
  }
});

// node_modules/semver/internal/lrucache.js
var require_lrucache = __commonJS({
  "node_modules/semver/internal/lrucache.js"(exports, module) {
    "use strict";
    var LRUCache = class {
      constructor() {
        this.max = 1e3;
        this.map = /* @__PURE__ */ new Map();
      }
      get(key) {
        const value = this.map.get(key);
        if (value === void 0) {
          return void 0;
        } else {
          this.map.delete(key);
          this.map.set(key, value);
          return value;
        }
      }
      delete(key) {
        return this.map.delete(key);
      }
      set(key, value) {
        const deleted = this.delete(key);
        if (!deleted && value !== void 0) {
          if (this.map.size >= this.max) {
            const firstKey = this.map.keys().next().value;
            this.delete(firstKey);
          }
          this.map.set(key, value);
        }
        return this;
      }
    };
    module.exports = LRUCache;
  }
});

// node_modules/semver/internal/trim-comparator-whitespace.js
var require_trim_comparator_whitespace = __commonJS({
  "node_modules/semver/internal/trim-comparator-whitespace.js"(exports, module) {
    "use strict";
    var {
      MAX_LENGTH,
      MAX_SAFE_BUILD_LENGTH,
      WHITESPACE_CHARACTERS
    } = require_constants();
    var whitespace = new Uint8Array(65536);
    for (const char of WHITESPACE_CHARACTERS) {
      whitespace[char.charCodeAt(0)] = 1;
    }
    var isWhitespace = (char) => char !== void 0 && whitespace[char.charCodeAt(0)] === 1;
    var isVersionPrefix = (char) => char === "v" || char === "=" || isWhitespace(char);
    var isDigit = (char) => char !== void 0 && char >= "0" && char <= "9";
    var isLetter = (char) => char !== void 0 && (char >= "a" && char <= "z" || char >= "A" && char <= "Z");
    var isIdentifierCharacter = (char) => isDigit(char) || isLetter(char) || char === "-";
    var isVersionStart = (char) => isDigit(char) || char === "x" || char === "X" || char === "*";
    var findDigitsEndIndex = (range, start, limit, digitRuns) => {
      if (!isDigit(range[start])) {
        return start;
      }
      if (start >= digitRuns.start && start < digitRuns.end) {
        return Math.min(start + limit, digitRuns.end);
      }
      if (start >= digitRuns.previousStart && start < digitRuns.previousEnd) {
        return Math.min(start + limit, digitRuns.previousEnd);
      }
      let end = start + 1;
      while (isDigit(range[end])) {
        end++;
      }
      digitRuns.previousStart = digitRuns.start;
      digitRuns.previousEnd = digitRuns.end;
      digitRuns.start = start;
      digitRuns.end = end;
      return Math.min(start + limit, end);
    };
    var findVersionNumberEndIndex = (range, start, loose, digitRuns) => {
      if (!loose && range[start] === "0") {
        return start + 1;
      }
      return findDigitsEndIndex(range, start, loose ? MAX_LENGTH : MAX_LENGTH + 1, digitRuns);
    };
    var findPrereleaseIdentifierEndIndex = (range, start, loose, digitRuns) => {
      const digitsEnd = findDigitsEndIndex(range, start, MAX_LENGTH, digitRuns);
      if (isLetter(range[digitsEnd]) || range[digitsEnd] === "-") {
        let end = digitsEnd + 1;
        const limit = end + MAX_SAFE_BUILD_LENGTH;
        while (end < limit && isIdentifierCharacter(range[end])) {
          end++;
        }
        return end;
      }
      return findVersionNumberEndIndex(range, start, loose, digitRuns);
    };
    var findPrereleaseEndIndex = (range, start, loose, digitRuns) => {
      const hyphen = range[start] === "-";
      if (!loose && !hyphen) {
        return start;
      }
      const identifierStart = start + (hyphen ? 1 : 0);
      let end = findPrereleaseIdentifierEndIndex(range, identifierStart, loose, digitRuns);
      if (end === identifierStart) {
        if (!loose || !hyphen) {
          return start;
        }
        end = findPrereleaseIdentifierEndIndex(range, start, loose, digitRuns);
      }
      while (range[end] === ".") {
        const next = findPrereleaseIdentifierEndIndex(range, end + 1, loose, digitRuns);
        if (next === end + 1) {
          break;
        }
        end = next;
      }
      return end;
    };
    var findBuildIdentifierEndIndex = (range, start) => {
      let end = start;
      while (end - start < MAX_SAFE_BUILD_LENGTH && isIdentifierCharacter(range[end])) {
        end++;
      }
      return end;
    };
    var findBuildEndIndex = (range, start) => {
      if (range[start] !== "+") {
        return start;
      }
      let end = findBuildIdentifierEndIndex(range, start + 1);
      if (end === start + 1) {
        return start;
      }
      while (range[end] === ".") {
        const next = findBuildIdentifierEndIndex(range, end + 1);
        if (next === end + 1) {
          break;
        }
        end = next;
      }
      return end;
    };
    var findLooseFullVersionEndIndex = (range, start, digitRuns) => {
      let end = start;
      for (let component = 0; component < 3; component++) {
        const next = findVersionNumberEndIndex(range, end, true, digitRuns);
        if (next === end) {
          return start;
        }
        end = next;
        if (component < 2) {
          if (range[end] !== ".") {
            return start;
          }
          end++;
        }
      }
      const prereleaseEnd = findPrereleaseEndIndex(range, end, true, digitRuns);
      return findBuildEndIndex(range, prereleaseEnd);
    };
    var findPartialVersionComponentEndIndex = (range, start, digitRuns) => {
      if (isDigit(range[start])) {
        return findVersionNumberEndIndex(range, start, false, digitRuns);
      }
      return isVersionStart(range[start]) ? start + 1 : start;
    };
    var findPartialVersionEndIndex = (range, start, digitRuns) => {
      let end = findPartialVersionComponentEndIndex(range, start, digitRuns);
      for (let component = 0; component < 2; component++) {
        if (range[end] !== ".") {
          return end;
        }
        const next = findPartialVersionComponentEndIndex(range, end + 1, digitRuns);
        if (next === end + 1) {
          return end;
        }
        end = next;
      }
      const prereleaseEnd = findPrereleaseEndIndex(range, end, false, digitRuns);
      return findBuildEndIndex(range, prereleaseEnd);
    };
    var findVersionEndIndex = (range, start, digitRuns) => {
      const fullVersionEnd = findLooseFullVersionEndIndex(range, start, digitRuns);
      return fullVersionEnd !== start ? fullVersionEnd : findPartialVersionEndIndex(range, start, digitRuns);
    };
    var findRemovableWhitespaceIndex = (range, matchStart) => {
      let position = matchStart;
      if (isWhitespace(range[position])) {
        position++;
      }
      if (range[position] === "<" || range[position] === ">") {
        position++;
      }
      if (range[position] === "=") {
        position++;
      }
      return isWhitespace(range[position]) ? position : -1;
    };
    var trimComparatorWhitespace = (range) => {
      let result = "";
      let copyFrom = 0;
      let cursor = 0;
      const digitRuns = { start: -1, end: -1, previousStart: -1, previousEnd: -1 };
      while (cursor < range.length) {
        const matchStart = cursor;
        if (range[cursor] === "<" || range[cursor] === ">") {
          cursor++;
        } else if (!isVersionPrefix(range[cursor]) && !isVersionStart(range[cursor])) {
          cursor++;
          continue;
        }
        while (cursor < range.length && isVersionPrefix(range[cursor])) {
          cursor++;
        }
        if (!isVersionStart(range[cursor])) {
          continue;
        }
        const whitespacePosition = findRemovableWhitespaceIndex(range, matchStart);
        if (whitespacePosition !== -1) {
          result += range.slice(copyFrom, whitespacePosition);
          copyFrom = whitespacePosition + 1;
        }
        cursor = findVersionEndIndex(range, cursor, digitRuns);
      }
      return result + range.slice(copyFrom);
    };
    module.exports = trimComparatorWhitespace;
  }
});

// node_modules/semver/classes/range.js
var require_range = __commonJS({
  "node_modules/semver/classes/range.js"(exports, module) {
    "use strict";
    var SPACE_CHARACTERS = /\s+/g;
    var Range = class _Range {
      constructor(range, options) {
        options = parseOptions(options);
        if (range instanceof _Range) {
          if (range.loose === !!options.loose && range.includePrerelease === !!options.includePrerelease) {
            return range;
          } else {
            return new _Range(range.raw, options);
          }
        }
        if (range instanceof Comparator) {
          this.raw = range.value;
          this.set = [[range]];
          this.formatted = void 0;
          return this;
        }
        this.options = options;
        this.loose = !!options.loose;
        this.includePrerelease = !!options.includePrerelease;
        this.raw = range.trim().replace(SPACE_CHARACTERS, " ");
        this.set = this.raw.split("||").map((r) => this.parseRange(r.trim())).filter((c) => c.length);
        if (!this.set.length) {
          throw new TypeError(`Invalid SemVer Range: ${this.raw}`);
        }
        if (this.set.length > 1) {
          const first = this.set[0];
          this.set = this.set.filter((c) => !isNullSet(c[0]));
          if (this.set.length === 0) {
            this.set = [first];
          } else if (this.set.length > 1) {
            for (const c of this.set) {
              if (c.length === 1 && isAny(c[0])) {
                this.set = [c];
                break;
              }
            }
          }
        }
        this.formatted = void 0;
      }
      get range() {
        if (this.formatted === void 0) {
          this.formatted = "";
          for (let i = 0; i < this.set.length; i++) {
            if (i > 0) {
              this.formatted += "||";
            }
            const comps = this.set[i];
            for (let k = 0; k < comps.length; k++) {
              if (k > 0) {
                this.formatted += " ";
              }
              this.formatted += comps[k].toString().trim();
            }
          }
        }
        return this.formatted;
      }
      format() {
        return this.range;
      }
      toString() {
        return this.range;
      }
      parseRange(range) {
        range = range.replace(BUILDSTRIPRE, "");
        const memoOpts = (this.options.includePrerelease && FLAG_INCLUDE_PRERELEASE) | (this.options.loose && FLAG_LOOSE);
        const memoKey = memoOpts + ":" + range;
        const cached = cache.get(memoKey);
        if (cached) {
          return cached;
        }
        const loose = this.options.loose;
        const hr = loose ? re[t.HYPHENRANGELOOSE] : re[t.HYPHENRANGE];
        range = range.replace(hr, hyphenReplace(this.options.includePrerelease));
        debug("hyphen replace", range);
        range = trimComparatorWhitespace(range);
        debug("comparator trim", range);
        range = range.replace(re[t.TILDETRIM], tildeTrimReplace);
        debug("tilde trim", range);
        range = range.replace(re[t.CARETTRIM], caretTrimReplace);
        debug("caret trim", range);
        let rangeList = range.split(" ").map((comp) => parseComparator(comp, this.options)).join(" ").split(/\s+/).map((comp) => replaceGTE0(comp, this.options));
        if (loose) {
          rangeList = rangeList.filter((comp) => {
            debug("loose invalid filter", comp, this.options);
            return !!comp.match(re[t.COMPARATORLOOSE]);
          });
        }
        debug("range list", rangeList);
        const rangeMap = /* @__PURE__ */ new Map();
        const comparators = rangeList.map((comp) => new Comparator(comp, this.options));
        for (const comp of comparators) {
          if (isNullSet(comp)) {
            return [comp];
          }
          rangeMap.set(comp.value, comp);
        }
        if (rangeMap.size > 1 && rangeMap.has("")) {
          rangeMap.delete("");
        }
        const result = [...rangeMap.values()];
        cache.set(memoKey, result);
        return result;
      }
      intersects(range, options) {
        if (!(range instanceof _Range)) {
          throw new TypeError("a Range is required");
        }
        return this.set.some((thisComparators) => {
          return isSatisfiable(thisComparators, options) && range.set.some((rangeComparators) => {
            return isSatisfiable(rangeComparators, options) && thisComparators.every((thisComparator) => {
              return rangeComparators.every((rangeComparator) => {
                return thisComparator.intersects(rangeComparator, options);
              });
            });
          });
        });
      }
      // if ANY of the sets match ALL of its comparators, then pass
      test(version) {
        if (!version) {
          return false;
        }
        if (typeof version === "string") {
          try {
            version = new SemVer(version, this.options);
          } catch (er) {
            return false;
          }
        }
        for (let i = 0; i < this.set.length; i++) {
          if (testSet(this.set[i], version, this.options)) {
            return true;
          }
        }
        return false;
      }
    };
    module.exports = Range;
    var LRU = require_lrucache();
    var cache = new LRU();
    var parseOptions = require_parse_options();
    var Comparator = require_comparator();
    var debug = require_debug();
    var SemVer = require_semver();
    var trimComparatorWhitespace = require_trim_comparator_whitespace();
    var {
      safeRe: re,
      src,
      t,
      tildeTrimReplace,
      caretTrimReplace
    } = require_re();
    var { FLAG_INCLUDE_PRERELEASE, FLAG_LOOSE } = require_constants();
    var BUILDSTRIPRE = new RegExp(src[t.BUILD], "g");
    var isNullSet = (c) => c.value === "<0.0.0-0";
    var isAny = (c) => c.value === "";
    var isSatisfiable = (comparators, options) => {
      let result = true;
      const remainingComparators = comparators.slice();
      let testComparator = remainingComparators.pop();
      while (result && remainingComparators.length) {
        result = remainingComparators.every((otherComparator) => {
          return testComparator.intersects(otherComparator, options);
        });
        testComparator = remainingComparators.pop();
      }
      return result;
    };
    var parseComparator = (comp, options) => {
      comp = comp.replace(re[t.BUILD], "");
      debug("comp", comp, options);
      comp = replaceCarets(comp, options);
      debug("caret", comp);
      comp = replaceTildes(comp, options);
      debug("tildes", comp);
      comp = replaceXRanges(comp, options);
      debug("xrange", comp);
      comp = replaceStars(comp, options);
      debug("stars", comp);
      return comp;
    };
    var isX = (id) => !id || id.toLowerCase() === "x" || id === "*";
    var invalidXRangeOrder = (M, m, p) => isX(M) && !isX(m) || isX(m) && p && !isX(p);
    var replaceTildes = (comp, options) => {
      return comp.trim().split(/\s+/).map((c) => replaceTilde(c, options)).join(" ");
    };
    var replaceTilde = (comp, options) => {
      const r = options.loose ? re[t.TILDELOOSE] : re[t.TILDE];
      const z = options.includePrerelease ? "-0" : "";
      return comp.replace(r, (_, M, m, p, pr) => {
        debug("tilde", comp, _, M, m, p, pr);
        let ret;
        if (isX(M)) {
          ret = "";
        } else if (isX(m)) {
          ret = `>=${M}.0.0${z} <${+M + 1}.0.0-0`;
        } else if (isX(p)) {
          ret = `>=${M}.${m}.0${z} <${M}.${+m + 1}.0-0`;
        } else if (pr) {
          debug("replaceTilde pr", pr);
          ret = `>=${M}.${m}.${p}-${pr} <${M}.${+m + 1}.0-0`;
        } else {
          ret = `>=${M}.${m}.${p} <${M}.${+m + 1}.0-0`;
        }
        debug("tilde return", ret);
        return ret;
      });
    };
    var replaceCarets = (comp, options) => {
      return comp.trim().split(/\s+/).map((c) => replaceCaret(c, options)).join(" ");
    };
    var replaceCaret = (comp, options) => {
      debug("caret", comp, options);
      const r = options.loose ? re[t.CARETLOOSE] : re[t.CARET];
      const z = options.includePrerelease ? "-0" : "";
      return comp.replace(r, (_, M, m, p, pr) => {
        debug("caret", comp, _, M, m, p, pr);
        let ret;
        if (isX(M)) {
          ret = "";
        } else if (isX(m)) {
          ret = `>=${M}.0.0${z} <${+M + 1}.0.0-0`;
        } else if (isX(p)) {
          if (M === "0") {
            ret = `>=${M}.${m}.0${z} <${M}.${+m + 1}.0-0`;
          } else {
            ret = `>=${M}.${m}.0${z} <${+M + 1}.0.0-0`;
          }
        } else if (pr) {
          debug("replaceCaret pr", pr);
          if (M === "0") {
            if (m === "0") {
              ret = `>=${M}.${m}.${p}-${pr} <${M}.${m}.${+p + 1}-0`;
            } else {
              ret = `>=${M}.${m}.${p}-${pr} <${M}.${+m + 1}.0-0`;
            }
          } else {
            ret = `>=${M}.${m}.${p}-${pr} <${+M + 1}.0.0-0`;
          }
        } else {
          debug("no pr");
          if (M === "0") {
            if (m === "0") {
              ret = `>=${M}.${m}.${p} <${M}.${m}.${+p + 1}-0`;
            } else {
              ret = `>=${M}.${m}.${p} <${M}.${+m + 1}.0-0`;
            }
          } else {
            ret = `>=${M}.${m}.${p} <${+M + 1}.0.0-0`;
          }
        }
        debug("caret return", ret);
        return ret;
      });
    };
    var replaceXRanges = (comp, options) => {
      debug("replaceXRanges", comp, options);
      return comp.split(/\s+/).map((c) => replaceXRange(c, options)).join(" ");
    };
    var replaceXRange = (comp, options) => {
      comp = comp.trim();
      const r = options.loose ? re[t.XRANGELOOSE] : re[t.XRANGE];
      return comp.replace(r, (ret, gtlt, M, m, p, pr) => {
        debug("xRange", comp, ret, gtlt, M, m, p, pr);
        if (invalidXRangeOrder(M, m, p)) {
          return comp;
        }
        const xM = isX(M);
        const xm = xM || isX(m);
        const xp = xm || isX(p);
        const anyX = xp;
        if (gtlt === "=" && anyX) {
          gtlt = "";
        }
        pr = options.includePrerelease ? "-0" : "";
        if (xM) {
          if (gtlt === ">" || gtlt === "<") {
            ret = "<0.0.0-0";
          } else {
            ret = "*";
          }
        } else if (gtlt && anyX) {
          if (xm) {
            m = 0;
          }
          p = 0;
          if (gtlt === ">") {
            gtlt = ">=";
            if (xm) {
              M = +M + 1;
              m = 0;
              p = 0;
            } else {
              m = +m + 1;
              p = 0;
            }
          } else if (gtlt === "<=") {
            gtlt = "<";
            if (xm) {
              M = +M + 1;
            } else {
              m = +m + 1;
            }
          }
          if (gtlt === "<") {
            pr = "-0";
          }
          ret = `${gtlt + M}.${m}.${p}${pr}`;
        } else if (xm) {
          ret = `>=${M}.0.0${pr} <${+M + 1}.0.0-0`;
        } else if (xp) {
          ret = `>=${M}.${m}.0${pr} <${M}.${+m + 1}.0-0`;
        }
        debug("xRange return", ret);
        return ret;
      });
    };
    var replaceStars = (comp, options) => {
      debug("replaceStars", comp, options);
      return comp.trim().replace(re[t.STAR], "");
    };
    var replaceGTE0 = (comp, options) => {
      debug("replaceGTE0", comp, options);
      return comp.trim().replace(re[options.includePrerelease ? t.GTE0PRE : t.GTE0], "");
    };
    var hyphenReplace = (incPr) => ($0, from, fM, fm, fp, fpr, fb, to, tM, tm, tp, tpr) => {
      if (isX(fM)) {
        from = "";
      } else if (isX(fm)) {
        from = `>=${fM}.0.0${incPr ? "-0" : ""}`;
      } else if (isX(fp)) {
        from = `>=${fM}.${fm}.0${incPr ? "-0" : ""}`;
      } else if (fpr) {
        from = `>=${from}`;
      } else {
        from = `>=${from}${incPr ? "-0" : ""}`;
      }
      if (isX(tM)) {
        to = "";
      } else if (isX(tm)) {
        to = `<${+tM + 1}.0.0-0`;
      } else if (isX(tp)) {
        to = `<${tM}.${+tm + 1}.0-0`;
      } else if (tpr) {
        to = `<=${tM}.${tm}.${tp}-${tpr}`;
      } else if (incPr) {
        to = `<${tM}.${tm}.${+tp + 1}-0`;
      } else {
        to = `<=${to}`;
      }
      return `${from} ${to}`.trim();
    };
    var testSet = (set, version, options) => {
      for (let i = 0; i < set.length; i++) {
        if (!set[i].test(version)) {
          return false;
        }
      }
      if (version.prerelease.length && !options.includePrerelease) {
        for (let i = 0; i < set.length; i++) {
          debug(set[i].semver);
          if (set[i].semver === Comparator.ANY) {
            continue;
          }
          if (set[i].semver.prerelease.length > 0) {
            const allowed = set[i].semver;
            if (allowed.major === version.major && allowed.minor === version.minor && allowed.patch === version.patch) {
              return true;
            }
          }
        }
        return false;
      }
      return true;
    };
  }
});

// node_modules/semver/classes/comparator.js
var require_comparator = __commonJS({
  "node_modules/semver/classes/comparator.js"(exports, module) {
    "use strict";
    var ANY = /* @__PURE__ */ Symbol("SemVer ANY");
    var Comparator = class _Comparator {
      static get ANY() {
        return ANY;
      }
      constructor(comp, options) {
        options = parseOptions(options);
        if (comp instanceof _Comparator) {
          if (comp.loose === !!options.loose) {
            return comp;
          } else {
            comp = comp.value;
          }
        }
        comp = comp.trim().split(/\s+/).join(" ");
        debug("comparator", comp, options);
        this.options = options;
        this.loose = !!options.loose;
        this.parse(comp);
        if (this.semver === ANY) {
          this.value = "";
        } else {
          this.value = this.operator + this.semver.version;
        }
        debug("comp", this);
      }
      parse(comp) {
        const r = this.options.loose ? re[t.COMPARATORLOOSE] : re[t.COMPARATOR];
        const m = comp.match(r);
        if (!m) {
          throw new TypeError(`Invalid comparator: ${comp}`);
        }
        this.operator = m[1] !== void 0 ? m[1] : "";
        if (this.operator === "=") {
          this.operator = "";
        }
        if (!m[2]) {
          this.semver = ANY;
        } else {
          this.semver = new SemVer(m[2], this.options.loose);
        }
      }
      toString() {
        return this.value;
      }
      test(version) {
        debug("Comparator.test", version, this.options.loose);
        if (this.semver === ANY || version === ANY) {
          return true;
        }
        if (typeof version === "string") {
          try {
            version = new SemVer(version, this.options);
          } catch (er) {
            return false;
          }
        }
        return cmp(version, this.operator, this.semver, this.options);
      }
      intersects(comp, options) {
        if (!(comp instanceof _Comparator)) {
          throw new TypeError("a Comparator is required");
        }
        if (this.operator === "") {
          if (this.value === "") {
            return true;
          }
          return new Range(comp.value, options).test(this.value);
        } else if (comp.operator === "") {
          if (comp.value === "") {
            return true;
          }
          return new Range(this.value, options).test(comp.semver);
        }
        options = parseOptions(options);
        if (options.includePrerelease && (this.value === "<0.0.0-0" || comp.value === "<0.0.0-0")) {
          return false;
        }
        if (!options.includePrerelease && (this.value.startsWith("<0.0.0") || comp.value.startsWith("<0.0.0"))) {
          return false;
        }
        if (this.operator.startsWith(">") && comp.operator.startsWith(">")) {
          return true;
        }
        if (this.operator.startsWith("<") && comp.operator.startsWith("<")) {
          return true;
        }
        if (this.semver.version === comp.semver.version && this.operator.includes("=") && comp.operator.includes("=")) {
          return true;
        }
        if (cmp(this.semver, "<", comp.semver, options) && this.operator.startsWith(">") && comp.operator.startsWith("<")) {
          return true;
        }
        if (cmp(this.semver, ">", comp.semver, options) && this.operator.startsWith("<") && comp.operator.startsWith(">")) {
          return true;
        }
        return false;
      }
    };
    module.exports = Comparator;
    var parseOptions = require_parse_options();
    var { safeRe: re, t } = require_re();
    var cmp = require_cmp();
    var debug = require_debug();
    var SemVer = require_semver();
    var Range = require_range();
  }
});

// node_modules/semver/functions/satisfies.js
var require_satisfies = __commonJS({
  "node_modules/semver/functions/satisfies.js"(exports, module) {
    "use strict";
    var Range = require_range();
    var satisfies2 = (version, range, options) => {
      try {
        range = new Range(range, options);
      } catch (er) {
        return false;
      }
      return range.test(version);
    };
    module.exports = satisfies2;
  }
});

// node_modules/semver/ranges/to-comparators.js
var require_to_comparators = __commonJS({
  "node_modules/semver/ranges/to-comparators.js"(exports, module) {
    "use strict";
    var Range = require_range();
    var toComparators = (range, options) => new Range(range, options).set.map((comp) => comp.map((c) => c.value).join(" ").trim().split(" "));
    module.exports = toComparators;
  }
});

// node_modules/semver/ranges/max-satisfying.js
var require_max_satisfying = __commonJS({
  "node_modules/semver/ranges/max-satisfying.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var Range = require_range();
    var maxSatisfying = (versions, range, options) => {
      let max = null;
      let maxSV = null;
      let rangeObj = null;
      try {
        rangeObj = new Range(range, options);
      } catch (er) {
        return null;
      }
      versions.forEach((v) => {
        if (rangeObj.test(v)) {
          if (!max || maxSV.compare(v) === -1) {
            max = v;
            maxSV = new SemVer(max, options);
          }
        }
      });
      return max;
    };
    module.exports = maxSatisfying;
  }
});

// node_modules/semver/ranges/min-satisfying.js
var require_min_satisfying = __commonJS({
  "node_modules/semver/ranges/min-satisfying.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var Range = require_range();
    var minSatisfying = (versions, range, options) => {
      let min = null;
      let minSV = null;
      let rangeObj = null;
      try {
        rangeObj = new Range(range, options);
      } catch (er) {
        return null;
      }
      versions.forEach((v) => {
        if (rangeObj.test(v)) {
          if (!min || minSV.compare(v) === 1) {
            min = v;
            minSV = new SemVer(min, options);
          }
        }
      });
      return min;
    };
    module.exports = minSatisfying;
  }
});

// node_modules/semver/ranges/min-version.js
var require_min_version = __commonJS({
  "node_modules/semver/ranges/min-version.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var Range = require_range();
    var gt = require_gt();
    var minVersion = (range, loose) => {
      range = new Range(range, loose);
      let minver = new SemVer("0.0.0");
      if (range.test(minver)) {
        return minver;
      }
      minver = new SemVer("0.0.0-0");
      if (range.test(minver)) {
        return minver;
      }
      minver = null;
      for (let i = 0; i < range.set.length; ++i) {
        const comparators = range.set[i];
        let setMin = null;
        comparators.forEach((comparator) => {
          const compver = new SemVer(comparator.semver.version);
          switch (comparator.operator) {
            case ">":
              if (compver.prerelease.length === 0) {
                compver.patch++;
              } else {
                compver.prerelease.push(0);
              }
              compver.raw = compver.format();
            /* fallthrough */
            case "":
            case ">=":
              if (!setMin || gt(compver, setMin)) {
                setMin = compver;
              }
              break;
            case "<":
            case "<=":
              break;
            /* istanbul ignore next */
            default:
              throw new Error(`Unexpected operation: ${comparator.operator}`);
          }
        });
        if (setMin && (!minver || gt(minver, setMin))) {
          minver = setMin;
        }
      }
      if (minver && range.test(minver)) {
        return minver;
      }
      return null;
    };
    module.exports = minVersion;
  }
});

// node_modules/semver/ranges/valid.js
var require_valid2 = __commonJS({
  "node_modules/semver/ranges/valid.js"(exports, module) {
    "use strict";
    var Range = require_range();
    var validRange = (range, options) => {
      try {
        return new Range(range, options).range || "*";
      } catch (er) {
        return null;
      }
    };
    module.exports = validRange;
  }
});

// node_modules/semver/ranges/outside.js
var require_outside = __commonJS({
  "node_modules/semver/ranges/outside.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var Comparator = require_comparator();
    var { ANY } = Comparator;
    var Range = require_range();
    var satisfies2 = require_satisfies();
    var gt = require_gt();
    var lt = require_lt();
    var lte = require_lte();
    var gte = require_gte();
    var outside = (version, range, hilo, options) => {
      version = new SemVer(version, options);
      range = new Range(range, options);
      let gtfn, ltefn, ltfn, comp, ecomp;
      switch (hilo) {
        case ">":
          gtfn = gt;
          ltefn = lte;
          ltfn = lt;
          comp = ">";
          ecomp = ">=";
          break;
        case "<":
          gtfn = lt;
          ltefn = gte;
          ltfn = gt;
          comp = "<";
          ecomp = "<=";
          break;
        default:
          throw new TypeError('Must provide a hilo val of "<" or ">"');
      }
      if (satisfies2(version, range, options)) {
        return false;
      }
      for (let i = 0; i < range.set.length; ++i) {
        const comparators = range.set[i];
        let high = null;
        let low = null;
        comparators.forEach((comparator) => {
          if (comparator.semver === ANY) {
            comparator = new Comparator(">=0.0.0");
          }
          high = high || comparator;
          low = low || comparator;
          if (gtfn(comparator.semver, high.semver, options)) {
            high = comparator;
          } else if (ltfn(comparator.semver, low.semver, options)) {
            low = comparator;
          }
        });
        if (high.operator === comp || high.operator === ecomp) {
          return false;
        }
        if ((!low.operator || low.operator === comp) && ltefn(version, low.semver)) {
          return false;
        } else if (low.operator === ecomp && ltfn(version, low.semver)) {
          return false;
        }
      }
      return true;
    };
    module.exports = outside;
  }
});

// node_modules/semver/ranges/gtr.js
var require_gtr = __commonJS({
  "node_modules/semver/ranges/gtr.js"(exports, module) {
    "use strict";
    var outside = require_outside();
    var gtr = (version, range, options) => outside(version, range, ">", options);
    module.exports = gtr;
  }
});

// node_modules/semver/ranges/ltr.js
var require_ltr = __commonJS({
  "node_modules/semver/ranges/ltr.js"(exports, module) {
    "use strict";
    var outside = require_outside();
    var ltr = (version, range, options) => outside(version, range, "<", options);
    module.exports = ltr;
  }
});

// node_modules/semver/ranges/intersects.js
var require_intersects = __commonJS({
  "node_modules/semver/ranges/intersects.js"(exports, module) {
    "use strict";
    var Range = require_range();
    var intersects = (r1, r2, options) => {
      r1 = new Range(r1, options);
      r2 = new Range(r2, options);
      return r1.intersects(r2, options);
    };
    module.exports = intersects;
  }
});

// node_modules/semver/ranges/simplify.js
var require_simplify = __commonJS({
  "node_modules/semver/ranges/simplify.js"(exports, module) {
    "use strict";
    var satisfies2 = require_satisfies();
    var compare = require_compare();
    module.exports = (versions, range, options) => {
      const set = [];
      let first = null;
      let prev = null;
      const v = versions.sort((a, b) => compare(a, b, options));
      for (const version of v) {
        const included = satisfies2(version, range, options);
        if (included) {
          prev = version;
          if (!first) {
            first = version;
          }
        } else {
          if (prev) {
            set.push([first, prev]);
          }
          prev = null;
          first = null;
        }
      }
      if (first) {
        set.push([first, null]);
      }
      const ranges = [];
      for (const [min, max] of set) {
        if (min === max) {
          ranges.push(min);
        } else if (!max && min === v[0]) {
          ranges.push("*");
        } else if (!max) {
          ranges.push(`>=${min}`);
        } else if (min === v[0]) {
          ranges.push(`<=${max}`);
        } else {
          ranges.push(`${min} - ${max}`);
        }
      }
      const simplified = ranges.join(" || ");
      const original = typeof range.raw === "string" ? range.raw : String(range);
      return simplified.length < original.length ? simplified : range;
    };
  }
});

// node_modules/semver/ranges/subset.js
var require_subset = __commonJS({
  "node_modules/semver/ranges/subset.js"(exports, module) {
    "use strict";
    var Range = require_range();
    var Comparator = require_comparator();
    var { ANY } = Comparator;
    var satisfies2 = require_satisfies();
    var compare = require_compare();
    var subset = (sub, dom, options = {}) => {
      if (sub === dom) {
        return true;
      }
      sub = new Range(sub, options);
      dom = new Range(dom, options);
      let sawNonNull = false;
      OUTER: for (const simpleSub of sub.set) {
        for (const simpleDom of dom.set) {
          const isSub = simpleSubset(simpleSub, simpleDom, options);
          sawNonNull = sawNonNull || isSub !== null;
          if (isSub) {
            continue OUTER;
          }
        }
        if (sawNonNull) {
          return false;
        }
      }
      return true;
    };
    var minimumVersionWithPreRelease = [new Comparator(">=0.0.0-0")];
    var minimumVersion = [new Comparator(">=0.0.0")];
    var simpleSubset = (sub, dom, options) => {
      if (sub === dom) {
        return true;
      }
      if (sub.length === 1 && sub[0].semver === ANY) {
        if (dom.length === 1 && dom[0].semver === ANY) {
          return true;
        } else if (options.includePrerelease) {
          sub = minimumVersionWithPreRelease;
        } else {
          sub = minimumVersion;
        }
      }
      if (dom.length === 1 && dom[0].semver === ANY) {
        if (options.includePrerelease) {
          return true;
        } else {
          dom = minimumVersion;
        }
      }
      const eqSet = /* @__PURE__ */ new Set();
      let gt, lt;
      for (const c of sub) {
        if (c.operator === ">" || c.operator === ">=") {
          gt = higherGT(gt, c, options);
        } else if (c.operator === "<" || c.operator === "<=") {
          lt = lowerLT(lt, c, options);
        } else {
          eqSet.add(c.semver);
        }
      }
      if (eqSet.size > 1) {
        return null;
      }
      let gtltComp;
      if (gt && lt) {
        gtltComp = compare(gt.semver, lt.semver, options);
        if (gtltComp > 0) {
          return null;
        } else if (gtltComp === 0 && (gt.operator !== ">=" || lt.operator !== "<=")) {
          return null;
        }
      }
      for (const eq of eqSet) {
        if (gt && !satisfies2(eq, String(gt), options)) {
          return null;
        }
        if (lt && !satisfies2(eq, String(lt), options)) {
          return null;
        }
        for (const c of dom) {
          if (!satisfies2(eq, String(c), options)) {
            return false;
          }
        }
        return true;
      }
      let higher, lower;
      let hasDomLT, hasDomGT;
      let needDomLTPre = lt && !options.includePrerelease && lt.semver.prerelease.length ? lt.semver : false;
      let needDomGTPre = gt && !options.includePrerelease && gt.semver.prerelease.length ? gt.semver : false;
      if (needDomLTPre && needDomLTPre.prerelease.length === 1 && lt.operator === "<" && needDomLTPre.prerelease[0] === 0) {
        needDomLTPre = false;
      }
      for (const c of dom) {
        hasDomGT = hasDomGT || c.operator === ">" || c.operator === ">=";
        hasDomLT = hasDomLT || c.operator === "<" || c.operator === "<=";
        if (gt) {
          if (needDomGTPre) {
            if (c.semver.prerelease && c.semver.prerelease.length && c.semver.major === needDomGTPre.major && c.semver.minor === needDomGTPre.minor && c.semver.patch === needDomGTPre.patch) {
              needDomGTPre = false;
            }
          }
          if (c.operator === ">" || c.operator === ">=") {
            higher = higherGT(gt, c, options);
            if (higher === c && higher !== gt) {
              return false;
            }
          } else if (gt.operator === ">=" && !c.test(gt.semver)) {
            return false;
          }
        }
        if (lt) {
          if (needDomLTPre) {
            if (c.semver.prerelease && c.semver.prerelease.length && c.semver.major === needDomLTPre.major && c.semver.minor === needDomLTPre.minor && c.semver.patch === needDomLTPre.patch) {
              needDomLTPre = false;
            }
          }
          if (c.operator === "<" || c.operator === "<=") {
            lower = lowerLT(lt, c, options);
            if (lower === c && lower !== lt) {
              return false;
            }
          } else if (lt.operator === "<=" && !c.test(lt.semver)) {
            return false;
          }
        }
        if (!c.operator && (lt || gt) && gtltComp !== 0) {
          return false;
        }
      }
      if (gt && hasDomLT && !lt && gtltComp !== 0) {
        return false;
      }
      if (lt && hasDomGT && !gt && gtltComp !== 0) {
        return false;
      }
      if (needDomGTPre || needDomLTPre) {
        return false;
      }
      return true;
    };
    var higherGT = (a, b, options) => {
      if (!a) {
        return b;
      }
      const comp = compare(a.semver, b.semver, options);
      return comp > 0 ? a : comp < 0 ? b : b.operator === ">" && a.operator === ">=" ? b : a;
    };
    var lowerLT = (a, b, options) => {
      if (!a) {
        return b;
      }
      const comp = compare(a.semver, b.semver, options);
      return comp < 0 ? a : comp > 0 ? b : b.operator === "<" && a.operator === "<=" ? b : a;
    };
    module.exports = subset;
  }
});

// node_modules/semver/index.js
var require_semver2 = __commonJS({
  "node_modules/semver/index.js"(exports, module) {
    "use strict";
    var internalRe = require_re();
    var constants = require_constants();
    var SemVer = require_semver();
    var identifiers = require_identifiers();
    var parse = require_parse();
    var valid = require_valid();
    var clean = require_clean();
    var inc = require_inc();
    var diff = require_diff();
    var major = require_major();
    var minor = require_minor();
    var patch = require_patch();
    var prerelease = require_prerelease();
    var compare = require_compare();
    var rcompare = require_rcompare();
    var compareLoose = require_compare_loose();
    var compareBuild = require_compare_build();
    var sort = require_sort();
    var rsort = require_rsort();
    var gt = require_gt();
    var lt = require_lt();
    var eq = require_eq();
    var neq = require_neq();
    var gte = require_gte();
    var lte = require_lte();
    var cmp = require_cmp();
    var coerce = require_coerce();
    var truncate = require_truncate();
    var Comparator = require_comparator();
    var Range = require_range();
    var satisfies2 = require_satisfies();
    var toComparators = require_to_comparators();
    var maxSatisfying = require_max_satisfying();
    var minSatisfying = require_min_satisfying();
    var minVersion = require_min_version();
    var validRange = require_valid2();
    var outside = require_outside();
    var gtr = require_gtr();
    var ltr = require_ltr();
    var intersects = require_intersects();
    var simplifyRange = require_simplify();
    var subset = require_subset();
    module.exports = {
      parse,
      valid,
      clean,
      inc,
      diff,
      major,
      minor,
      patch,
      prerelease,
      compare,
      rcompare,
      compareLoose,
      compareBuild,
      sort,
      rsort,
      gt,
      lt,
      eq,
      neq,
      gte,
      lte,
      cmp,
      coerce,
      truncate,
      Comparator,
      Range,
      satisfies: satisfies2,
      toComparators,
      maxSatisfying,
      minSatisfying,
      minVersion,
      validRange,
      outside,
      gtr,
      ltr,
      intersects,
      simplifyRange,
      subset,
      SemVer,
      re: internalRe.re,
      src: internalRe.src,
      tokens: internalRe.t,
      SEMVER_SPEC_VERSION: constants.SEMVER_SPEC_VERSION,
      RELEASE_TYPES: constants.RELEASE_TYPES,
      compareIdentifiers: identifiers.compareIdentifiers,
      rcompareIdentifiers: identifiers.rcompareIdentifiers
    };
  }
});

// src/cli/main.ts
import { resolve } from "node:path";

// src/cli/args.ts
var UsageError = class extends RunActionError {
};
var commonFlags = {
  dir: { type: "string", short: "C", description: "project directory (default: current directory)" },
  help: { type: "boolean", short: "h", description: "show this help" }
};
function parseArgs(argv, spec, usage) {
  const all = { ...commonFlags, ...spec };
  const byShort = new Map(Object.entries(all).flatMap(([name, s]) => s.short ? [[s.short, name]] : []));
  const flags = {};
  const positionals = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--") {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    let name;
    let inline;
    if (arg.startsWith("--")) {
      const eq = arg.indexOf("=");
      name = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
      inline = eq < 0 ? void 0 : arg.slice(eq + 1);
    } else if (arg.startsWith("-") && arg.length > 1 && !/^-\d/.test(arg)) {
      name = byShort.get(arg.slice(1, 2));
      if (name === void 0) throw unknownFlag(arg, all, usage);
      inline = arg.length > 2 ? arg.slice(2) : void 0;
    } else {
      positionals.push(arg);
      continue;
    }
    const s = all[name];
    if (!s) throw unknownFlag(arg, all, usage);
    if (s.type === "boolean") {
      if (inline !== void 0) throw new UsageError(`--${name} takes no value`, { hint: usage });
      flags[name] = true;
      continue;
    }
    const value = inline ?? argv[++i];
    if (value === void 0) throw new UsageError(`--${name} needs a value`, { hint: usage });
    if (s.type === "strings") flags[name] = [...flags[name] ?? [], value];
    else flags[name] = value;
  }
  return { positionals, flags };
}
function unknownFlag(arg, spec, usage) {
  const guess = closest(arg.replace(/^-+/, "").split("=")[0], Object.keys(spec));
  return new UsageError(`unknown option ${arg}`, { hint: guess ? `did you mean --${guess}? (${usage})` : usage });
}
function flagString(args, name) {
  const v = args.flags[name];
  return typeof v === "string" ? v : void 0;
}
function flagStrings(args, name) {
  const v = args.flags[name];
  return Array.isArray(v) ? v : typeof v === "string" ? [v] : [];
}
function flagBool(args, name) {
  return args.flags[name] === true;
}

// src/cli/commands/exec.ts
import { existsSync } from "node:fs";
import { join } from "node:path";

// src/core/values/call-expression.ts
var CLOSERS = { "(": ")", "[": "]", "{": "}" };
function fail(input, at, problem, expected, hint) {
  throw new CallSyntaxError({ problem, input, column: at + 1, expected, hint });
}
function parseCallExpression(input) {
  const open = input.indexOf("(");
  const name = (open === -1 ? input : input.slice(0, open)).trim();
  const nameStart = input.length - input.trimStart().length;
  if (name === "") fail(input, nameStart, "missing function name", "a function name before (", "write add(3, 4)");
  if (/\s/.test(name)) {
    const gap = nameStart + name.search(/\s/);
    fail(input, gap, `unexpected space in the function name '${name}'`, "'(' right after the function name", `write ${name.split(/\s+/)[0]}(\u2026)`);
  }
  if (open === -1) fail(input, input.trimEnd().length, `missing argument list after '${name}'`, "'(' after the function name", `write ${name}() for no arguments, or ${name}(1, 2)`);
  const segments = [];
  const stack = [];
  let segStart = open + 1;
  for (let i = open + 1; i < input.length; i++) {
    const c = input[i];
    if (c === '"' || c === "'") {
      const start = i;
      for (i++; i < input.length && input[i] !== c; i++) if (input[i] === "\\") i++;
      if (i >= input.length) fail(input, start, `unterminated ${c === '"' ? "string" : "char"} in the arguments`, `a closing ${c}`, `close it with ${c}`);
    } else if (c === "(" || c === "[" || c === "{") {
      stack.push(CLOSERS[c]);
    } else if (c === ")" || c === "]" || c === "}") {
      if (stack.length > 0) {
        const want = stack.pop();
        if (c !== want) fail(input, i, `'${c}' does not match the open bracket`, `'${want}'`, "check the brackets of the arguments");
        continue;
      }
      if (c !== ")") fail(input, i, `unexpected '${c}'`, "',' or ')'", "check the brackets of the arguments");
      segments.push({ from: segStart, to: i });
      const rest = input.slice(i + 1);
      if (rest.trim() !== "") fail(input, i + 1 + (rest.length - rest.trimStart().length), `trailing characters '${rest.trim()}' after the call`, "the end of the input", `write just ${name}(\u2026)`);
      return { input, name, args: argumentSpans(input, name, segments) };
    } else if (c === "," && stack.length === 0) {
      segments.push({ from: segStart, to: i });
      segStart = i + 1;
    }
  }
  const afterComma = segments.length > 0 && input.slice(segStart).trim() === "";
  return fail(
    input,
    input.length,
    "unexpected end of input",
    stack.length ? `'${stack[stack.length - 1]}' to close the open bracket` : afterComma ? "another argument after ',' and then ')'" : "')' to close the argument list",
    `write ${name}(1, 2)`
  );
}
function argumentSpans(input, name, segments) {
  const spans = segments.map(({ from, to }) => {
    const raw = input.slice(from, to);
    return { from: from + (raw.length - raw.trimStart().length), to: from + raw.trimEnd().length };
  });
  const last = spans[spans.length - 1];
  if (last.from >= last.to) spans.pop();
  for (const s of spans) if (s.from >= s.to) fail(input, s.from, "missing argument", "an argument value before the comma", `write ${name}(1, 2)`);
  return spans;
}
function callArguments(call, func) {
  const extra = call.args[func.params.length];
  if (extra) {
    throw new CallSyntaxError({
      problem: `${func.name} takes ${func.params.length} argument${func.params.length === 1 ? "" : "s"}, ${call.args.length} given`,
      input: call.input,
      column: extra.from + 1,
      expected: "')'",
      hint: `the function is ${func.name}: ${formatFunctionType(func)}`
    });
  }
  return parseArguments(func, call.args.map((span) => ({ input: call.input, span })));
}

// src/core/exec/exec.ts
var ExecUsageError = class extends RunActionError {
};
async function exec(req) {
  if (req.args.length && !req.function) throw new ExecUsageError("--args requires --function", { hint: "or write the whole call: --call 'f(1, 2)'" });
  if (req.call && req.function) throw new ExecUsageError("give either --call or --function, not both");
  const { artifact, component } = await loadTarget(req.target, req.dir, req.config);
  const policy = req.policy ?? req.config?.run.policy ?? "strict";
  const grants = grantsFor({
    capabilities: component?.capabilities ?? [],
    policy,
    dir: req.config?.dir ?? req.dir,
    env: req.env,
    args: [artifact.name, ...req.argv],
    allowClock: req.allowClock,
    allowRandom: req.allowRandom,
    logger: req.logger
  });
  const run = req.config?.run;
  const host = hostConfig({
    policy,
    grants,
    outputCapBytes: run?.outputCapBytes ?? 1024 * 1024,
    ...req.config?.build.sourceDateEpoch !== void 0 ? { sourceDateEpoch: req.config.build.sourceDateEpoch } : {}
  });
  const limits = {
    ...run ? { memoryBytes: run.memoryMiB * 1024 * 1024, timeoutMs: run.timeoutMs } : {},
    ...req.limits
  };
  const runner = await ComponentRunner.open(artifact, { cacheDir: cacheDirOf(req.config?.dir ?? req.dir), limits });
  try {
    if (req.call || req.function) {
      let fn;
      let args;
      if (req.call) {
        const expr = parseCallExpression(req.call);
        fn = runner.resolve(expr.name);
        args = callArguments(expr, fn.func);
      } else {
        fn = runner.resolve(req.function);
        args = parseArguments(fn.func, req.args.flatMap((a) => a.split(",")).map((a) => a.trim()).filter(Boolean));
      }
      const { outcome: outcome2, value } = await runner.call(fn, args, host);
      return { artifact, policy, outcome: outcome2, ...value ? { value } : {}, exitCode: exitCodeOf(outcome2) };
    }
    if (!runner.isCommand && runner.world.exports.some((e) => e.kind === "function" && e.name === "run")) {
      const fn = runner.resolve("run");
      const { outcome: outcome2, value } = await runner.call(fn, [], host);
      return { artifact, policy, outcome: outcome2, ...value ? { value } : {}, exitCode: outcome2.class === "ok" ? exitCodeOfValue(value) : exitCodeOf(outcome2) };
    }
    const outcome = await runner.run(host);
    return { artifact, policy, outcome, exitCode: exitCodeOf(outcome) };
  } finally {
    await runner.close();
  }
}
function exitCodeOf(outcome) {
  if (outcome.class === "ok" || outcome.class === "exit") return outcome.exitCode;
  return 1;
}
function exitCodeOfValue(value) {
  if (!value) return 0;
  if (value.kind === "result") return value.ok ? 0 : value.value && typeof value.value.value === "number" ? Number(value.value.value) : 1;
  if (value.kind === "s8" || value.kind === "s16" || value.kind === "s32" || value.kind === "u8" || value.kind === "u16" || value.kind === "u32") return value.value;
  return 0;
}

// src/core/values/upstream-render.ts
function upstreamText(val) {
  if (val === void 0) return "unit";
  switch (val.kind) {
    case "bool":
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
      return rustDisplayFloat(val.value, val.kind === "f32");
    case "char":
      return `'${val.value}'`;
    case "string":
      return val.value;
    case "list":
      return `[${val.items.map(upstreamText).join(", ")}]`;
    case "record":
      return `{${val.fields.map((f) => `${f.name}: ${upstreamText(f.value)}`).join(", ")}}`;
    case "tuple":
      return `(${val.items.map(upstreamText).join(", ")})`;
    case "variant":
      return val.payload ? `${val.case}(${upstreamText(val.payload)})` : val.case;
    case "enum":
      return val.case;
    case "flags":
      return `flags(${val.flags.join("|")})`;
    case "option":
      return val.value ? `some(${upstreamText(val.value)})` : "none";
    case "result":
      return `${val.ok ? "ok" : "err"}${val.value ? `(${upstreamText(val.value)})` : ""}`;
    case "handle":
      return `handle(${val.id})`;
    case "unit":
      return "unit";
  }
}
function upstreamJson(val) {
  if (val === void 0) return "null";
  switch (val.kind) {
    case "bool":
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
      return jsonFloat(val.value, val.kind === "f32");
    case "char":
    case "string":
      return JSON.stringify(val.value);
    case "enum":
      return JSON.stringify(val.case);
    case "list":
    case "tuple":
      return `[${val.items.map(upstreamJson).join(",")}]`;
    case "record": {
      const fields = [...val.fields].sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
      return `{${fields.map((f) => `${JSON.stringify(f.name)}:${upstreamJson(f.value)}`).join(",")}}`;
    }
    case "variant":
      return `{"tag":${JSON.stringify(val.case)},"value":${upstreamJson(val.payload)}}`;
    case "option":
      return upstreamJson(val.value);
    case "result":
      return `{"err":${val.ok ? "null" : upstreamJson(val.value)},"ok":${val.ok ? upstreamJson(val.value) : "null"}}`;
    case "flags":
      return `[${val.flags.map((f) => JSON.stringify(f)).join(",")}]`;
    case "handle":
      return String(val.id);
    case "unit":
      return "null";
  }
}

// src/cli/commands/exec.ts
var POLICIES = ["strict", "virtual", "dev"];
function policyFlag(value) {
  if (value === void 0) return void 0;
  if (!POLICIES.includes(value)) throw new ExecUsageError(`unknown policy '${value}'`, { hint: `use one of: ${POLICIES.join(", ")}` });
  return value;
}
function quantity(flag, value, parse, example) {
  if (value === void 0) return void 0;
  const n = parse(value);
  if (n === void 0 || n <= 0) throw new ExecUsageError(`invalid --${flag} '${value}'`, { hint: `write e.g. --${flag} ${example}` });
  return n;
}
var execCommand = {
  name: "exec",
  summary: "run a component: call one function, or its CLI entry point",
  usage: "run-action exec <component|file.wasm> [--call 'f(1, 2)' | --function f --args v,\u2026] [--json] [-- guest args\u2026]",
  flags: {
    call: { type: "string", description: `the call to make, in WAVE: 'add(3, 4)', 'greet("you")'` },
    function: { type: "string", description: "function to call (upstream style; with --args)" },
    args: { type: "strings", description: 'comma-separated typed arguments for --function (s32:1, "text", 42)' },
    json: { type: "boolean", description: "print one JSON object: exit_code, return_value, stderr, stdout" },
    policy: { type: "string", description: "strict (default) | virtual | dev" },
    memory: { type: "string", description: "memory limit per instance, e.g. 256MiB" },
    timeout: { type: "string", description: "time limit per call, e.g. 30s" },
    "allow-clock": { type: "boolean", description: "grant the (virtual, under strict) wall clock" },
    "allow-random": { type: "boolean", description: "grant (seeded, under strict) random" }
  },
  async run(args, ctx) {
    const [target, ...argv] = args.positionals;
    if (!target) throw new ExecUsageError("Missing target", { hint: "Usage: run-action exec <component|path>" });
    const json = flagBool(args, "json");
    const allowClock = flagBool(args, "allow-clock");
    const allowRandom = flagBool(args, "allow-random");
    if (!json) {
      if (allowClock) ctx.logger.warn("--allow-clock breaks determinism");
      if (allowRandom) ctx.logger.warn("--allow-random breaks determinism");
    }
    const config = existsSync(join(ctx.cwd, "run.toml")) ? await loadRunConfig(ctx.cwd) : void 0;
    for (const w of config?.warnings ?? []) ctx.logger.warn(w.message, w.location);
    const memoryBytes = quantity("memory", flagString(args, "memory"), parseByteSize, "256MiB");
    const timeoutMs = quantity("timeout", flagString(args, "timeout"), parseDuration, "30s");
    const call = flagString(args, "call");
    const fn = flagString(args, "function");
    const upstreamStyle = !json && !call;
    const policy = policyFlag(flagString(args, "policy"));
    if (upstreamStyle) ctx.out(`[exec] mode=${(policy ?? config?.run.policy) === "dev" ? "development" : "production"} clock=${allowClock} random=${allowRandom}`);
    const result = await exec({
      target,
      ...call !== void 0 ? { call } : {},
      ...fn !== void 0 ? { function: fn } : {},
      args: flagStrings(args, "args"),
      ...policy ? { policy } : {},
      limits: { ...memoryBytes ? { memoryBytes } : {}, ...timeoutMs ? { timeoutMs } : {} },
      allowClock,
      allowRandom,
      argv,
      dir: ctx.cwd,
      config,
      env: ctx.env,
      logger: ctx.logger
    });
    if (json) ctx.out(jsonLine(result));
    else if (upstreamStyle) printUpstream(result, ctx);
    else printCall(result, ctx);
    return result.exitCode;
  }
};
var text = (b) => new TextDecoder().decode(b);
function failed(r) {
  return r.outcome.class !== "ok" && r.outcome.class !== "exit";
}
function jsonLine(r) {
  const parts = [];
  if (failed(r)) parts.push(`"error":${JSON.stringify({ class: r.outcome.class, message: r.outcome.message })}`);
  parts.push(`"exit_code":${r.exitCode}`, `"return_value":${upstreamJson(r.value)}`, `"stderr":${JSON.stringify(text(r.outcome.stderr))}`, `"stdout":${JSON.stringify(text(r.outcome.stdout))}`);
  return `{${parts.join(",")}}`;
}
function guestOutput(r) {
  process.stdout.write(r.outcome.stdout);
  process.stderr.write(r.outcome.stderr);
  const t = r.outcome.truncated;
  if (t.stdout || t.stderr) process.stderr.write(`[exec] output capped: ${t.stdout} stdout and ${t.stderr} stderr bytes dropped
`);
}
function printUpstream(r, ctx) {
  ctx.out(`[exec] running: ${r.artifact.file}`);
  guestOutput(r);
  if (failed(r)) {
    ctx.logger.error(`Component execution failed: ${r.artifact.name} - ${r.outcome.message}`);
    return;
  }
  if (r.value && r.value.kind !== "unit") ctx.out(`[exec] return: ${upstreamText(r.value)}`);
  ctx.out(`[exec] completed (exit=${r.exitCode})`);
}
function printCall(r, ctx) {
  guestOutput(r);
  if (failed(r)) {
    ctx.logger.error(r.outcome.message);
    return;
  }
  if (r.value && r.value.kind !== "unit") ctx.out(printWave(r.value));
}

// src/cli/commands/info.ts
import { existsSync as existsSync2 } from "node:fs";
import { join as join2 } from "node:path";
var NotAComponentError = class extends RunActionError {
};
var COMPONENT_LAYER = [13, 0, 1, 0];
var info = {
  name: "info",
  summary: "print a component's size, kind and WIT world (imports and exports)",
  usage: "run-action info <file.wasm|file.wat|component-name> [-C dir]",
  flags: {},
  async run(args, ctx) {
    const target = args.positionals[0];
    if (!target) throw new RunActionError("missing target", { hint: this.usage });
    const config = existsSync2(join2(ctx.cwd, "run.toml")) ? await loadRunConfig(ctx.cwd) : void 0;
    const { artifact } = await loadTarget(target, ctx.cwd, config);
    const bytes = artifact.bytes;
    const isWasm = bytes[0] === 0 && bytes[1] === 97 && bytes[2] === 115 && bytes[3] === 109;
    if (!isWasm) throw new NotAComponentError(`${artifact.file} is not a WebAssembly binary`, { location: { file: artifact.file }, hint: "give a .wasm component (or a .wat text)" });
    const isComponent = COMPONENT_LAYER.every((b, i) => bytes[4 + i] === b);
    ctx.out(`File: ${artifact.file}`);
    ctx.out(`Size: ${bytes.length} bytes`);
    ctx.out(`Type: ${isComponent ? "WASI component" : "WASM module"}`);
    ctx.out(`SHA-256: ${artifact.sha256}`);
    if (!isComponent) {
      ctx.logger.warn(`${artifact.file} is a core module, not a component; wrap it with \`run-action build\` (language = "wasm") or \`wasm-tools component new\``);
      return 0;
    }
    const { componentWit } = await import("./chunk-3Y5QZTN3.js");
    ctx.out("");
    ctx.out((await componentWit(bytes)).trimEnd());
    return 0;
  }
};

// src/core/registry/client.ts
var import_semver = __toESM(require_semver2(), 1);

// src/core/net/download.ts
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

// src/core/net/download.ts
var timeouts = /* @__PURE__ */ new WeakMap();
var requestOf = /* @__PURE__ */ new WeakMap();
async function fetchBytes(url, options = {}) {
  let body = Buffer.alloc(0);
  await withRetries(url, options, async (res) => {
    const chunks = [];
    await pipeBody(res, url, (chunk) => (chunks.push(chunk), true), async () => {
    });
    body = Buffer.concat(chunks);
  });
  return body;
}
function settings(o) {
  return { ...DEFAULT_HTTP, ...Object.fromEntries(Object.entries(o).filter(([, v]) => v !== void 0)) };
}
function retryable(err) {
  if (err instanceof HttpStatusError) return err.status === 408 || err.status === 429 || err.status >= 500;
  return err instanceof NetworkError || err instanceof DownloadTimeoutError || err instanceof TruncatedBodyError;
}
async function withRetries(url, options, sink) {
  const s = settings(options);
  const log = options.logger ?? silentLogger;
  for (let attempt = 1; ; attempt++) {
    try {
      await requestFollowingRedirects(url, s, sink);
      return;
    } catch (err) {
      if (!retryable(err) || attempt >= s.attempts) {
        if (err instanceof NetworkError && attempt > 1) {
          err.message += ` (after ${attempt} attempts)`;
        }
        throw err;
      }
      let delay = Math.min(s.maxBackoffMs, s.backoffMs * 2 ** (attempt - 1));
      delay += Math.floor(Math.random() * delay * 0.25);
      const retryAfter = err instanceof HttpStatusError ? err.retryAfterMs : void 0;
      if (retryAfter !== void 0) {
        if (retryAfter > s.maxRetryAfterMs) throw err;
        delay = Math.max(delay, retryAfter);
      }
      log.warn(`${err.message}; retrying in ${(delay / 1e3).toFixed(1)} s (attempt ${attempt + 1} of ${s.attempts})`);
      await new Promise((r) => setTimeout(r, delay));
    }
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
  return new Promise((resolve2, reject) => {
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
        resolve2(res);
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
function parseRetryAfter(value) {
  if (!value) return void 0;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1e3;
  const at = Date.parse(value);
  return Number.isNaN(at) ? void 0 : Math.max(0, at - Date.now());
}

// src/core/registry/digest.ts
import { createHash } from "node:crypto";
function sha256Hex(bytes) {
  return createHash("sha256").update(bytes).digest("hex");
}

// src/core/registry/errors.ts
var UploadTimeoutError = class extends NetworkError {
};
var RegistryHttpError = class extends RunActionError {
  constructor(url, status) {
    super(`the registry answered ${status} to POST ${url}`);
    this.url = url;
    this.status = status;
    this.retryable = status === 429 || status >= 500;
  }
  url;
  status;
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
  constructor(url, packageName) {
    const ns = packageName.split(":")[0];
    super(`the token may not publish to namespace '${ns}' (403 from ${url} for ${packageName})`, {
      hint: `use a token issued for namespace '${ns}' (or the registry's admin token)`
    });
    this.url = url;
    this.packageName = packageName;
  }
  url;
  packageName;
};
var PublishRejectedError = class extends RunActionError {
  constructor(url, packageName, version) {
    super(`the registry at ${url} rejected ${packageName}@${version} as a bad request (400)`, {
      hint: 'upstream registries answer 400 for a missing field, a name without exactly one ":", a version that is not semver (or is latest/dev/stable), a sha256 that does not match the bytes, or an upload over REGISTRY_MAX_UPLOAD_MB'
    });
    this.url = url;
    this.packageName = packageName;
    this.version = version;
  }
  url;
  packageName;
  version;
};
var PayloadTooLargeError = class extends RunActionError {
  constructor(url, packageName, size) {
    super(`the registry at ${url} refused ${packageName} (${size} bytes) as too large (413)`, {
      hint: "raise the registry's REGISTRY_MAX_UPLOAD_MB or make the component smaller"
    });
    this.url = url;
    this.packageName = packageName;
    this.size = size;
  }
  url;
  packageName;
  size;
};
var VersionExistsError = class extends RunActionError {
  constructor(packageName, version) {
    super(`${packageName}@${version} already exists in the registry (409)`);
    this.packageName = packageName;
    this.version = version;
  }
  packageName;
  version;
};
var HashMismatchError = class extends RunActionError {
  constructor(packageName, expected, actual, opts = {}) {
    super(`hash mismatch for ${packageName}: expected ${expected}, got ${actual}`, opts);
    this.packageName = packageName;
    this.expected = expected;
    this.actual = actual;
  }
  packageName;
  expected;
  actual;
};
var LockedDigestMismatchError = class extends RunActionError {
  constructor(packageName, version, locked, registry, lockFile) {
    super(`${packageName}@${version} changed in the registry since it was locked
  run.lock: ${locked}
  registry: ${registry}`, {
      location: { file: lockFile },
      hint: "a published version must never change; if you trust the new bytes, delete its entry from run.lock and install again"
    });
    this.packageName = packageName;
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
  constructor(packageName, version, url) {
    super(`package ${packageName}${version ? `@${version}` : ""} not found in the registry at ${url}`);
    this.packageName = packageName;
    this.version = version;
  }
  packageName;
  version;
};
var NoMatchingVersionError = class extends RunActionError {
  constructor(packageName, requirement, available, location) {
    super(
      `no version of ${packageName} satisfies '${requirement}' (available: ${available.length ? available.join(", ") : "none"})`,
      { location, hint: "change the requirement in run.toml [dependencies]" }
    );
    this.packageName = packageName;
    this.requirement = requirement;
    this.available = available;
  }
  packageName;
  requirement;
  available;
};
var DependencyConflictError = class extends RunActionError {
  constructor(packageName, chosen, requirement, requiredBy) {
    super(`${requiredBy} needs ${packageName} '${requirement}' but ${packageName}@${chosen} was already chosen`, {
      hint: "align the version requirements in run.toml [dependencies]"
    });
    this.packageName = packageName;
    this.chosen = chosen;
    this.requirement = requirement;
    this.requiredBy = requiredBy;
  }
  packageName;
  chosen;
  requirement;
  requiredBy;
};
var InvalidRequirementError = class extends RunActionError {
  constructor(requirement, location, why = "not a valid semver requirement") {
    super(`invalid version requirement '${requirement}': ${why}`, {
      location,
      hint: "use Cargo-style requirements: '1.2.3' (= ^1.2.3), '=1.2.3', '~1.2', '>=1.2, <2', '*'"
    });
    this.requirement = requirement;
  }
  requirement;
};
var LockfileReadError = class extends RunActionError {
};
var LockfileSyntaxError = class extends RunActionError {
};
var LockfileChecksumError = class extends RunActionError {
  constructor(expected, actual, location) {
    super(`run.lock checksum mismatch: the file says ${expected} but its content hashes to ${actual}`, {
      location,
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
  const str = (k) => {
    const v = o[k];
    if (typeof v !== "string" || v === "") throw bad(`"${k}" is missing or not a string`);
    return v;
  };
  const opt = (k) => typeof o[k] === "string" ? o[k] : null;
  const num = (k) => typeof o[k] === "number" ? o[k] : null;
  const sha256 = str("sha256");
  if (!SHA256_HEX.test(sha256)) throw bad(`"sha256" is not 64 lowercase hex digits`);
  const deps = Array.isArray(o.dependencies) ? o.dependencies : [];
  return {
    name: str("name"),
    version: str("version"),
    description: opt("description") ?? "",
    license: opt("license"),
    size: num("size"),
    sha256,
    downloadUrl: str("download_url"),
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
import { randomBytes } from "node:crypto";
import { createReadStream } from "node:fs";
var enc = new TextEncoder();
function quote(value) {
  return value.replace(/"/g, "%22").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
function multipartBody(fields, file) {
  const boundary = `----run-action-${randomBytes(12).toString("hex")}`;
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
      else for await (const chunk of createReadStream(src.path, { highWaterMark: 256 * 1024 })) yield chunk;
      yield tail;
    }
  };
}

// src/core/registry/upload.ts
import http2 from "node:http";
import https2 from "node:https";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";

// src/core/version.ts
var VERSION = "2.0.0";

// src/core/registry/upload.ts
var USER_AGENT = `run-action/${VERSION}`;
var MAX_RESPONSE_BYTES = 1024 * 1024;
function post(url, headers, body, timeoutMs) {
  const shown = `POST ${redactUrl(url)}`;
  return new Promise((resolve2, reject) => {
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
        resolve2({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) });
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
    return list.filter((v) => typeof v === "string" && import_semver.default.valid(v) !== null).sort(import_semver.default.compare);
  }
  /** Metadata of name@version, or undefined when the registry does not have it (404). */
  async metadata(name, version) {
    const path = `/api/v1/packages/${encodeURIComponent(name)}/${encodeURIComponent(version)}`;
    const json = await this.lookUp(path);
    return json === void 0 ? void 0 : parseMetadata(json, `${redactUrl(this.url)}${path}`);
  }
  /** The artifact's bytes, refused unless they hash to the metadata's sha256. */
  async download(meta) {
    const bytes = await fetchBytes(this.downloadUrl(meta.downloadUrl), this.httpOptions());
    const actual = sha256Hex(bytes);
    if (actual !== meta.sha256) {
      throw new HashMismatchError(meta.name, meta.sha256, actual, {
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
    throw new RegistryHttpError(redactUrl(url), res.status);
  }
  /** GETs JSON from the primary, then each mirror; undefined on 404. */
  async lookUp(path) {
    const bases = [this.url, ...this.mirrors];
    let lastError;
    for (const [i, base] of bases.entries()) {
      try {
        return parseJson(await fetchBytes(`${base}${path}`, this.httpOptions()), `${redactUrl(base)}${path}`);
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

// src/core/registry/lockfile.ts
import { readFile as readFile2 } from "node:fs/promises";
import { join as join4 } from "node:path";

// src/core/registry/naming.ts
var import_semver2 = __toESM(require_semver2(), 1);
var RESERVED_VERSIONS = /* @__PURE__ */ new Set(["latest", "dev", "stable"]);
function isValidVersion(version) {
  const plain = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/.test(version);
  return !RESERVED_VERSIONS.has(version) && plain && import_semver2.default.parse(version) !== null;
}
function safeName(name) {
  return name.replaceAll(":", "__").replace(/[/\\]/g, "_");
}
function artifactFileName(name, version) {
  return `${safeName(name)}@${version}.wasm`;
}

// src/core/registry/store.ts
import { randomBytes as randomBytes2 } from "node:crypto";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { dirname, join as join3 } from "node:path";
var cachePath = (dir, name, version) => join3(dir, ".run", "cache", artifactFileName(name, version));
var componentPath = (dir, name, version) => join3(dir, ".run", "components", artifactFileName(name, version));
async function writeFileAtomic(file, data) {
  await mkdir(dirname(file), { recursive: true });
  const tmp = `${file}.tmp-${process.pid}-${randomBytes2(4).toString("hex")}`;
  try {
    await writeFile(tmp, data);
    await rename(tmp, file);
  } finally {
    await rm(tmp, { force: true });
  }
}
async function readHashed(file) {
  try {
    const bytes = await readFile(file);
    return { bytes, sha256: sha256Hex(bytes) };
  } catch (err) {
    if (err.code === "ENOENT") return void 0;
    throw err;
  }
}

// src/core/registry/lockfile.ts
var LOCKFILE_NAME = "run.lock";
var HEADER = "# This file is auto-generated by Run. Do not edit manually.\n";
var byName = (a, b) => Buffer.compare(Buffer.from(a.name), Buffer.from(b.name));
function serializeLockfile(lock) {
  let text2 = `${HEADER}version = ${lock.version}

`;
  for (const c of [...lock.components].sort(byName)) {
    text2 += `[[component]]
name = "${c.name}"
version = "${c.version}"
sha256 = "${c.sha256}"
`;
    if (c.dependencies.length) text2 += `dependencies = [${c.dependencies.map((d) => `"${d}"`).join(", ")}]
`;
    text2 += "\n";
  }
  return `${text2}checksum = "${sha256Hex(Buffer.from(text2, "utf8"))}"
`;
}
function parseLockfile(text2, file) {
  const lines = text2.replace(/\r\n/g, "\n").split("\n");
  const syntax = (line, message) => new LockfileSyntaxError(message, { location: { file, line }, hint: "run.lock is written by `run-action install`; delete it and install again" });
  const components = [];
  let version = 1;
  let block;
  let checksum;
  let offset = 0;
  const close = () => {
    if (!block) return;
    for (const key of ["name", "version", "sha256"]) {
      if (!block[key]) throw syntax(block.line, `[[component]] block without \`${key}\``);
    }
    if (components.some((c) => c.name === block.name)) throw syntax(block.line, `${block.name} is locked twice`);
    components.push({ name: block.name, version: block.version, sha256: block.sha256, dependencies: block.dependencies ?? [] });
    block = void 0;
  };
  for (const [i, raw] of lines.entries()) {
    const n = i + 1;
    const line = raw.trim();
    const lineOffset = offset;
    offset += raw.length + 1;
    if (line === "" || line.startsWith("#")) continue;
    if (checksum) throw syntax(n, "text after the checksum line is not covered by the checksum");
    if (line === "[[component]]") {
      close();
      block = { line: n };
      continue;
    }
    const m = /^([a-z0-9_]+)\s*=\s*(.*)$/.exec(line);
    if (!m) throw syntax(n, `unexpected line: ${line}`);
    const [, key, value] = m;
    if (key === "checksum") {
      close();
      checksum = { value: quoted(value, n), line: n, offset: lineOffset };
    } else if (!block && key === "version") {
      if (!/^\d+$/.test(value)) throw syntax(n, `\`version\` must be an integer, not ${value}`);
      version = Number(value);
    } else if (block && (key === "name" || key === "sha256")) {
      block[key] = quoted(value, n);
    } else if (block && key === "version") {
      const v = quoted(value, n);
      if (!isValidVersion(v)) throw syntax(n, `Invalid version: ${v}`);
      block.version = v;
    } else if (block && key === "dependencies") {
      const list = /^\[(.*)\]$/.exec(value);
      if (!list) throw syntax(n, '`dependencies` must be a list like ["ns:a", "ns:b"]');
      block.dependencies = list[1].trim() === "" ? [] : list[1].split(",").map((d) => quoted(d.trim(), n));
    } else {
      throw syntax(n, `unexpected key \`${key}\`${block ? " in a [[component]] block" : " outside a [[component]] block"}`);
    }
  }
  close();
  function quoted(value, line) {
    const q = /^"([^"\\]*)"$/.exec(value);
    if (!q) throw syntax(line, `expected a quoted string, found ${value}`);
    return q[1];
  }
  const warnings = [];
  if (checksum) {
    const normalised = lines.join("\n");
    const actual = sha256Hex(Buffer.from(normalised.slice(0, checksum.offset), "utf8"));
    if (actual !== checksum.value) throw new LockfileChecksumError(checksum.value, actual, { file, line: checksum.line });
  } else {
    warnings.push({ message: "run.lock has no checksum line, so its integrity is not verified", location: { file } });
  }
  return { file, version, components, checksumLine: checksum?.line, warnings };
}
async function readLockfile(dir) {
  const file = join4(dir, LOCKFILE_NAME);
  let text2;
  try {
    text2 = await readFile2(file, "utf8");
  } catch (err) {
    if (err.code === "ENOENT") return void 0;
    throw new LockfileReadError(`cannot read ${file}: ${err.message}`, { location: { file }, cause: err });
  }
  return parseLockfile(text2, file);
}
async function writeLockfile(dir, lock) {
  const file = join4(dir, LOCKFILE_NAME);
  await writeFileAtomic(file, serializeLockfile(lock));
  return file;
}

// src/core/registry/requirement.ts
var import_semver3 = __toESM(require_semver2(), 1);
function toSemverRange(requirement, location) {
  const text2 = requirement.trim();
  if (text2 === "") throw new InvalidRequirementError(requirement, location, "it is empty");
  if (text2.includes("||") || / - /.test(text2)) {
    throw new InvalidRequirementError(requirement, location, "'||' and hyphen ranges are not Cargo syntax (upstream rejects them)");
  }
  const parts = text2.split(",").map((p) => p.trim());
  if (parts.some((p) => p === "")) throw new InvalidRequirementError(requirement, location, "it has an empty comparator");
  const range = parts.map((p) => /^\d/.test(p) ? `^${p}` : p).join(" ");
  if (import_semver3.default.validRange(range) === null) throw new InvalidRequirementError(requirement, location);
  return range;
}
function satisfies(version, requirement) {
  return import_semver3.default.satisfies(version, toSemverRange(requirement));
}
function highestSatisfying(versions, requirement, location) {
  return import_semver3.default.maxSatisfying([...versions], toSemverRange(requirement, location)) ?? void 0;
}

// src/core/registry/resolve.ts
async function resolvePackages(requests, ctx) {
  const queue = requests.map((r) => ({ ...r, requiredBy: "run.toml" }));
  for (const r of requests) toSemverRange(r.requirement, r.location);
  const resolved = /* @__PURE__ */ new Map();
  const locked = new Map((ctx.lock?.components ?? []).map((c) => [c.name, c]));
  for (let next = queue.shift(); next; next = queue.shift()) {
    const { name, requirement, requiredBy, location } = next;
    const chosen = resolved.get(name);
    if (chosen) {
      if (!satisfies(chosen.version, requirement)) throw new DependencyConflictError(name, chosen.version, requirement, requiredBy);
      continue;
    }
    const lockEntry = locked.get(name);
    let pkg;
    if (lockEntry && satisfies(lockEntry.version, requirement)) {
      if (await ctx.isCached(name, lockEntry.version, lockEntry.sha256)) {
        pkg = { name, version: lockEntry.version, sha256: lockEntry.sha256, dependencies: lockEntry.dependencies };
        for (const dep of lockEntry.dependencies) {
          const depLocked = locked.get(dep);
          queue.push({ name: dep, requirement: depLocked ? `=${depLocked.version}` : "*", requiredBy: name });
        }
      } else {
        const meta = await ctx.client.metadata(name, lockEntry.version);
        if (meta && meta.sha256 !== lockEntry.sha256) {
          throw new LockedDigestMismatchError(name, lockEntry.version, lockEntry.sha256, meta.sha256, ctx.lock.file);
        }
        if (meta) pkg = fromMetadata(meta, queue);
        else ctx.logger.warn(`${name}@${lockEntry.version} is locked but no longer in the registry; resolving '${requirement}' again`);
      }
    }
    if (!pkg) {
      let versions;
      try {
        versions = await ctx.client.versions(name);
      } catch (err) {
        if (err instanceof PackageNotFoundError) throw new NoMatchingVersionError(name, requirement, [], location);
        throw err;
      }
      const version = highestSatisfying(versions, requirement, location);
      if (!version) throw new NoMatchingVersionError(name, requirement, versions, location);
      const meta = await ctx.client.metadata(name, version);
      if (!meta) throw new PackageNotFoundError(name, version, ctx.client.url);
      pkg = fromMetadata(meta, queue);
    }
    resolved.set(name, pkg);
  }
  return [...resolved.values()];
}
function fromMetadata(meta, queue) {
  for (const d of meta.dependencies) queue.push({ name: d.name, requirement: d.version, requiredBy: `${meta.name}@${meta.version}` });
  return { name: meta.name, version: meta.version, sha256: meta.sha256, dependencies: meta.dependencies.map((d) => d.name), metadata: meta };
}

// src/core/registry/install.ts
async function installPackages(dir, requests, client, logger) {
  const lock = await readLockfile(dir);
  for (const w of lock?.warnings ?? []) logger.warn(w.message, w.location);
  const intact = async (name, version, sha256) => (await readHashed(cachePath(dir, name, version)))?.sha256 === sha256;
  const resolved = await resolvePackages(requests, { client, lock, logger, isCached: intact });
  const packages = [];
  for (const pkg of resolved) packages.push(await place(dir, pkg, client, logger));
  const touched = new Set(resolved.map((p) => p.name));
  const components = [
    ...(lock?.components ?? []).filter((c) => !touched.has(c.name)),
    ...resolved.map((p) => ({ name: p.name, version: p.version, sha256: p.sha256, dependencies: p.dependencies }))
  ];
  const lockFile = await writeLockfile(dir, { version: lock?.version ?? 1, components });
  return { packages, lockFile };
}
async function place(dir, pkg, client, logger) {
  const cacheFile = cachePath(dir, pkg.name, pkg.version);
  const componentFile = componentPath(dir, pkg.name, pkg.version);
  const cached = await readHashed(cacheFile);
  let bytes;
  let from;
  if (cached?.sha256 === pkg.sha256) {
    bytes = cached.bytes;
    from = "cache";
  } else {
    if (cached) logger.warn(`${cacheFile} does not hash to ${pkg.sha256} (it hashes to ${cached.sha256}); downloading it again`);
    const meta = pkg.metadata ?? await client.metadata(pkg.name, pkg.version);
    if (!meta) throw new PackageNotFoundError(pkg.name, pkg.version, client.url);
    bytes = await client.download(meta);
    if (meta.sha256 !== pkg.sha256) throw new HashMismatchError(pkg.name, pkg.sha256, meta.sha256);
    await writeFileAtomic(cacheFile, bytes);
    from = "registry";
  }
  if ((await readHashed(componentFile))?.sha256 !== pkg.sha256) await writeFileAtomic(componentFile, bytes);
  logger.info(`installed ${pkg.name}@${pkg.version} (sha256 ${pkg.sha256}, from ${from})`);
  return { name: pkg.name, version: pkg.version, sha256: pkg.sha256, from, cacheFile, componentFile };
}

// src/cli/commands/install.ts
var installCommand = {
  name: "install",
  summary: "install run.toml's [dependencies] from the registry into .run/, verified by sha256, and write run.lock",
  usage: "run-action install [--dev]",
  flags: {
    dev: { type: "boolean", description: "also install [dev-dependencies]" }
  },
  async run(args, ctx) {
    if (args.positionals.length) {
      throw new UsageError(`install takes no package name (got '${args.positionals[0]}')`, {
        hint: 'add the package to [dependencies] in run.toml, e.g. "acme:calc" = "1.0.0", then run `run-action install`'
      });
    }
    const config = await loadRunConfig(ctx.cwd);
    const deps = [...config.dependencies, ...flagBool(args, "dev") ? config.devDependencies : []];
    if (deps.length === 0) {
      ctx.out("No dependencies in run.toml");
      return 0;
    }
    for (const d of deps) {
      if (d.git || d.path) ctx.logger.warn(`${d.name}: git and path sources are not supported (nor by upstream); installing it from the registry`, { file: config.file });
    }
    const client = new RegistryClient({ url: config.registry.url, mirrors: config.registry.mirrors, logger: ctx.logger });
    const requests = deps.map((d) => ({ name: d.name, requirement: d.version, location: { file: config.file } }));
    await installPackages(config.dir, requests, client, ctx.logger);
    ctx.out("Installed dependencies from run.toml");
    return 0;
  }
};

// src/cli/commands/test.ts
var testCommand = {
  name: "test",
  summary: "run the tests of run.toml, each in a fresh instance under the deterministic policy",
  usage: "run-action test [--component <name>] [--policy strict|virtual|dev] [--json] [-C dir]",
  flags: {
    component: { type: "string", description: "only the tests of this component (or the test of this name)" },
    policy: { type: "string", description: "strict (default) | virtual | dev" },
    json: { type: "boolean", description: 'JSON lines: one per failed test, then {"total","passed","failed"}' }
  },
  async run(args, ctx) {
    const config = await loadRunConfig(ctx.cwd);
    for (const w of config.warnings) ctx.logger.warn(w.message, w.location);
    const json = flagBool(args, "json");
    const filter = flagString(args, "component");
    const policy = policyFlag(flagString(args, "policy"));
    const report = await runTests(config, {
      ...filter ? { filter } : {},
      ...policy ? { policy } : {},
      env: ctx.env,
      logger: ctx.logger,
      onResult: (r) => {
        if (!json) ctx.out(r.passed ? `PASS ${r.name}` : `FAIL ${r.name} - ${r.reason}`);
        else if (!r.passed) ctx.out(failureJson(r));
      }
    });
    if (json) {
      ctx.out(JSON.stringify({ total: report.results.length, passed: report.passed, failed: report.failed }));
    } else {
      if (report.results.length === 0) ctx.out("No tests found. Add [tests.<name>] to run.toml or export test_ functions.");
      ctx.out("");
      ctx.out(`${report.passed} passed, ${report.failed} failed`);
    }
    return report.failed === 0 ? 0 : 1;
  }
};
function failureJson(r) {
  return JSON.stringify({ test: r.name, status: "failed", error: r.reason, ...r.outcome ? { class: r.outcome.class } : {}, stdout: r.stdout, stderr: r.stderr });
}

// src/core/registry/verify.ts
async function verifyLockedCache(dir, lock) {
  return Promise.all(
    lock.components.map(async (c) => {
      const found = await readHashed(cachePath(dir, c.name, c.version));
      const base = { name: c.name, version: c.version, expected: c.sha256 };
      if (!found) return { ...base, status: "missing" };
      return found.sha256 === c.sha256 ? { ...base, status: "ok" } : { ...base, status: "corrupted", actual: found.sha256 };
    })
  );
}
function formatVerifyReport(entries, offline) {
  const lines = [`Verifying ${entries.length} components...`, ""];
  for (const e of entries) {
    const id = `${e.name}@${e.version}`;
    if (e.status === "ok") lines.push(`  OK       ${id}`);
    else if (e.status === "missing") lines.push(`  MISSING  ${id}${offline ? "" : " (not cached)"}`);
    else lines.push(`  CORRUPTED ${id}`, `           expected: ${e.expected}`, `           actual:   ${e.actual}`);
  }
  const bad = entries.filter((e) => e.status !== "ok").length;
  lines.push("", bad === 0 ? `All ${entries.length} components verified.` : `${entries.length - bad} verified, ${bad} failed.`);
  return { lines, ok: bad === 0 };
}

// src/cli/commands/verify-lock.ts
var verifyLockCommand = {
  name: "verify-lock",
  summary: "check that every package in run.lock is in .run/cache with its locked sha256",
  usage: "run-action verify-lock [--offline]",
  flags: {
    offline: { type: "boolean", description: "upstream's flag: only changes the MISSING line (nothing is ever fetched)" }
  },
  async run(args, ctx) {
    const lock = await readLockfile(ctx.cwd);
    if (!lock) {
      ctx.out("No lockfile found. Run `run-action install` first.");
      return 1;
    }
    for (const w of lock.warnings) ctx.logger.warn(w.message, w.location);
    const { lines, ok } = formatVerifyReport(await verifyLockedCache(ctx.cwd, lock), flagBool(args, "offline"));
    for (const line of lines) ctx.out(line);
    return ok ? 0 : 1;
  }
};

// src/cli/commands/index.ts
var commands = [execCommand, testCommand, info, installCommand, verifyLockCommand];

// src/cli/terminal-logger.ts
function terminalLogger(options = { verbose: false }) {
  const stream = options.stream ?? process.stderr;
  const colour = stream.isTTY === true && !process.env.NO_COLOR;
  const secrets = [];
  const paint = (code, s) => colour ? `\x1B[${code}m${s}\x1B[0m` : s;
  const write = (line) => {
    let text2 = line;
    for (const s of secrets) text2 = text2.split(s).join("***");
    stream.write(`${text2}
`);
  };
  const where = (loc) => loc ? `${loc.file}${loc.line ? `:${loc.line}${loc.col ? `:${loc.col}` : ""}` : ""}: ` : "";
  return {
    info: (m) => write(m),
    warn: (m, loc) => write(`${paint("33", "warning")}: ${where(loc)}${m}`),
    error: (m, loc) => write(`${paint("31", "error")}: ${where(loc)}${m}`),
    debug: (m) => {
      if (options.verbose) write(paint("2", m));
    },
    async group(title, fn) {
      write(paint("1", `\u25B8 ${title}`));
      return fn();
    },
    mask(secret) {
      if (secret) secrets.push(secret);
    }
  };
}

// src/cli/main.ts
function help() {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    `run-action ${VERSION} \u2014 build, test, prove reproducible and publish WebAssembly components (run.toml)`,
    "",
    "Usage: run-action <command> [options]",
    "",
    "Commands:",
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    "",
    "Run `run-action <command> --help` for a command's options."
  ].join("\n");
}
function commandHelp(cmd) {
  const spec = { ...cmd.flags, ...commonFlags };
  const lines = Object.entries(spec).map(([name, s]) => {
    const flag = `${s.short ? `-${s.short}, ` : "    "}--${name}${s.type === "boolean" ? "" : " <value>"}`;
    return `  ${flag.padEnd(30)} ${s.description}${s.type === "strings" ? " (repeatable)" : ""}`;
  });
  return [`Usage: ${cmd.usage}`, "", cmd.summary, "", "Options:", ...lines].join("\n");
}
async function main(argv) {
  const [name, ...rest] = argv;
  if (name === void 0 || name === "help" || name === "--help" || name === "-h") {
    process.stdout.write(`${help()}
`);
    return 0;
  }
  if (name === "version" || name === "--version" || name === "-V") {
    process.stdout.write(`run-action ${VERSION}
`);
    return 0;
  }
  const cmd = commands.find((c) => c.name === name);
  const logger = terminalLogger({ verbose: process.env.RUN_ACTION_DEBUG === "1" });
  if (!cmd) {
    const guess = closest(name, commands.map((c) => c.name));
    logger.error(`unknown command '${name}'${guess ? ` \u2014 did you mean '${guess}'?` : ""}`);
    process.stderr.write(`${help()}
`);
    return 1;
  }
  try {
    const args = parseArgs(rest, cmd.flags, cmd.usage);
    if (args.flags.help) {
      process.stdout.write(`${commandHelp(cmd)}
`);
      return 0;
    }
    const cwd = resolve(flagString(args, "dir") ?? ".");
    return await cmd.run(args, { cwd, logger, out: (line) => process.stdout.write(`${line}
`), env: process.env });
  } catch (err) {
    if (err instanceof RunActionError) {
      process.stderr.write(`Error: ${formatError(err)}
`);
      return 1;
    }
    throw err;
  }
}
process.exitCode = await main(process.argv.slice(2));
export {
  main
};
