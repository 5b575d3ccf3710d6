package dev.keyshard.chains.cosmos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyshard.chains.Chain;
import dev.keyshard.chains.tx.ChainSignature;
import dev.keyshard.chains.tx.InvalidTransactionSignatureException;
import dev.keyshard.chains.tx.TransactionException;
import dev.keyshard.chains.tx.TransactionIntent;
import dev.keyshard.chains.tx.TransactionSummary;
import dev.keyshard.chains.tx.Transactions;
import dev.keyshard.chains.tx.UnsignedTransaction;
import fr.acinq.bitcoin.Bech32;
import java.math.BigInteger;
import java.util.List;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.junit.jupiter.api.Test;

/**
 * Intent validation (each bad field is named before anything is signed), defaults, the summary a
 * device shows, and assembly refusing signatures a Cosmos node would refuse.
 */
class CosmosTransactionBuilderTest {
  private static TransactionIntent.Builder cosmos() {
    return TransactionIntent.builder(Chain.COSMOS).put("to", CosmosVerifyTest.COSMOS_TO)
        .put("amount", "1.5").put("accountNumber", "10").put("sequence", "2");
  }

  private static void refused(TransactionIntent intent, String field) {
    TransactionException e = assertThrows(TransactionException.class,
        () -> Transactions.build(intent, CosmosVerifyTest.SIGNER.keys()));
    assertTrue(e.getMessage().contains("'" + field + "'"), e.getMessage());
  }

  @Test
  void badRecipientsAreRefusedNamingTo() {
    String good = CosmosVerifyTest.COSMOS_TO;
    String badChecksum = good.substring(0, good.length() - 1) + (good.endsWith("3") ? "4" : "3");
    refused(cosmos().put("to", badChecksum).build(), "to");
    refused(cosmos().put("to", CosmosVerifyTest.THOR_TO).build(), "to"); // wrong prefix
    refused(cosmos().put("to", good.toUpperCase().substring(0, 10) + good.substring(10)).build(), "to");
    refused(cosmos().put("to", Bech32.encodeBytes("cosmos", new byte[20], Bech32.Encoding.Bech32m))
        .build(), "to");
    refused(cosmos().put("to", Bech32.encodeBytes("cosmos", new byte[32], Bech32.Encoding.Bech32))
        .build(), "to"); // a 32-byte (contract) address
    refused(cosmos().put("to", "cosmos1").build(), "to");
    refused(TransactionIntent.builder(Chain.MAYACHAIN).put("to", CosmosVerifyTest.THOR_TO)
        .put("amount", "1").put("accountNumber", "1").put("sequence", "1").build(), "to");
  }

  @Test
  void upperCaseRecipientIsTheSameAddress() throws Exception {
    CosmosUnsignedTransaction tx = (CosmosUnsignedTransaction) Transactions.build(
        cosmos().put("to", CosmosVerifyTest.COSMOS_TO.toUpperCase()).build(),
        CosmosVerifyTest.SIGNER.keys());
    assertEquals(CosmosVerifyTest.COSMOS_TO, tx.send().to().toString());
  }

  @Test
  void badFieldsAreRefusedNamingThem() {
    refused(cosmos().put("amount", "1.0000001").build(), "amount"); // 7 decimals, ATOM has 6
    refused(cosmos().put("amount", "0").build(), "amount");
    refused(cosmos().put("amount", "-1").build(), "amount");
    refused(cosmos().put("amount", "1e3").build(), "amount");
    refused(TransactionIntent.builder(Chain.COSMOS).put("to", CosmosVerifyTest.COSMOS_TO)
        .put("accountNumber", "1").put("sequence", "1").build(), "amount");
    refused(TransactionIntent.builder(Chain.COSMOS).put("to", CosmosVerifyTest.COSMOS_TO)
        .put("amount", "1").put("accountNumber", "10").build(), "sequence");
    refused(TransactionIntent.builder(Chain.COSMOS).put("to", CosmosVerifyTest.COSMOS_TO)
        .put("amount", "1").put("sequence", "10").build(), "accountNumber");
    refused(cosmos().put("sequence", "-1").build(), "sequence");
    refused(cosmos().put("sequence", "18446744073709551616").build(), "sequence"); // 2^64
    refused(cosmos().put("fee", "0.0000001").build(), "fee");
    refused(cosmos().put("gas", "0").build(), "gas");
    refused(cosmos().put("gas", "18446744073709551616").build(), "gas");
    refused(cosmos().put("chainId", "cosmos hub").build(), "chainId");
    refused(cosmos().put("memo", "m".repeat(257)).build(), "memo");
    refused(cosmos().put("gasPrice", "0.025").build(), "gasPrice"); // unknown field
    refused(cosmos().put("network", "testnet").build(), "network");
    refused(TransactionIntent.builder(Chain.THORCHAIN).put("to", CosmosVerifyTest.THOR_TO)
        .put("amount", "0.000000001").put("accountNumber", "1").put("sequence", "1").build(),
        "amount"); // 9 decimals, RUNE has 8
  }

