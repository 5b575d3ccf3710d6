package dev.keyshard.chains.evm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.keyshard.chains.Chain;
import dev.keyshard.chains.rpc.FakeJsonRpcNode;
import dev.keyshard.chains.tx.PlainKeySigner;
import dev.keyshard.chains.tx.SignedTransaction;
import dev.keyshard.chains.tx.TransactionException;
import dev.keyshard.chains.tx.TransactionIntent;
import dev.keyshard.chains.tx.Transactions;
import dev.keyshard.chains.tx.UnsignedTransaction;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link TokenDecimals}: a token transfer's decimals against the contract's own
 * {@code decimals()}. On anvil with OpenZeppelin's ERC-20 (18 decimals, code we did not write):
 * the right value passes and the transfer moves exactly the amount; a missing one is read from
 * the contract and gives the same transfer; a wrong one, and an address with no contract, are
 * refused before anything is signed, and nothing moves. Against a fake node, every answer that is
 * not one ABI word holding 0..255 is an error, never a default.
 */
@Timeout(120)
class TokenDecimalsTest {
  private static final PlainKeySigner SIGNER = PlainKeySigner.fromLabel("evm-token-decimals");

  private static TransactionIntent.Builder tokenSend(String token) {
    return TransactionIntent.builder(Chain.ETHEREUM).put("to", EvmTransactionBuilderTest.RECIPIENT)
        .put("amount", "2.5").put("chainId", "31337").put("token", token);
  }

  private static SignedTransaction sign(TransactionIntent intent) throws Exception {
    UnsignedTransaction tx = Transactions.build(intent, SIGNER.keys());
    return tx.assemble(SIGNER.signAll(tx));
  }

  /** The selector is keccak256("decimals()")'s first four bytes, as the Solidity ABI defines. */
  @Test
  void selectorIsTheAbiOne() {
    byte[] hash = Keccak.keccak256("decimals()".getBytes(StandardCharsets.US_ASCII));
    assertArrayEquals(Arrays.copyOf(hash, 4), Erc20.decimals());
    assertEquals("313ce567", java.util.HexFormat.of().formatHex(Erc20.decimals()));
  }

  @Test
  void onChainDecimalsPassOrFillInAndAWrongValueOrANonTokenIsRefused() throws Exception {
    try (Anvil anvil = Anvil.start(31337)) {
      String vault = EvmTransactionBuilder.vaultAddress(Chain.ETHEREUM, SIGNER.keys()).toString();
      anvil.setBalance(vault, BigInteger.TEN.pow(20));
      String token = OpenZeppelinToken.deploy(anvil, "Test", "TST", BigInteger.TEN.pow(21), vault);
      EvmRpc rpc = new EvmRpc(anvil.client());
      BigInteger twoAndAHalf = new BigInteger("2500000000000000000");

      // Wrong (6 for an 18-decimal token): refused, naming the token and both values.
      TransactionException wrong = assertThrows(TransactionException.class,
          () -> rpc.complete(tokenSend(token).put("decimals", "6").build(), SIGNER.keys()));
      String m = wrong.getMessage();
      assertTrue(m.contains("'decimals' 6 is not the token's"), m);
      assertTrue(m.toLowerCase(Locale.ROOT).contains(token.toLowerCase(Locale.ROOT)), m);
      assertTrue(m.contains("decimals() on the node at " + anvil.url() + " is 18"), m);
      assertTrue(m.contains("10^-12 times"), m);

      // An address with no code (the vault itself) is no token: refused, not defaulted.
      TransactionException noCode = assertThrows(TransactionException.class,
          () -> rpc.complete(tokenSend(vault).put("decimals", "18").build(), SIGNER.keys()));
      assertTrue(noCode.getMessage().contains("has no code or no decimals()"), noCode.getMessage());
      assertEquals(BigInteger.ZERO, OpenZeppelinToken.balanceOf(anvil, token,
          EvmTransactionBuilderTest.RECIPIENT), "nothing moved");

      // Right: kept as given; the transfer moves exactly 2.5 tokens.
      TransactionIntent right = rpc.complete(tokenSend(token).put("decimals", "18").build(),
          SIGNER.keys());
      assertEquals("18", right.string("decimals"));
      String h1 = rpc.broadcast(sign(right));
      assertEquals("0x1", anvil.receipt(h1).get("status").getAsString());
      assertEquals(twoAndAHalf, OpenZeppelinToken.balanceOf(anvil, token, EvmTransactionBuilderTest.RECIPIENT));

      // Left out: read from the contract, and the same amount arrives again.
      TransactionIntent filled = rpc.complete(tokenSend(token).build(), SIGNER.keys());
      assertEquals("18", filled.string("decimals"));
      String h2 = rpc.broadcast(sign(filled));
      assertEquals("0x1", anvil.receipt(h2).get("status").getAsString());
      assertEquals(twoAndAHalf.shiftLeft(1),
          OpenZeppelinToken.balanceOf(anvil, token, EvmTransactionBuilderTest.RECIPIENT));
    }
  }

