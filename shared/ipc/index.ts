export * from './contract';
export * from './result';
export * from './views';
export { returns, type ResultMarker } from './marker';
export type { SscpApi } from './api';
export * from './views-signing';
export * from './views-form';
export * from './views-contributions';
