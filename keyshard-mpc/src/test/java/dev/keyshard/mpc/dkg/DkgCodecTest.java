package dev.keyshard.mpc.dkg;

import static dev.keyshard.mpc.dkg.DkgFixture.p;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import dev.keyshard.crypto.group.Ed25519;
import dev.keyshard.crypto.group.Group;
import dev.keyshard.crypto.group.Secp256k1;
import dev.keyshard.mpc.AbortReason;
import dev.keyshard.mpc.Envelope;
import dev.keyshard.mpc.PartyId;
import dev.keyshard.mpc.ProtocolAbort;
import dev.keyshard.mpc.proto.DkgCommitmentProto;
import dev.keyshard.mpc.proto.DkgConfirmationProto;
import dev.keyshard.mpc.proto.DkgEchoProto;
import dev.keyshard.mpc.proto.DkgShareProto;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link DkgCodec}: round trips, strict decoding (every failure names the sender) and a golden
 * wire snapshot of one round-1 message per group.
 */
class DkgCodecTest {
  static final Path GOLDEN = Path.of("src/test/resources/golden/dkg");
  /** Set to rewrite the golden files, only when the wire format changes on purpose. */
  static final boolean UPDATE = Boolean.getBoolean("keyshard.golden.update");

  static Stream<Group> groups() {
    return Stream.of(Secp256k1.INSTANCE, Ed25519.INSTANCE);
  }

  /** Every envelope of an honest 3-of-4 run, as sent. */
  static List<Envelope<DkgMessage>> transcript(DkgFixture f) throws ProtocolAbort {
    List<Envelope<DkgMessage>> seen = new ArrayList<>();
    f.network().intercept((e, to) -> {
      seen.add(e);
      return List.of(e);
    }).run();
    return seen;
  }

  @ParameterizedTest
  @MethodSource("groups")
  void everyBodyRoundTrips(Group g) throws ProtocolAbort {
    DkgFixture f = new DkgFixture(g, 3, 4, 21);
    DkgCodec codec = f.codec();
    int[] perRound = new int[5];
    for (Envelope<DkgMessage> e : transcript(f)) {
      byte[] bytes = codec.encode(e.body());
      DkgMessage back = codec.decode(e.from(), e.round(), bytes);
      assertEquals(e.body(), back, e.toString());
      assertArrayEquals(bytes, codec.encode(back));
      perRound[e.round()]++;
    }
    // Broadcasts are seen once per recipient (3), shares once each (4·3).
    assertTrue(perRound[1] > 0 && perRound[2] > 0 && perRound[3] == 12 && perRound[4] > 0);
  }

  @ParameterizedTest
  @MethodSource("groups")
  void truncatedOrOversizedBodiesAreMalformed(Group g) throws ProtocolAbort {
    DkgFixture f = new DkgFixture(g, 2, 3, 22);
    DkgCodec codec = f.codec();
    for (Envelope<DkgMessage> e : transcript(f)) {
      byte[] good = codec.encode(e.body());
      List<byte[]> bad = new ArrayList<>(List.of(
          Arrays.copyOf(good, good.length - 1),            // truncated
          Arrays.copyOf(good, good.length + 1),            // a trailing zero byte
          concat(good, new byte[] {(byte) 0x78, 0x01})));  // an unknown field (15)
      if (e.round() == 1) {
        // The proof field a second time: protobuf keeps the last, the canonical check refuses.
        bad.add(concat(good, DkgCommitmentProto.newBuilder().setProofOfKnowledge(ByteString
            .copyFrom(((DkgMessage.Commitment) e.body()).proofOfKnowledge().encode())).build()
            .toByteArray()));
      } else if (e.round() != 2) {
        bad.add(concat(good, good)); // the single field twice
      }
      for (byte[] b : bad) {
        assertMalformed(codec, e.from(), e.round(), b);
      }
      if (e.round() == 2) {
        // Repeating the echo's entries is a list of the wrong length.
        ProtocolAbort a = assertThrows(ProtocolAbort.class,
            () -> codec.decode(e.from(), 2, concat(good, good)));
        assertEquals(AbortReason.WRONG_LENGTH, a.reason());
      }
    }
  }

  @ParameterizedTest
  @MethodSource("groups")
  void wrongCountsAreWrongLengthBeforeAnyPointIsDecoded(Group g) {
    DkgFixture f = new DkgFixture(g, 3, 4, 23);
    DkgCodec codec = f.codec();
    byte[] junkPoint = new byte[g.pointLength()]; // never decoded: the count is checked first
    for (int count : new int[] {0, 1, 2, 4, 40}) {
      DkgCommitmentProto.Builder b = DkgCommitmentProto.newBuilder()
          .setProofOfKnowledge(ByteString.copyFrom(new byte[2 * g.scalarLength()]));
      for (int k = 0; k < count; k++) {
        b.addCoefficientCommitments(ByteString.copyFrom(junkPoint));
      }
      ProtocolAbort a = assertThrows(ProtocolAbort.class,
          () -> codec.decode(p(2), 1, b.build().toByteArray()));
      assertEquals(AbortReason.WRONG_LENGTH, a.reason(), "count " + count);
      assertEquals(Set.of(p(2)), a.culprits());
    }
    for (int count : new int[] {0, 3, 5}) {
      DkgEchoProto.Builder b = DkgEchoProto.newBuilder();
      for (int k = 0; k < count; k++) {
        b.addDigests(ByteString.copyFrom(new byte[32]));
      }
      ProtocolAbort a = assertThrows(ProtocolAbort.class,
          () -> codec.decode(p(3), 2, b.build().toByteArray()));
      assertEquals(AbortReason.WRONG_LENGTH, a.reason());
      assertEquals(Set.of(p(3)), a.culprits());
    }
  }

