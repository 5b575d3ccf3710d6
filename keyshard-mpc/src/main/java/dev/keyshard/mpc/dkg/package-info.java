/**
 * Dealerless Pedersen DKG with Schnorr proofs of knowledge (FROST KeyGen, Komlo–Goldberg ePrint
 * 2020/852 Figure 1; RFC 9591 Appendix C; model: ZF {@code frost-core::keys::dkg}), generic over the
 * group, with the two rounds frost leaves to its caller: an echo of the round-1 broadcasts and a
 * final confirmation. Exports {@link dev.keyshard.mpc.dkg.DkgParty}, its messages
 * {@link dev.keyshard.mpc.dkg.DkgMessage}, their codec {@link dev.keyshard.mpc.dkg.DkgCodec} and the
 * output {@link dev.keyshard.mpc.dkg.DkgResult}; one package-private file per round.
 */
package dev.keyshard.mpc.dkg;
