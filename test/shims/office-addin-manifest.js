// office-addin-mock imports office-addin-manifest, whose ESM-only dependencies break Jest's
// CommonJS runtime; the mock only needs this enum.
module.exports = {
  OfficeApp: { Excel: 'excel', OneNote: 'onenote', Outlook: 'outlook', PowerPoint: 'powerpoint', Project: 'project', Word: 'word' },
};
