package dev.keyshard.mpc.frost;

import dev.keyshard.mpc.ProtocolMessage;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The bodies of FROST signing messages; the whole wire surface of {@link FrostSignParty}. Both are
 * broadcasts. Encoded by {@link FrostSignCodec} ({@code frost.proto}).
 */
public sealed interface FrostSignMessage extends ProtocolMessage
    permits FrostSignMessage.Commitments, FrostSignMessage.Share {

  /** Round 1 (RFC 9591 §5.1): the sender's nonce commitments. */
  record Commitments(SigningCommitments value) implements FrostSignMessage {
    public Commitments {
      Objects.requireNonNull(value, "value");
    }
  }

  /**
   * Round 2 (RFC 9591 §5.2): the sender's signature share, and the 32-byte digest of the view it
   * signed (group key, message hash, commitment-list hash; see {@code SigningPackage.viewDigest}).
   */
  record Share(SignatureShare value, byte[] viewDigest) implements FrostSignMessage {
    public static final int VIEW_DIGEST_LENGTH = 32;

    public Share {
      Objects.requireNonNull(value, "value");
      if (viewDigest == null || viewDigest.length != VIEW_DIGEST_LENGTH) {
        throw new IllegalArgumentException("view digest must be " + VIEW_DIGEST_LENGTH + " bytes");
      }
      viewDigest = viewDigest.clone();
    }

    @Override
    public byte[] viewDigest() {
      return viewDigest.clone();
    }

    boolean sameView(byte[] digest) {
      return java.security.MessageDigest.isEqual(viewDigest, digest);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Share && ((Share) o).value.equals(value)
          && Arrays.equals(((Share) o).viewDigest, viewDigest);
    }

    @Override
    public int hashCode() {
      return 31 * value.hashCode() + Arrays.hashCode(viewDigest);
    }

    @Override
    public String toString() {
      return "Share[" + value + ", view " + HexFormat.of().formatHex(viewDigest, 0, 8) + "]";
    }
  }
}
