package dev.keyshard.mpc.frost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.protobuf.ByteString;
import dev.keyshard.mpc.AbortReason;
import dev.keyshard.mpc.Envelope;
import dev.keyshard.mpc.EnvelopeCodec;
import dev.keyshard.mpc.PartyId;
import dev.keyshard.mpc.ProtocolAbort;
import dev.keyshard.mpc.ProtocolId;
import dev.keyshard.mpc.SessionId;
import dev.keyshard.mpc.proto.EnvelopeProto;
import dev.keyshard.mpc.proto.FrostCommitmentsProto;
import dev.keyshard.mpc.proto.FrostShareProto;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Tampered bytes on the wire: every body that is not exactly one canonical, valid FROST message
 * for its round is {@link AbortReason#MALFORMED} naming the sender, before any party sees it
 * (RFC 9591 §5.2 and §5.3: deserialize every element and scalar and abort on failure).
 */
class FrostSignCodecAttackTest {
  private static final PartyId SENDER = PartyId.of(2);

  static Stream<FrostCiphersuite> suites() {
    return FrostSignAttackTest.suites();
  }

  /** An honest round-1 and round-2 envelope from {@link #SENDER}. */
  private static List<Envelope<FrostSignMessage>> honest(FrostCiphersuite suite) throws Exception {
    FrostFixture f = FrostFixture.numbered(suite, 2, 2, 40);
    var parties = f.parties(FrostFixture.ids(1, 2), new byte[] {1}, SessionId.random(f.rng));
    var c1 = parties.get(PartyId.of(1)).start().get(0);
    var c2 = parties.get(SENDER).start().get(0);
    var s2 = parties.get(SENDER).receive(c1).get(0);
    return List.of(c2, s2);
  }

  /** Re-wraps {@code body} in {@code template}'s header and decodes it as the recipient would. */
  private static void assertMalformed(FrostCiphersuite suite, Envelope<FrostSignMessage> template,
      int round, byte[] body, String what) {
    EnvelopeCodec<FrostSignMessage> codec =
        new EnvelopeCodec<>(ProtocolId.FROST_SIGN, new FrostSignCodec(suite));
    byte[] wire = parse(codec.encode(template)).toBuilder()
        .setRound(round).setBody(ByteString.copyFrom(body)).build().toByteArray();
    ProtocolAbort a = assertThrows(ProtocolAbort.class, () -> codec.decode(SENDER, wire), what);
    assertEquals(AbortReason.MALFORMED, a.reason(), what + ": " + a.getMessage());
    assertEquals(Set.of(SENDER), a.culprits(), what);
  }

  @ParameterizedTest
  @MethodSource("suites")
  void identityCommitmentIsMalformed(FrostCiphersuite suite) throws Exception {
    Envelope<FrostSignMessage> c = honest(suite).get(0);
    SigningCommitments real = ((FrostSignMessage.Commitments) c.body()).value();
    int len = suite.group().pointLength();
    List<byte[]> identities = new ArrayList<>();
    byte[] edIdentity = new byte[len]; // RFC 8032 encoding of (0, 1)
    edIdentity[0] = 1;
    identities.add(edIdentity);
    identities.add(new byte[len]); // all zeros: secp256k1 has no 33-byte identity encoding
    identities.add(new byte[] {0}); // SEC1's one-byte point at infinity
    for (byte[] identity : identities) {
      assertMalformed(suite, c, 1, FrostCommitmentsProto.newBuilder()
          .setHiding(ByteString.copyFrom(identity))
          .setBinding(ByteString.copyFrom(real.bindingBytes())).build().toByteArray(),
          "identity hiding commitment");
      assertMalformed(suite, c, 1, FrostCommitmentsProto.newBuilder()
          .setHiding(ByteString.copyFrom(real.hidingBytes()))
          .setBinding(ByteString.copyFrom(identity)).build().toByteArray(),
          "identity binding commitment");
    }
  }

  @ParameterizedTest
  @MethodSource("suites")
  void truncatedAndOversizedCommitmentsAreMalformed(FrostCiphersuite suite) throws Exception {
    Envelope<FrostSignMessage> c = honest(suite).get(0);
    SigningCommitments real = ((FrostSignMessage.Commitments) c.body()).value();
    byte[] hiding = real.hidingBytes();
    byte[] binding = real.bindingBytes();
    byte[] good = new FrostSignCodec(suite).encode(c.body());
    assertMalformed(suite, c, 1, new byte[0], "empty body");
    assertMalformed(suite, c, 1, Arrays.copyOf(good, good.length - 1), "truncated protobuf");
    assertMalformed(suite, c, 1, commitments(Arrays.copyOf(hiding, hiding.length - 1), binding),
        "truncated point");
    assertMalformed(suite, c, 1, commitments(hiding, Arrays.copyOf(binding, binding.length + 1)),
        "oversized point");
    assertMalformed(suite, c, 1, commitments(hiding, new byte[0]), "missing point");
    byte[] trailing = Arrays.copyOf(good, good.length + 3);
    trailing[good.length] = 0x1a; // field 3, length-delimited
    trailing[good.length + 1] = 1;
    assertMalformed(suite, c, 1, trailing, "unknown trailing field");
    byte[] twice = Arrays.copyOf(good, good.length * 2);
    System.arraycopy(good, 0, twice, good.length, good.length);
    assertMalformed(suite, c, 1, twice, "fields repeated (non-canonical)");
    byte[] offCurve = hiding.clone();
    offCurve[offCurve.length - 1] ^= 0x55;
    offCurve[offCurve.length / 2] ^= 0x55;
    try {
      suite.group().decodePoint(offCurve);
    } catch (dev.keyshard.crypto.group.InvalidEncodingException expected) {
      assertMalformed(suite, c, 1, commitments(offCurve, binding), "not a curve point");
    }
    assertMalformed(suite, c, 3, good, "no round 3");
    assertMalformed(suite, c, 2, good, "a commitments body in round 2");
  }

  @ParameterizedTest
  @MethodSource("suites")
  void truncatedOversizedAndOutOfRangeSharesAreMalformed(FrostCiphersuite suite)
      throws Exception {
    Envelope<FrostSignMessage> s = honest(suite).get(1);
    FrostSignMessage.Share real = (FrostSignMessage.Share) s.body();
    byte[] z = real.value().toBytes();
    byte[] view = real.viewDigest();
    assertMalformed(suite, s, 2, share(Arrays.copyOf(z, z.length - 1), view), "truncated share");
    assertMalformed(suite, s, 2, share(Arrays.copyOf(z, z.length + 1), view), "oversized share");
    byte[] high = new byte[z.length];
    Arrays.fill(high, (byte) 0xff);
    assertMalformed(suite, s, 2, share(high, view), "share not below the order");
    assertMalformed(suite, s, 2, share(z, Arrays.copyOf(view, 31)), "truncated view digest");
    assertMalformed(suite, s, 2, share(z, Arrays.copyOf(view, 33)), "oversized view digest");
    byte[] good = new FrostSignCodec(suite).encode(s.body());
    assertMalformed(suite, s, 2, Arrays.copyOf(good, good.length - 1), "truncated protobuf");
    assertMalformed(suite, s, 1, good, "a share body in round 1");
  }

  private static EnvelopeProto parse(byte[] bytes) {
    try {
      return EnvelopeProto.parseFrom(bytes);
    } catch (com.google.protobuf.InvalidProtocolBufferException e) {
      throw new AssertionError(e);
    }
  }

  private static byte[] commitments(byte[] hiding, byte[] binding) {
    return FrostCommitmentsProto.newBuilder().setHiding(ByteString.copyFrom(hiding))
        .setBinding(ByteString.copyFrom(binding)).build().toByteArray();
  }

  private static byte[] share(byte[] z, byte[] view) {
    return FrostShareProto.newBuilder().setShare(ByteString.copyFrom(z))
        .setViewDigest(ByteString.copyFrom(view)).build().toByteArray();
  }
}
