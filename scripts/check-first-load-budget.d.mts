/** Types of scripts/check-first-load-budget.mjs, for the TypeScript that imports it (bench/ui.bench.ts). */
export declare const FIRST_LOAD_BUDGET_KB: number;
export declare function firstLoadScripts(html: string): string[];
export declare function measureFirstLoad(dist: string): { files: { file: string; gzipBytes: number }[]; totalBytes: number };
export declare function checkFirstLoadBudget(dist: string, budgetKb?: number): { ok: boolean; message: string };
