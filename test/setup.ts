import '@testing-library/jest-dom/vitest';
// Property tests choose their seeds themselves: see test/support/property.ts.
