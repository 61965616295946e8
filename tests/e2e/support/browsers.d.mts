export declare const BROWSERS: { chromium: string; firefox: string };
export declare const VOICE: { speechDispatcher: string; espeakNgModule: string };
export declare const HOW_TO_GET_BROWSERS: string;
