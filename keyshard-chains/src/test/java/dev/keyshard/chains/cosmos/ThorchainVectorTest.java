package dev.keyshard.chains.cosmos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.keyshard.chains.Chain;
import dev.keyshard.chains.tx.TransactionIntent;
import java.math.BigInteger;
import java.util.Base64;
import java.util.HexFormat;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.junit.jupiter.api.Test;

/**
 * Trust Wallet Core's THORChain mainnet vector (trustwallet/wallet-core
 * tests/chains/Cosmos/THORChain/SignerTests.cpp, {@code SignTx_Protobuf_7E480F}): a /types.MsgSend
 * of 0.38 RUNE, fee 200 rune, gas 2500000, account 593, sequence 21, chain id
 * thorchain-mainnet-v1, signed by the test's private key. It was broadcast: on-chain id
 * 7E480FA1…E105. From an intent with the same fields our encoder must produce the same SignDoc:
 * signing its sha256 deterministically (RFC 6979, as wallet-core does) gives wallet-core's
 * signature, and the TxRaw is byte-identical, so its hash is the on-chain transaction id.
 */
class ThorchainVectorTest {
  private static final X9ECParameters CURVE = CustomNamedCurves.getByName("secp256k1");
  private static final BigInteger PRIVATE_KEY =
      new BigInteger("7105512f0c020a1dd759e14b865ec0125f59ac31e34d7a2807a228ed50cb343e", 16);
  private static final String TX_BYTES = "ClIKUAoOL3R5cGVzLk1zZ1NlbmQSPgoUFSLnZ9tusZcIsAOAKb+9YHvJvQ4"
      + "SFMqGRZ+wBVHH30JUDF54aRksgzrbGhAKBHJ1bmUSCDM4MDAwMDAwEmYKUApGCh8vY29zbW9zLmNyeXB0by5zZWN"
      + "wMjU2azEuUHViS2V5EiMKIQPtmX45bPQpL1/OWkK7pBWZzNXZbjExVKfJ6nBJ3jF8dxIECgIIARgVEhIKCwoEcnVu"
      + "ZRIDMjAwEKDLmAEaQKZtS3ATa26OOGvqdKm14ZbHeNfkPtIajXi5MkZ5XaX2SWOeX+YnCPZ9TxF9Jj5cVIo71m55"
      + "xq4hVL3yDbRe89g=";
  private static final String SIGNATURE = "a66d4b70136b6e8e386bea74a9b5e196c778d7e43ed21a8d78b9324679"
      + "5da5f649639e5fe62708f67d4f117d263e5c548a3bd66e79c6ae2154bdf20db45ef3d8";
  private static final String TX_ID =
      "7E480FA163F6C6AFA17593F214C7BBC218F69AE3BC72366E39042AF381BFE105";

  static TransactionIntent.Builder vectorIntent() {
    return TransactionIntent.builder(Chain.THORCHAIN)
        .put("to", "thor1e2ryt8asq4gu0h6z2sx9u7rfrykgxwkmr9upxn")
        .put("amount", "0.38")
        .put("fee", "0.000002")
        .put("gas", "2500000")
        .put("accountNumber", "593")
        .put("sequence", "21")
        .put("chainId", "thorchain-mainnet-v1");
  }

  @Test
  void ourSignDocSignsToWalletCoresMainnetTransaction() throws Exception {
    byte[] publicKey = CURVE.getG().multiply(PRIVATE_KEY).getEncoded(true);
    CosmosSend send = CosmosTransactionBuilder.send(vectorIntent().build(), publicKey);
    assertEquals("thor1z53wwe7md6cewz9sqwqzn0aavpaun0gw0exn2r", send.from().toString());

    byte[] signature = rfc6979LowS(send.signingHash());
    assertEquals(SIGNATURE, HexFormat.of().formatHex(signature));
    byte[] raw = send.txRaw(signature);
    assertEquals(TX_BYTES, Base64.getEncoder().encodeToString(raw));
    assertEquals(TX_ID, CosmosUnsignedTransaction.txHash(raw));
  }

  @Test
  void anyChangedFieldChangesTheSignDoc() throws Exception {
    byte[] publicKey = CURVE.getG().multiply(PRIVATE_KEY).getEncoded(true);
    byte[] ours = CosmosTransactionBuilder.send(vectorIntent().build(), publicKey).signingHash();
    for (String[] change : new String[][] {{"amount", "0.38000001"}, {"sequence", "22"},
        {"accountNumber", "594"}, {"chainId", "thorchain-1"}, {"memo", "x"}, {"gas", "2500001"},
        {"fee", "0"}}) {
      byte[] other = CosmosTransactionBuilder.send(
          vectorIntent().put(change[0], change[1]).build(), publicKey).signingHash();
      assertNotEquals(HexFormat.of().formatHex(ours), HexFormat.of().formatHex(other), change[0]);
    }
  }

  /** RFC 6979 ECDSA with SHA-256 nonces, s normalised to the lower half (BIP-62, Cosmos). */
  static byte[] rfc6979LowS(byte[] hash) {
    ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
    signer.init(true, new ECPrivateKeyParameters(PRIVATE_KEY, new ECDomainParameters(CURVE)));
    BigInteger[] rs = signer.generateSignature(hash);
    BigInteger n = CURVE.getN();
    BigInteger s = rs[1].compareTo(n.shiftRight(1)) > 0 ? n.subtract(rs[1]) : rs[1];
    byte[] out = new byte[64];
    put32(rs[0], out, 0);
    put32(s, out, 32);
    return out;
  }

  private static void put32(BigInteger v, byte[] out, int at) {
    byte[] b = v.toByteArray();
    int len = Math.min(b.length, 32);
    System.arraycopy(b, b.length - len, out, at + 32 - len, len);
  }
}
