// Types for what tests import from eslint.config.js.
export declare const typeAwareRules: Readonly<Record<string, unknown>>;
declare const config: readonly unknown[];
export default config;
