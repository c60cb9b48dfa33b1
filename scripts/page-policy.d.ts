export declare const OFFICE_JS_CDN_URL: string;
export declare const OFFICE_ORIGINS: { readonly script: readonly string[]; readonly connect: readonly string[]; readonly frame: readonly string[] };
export declare function pagePolicy(officeJs: 'cdn' | 'local', page: 'pane' | 'commands'): string;
export declare function officeJsUrl(officeJs: 'cdn' | 'local'): string;
