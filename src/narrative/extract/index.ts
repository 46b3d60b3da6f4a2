/** Narrative claim extraction (情况说明): text in, structured claims with character spans out. */
export * from './types';
export { extractClaims } from './claims';
export { splitSentences, ordinalAt, type Ordinal, type OrdinalStyle } from './sentences';
export { parseNumberTokens, unitFamily, baseUnit } from './numbers';
export { findResidue } from './residue';
export { fold } from './text';
