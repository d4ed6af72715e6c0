// Mock handlers and fixtures for users' own tests.
export {};