  @Test
  void defaultsAndEdgesAreAccepted() throws Exception {
    CosmosSend s = ((CosmosUnsignedTransaction) Transactions.build(
        cosmos().put("memo", "m".repeat(256)).put("network", "mainnet").put("sequence", "18446744073709551615").build(),
        CosmosVerifyTest.SIGNER.keys())).send();
    assertEquals("cosmoshub-4", s.chainId());
    assertEquals(BigInteger.valueOf(7500), s.fee());
    assertEquals(BigInteger.valueOf(200000), s.gas());
    assertEquals(new BigInteger("1500000"), s.amount());
    assertEquals(CosmosVerifyTest.vaultAddress(Chain.COSMOS), s.from().toString());
    CosmosSend maya = CosmosTransactionBuilder.send(TransactionIntent.builder(Chain.MAYACHAIN)
        .put("to", CosmosVerifyTest.MAYA_TO).put("amount", "0.0000000001")
        .put("accountNumber", "0").put("sequence", "0").build(), s.publicKey());
    assertEquals(BigInteger.ONE, maya.amount());
    assertEquals("mayachain-mainnet-v1", maya.chainId());
    assertEquals(BigInteger.ZERO, maya.fee());
    assertEquals(BigInteger.valueOf(2_000_000_000L), maya.gas());
    assertTrue(Transactions.supportedChains().containsAll(
        List.of(Chain.COSMOS, Chain.THORCHAIN, Chain.MAYACHAIN)));
  }

  @Test
  void summaryShowsWhatIsSigned() throws Exception {
    TransactionSummary cosmos = Transactions.build(cosmos().put("memo", "rent").build(),
        CosmosVerifyTest.SIGNER.keys()).summary();
    assertEquals(CosmosVerifyTest.vaultAddress(Chain.COSMOS), cosmos.from());
    assertEquals(CosmosVerifyTest.COSMOS_TO, cosmos.to());
    assertEquals("1.5 ATOM", cosmos.amount());
    assertEquals("0.0075 ATOM", cosmos.fee());
    assertTrue(cosmos.details().contains("memo \"rent\""), cosmos.details().toString());
    assertTrue(cosmos.details().contains("chain id cosmoshub-4"), cosmos.details().toString());
    assertTrue(cosmos.details().contains("account number 10, sequence 2"), cosmos.details().toString());

    TransactionSummary thor = Transactions.build(TransactionIntent.builder(Chain.THORCHAIN)
        .put("to", CosmosVerifyTest.THOR_TO).put("amount", "2.5").put("accountNumber", "1")
        .put("sequence", "1").build(), CosmosVerifyTest.SIGNER.keys()).summary();
    assertEquals("2.5 RUNE", thor.amount());
    assertTrue(thor.fee().startsWith("0 RUNE in the transaction; THORChain also deducts"), thor.fee());
    assertTrue(thor.details().contains("memo (none)"), thor.details().toString());

    // A memo cannot add fake lines to what the device shows.
    TransactionSummary tricky = Transactions.build(cosmos().put("memo", "a\nto:      evil\"").build(),
        CosmosVerifyTest.SIGNER.keys()).summary();
    assertTrue(tricky.details().contains("memo \"a\\u000ato:      evil\\u0022\""),
        tricky.details().toString());
    // Nor reorder what it says ("Trojan Source" bidi override), hide text (zero-width space) or
    // break the line with U+2028: a THORChain swap memo must read as signed.
    TransactionSummary bidi = Transactions.build(TransactionIntent.builder(Chain.THORCHAIN)
        .put("to", CosmosVerifyTest.THOR_TO).put("amount", "2.5").put("accountNumber", "1")
        .put("sequence", "1").put("memo", "=:BTC.BTC:\u202Eq1cb\u202C\u200B\u2028x").build(),
        CosmosVerifyTest.SIGNER.keys()).summary();
    assertTrue(bidi.details().contains(
        "memo \"=:BTC.BTC:\\u202eq1cb\\u202c\\u200b\\u2028x\""), bidi.details().toString());
  }

  @Test
  void assemblyRefusesSignaturesANodeWouldRefuse() throws Exception {
    UnsignedTransaction tx = Transactions.build(cosmos().build(), CosmosVerifyTest.SIGNER.keys());
    ChainSignature good = CosmosVerifyTest.SIGNER.signAll(tx).get(0);

    byte[] flipped = good.bytes();
    flipped[40] ^= 1;
    assertThrows(InvalidTransactionSignatureException.class,
        () -> tx.assemble(List.of(new ChainSignature(flipped, good.recoveryId()))));

    // (r, n − s) verifies mathematically but is high-S: the Cosmos SDK rejects it as malleable.
    BigInteger n = CustomNamedCurves.getByName("secp256k1").getN();
    BigInteger highS = n.subtract(new BigInteger(1, good.s()));
    byte[] malleable = good.bytes();
    byte[] s = highS.toByteArray();
    System.arraycopy(s, s.length - 32, malleable, 32, 32);
    assertThrows(InvalidTransactionSignatureException.class,
        () -> tx.assemble(List.of(new ChainSignature(malleable, good.recoveryId() ^ 1))));

    UnsignedTransaction other = Transactions.build(cosmos().put("sequence", "3").build(),
        CosmosVerifyTest.SIGNER.keys());
    assertThrows(InvalidTransactionSignatureException.class,
        () -> other.assemble(List.of(good)));
    assertThrows(IllegalArgumentException.class, () -> tx.assemble(List.of(good, good)));
  }
}
