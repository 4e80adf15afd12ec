// Version string, kept in one place (matches package.json; a test checks they agree).
export const VERSION = '0.1.0';
