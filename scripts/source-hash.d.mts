/** sha256 (hex) of every TypeScript file under `<root>/pipeline`, with their paths. */
export declare function sourceHash(root: string): string;