  private static Map<String, String> nodeAnswering(String ethCall) {
    Map<String, String> m = new HashMap<>();
    m.put("eth_chainId", FakeJsonRpcNode.quantity(BigInteger.valueOf(31337)));
    m.put("eth_getTransactionCount", FakeJsonRpcNode.quantity(BigInteger.ZERO));
    m.put("eth_gasPrice", FakeJsonRpcNode.quantity(BigInteger.TEN.pow(9)));
    m.put("eth_estimateGas", FakeJsonRpcNode.quantity(BigInteger.valueOf(60_000)));
    m.put("eth_call", ethCall);
    return m;
  }

  private static String word(BigInteger v) {
    String hex = v.toString(16);
    return FakeJsonRpcNode.result("\"0x" + "0".repeat(64 - hex.length()) + hex + "\"");
  }

  /** The call the node gets is decimals() on the token, at the latest block. */
  @Test
  void fakeNodeIsAskedForDecimalsOfTheTokenAndAValidAnswerFillsThemIn() throws Exception {
    try (FakeJsonRpcNode fake = new FakeJsonRpcNode(nodeAnswering(word(BigInteger.valueOf(6))))) {
      TransactionIntent t = new EvmRpc(fake.client())
          .complete(tokenSend(EvmTransactionBuilderTest.TOKEN).put("type", "legacy").build(), SIGNER.keys());
      assertEquals("6", t.string("decimals"));
      // 2.5 with 6 decimals: 2 500 000 base units in the call data's amount word.
      byte[] data = ((EvmUnsignedTransaction) Transactions.build(t, SIGNER.keys())).transaction().data();
      assertEquals(BigInteger.valueOf(2_500_000), new BigInteger(1, Arrays.copyOfRange(data, 36, 68)));
      JsonObject call = fake.requests().stream()
          .filter(r -> r.get("method").getAsString().equals("eth_call")).findFirst().orElseThrow()
          .getAsJsonArray("params").get(0).getAsJsonObject();
      assertEquals(EvmTransactionBuilderTest.TOKEN.toLowerCase(Locale.ROOT),
          call.get("to").getAsString().toLowerCase(Locale.ROOT));
      assertEquals("0x313ce567", call.get("data").getAsString());
    }
  }

  @Test
  void anAnswerThatIsNotAUint8IsAnErrorNeverADefault() throws Exception {
    List<String> garbage = List.of(
        FakeJsonRpcNode.result("\"0x\""),                                   // no code at the address
        word(BigInteger.valueOf(256)),                                  // above uint8
        word(BigInteger.ONE.shiftLeft(255)),                            // a huge word
        FakeJsonRpcNode.result("\"0x" + "0".repeat(63) + "\""),             // 63 digits
        FakeJsonRpcNode.result("\"0x" + "0".repeat(62) + "12" + "0".repeat(64) + "\""), // two words
        FakeJsonRpcNode.result("\"0x" + "0".repeat(62) + "zz\""),           // not hex
        FakeJsonRpcNode.result("\"eighteen\""),
        FakeJsonRpcNode.result("null"),
        FakeJsonRpcNode.result("18"),                                       // a JSON number
        FakeJsonRpcNode.result("{\"decimals\":18}"),
        "\"error\":{\"code\":3,\"message\":\"execution reverted\"}");
    for (String answer : garbage) {
      for (String decimals : new String[] {null, "18"}) {
        try (FakeJsonRpcNode fake = new FakeJsonRpcNode(nodeAnswering(answer))) {
          TransactionIntent.Builder b = tokenSend(EvmTransactionBuilderTest.TOKEN).put("type", "legacy");
          if (decimals != null) {
            b.put("decimals", decimals);
          }
          TransactionIntent intent = b.build();
          TransactionException e = assertThrows(TransactionException.class,
              () -> new EvmRpc(fake.client()).complete(intent, SIGNER.keys()), answer);
          assertTrue(e.getMessage().contains("'token' " + EvmTransactionBuilderTest.TOKEN),
              answer + " → " + e.getMessage());
          assertFalse(fake.methods().contains("eth_estimateGas"), "refused before anything else");
        }
      }
    }
  }
}
