// The STYLE the brain's modules read when imported as modules (by tests): possession's. In a generated policy each style declares its own.
export { STYLE } from './styles/possession.js';
