/**
 * Oblivious transfer for DKLs23 threshold ECDSA over secp256k1: a base OT, and a correlated OT
 * extension over Z_q, as sans-IO sender/receiver objects (messages in, messages out; randomness
 * through a {@link java.security.SecureRandom} parameter; no I/O, threads or clocks).
 *
 * <h2>Layers and roles</h2>
 * For an ordered pair (Alice = extension sender, Bob = extension receiver):
 * <ol>
 *   <li><b>Base OT</b>, once per pair at keygen: Bob is the {@link EndemicOtSender}, Alice the
 *       {@link EndemicOtReceiver} with random choice bits, κ = {@link OtParameters#BASE_OT_COUNT}
 *       OTs. One message each way, sent in the same round. Alice's choice bits become Δ
 *       ({@link KosSenderSetup#from}), Bob keeps both seeds ({@link KosReceiverSetup#from}).
 *   <li><b>Extension</b>, per use: Bob {@link KosReceiver#extend}s m OTs with his choice bits and
 *       sends a {@link KosExtendMessage}; Alice {@link KosSender#check}s it and
 *       {@link KosSender#transfer}s her correlation α, sending a {@link KosTransferMessage}; Bob
 *       {@link KosReceiver#finish}es. Alice holds t_(j,k), Bob t_(j,k) + b_j·α_(j,k).
 * </ol>
 *
 * <h2>Sources</h2>
 * <ul>
 *   <li>Base OT: Masny–Rindal, "Endemic Oblivious Transfer", ePrint 2019/706 (CCS 2019): the OT from
 *       a key agreement with uniform receiver messages, one Feistel-style round (the receiver sends
 *       r_(1−c) random and r_c = m − H(r_(1−c))), Diffie–Hellman as the key agreement. The paper's
 *       figure numbers could not be read here; the construction and its security claims were taken
 *       from the abstract, from reference implementations (libOTe {@code MasnyRindal}; CryProt's notes on
 *       the KEM variant, MR19 Fig. 8, which has the same Feistel form) and re-derived. H is RFC 9380 hash_to_curve
 *       ({@link Secp256k1HashToCurve}); see {@link EndemicOtSender} for why its output must have an
 *       unknown logarithm.
 *   <li>Extension: Keller–Orsini–Scholl, ePrint 2015/546, revised version, Fig. 10, as the DKLs23
 *       implementations read it: the consistency check hashes each base-OT column in 208-bit blocks
 *       of GF(2^208) with Fiat–Shamir challenges ({@link KosShape}, {@link Gf2k208}), then
 *       "Transpose and randomize" ({@link BitMatrix}, {@link OtHashes}), then DKLs18 Protocol 9
 *       "Transfer" for the correlation over Z_q. Statistical security λ_s = 80.
 *   <li>Use: DKLs19 Protocol 1 / DKLs23 §5.1 random vector OLE, per {@code /work/dkls23-design.md}
 *       §5 (ξ = 416 OTs, width 3 with forced reuse, or 4). The multiplication check that catches a
 *       sender's wrong α belongs to that protocol, not here.
 * </ul>
 *
 * <h2>Errors</h2>
 * Every rejected peer message throws {@link OtException} with a reason and the {@link OtRole} at
 * fault; caller misuse throws {@link IllegalArgumentException}; calls out of order or on a burned,
 * destroyed or single-use object throw {@link IllegalStateException}.
 *
 * <h2>Known limitations</h2>
 * secp256k1 point multiplication in {@code group/} is BouncyCastle's variable-time GLV/wNAF, and the
 * base OT multiplies peer points by secret scalars; that must become constant-time before
 * production. Constant time elsewhere is by construction (masks, no secret-indexed tables) and has
 * not been measured with a dudect-style test.
 */
package dev.keyshard.crypto.ot;
