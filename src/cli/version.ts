// Version string, kept in one place (matches package.json; a test checks they agree).
/** The package version printed by --version. */
export const VERSION = '0.1.0';
