package dev.keyshard.chains.cosmos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.keyshard.chains.Chain;
import dev.keyshard.chains.tx.TransactionIntent;
import java.math.BigInteger;
import java.util.Base64;
import java.util.HexFormat;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.junit.jupiter.api.Test;

/**
 * Trust Wallet Core's MayaChain vector (trustwallet/wallet-core
 * tests/chains/Cosmos/MAYAChain/SignerTests.cpp, {@code SignTx_Protobuf_7E480F}, its own
 * mayachain_send_message path): /types.MsgSend of 38000000 cacao, fee 200 cacao, gas 2500000,
 * account 593, sequence 21, chain id mayachain-mainnet-v1.
 *
 * <p>Its from address (maya1uuds8…) is not the address of the key that signs it (that key's is
 * maya1z53ww…), so it is not a transaction a MayaChain node would accept, and our builder, which
 * always sends from the signer's own address, cannot produce it from an intent. The encoding is
 * still pinned: our {@link CosmosSend} with the vector's fields gives wallet-core's signature
 * (RFC 6979) and TxRaw byte for byte.
 */
class MayachainVectorTest {
  private static final String TX_BYTES = "ClMKUQoOL3R5cGVzLk1zZ1NlbmQSPwoU5xsDhaVQJzA/jXPGFD4CCjEP4KES"
      + "FBJiiFvZaJ3ywITKWJv/MfYksH40GhEKBWNhY2FvEggzODAwMDAwMBJnClAKRgofL2Nvc21vcy5jcnlwdG8uc2Vj"
      + "cDI1NmsxLlB1YktleRIjCiED7Zl+OWz0KS9fzlpCu6QVmczV2W4xMVSnyepwSd4xfHcSBAoCCAEYFRITCgwKBWNh"
      + "Y2FvEgMyMDAQoMuYARpAXaQ5ZKFsnpi1n27GIuAAsuOzuuD7hlepUt6QgQ1QwNwqYYhRoOsfqSXq3Uu9aTCKWWP9"
      + "XDh0Nylz/uh/ex7rLg==";
  private static final String SIGNATURE = "5da43964a16c9e98b59f6ec622e000b2e3b3bae0fb8657a952de9081"
      + "0d50c0dc2a618851a0eb1fa925eadd4bbd69308a5963fd5c3874372973fee87f7b1eeb2e";

  @Test
  void ourEncodingOfTheVectorsFieldsSignsToWalletCoresBytes() throws Exception {
    byte[] publicKey = CustomNamedCurves.getByName("secp256k1").getG()
        .multiply(new BigInteger("7105512f0c020a1dd759e14b865ec0125f59ac31e34d7a2807a228ed50cb343e",
            16)).getEncoded(true);
    AccountAddress from = AccountAddress.parse("from", "maya1uuds8pd92qnnq0udw0rpg0szpgcslc9prlsqk8",
        "maya");
    AccountAddress to = AccountAddress.parse("to", "maya1zf3gsk7edzwl9syyefvfhle37cjtql35n6emmw",
        "maya");
    assertNotEquals(from, AccountAddress.ofPublicKey("maya", publicKey));
    CosmosSend send = new CosmosSend(CosmosNetwork.MAYACHAIN, "mayachain-mainnet-v1",
        BigInteger.valueOf(593), BigInteger.valueOf(21), from, to, BigInteger.valueOf(38_000_000),
        BigInteger.valueOf(200), BigInteger.valueOf(2_500_000), "", publicKey);
    byte[] signature = ThorchainVectorTest.rfc6979LowS(send.signingHash());
    assertEquals(SIGNATURE, HexFormat.of().formatHex(signature));
    assertEquals(TX_BYTES, Base64.getEncoder().encodeToString(send.txRaw(signature)));

    // The same fields from an intent differ only in the sender, which is the signer's own.
    CosmosSend ours = CosmosTransactionBuilder.send(TransactionIntent.builder(Chain.MAYACHAIN)
        .put("to", to.toString()).put("amount", "0.0038").put("fee", "0.00000002")
        .put("gas", "2500000").put("accountNumber", "593").put("sequence", "21").build(), publicKey);
    assertEquals(AccountAddress.ofPublicKey("maya", publicKey), ours.from());
    assertEquals(HexFormat.of().formatHex(new CosmosSend(CosmosNetwork.MAYACHAIN,
        "mayachain-mainnet-v1", BigInteger.valueOf(593), BigInteger.valueOf(21), ours.from(), to,
        BigInteger.valueOf(38_000_000), BigInteger.valueOf(200), BigInteger.valueOf(2_500_000), "",
        publicKey).bodyBytes()), HexFormat.of().formatHex(ours.bodyBytes()));
    assertEquals(HexFormat.of().formatHex(send.authInfoBytes()),
        HexFormat.of().formatHex(ours.authInfoBytes()));
  }
}
