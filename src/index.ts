/** crossfoot library API (no Office.js, no CLI wiring). */
export * from './model/address';
export * from './model/workbook';
export * from './model/table';
export * from './model/performance';
export * from './errors';
export * from './i18n';
export { memoryWorkbook, MemoryReader } from './adapters/memory';
