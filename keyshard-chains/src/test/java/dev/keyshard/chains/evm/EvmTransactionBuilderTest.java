package dev.keyshard.chains.evm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyshard.chains.Chain;
import dev.keyshard.chains.tx.ChainSignature;
import dev.keyshard.chains.tx.InvalidTransactionSignatureException;
import dev.keyshard.chains.tx.PlainKeySigner;
import dev.keyshard.chains.tx.SignedTransaction;
import dev.keyshard.chains.tx.TransactionException;
import dev.keyshard.chains.tx.TransactionIntent;
import dev.keyshard.chains.tx.Transactions;
import dev.keyshard.chains.tx.UnsignedTransaction;
import java.math.BigInteger;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Intent → fields → signing payload → assembled bytes, and every refusal before signing. */
class EvmTransactionBuilderTest {
  static final String RECIPIENT = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed";
  static final String TOKEN = "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359";
  private final PlainKeySigner signer = PlainKeySigner.fromLabel("evm-builder");

  static TransactionIntent.Builder eth() {
    return TransactionIntent.builder(Chain.ETHEREUM).put("to", RECIPIENT).put("amount", "1.5")
        .put("nonce", "7").put("maxFeePerGas", "30").put("maxPriorityFeePerGas", "1.5");
  }

  private EvmUnsignedTransaction build(TransactionIntent intent) throws TransactionException {
    return (EvmUnsignedTransaction) Transactions.build(intent, signer.keys());
  }

  @Test
  void eip1559TransferHasTheIntentsFieldsInItsPayload() throws Exception {
    EvmUnsignedTransaction tx = build(eth().build());
    byte[] payload = tx.transaction().signingPayload();
    assertEquals(0x02, payload[0]);
    List<RlpItem> f = fields(java.util.Arrays.copyOfRange(payload, 1, payload.length));
    assertEquals(9, f.size());
    assertEquals(BigInteger.ONE, scalar(f.get(0)));
    assertEquals(BigInteger.valueOf(7), scalar(f.get(1)));
    assertEquals(BigInteger.valueOf(1_500_000_000L), scalar(f.get(2)));
    assertEquals(BigInteger.valueOf(30_000_000_000L), scalar(f.get(3)));
    assertEquals(BigInteger.valueOf(21000), scalar(f.get(4)));
    assertEquals(RECIPIENT, EvmAddress.of(((RlpItem.Bytes) f.get(5)).value()).toString());
    assertEquals(new BigInteger("1500000000000000000"), scalar(f.get(6)));
    assertEquals(0, ((RlpItem.Bytes) f.get(7)).value().length);
    assertEquals(List.of(), ((RlpItem.Items) f.get(8)).items());
    assertArrayEquals(Keccak.keccak256(payload), tx.signingRequests().get(0).message());
    assertEquals(Chain.ETHEREUM.path(), tx.signingRequests().get(0).path());
  }

  @Test
  void assembledEip1559RoundTripsWithTheSignature() throws Exception {
    EvmUnsignedTransaction tx = build(eth().build());
    ChainSignature sig = signer.signAll(tx).get(0);
    SignedTransaction signed = tx.assemble(List.of(sig));
    byte[] raw = signed.raw();
    assertEquals(0x02, raw[0]);
    List<RlpItem> f = fields(java.util.Arrays.copyOfRange(raw, 1, raw.length));
    assertEquals(12, f.size());
    byte[] payload = tx.transaction().signingPayload();
    assertArrayEquals(java.util.Arrays.copyOfRange(payload, 1, payload.length),
        Rlp.list(f.subList(0, 9).stream().map(EvmTransactionBuilderTest::encode).toList()));
    assertEquals(BigInteger.valueOf(sig.recoveryId()), scalar(f.get(9)));
    assertEquals(new BigInteger(1, sig.r()), scalar(f.get(10)));
    assertEquals(new BigInteger(1, sig.s()), scalar(f.get(11)));
    assertEquals("0x" + HexFormat.of().formatHex(Keccak.keccak256(raw)), signed.txHash());
    assertEquals("0x" + HexFormat.of().formatHex(raw), signed.encoded());
    assertEquals(tx.from().toString(), signed.from());
  }

