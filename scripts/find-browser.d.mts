export declare const systemBrowserPaths: readonly string[];
export declare function findBrowser(env?: Readonly<Record<string, string | undefined>>): { path: string; source: string } | undefined;
