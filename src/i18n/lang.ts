/** The languages of the UI: Vietnamese first, English second. */
export type Lang = 'vi' | 'en';