  @Test
  void legacyUsesEip155V() throws Exception {
    TransactionIntent intent = TransactionIntent.builder(Chain.BSC).put("to", RECIPIENT)
        .put("amount", "0.25").put("nonce", "0").put("type", "legacy").put("gasPrice", "3").build();
    EvmUnsignedTransaction tx = build(intent);
    List<RlpItem> unsigned = fields(tx.transaction().signingPayload());
    assertEquals(9, unsigned.size());
    assertEquals(BigInteger.valueOf(56), scalar(unsigned.get(6)));
    ChainSignature sig = signer.signAll(tx).get(0);
    List<RlpItem> f = fields(tx.assemble(List.of(sig)).raw());
    assertEquals(BigInteger.valueOf(sig.recoveryId() + 56 * 2 + 35), scalar(f.get(6)));
    assertEquals("0.25 BNB", tx.summary().amount());
    assertEquals("0.000063 BNB (max)", tx.summary().fee());
  }

  @Test
  void erc20CallsTransferOnTheTokenContract() throws Exception {
    TransactionIntent intent = eth().put("token", TOKEN).put("decimals", "6").put("tokenSymbol", "USDC")
        .put("amount", "12.345678").put("gasLimit", "65000").build();
    EvmUnsignedTransaction tx = build(intent);
    EvmTransaction t = tx.transaction();
    assertEquals(TOKEN, t.to().toString());
    assertEquals(BigInteger.ZERO, t.value());
    assertEquals("a9059cbb" + "0".repeat(24) + RECIPIENT.substring(2).toLowerCase()
        + String.format("%064x", 12_345_678L), HexFormat.of().formatHex(t.data()));
    assertEquals(RECIPIENT, tx.summary().to());
    assertEquals("12.345678 USDC", tx.summary().amount());
    assertEquals("0.00195 ETH (max)", tx.summary().fee());
    assertTrue(tx.summary().details().get(0).contains(TOKEN), tx.summary().details().toString());
    assertTrue(tx.summary().details().contains("nonce 7"));
    assertTrue(tx.summary().details().contains("chain id 1"));
  }

  @Test
  void defaultChainIdsAndOverride() throws Exception {
    long[] ids = {1, 56, 43114, 137, 42161, 10, 8453};
    Chain[] chains = {Chain.ETHEREUM, Chain.BSC, Chain.AVALANCHE, Chain.POLYGON, Chain.ARBITRUM,
        Chain.OPTIMISM, Chain.BASE};
    for (int i = 0; i < chains.length; i++) {
      TransactionIntent intent = TransactionIntent.builder(chains[i]).put("to", RECIPIENT)
          .put("amount", "1").put("nonce", "0").put("maxFeePerGas", "1").put("maxPriorityFeePerGas", "0")
          .build();
      assertEquals(BigInteger.valueOf(ids[i]), build(intent).transaction().chainId());
    }
    assertEquals(BigInteger.valueOf(31337), build(eth().put("chainId", "31337").build()).transaction().chainId());
  }

  @Test
  void wrongSignatureIsRefusedAtAssembly() throws Exception {
    EvmUnsignedTransaction tx = build(eth().build());
    ChainSignature sig = signer.signAll(tx).get(0);
    byte[] b = sig.bytes();
    b[40] ^= 1;
    assertThrows(InvalidTransactionSignatureException.class,
        () -> tx.assemble(List.of(new ChainSignature(b, sig.recoveryId()))));
    assertThrows(InvalidTransactionSignatureException.class,
        () -> tx.assemble(List.of(new ChainSignature(sig.bytes(), 1 - sig.recoveryId()))));
    UnsignedTransaction other = Transactions.build(eth().put("nonce", "8").build(), signer.keys());
    assertThrows(InvalidTransactionSignatureException.class,
        () -> tx.assemble(signer.signAll(other)));
  }

