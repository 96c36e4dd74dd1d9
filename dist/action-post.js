import { createRequire as __runActionRequire } from 'node:module'; const require = __runActionRequire(import.meta.url);
import {
  savePendingCaches,
  warning
} from "./chunk-ASU3YUQW.js";
import "./chunk-MXSFHVLX.js";
import "./chunk-YKBNFI37.js";

// src/action/post.ts
savePendingCaches().then(
  // Pending cache uploads can keep handles open; the step is done once they are saved.
  () => process.exit(0),
  (err) => {
    warning(`saving the toolchain cache failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(0);
  }
);
