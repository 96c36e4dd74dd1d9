/**
 * The WebAssembly JS API, as far as this project uses it. TypeScript declares it only in the DOM
 * and webworker libs, which this Node project does not load (tsconfig lib: ES2023) and @types/node
 * does not provide it. Shapes follow lib.dom.d.ts; delete this file if tsconfig ever adds "DOM".
 */
declare namespace WebAssembly {
  type Source = ArrayBufferView | ArrayBuffer;

  function validate(bytes: Source): boolean;

  interface Module {}
  var Module: {
    prototype: Module;
    new (bytes: Source): Module;
  };

  interface Memory {
    readonly buffer: ArrayBuffer;
    grow(delta: number): number;
  }
  var Memory: {
    prototype: Memory;
    new (descriptor: { initial: number; maximum?: number; shared?: boolean }): Memory;
  };

  type ExportValue = Function | Memory | object;
  type Exports = Record<string, ExportValue>;
  type ImportValue = ExportValue | number | bigint;
  type Imports = Record<string, Record<string, ImportValue>>;

  interface Instance {
    readonly exports: Exports;
  }
  var Instance: {
    prototype: Instance;
    new (module: Module, importObject?: Imports): Instance;
  };

  interface RuntimeError extends Error {}
  var RuntimeError: {
    prototype: RuntimeError;
    new (message?: string): RuntimeError;
  };

  function compile(bytes: Source): Promise<Module>;
}
