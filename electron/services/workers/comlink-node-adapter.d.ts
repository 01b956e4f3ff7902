// comlink ships no types next to its ESM node adapter (toolchain.md §2); the UMD build's declarations apply.
declare module 'comlink/dist/esm/node-adapter.mjs' {
  export { default } from 'comlink/dist/umd/node-adapter';
}
