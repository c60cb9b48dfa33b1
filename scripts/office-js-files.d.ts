export declare const OFFICE_JS_FILES: readonly string[];
export declare const VENDOR_DIR: string;
export declare function officeJsSource(root: string): string;
export declare function wanted(relative: string): boolean;
