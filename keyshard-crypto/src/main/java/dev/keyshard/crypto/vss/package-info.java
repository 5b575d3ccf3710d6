/**
 * Verifiable secret sharing: Shamir polynomials with secret coefficients, Feldman commitments that
 * let a recipient check its share, and Lagrange interpolation. No protocol logic: the DKG, reshare
 * and refresh parties in {@code keyshard-mpc} decide who deals and who is blamed.
 */
package dev.keyshard.crypto.vss;
