import { createRequire as __runActionRequire } from 'node:module'; const require = __runActionRequire(import.meta.url);
import {
  componentEmbed,
  componentNew,
  componentWit,
  componentWitMetadataForWorld,
  metadataAdd,
  metadataShow,
  parse,
  print
} from "./chunk-BPQB5L64.js";
import "./chunk-YKBNFI37.js";
export {
  componentEmbed,
  componentNew,
  componentWit,
  componentWitMetadataForWorld,
  metadataAdd,
  metadataShow,
  parse,
  print
};
