/** This package's version, sent in the `Client-Agent` header. A test keeps it equal to package.json. */
export const VERSION = '0.2.0';
