package dev.keyshard.chains.solana;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyshard.chains.Chain;
import dev.keyshard.chains.tx.ChainSignature;
import dev.keyshard.chains.tx.InvalidTransactionSignatureException;
import dev.keyshard.chains.tx.PlainKeySigner;
import dev.keyshard.chains.tx.SignatureScheme;
import dev.keyshard.chains.tx.SignedTransaction;
import dev.keyshard.chains.tx.SigningRequest;
import dev.keyshard.chains.tx.TransactionIntent;
import dev.keyshard.chains.tx.TransactionSummary;
import dev.keyshard.chains.tx.Transactions;
import fr.acinq.bitcoin.Base58;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The message layout, summary and assembly of a Keyshard Solana transfer, read back field by
 * field. Execution and byte equality with other implementations are in {@link SolanaLiteSvmTest}
 * and {@link TwcSolanaTest}.
 */
class SolanaTransferBuilderTest {
  static final PlainKeySigner VAULT = PlainKeySigner.fromLabel("solana");
  /** An address of a key nobody holds (base58 of SHA-256("recipient")). */
  static final String RECIPIENT = Base58.encode(sha256("keyshard-test-solana-recipient"));
  static final String BLOCKHASH = Base58.encode(sha256("keyshard-test-solana-blockhash"));

  static TransactionIntent.Builder transfer() {
    return TransactionIntent.builder(Chain.SOLANA).put("to", RECIPIENT).put("amount", "0.25")
        .put("recentBlockhash", BLOCKHASH);
  }

  static SolanaUnsignedTransaction build(TransactionIntent.Builder b) throws Exception {
    return (SolanaUnsignedTransaction) Transactions.build(b.build(), VAULT.keys());
  }

  @Test
  void plainTransferMessageLayout() throws Exception {
    SolanaUnsignedTransaction tx = build(transfer());
    byte[] m = tx.message();
    HexFormat hex = HexFormat.of();
    // header: 1 signature, 0 read-only signed, 1 read-only unsigned (System); 3 keys
    assertEquals("01000103", hex.formatHex(m, 0, 4));
    assertArrayEquals(VAULT.keys().rootEddsa(), Arrays.copyOfRange(m, 4, 36), "fee payer = vault key");
    assertArrayEquals(Base58.decode(RECIPIENT), Arrays.copyOfRange(m, 36, 68));
    assertArrayEquals(new byte[32], Arrays.copyOfRange(m, 68, 100), "System Program");
    assertArrayEquals(Base58.decode(BLOCKHASH), Arrays.copyOfRange(m, 100, 132));
    // 1 instruction: program 2, accounts [0, 1], 12 data bytes: u32 2, u64 lamports
    assertEquals("01" + "02" + "020001" + "0c", hex.formatHex(m, 132, 138));
    ByteBuffer data = ByteBuffer.wrap(m, 138, 12).order(ByteOrder.LITTLE_ENDIAN);
    assertEquals(2, data.getInt());
    assertEquals(250_000_000L, data.getLong());
    assertEquals(150, m.length);

    List<SigningRequest> requests = tx.signingRequests();
    assertEquals(1, requests.size());
    assertEquals(SignatureScheme.ED25519, requests.get(0).scheme());
    assertArrayEquals(m, requests.get(0).message());
  }

  @Test
  void summaryShowsSolAndTheSignatureFee() throws Exception {
    TransactionSummary s = build(transfer()).summary();
    assertEquals(Chain.SOLANA.address(VAULT.keys().rootEcdsa(), VAULT.keys().rootEddsa(),
        VAULT.keys().chainCode()), s.from());
    assertEquals(RECIPIENT, s.to());
    assertEquals("0.25 SOL", s.amount());
    assertEquals("0.000005 SOL", s.fee());
    assertTrue(s.details().contains("recent blockhash " + BLOCKHASH), s.details().toString());
  }

  @Test
  void priorityFeeAddsComputeBudgetInstructionsFirst() throws Exception {
    SolanaUnsignedTransaction tx = build(transfer().put("priorityFee", "12345")
        .put("computeUnits", "777"));
    byte[] m = tx.message();
    HexFormat hex = HexFormat.of();
    assertEquals("01000204", hex.formatHex(m, 0, 4), "2 read-only programs, 4 keys");
    assertArrayEquals(SolanaAddress.COMPUTE_BUDGET_PROGRAM.bytes(), Arrays.copyOfRange(m, 68, 100));
    assertArrayEquals(new byte[32], Arrays.copyOfRange(m, 100, 132));
    assertEquals("03"
        + "02" + "00" + "09" + "03" + "3930000000000000"     // SetComputeUnitPrice(12345)
        + "02" + "00" + "05" + "02" + "09030000"             // SetComputeUnitLimit(777)
        + "03" + "020001" + "0c" + "02000000" + "80b2e60e00000000",
        hex.formatHex(m, 164, m.length));
    // ⌈12345 × 777 / 10^6⌉ = ⌈9.592065⌉ = 10 lamports on top of the signature fee
    assertEquals("0.00000501 SOL", tx.summary().fee());
    assertEquals("0.000007469 SOL (at most)",
        build(transfer().put("priorityFee", "12345")).summary().fee(),
        "without a limit: 200000 units, ⌈2469⌉ lamports, as an upper bound");
  }

  @Test
  void sendingToItselfUsesOneWritableKey() throws Exception {
    String self = SolanaAddress.ofVault(VAULT.keys()).toString();
    SolanaUnsignedTransaction tx = build(transfer().put("to", self));
    byte[] m = tx.message();
    assertEquals("01000102", HexFormat.of().formatHex(m, 0, 4));
    assertEquals("01" + "01" + "020000" + "0c", HexFormat.of().formatHex(m, 100, 106));
    assertTrue(tx.summary().details().get(0).contains("own address"), tx.summary().details().toString());
  }

  @Test
  void assembledWireIsSignatureThenMessageAndIdIsTheSignature() throws Exception {
    SolanaUnsignedTransaction tx = build(transfer());
    ChainSignature sig = VAULT.sign(tx.signingRequests().get(0));
    SignedTransaction signed = tx.assemble(List.of(sig));
    byte[] raw = signed.raw();
    assertEquals(1, raw[0]);
    assertArrayEquals(sig.bytes(), Arrays.copyOfRange(raw, 1, 65));
    assertArrayEquals(tx.message(), Arrays.copyOfRange(raw, 65, raw.length));
    assertEquals(Base64.getEncoder().encodeToString(raw), signed.encoded());
    assertEquals(Base58.encode(sig.bytes()), signed.txHash());
    assertEquals(SolanaAddress.ofVault(VAULT.keys()).toString(), signed.from());
  }

  @Test
  void assembleRefusesASignatureThatDoesNotVerify() throws Exception {
    SolanaUnsignedTransaction tx = build(transfer());
    byte[] bad = VAULT.sign(tx.signingRequests().get(0)).bytes();
    bad[10] ^= 1;
    InvalidTransactionSignatureException e = assertThrows(InvalidTransactionSignatureException.class,
        () -> tx.assemble(List.of(ChainSignature.schnorr(bad))));
    assertTrue(e.getMessage().contains("Ed25519"), e.getMessage());
    ChainSignature otherKey = PlainKeySigner.fromLabel("someone else").sign(tx.signingRequests().get(0));
    assertThrows(InvalidTransactionSignatureException.class, () -> tx.assemble(List.of(otherKey)));
  }

  static byte[] sha256(String s) {
    try {
      return java.security.MessageDigest.getInstance("SHA-256")
          .digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
