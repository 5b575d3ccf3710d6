package dev.keyshard.chains.evm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.junit.jupiter.api.Test;

/**
 * The worked example of EIP-155 § Example (ethereum/EIPs:EIPS/eip-155.md): nonce 9, gas price
 * 20 gwei, gas 21000, to 0x3535…35, value 1 ETH, chain id 1. Our signing data, signing hash and
 * signed transaction (with the published v, r, s) must be the published bytes.
 */
class Eip155VectorsTest {
  private static final String SIGNING_DATA =
      "0xec098504a817c800825208943535353535353535353535353535353535353535880de0b6b3a764000080018080";
  private static final String SIGNING_HASH =
      "0xdaf5a779ae972f972197303d7b574746c7ef83eadac0f2791ad23db92e4c8e53";
  private static final BigInteger R = new BigInteger(
      "18515461264373351373200002665853028612451056578545711640558177340181847433846");
  private static final BigInteger S = new BigInteger(
      "46948507304638947509940763649030358759909902576025900602547168820602576006531");
  private static final String SIGNED = "0xf86c098504a817c800825208943535353535353535353535353535353535"
      + "353535880de0b6b3a76400008025a028ef61340bd939bc2195fe537567866003e1a15d3c71ff63e1590620aa63"
      + "6276a067cbe9d8997f761aecb703304b3800ccf555c9f3dc64214b297fb1966a3b6d83";

  static EvmTransaction example() throws Exception {
    return EvmTransaction.legacy(BigInteger.ONE, BigInteger.valueOf(9),
        BigInteger.valueOf(20_000_000_000L), BigInteger.valueOf(21000),
        EvmAddress.parse("to", "0x3535353535353535353535353535353535353535"),
        BigInteger.TEN.pow(18), new byte[0]);
  }

  @Test
  void signingDataAndHashAreThePublishedOnes() throws Exception {
    assertArrayEquals(RlpVectorsTest.hex(SIGNING_DATA), example().signingPayload());
    assertArrayEquals(RlpVectorsTest.hex(SIGNING_HASH), example().signingHash());
  }

  /** v = 37 = 0 + 1·2 + 35: recovery id 0. */
  @Test
  void signedTransactionIsThePublishedOne() throws Exception {
    assertArrayEquals(RlpVectorsTest.hex(SIGNED), example().signedEncoding(0, R, S));
    RlpItem.Items decoded = (RlpItem.Items) RlpDecoder.decode(RlpVectorsTest.hex(SIGNED));
    List<RlpItem> f = decoded.items();
    assertEquals(9, f.size());
    assertEquals(BigInteger.valueOf(37), ((RlpItem.Bytes) f.get(6)).scalar());
    assertEquals(R, ((RlpItem.Bytes) f.get(7)).scalar());
    assertEquals(S, ((RlpItem.Bytes) f.get(8)).scalar());
  }

  /** The published signature verifies under the example's key 0x4646…46 (checked by BouncyCastle). */
  @Test
  void publishedSignatureVerifiesOverOurHash() throws Exception {
    X9ECParameters curve = CustomNamedCurves.getByName("secp256k1");
    BigInteger d = new BigInteger("46".repeat(32), 16);
    ECDSASigner v = new ECDSASigner();
    v.init(false, new ECPublicKeyParameters(curve.getG().multiply(d), new ECDomainParameters(curve)));
    assertTrue(v.verifySignature(example().signingHash(), R, S));
  }
}
