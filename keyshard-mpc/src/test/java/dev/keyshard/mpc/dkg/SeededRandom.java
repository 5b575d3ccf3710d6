package dev.keyshard.mpc.dkg;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.SecureRandomSpi;

/**
 * A deterministic {@link SecureRandom} for tests and golden files: the byte stream is
 * SHA-256(seed ‖ label ‖ counter) blocks, the same on every JDK. Never for production.
 */
final class SeededRandom extends SecureRandom {
  private static final long serialVersionUID = 1L;

  SeededRandom(long seed, String label) {
    super(new Spi(seed, label), null);
  }

  private static final class Spi extends SecureRandomSpi {
    private static final long serialVersionUID = 1L;
    private final byte[] prefix;
    private long counter;
    private final byte[] block = new byte[32];
    private int used = 32;

    Spi(long seed, String label) {
      byte[] l = label.getBytes(StandardCharsets.UTF_8);
      prefix = new byte[8 + l.length];
      for (int i = 0; i < 8; i++) {
        prefix[i] = (byte) (seed >>> (56 - 8 * i));
      }
      System.arraycopy(l, 0, prefix, 8, l.length);
    }

    @Override
    protected void engineSetSeed(byte[] seed) {
      // Deterministic by design: extra seed material is ignored.
    }

    @Override
    protected void engineNextBytes(byte[] out) {
      for (int i = 0; i < out.length; i++) {
        if (used == block.length) {
          refill();
        }
        out[i] = block[used++];
      }
    }

    @Override
    protected byte[] engineGenerateSeed(int n) {
      byte[] b = new byte[n];
      engineNextBytes(b);
      return b;
    }

    private void refill() {
      try {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update(prefix);
        for (int i = 0; i < 8; i++) {
          sha.update((byte) (counter >>> (56 - 8 * i)));
        }
        counter++;
        System.arraycopy(sha.digest(), 0, block, 0, 32);
        used = 0;
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
