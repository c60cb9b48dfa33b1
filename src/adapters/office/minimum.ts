/**
 * The lowest Excel the add-in runs in (manifest.xml's Requirements, checked by
 * scripts/manifest-check.ts; docs/deploy.md says why): Excel 2021, Microsoft 365, Excel on the web
 * and on the Mac. Office 2019 (ExcelApi 1.8 at most, out of support since October 2025) runs add-ins
 * in Internet Explorer or the old Edge, which cannot run the pages.
 */
export const MIN_EXCEL_API = '1.9';
