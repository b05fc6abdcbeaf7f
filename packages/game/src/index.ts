/**
 * Pure Guild Wars 2 domain code shared by the server and the client.
 * No framework imports: plain data in, plain data out.
 * The optimizer lives behind its own entry point (`@gw2/game/optimizer`) so the
 * client does not bundle the HiGHS WebAssembly solver.
 */
export * from './model.js';
export * from './catalog/index.js';
export * from './codec/index.js';
export * from './roles/index.js';
export * from './coverage/index.js';
export * from './advice/index.js';
export * from './meta/index.js';
export * from './squad-text/index.js';
