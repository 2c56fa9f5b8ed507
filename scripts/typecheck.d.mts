/** The native TypeScript compiler's command-line entry, which `npm run typecheck` runs. */
export declare const TSC: string;
