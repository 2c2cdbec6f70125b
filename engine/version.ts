// The engine's version, recorded in every replay. Bump it whenever a change can alter a
// match result or hash for the same seed and policies, so old replays are known to differ.
export const ENGINE_VERSION = '0.3.0';