  @Test
  void invalidIntentsAreRefusedNamingTheField() {
    refused(eth().put("to", "0x5aaeb6053F3E94C9b9A09f33669435E7Ef1BeAed"), "'to'");
    refused(eth().put("to", "0x" + "0".repeat(40)), "zero address");
    refused(eth().put("amount", "0.0000000000000000001"), "'amount'");
    refused(eth().put("amount", "0"), "'amount'");
    refused(eth().put("gasPrice", "1"), "'gasPrice'");
    refused(eth().put("type", "legacy").put("gasPrice", "1"), "'maxFeePerGas'");
    refused(eth().put("type", "eip4844"), "'type'");
    refused(eth().put("maxPriorityFeePerGas", "31"), "'maxPriorityFeePerGas'");
    refused(eth().put("maxFeePerGas", "0.0000000001"), "'maxFeePerGas'");
    refused(eth().put("data", "0x00"), "'data'");
    refused(eth().put("decimals", "6"), "'decimals'");
    refused(eth().put("token", TOKEN).put("gasLimit", "60000"), "'decimals'");
    refused(eth().put("token", TOKEN).put("decimals", "6"), "'gasLimit'");
    refused(eth().put("token", TOKEN).put("decimals", "6").put("gasLimit", "60000")
        .put("tokenSymbol", "A\nB"), "'tokenSymbol'");
    refused(eth().put("gasLimit", "20999"), "'gasLimit'");
    refused(eth().put("to", TOKEN.toLowerCase()).put("token", TOKEN).put("decimals", "6")
        .put("gasLimit", "60000"), "token's own contract");
    refused(eth().put("chainId", "0"), "'chainId'");
    refused(eth().put("nonce", "-1"), "'nonce'");
    refused(eth().put("nonce", "18446744073709551615"), "'nonce'");
    refused(TransactionIntent.builder(Chain.ETHEREUM).put("to", RECIPIENT).put("amount", "1")
        .put("maxFeePerGas", "1").put("maxPriorityFeePerGas", "1"), "'nonce'");
  }

  @Test
  void summaryCannotPassOffOneChainOrTokenAsAnother() throws Exception {
    // Ethereum with BSC's chain id would be shown as ETH on Ethereum and move BNB on BSC.
    refused(eth().put("chainId", "56"), "'chainId' 56 is BSC's, not Ethereum's");
    // An unknown id (a local anvil) is allowed, but marked.
    EvmUnsignedTransaction local = build(eth().put("chainId", "31337").build());
    assertTrue(local.summary().details().contains("chain id 31337 (not Ethereum mainnet's 1)"),
        local.summary().details().toString());
    // A token shown as the chain's coin.
    TransactionIntent.Builder token = eth().put("token", TOKEN).put("decimals", "6")
        .put("gasLimit", "65000").put("amount", "1");
    refused(token.put("tokenSymbol", "ETH"), "native coin");
    refused(token.put("tokenSymbol", "bnb"), "native coin");
    // 1 "USDC" at the 18 decimals an intent claims is 10^18 base units: 10^12 real USDC. The
    // device cannot check decimals(), so it shows the base units and says whose word they are.
    EvmUnsignedTransaction claimed = build(eth().put("token", TOKEN).put("decimals", "18")
        .put("tokenSymbol", "USDC").put("gasLimit", "65000").put("amount", "1").build());
    assertEquals("1 USDC", claimed.summary().amount());
    assertTrue(claimed.summary().details().contains("token amount 1000000000000000000 base units; "
        + "decimals 18 and symbol USDC are as the intent states, not read from the contract"),
        claimed.summary().details().toString());
  }

  private void refused(TransactionIntent.Builder intent, String field) {
    TransactionException e = assertThrows(TransactionException.class, () -> build(intent.build()));
    assertTrue(e.getMessage().contains(field), e.getMessage() + " should name " + field);
  }

  private static List<RlpItem> fields(byte[] rlp) throws RlpException {
    return ((RlpItem.Items) RlpDecoder.decode(rlp)).items();
  }

  private static BigInteger scalar(RlpItem i) throws RlpException {
    return ((RlpItem.Bytes) i).scalar();
  }

  private static byte[] encode(RlpItem i) {
    if (i instanceof RlpItem.Bytes b) {
      return Rlp.bytes(b.value());
    }
    return Rlp.list(((RlpItem.Items) i).items().stream().map(EvmTransactionBuilderTest::encode).toList());
  }
}