  @ParameterizedTest
  @MethodSource("groups")
  void invalidPointsScalarsAndDigestsAreMalformed(Group g) throws ProtocolAbort {
    DkgFixture f = new DkgFixture(g, 2, 3, 24);
    DkgCodec codec = f.codec();
    DkgMessage.Commitment c = (DkgMessage.Commitment) f.party(1).start().get(0).body();
    DkgCommitmentProto good = DkgCommitmentProto.newBuilder()
        .addCoefficientCommitments(ByteString.copyFrom(c.coefficients().get(0).toBytes()))
        .addCoefficientCommitments(ByteString.copyFrom(c.coefficients().get(1).toBytes()))
        .setProofOfKnowledge(ByteString.copyFrom(c.proofOfKnowledge().encode())).build();
    assertEquals(c, codec.decode(p(1), 1, good.toByteArray()));

    byte[] offCurve = new byte[g.pointLength()];
    Arrays.fill(offCurve, (byte) 0xff);
    byte[] proof = c.proofOfKnowledge().encode();
    byte[] proofHighZ = proof.clone();
    Arrays.fill(proofHighZ, g.scalarLength(), proofHighZ.length, (byte) 0xff); // z ≥ order
    List<DkgCommitmentProto> bad = List.of(
        good.toBuilder().setCoefficientCommitments(1, ByteString.copyFrom(f.identityEncoding()))
            .build(),
        good.toBuilder().setCoefficientCommitments(0, ByteString.copyFrom(offCurve)).build(),
        good.toBuilder().setProofOfKnowledge(ByteString.copyFrom(proofHighZ)).build(),
        good.toBuilder().setProofOfKnowledge(
            ByteString.copyFrom(Arrays.copyOf(proof, proof.length + 1))).build(),
        good.toBuilder().clearProofOfKnowledge().build());
    for (DkgCommitmentProto b : bad) {
      assertMalformed(codec, p(1), 1, b.toByteArray());
    }
    byte[] highScalar = new byte[32];
    Arrays.fill(highScalar, (byte) 0xff);
    assertMalformed(codec, p(1), 3, DkgShareProto.newBuilder()
        .setShare(ByteString.copyFrom(highScalar)).build().toByteArray());
    assertMalformed(codec, p(1), 4, DkgConfirmationProto.newBuilder()
        .setDigest(ByteString.copyFrom(new byte[31])).build().toByteArray());
    assertMalformed(codec, p(1), 2, DkgEchoProto.newBuilder()
        .addDigests(ByteString.copyFrom(new byte[32])).addDigests(ByteString.copyFrom(new byte[32]))
        .addDigests(ByteString.copyFrom(new byte[33])).build().toByteArray());
    assertMalformed(codec, p(1), 5, new byte[0]);
  }

  /**
   * Golden wire bytes of P1's round-1 message in a 2-of-3 session with seed 2024 (see
   * {@code golden/dkg/SOURCE.md}). A change here is a wire-format change.
   */
  @Test
  void goldenRound1Secp256k1() throws Exception {
    golden(Secp256k1.INSTANCE, "round1-commitment-secp256k1-2of3.bin");
  }

  @Test
  void goldenRound1Ed25519() throws Exception {
    golden(Ed25519.INSTANCE, "round1-commitment-ed25519-2of3.bin");
  }

  private static void golden(Group g, String file) throws IOException, ProtocolAbort {
    DkgFixture f = new DkgFixture(g, 2, 3, 2024);
    DkgCodec codec = f.codec();
    byte[] bytes = codec.encode(f.party(1).start().get(0).body());
    Path path = GOLDEN.resolve(file);
    if (UPDATE) {
      Files.createDirectories(GOLDEN);
      Files.write(path, bytes);
    }
    assertTrue(Files.exists(path), "missing " + path + "; run with -Dkeyshard.golden.update=true");
    byte[] pinned = Files.readAllBytes(path);
    assertEquals(HexFormat.of().formatHex(pinned), HexFormat.of().formatHex(bytes));
    assertEquals(f.freshParty(p(1), "party").start().get(0).body(),
        codec.decode(p(1), 1, pinned));
  }

  static void assertMalformed(DkgCodec codec, PartyId sender, int round, byte[] bytes) {
    ProtocolAbort a = assertThrows(ProtocolAbort.class, () -> codec.decode(sender, round, bytes),
        "round " + round + " bytes " + HexFormat.of().formatHex(bytes));
    assertEquals(AbortReason.MALFORMED, a.reason(), a.getMessage());
    assertEquals(Set.of(sender), a.culprits());
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
