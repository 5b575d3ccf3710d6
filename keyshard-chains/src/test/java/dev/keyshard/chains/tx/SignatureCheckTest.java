package dev.keyshard.chains.tx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.keyshard.chains.Taproot;
import dev.keyshard.vault.hd.DerivationPath;
import java.math.BigInteger;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.junit.jupiter.api.Test;

class SignatureCheckTest {
  private static final PlainKeySigner SIGNER = PlainKeySigner.fromLabel("signature-check");
  private static final DerivationPath ETH = DerivationPath.parse("m/44'/60'/0'/0/0");
  private static final byte[] HASH = new byte[32];

  static {
    for (int i = 0; i < 32; i++) {
      HASH[i] = (byte) (i * 7 + 1);
    }
  }

  @Test
  void acceptsEachSchemesSignatureUnderTheDerivedKey() {
    for (SigningRequest r : new SigningRequest[] {SigningRequest.ecdsa(ETH, HASH),
        SigningRequest.taproot(DerivationPath.parse("m/86'/0'/0'/0/0"), HASH),
        SigningRequest.ed25519("hello solana".getBytes())}) {
      SigningKey key = r.signingKey(SIGNER.keys());
      assertDoesNotThrow(() -> SignatureCheck.verify(r, key, SIGNER.sign(r)), r.toString());
    }
  }

  @Test
  void taprootKeyIsTheBip86OutputKeyOfTheChild() {
    SigningRequest r = SigningRequest.taproot(DerivationPath.parse("m/86'/0'/0'/0/0"), HASH);
    SigningKey key = r.signingKey(SIGNER.keys());
    assertArrayEquals(Taproot.outputKey(Taproot.xOnly(key.derivedKey())), key.publicKey());
  }

  @Test
  void refusesAFlippedBitInEveryScheme() {
    for (SigningRequest r : new SigningRequest[] {SigningRequest.ecdsa(ETH, HASH),
        SigningRequest.taproot(ETH, HASH), SigningRequest.ed25519(HASH)}) {
      ChainSignature good = SIGNER.sign(r);
      byte[] bad = good.bytes();
      bad[40] ^= 1;
      assertThrows(InvalidTransactionSignatureException.class, () -> SignatureCheck.verify(r,
          r.signingKey(SIGNER.keys()), new ChainSignature(bad, good.recoveryId())), r.toString());
    }
  }

  @Test
  void refusesHighSAndAWrongRecoveryId() {
    SigningRequest r = SigningRequest.ecdsa(ETH, HASH);
    SigningKey key = r.signingKey(SIGNER.keys());
    ChainSignature good = SIGNER.sign(r);
    BigInteger n = CustomNamedCurves.getByName("secp256k1").getN();
    byte[] high = good.bytes();
    System.arraycopy(PlainKeySigner.toBytes32(n.subtract(new BigInteger(1, good.s()))), 0, high, 32, 32);
    InvalidTransactionSignatureException e = assertThrows(InvalidTransactionSignatureException.class,
        () -> SignatureCheck.verify(r, key, new ChainSignature(high, good.recoveryId() ^ 1)));
    assertEquals("ECDSA signature out of range or not low-S", e.getMessage());
    assertThrows(InvalidTransactionSignatureException.class,
        () -> SignatureCheck.verify(r, key, new ChainSignature(good.bytes(), good.recoveryId() ^ 1)));
  }

  @Test
  void refusesASignatureByAnotherKey() {
    SigningRequest r = SigningRequest.ecdsa(ETH, HASH);
    ChainSignature other = PlainKeySigner.fromLabel("someone else").sign(r);
    assertThrows(InvalidTransactionSignatureException.class,
        () -> SignatureCheck.verify(r, r.signingKey(SIGNER.keys()), other));
  }
}
