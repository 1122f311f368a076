/** Types for scripts/manifest-urls.js (plain Node, used by webpack.config.js and tests). */
export declare const MANIFEST_DEV_ORIGIN: 'https://localhost:3000/';
export declare function devServerPort(env?: Record<string, string | undefined>, pkg?: { config?: { dev_server_port?: unknown } }): number;
export declare function deploymentBase(url: string): string;
export declare function rewriteManifestUrls(xml: string, base: string): string;
export declare function manifestBase(webpackEnv?: { urlProd?: string }, env?: Record<string, string | undefined>): string;
