package dev.keyshard.mpc.dkls23;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import dev.keyshard.mpc.AbortReason;
import dev.keyshard.mpc.Envelope;
import dev.keyshard.mpc.EnvelopeCodec;
import dev.keyshard.mpc.MessageCodec;
import dev.keyshard.mpc.PartyId;
import dev.keyshard.mpc.ProtocolAbort;
import dev.keyshard.mpc.ProtocolId;
import dev.keyshard.mpc.ProtocolMessage;
import dev.keyshard.mpc.proto.Dkls23KeygenBodyProto;
import dev.keyshard.mpc.proto.Dkls23SignBodyProto;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Byte-level attacks on the DKLs23 wire codecs (ATTACKS.md, wrong-length sequences; off-curve
 * points; scalars ≥ q; truncated, oversized and non-canonical bodies): every one is refused with
 * {@code MALFORMED} or {@code WRONG_LENGTH} naming the sender, before any protocol maths.
 */
class Dkls23CodecAttackTest {
  static final PartyId SENDER = PartyId.of(2);
  static final List<Envelope<Dkls23SignMessage>> SIGN = new ArrayList<>();
  static final List<Envelope<Dkls23KeygenMessage>> KEYGEN = new ArrayList<>();
  static Dkls23SignCodec signCodec;
  static Dkls23KeygenCodec keygenCodec;

  @BeforeAll
  static void record() throws Exception {
    Dkls23Fixture f = Dkls23Fixture.of(2, 2, 1);
    signCodec = new Dkls23SignCodec(2);
    keygenCodec = new Dkls23KeygenCodec(f.committee);
    f.network(f.signers(Set.of(PartyId.of(1), SENDER), f.hash("codec"), null))
        .intercept((e, to) -> {
          if (e.from().equals(SENDER)) {
            SIGN.add(e);
          }
          return List.of(e);
        }).run();
    var rng = TestRandom.seeded(5, "codec");
    Dkls23Fixture.keygenNetwork(f.committee, dev.keyshard.mpc.SessionId.random(rng), rng)
        .intercept((e, to) -> {
          if (e.from().equals(SENDER)) {
            KEYGEN.add(e);
          }
          return List.of(e);
        }).run();
    assertEquals(4, SIGN.size());
    assertEquals(5, KEYGEN.size());
  }

  static <M extends ProtocolMessage> void assertRefused(MessageCodec<M> codec, int round,
      byte[] bytes, AbortReason... reasons) {
    ProtocolAbort a = assertThrows(ProtocolAbort.class, () -> codec.decode(SENDER, round, bytes));
    assertTrue(Arrays.asList(reasons).contains(a.reason()), a.getMessage());
    assertEquals(Set.of(SENDER), a.culprits());
  }

  @Test
  void honestBodiesRoundTrip() throws Exception {
    for (Envelope<Dkls23SignMessage> e : SIGN) {
      byte[] b = signCodec.encode(e.body());
      Dkls23SignMessage back = signCodec.decode(SENDER, e.round(), b);
      assertEquals(e.body(), back);
      assertArrayEquals(b, signCodec.encode(back));
    }
    for (Envelope<Dkls23KeygenMessage> e : KEYGEN) {
      byte[] b = keygenCodec.encode(e.body());
      Dkls23KeygenMessage back = keygenCodec.decode(SENDER, e.round(), b);
      assertEquals(e.body(), back);
      assertArrayEquals(b, keygenCodec.encode(back));
    }
  }

  @Test
  void truncatedExtendedEmptyAndOversizedBodies() {
    for (Envelope<Dkls23SignMessage> e : SIGN) {
      byte[] b = signCodec.encode(e.body());
      assertRefused(signCodec, e.round(), Arrays.copyOf(b, b.length - 1),
          AbortReason.MALFORMED, AbortReason.WRONG_LENGTH);
      byte[] extra = Arrays.copyOf(b, b.length + 2);
      extra[b.length] = (byte) 0x78; // an unknown field 15, varint
      assertRefused(signCodec, e.round(), extra, AbortReason.MALFORMED);
      assertRefused(signCodec, e.round(), new byte[0], AbortReason.MALFORMED);
      assertRefused(signCodec, e.round(), new byte[signCodec.maxBodyBytes(e.round()) + 1],
          AbortReason.WRONG_LENGTH);
      assertRefused(signCodec, e.round() == 3 ? 2 : 3, b, AbortReason.MALFORMED,
          AbortReason.WRONG_LENGTH);
    }
    for (Envelope<Dkls23KeygenMessage> e : KEYGEN) {
      byte[] b = keygenCodec.encode(e.body());
      assertRefused(keygenCodec, e.round(), Arrays.copyOf(b, b.length - 1),
          AbortReason.MALFORMED, AbortReason.WRONG_LENGTH);
      assertRefused(keygenCodec, e.round(), new byte[keygenCodec.maxBodyBytes(e.round()) + 1],
          AbortReason.WRONG_LENGTH);
      assertRefused(keygenCodec, 7, b, AbortReason.MALFORMED);
    }
  }

  /** Alice's VOLE nonce in the round-2 reveal: missing, short or long is WRONG_LENGTH. */
  @Test
  void aliceVoleNonceOfWrongLengthIsRefused() throws Exception {
    Envelope<Dkls23SignMessage> reveal = SIGN.stream()
        .filter(e -> e.body() instanceof Dkls23SignMessage.Reveal).findFirst().orElseThrow();
    Dkls23SignBodyProto p = Dkls23SignBodyProto.parseFrom(signCodec.encode(reveal.body()));
    assertEquals(32, p.getReveal().getAliceNonce().size());
    for (int length : new int[] {0, 31, 33}) {
      var body = p.toBuilder().setReveal(p.getReveal().toBuilder()
          .setAliceNonce(ByteString.copyFrom(new byte[length]))).build();
      assertRefused(signCodec, reveal.round(), body.toByteArray(), AbortReason.WRONG_LENGTH);
    }
  }

  /** Each field of each signing body one byte short and one byte long: WRONG_LENGTH. */
  @Test
  void everySigningFieldHasItsExactLength() throws Exception {
    for (Envelope<Dkls23SignMessage> e : SIGN) {
      Dkls23SignBodyProto p = Dkls23SignBodyProto.parseFrom(signCodec.encode(e.body()));
      var msg = p.getAllFields().values().iterator().next();
      var inner = (com.google.protobuf.Message) msg;
      for (var field : inner.getDescriptorForType().getFields()) {
        for (int delta : new int[] {-1, 1}) {
          ByteString v = (ByteString) inner.getField(field);
          ByteString changed = delta < 0 ? v.substring(1)
              : v.concat(ByteString.copyFrom(new byte[] {0}));
          var rebuilt = inner.toBuilder().setField(field, changed).build();
          var body = Dkls23SignBodyProto.newBuilder()
              .setField(p.getAllFields().keySet().iterator().next(), rebuilt).build();
          assertRefused(signCodec, e.round(), body.toByteArray(), AbortReason.WRONG_LENGTH);
        }
      }
    }
  }

  @Test
  void offCurveAndIdentityPointsAndOversizedScalarsAreMalformed() throws Exception {
    Envelope<Dkls23SignMessage> reveal = SIGN.stream()
        .filter(e -> e.body() instanceof Dkls23SignMessage.Reveal).findFirst().orElseThrow();
    Dkls23SignBodyProto p = Dkls23SignBodyProto.parseFrom(signCodec.encode(reveal.body()));
    byte[] offCurve = new byte[33];
    offCurve[0] = 2;
    offCurve[32] = 5; // x = 5: x³ + 7 = 132 is not a square mod p
    byte[] identity = new byte[33]; // SEC1 prefix 0
    byte[] nonCanonical = new byte[33];
    Arrays.fill(nonCanonical, (byte) 0xFF); // x ≥ p
    nonCanonical[0] = 2;
    byte[] order = Dkls23Tamper.G.order().toByteArray();
    byte[] q = Arrays.copyOfRange(order, order.length - 32, order.length);
    List<UnaryOperator<dev.keyshard.mpc.proto.Dkls23SignRevealProto.Builder>> changes = List.of(
        b -> b.setNoncePoint(ByteString.copyFrom(offCurve)),
        b -> b.setPublicShare(ByteString.copyFrom(identity)),
        b -> b.setGammaU(ByteString.copyFrom(nonCanonical)),
        b -> b.setGammaV(ByteString.copyFrom(offCurve)),
        b -> b.setPsi(ByteString.copyFrom(q)),
        b -> {
          byte[] eta = b.getEta().toByteArray(); // ρ scalars: make the first one unreduced
          System.arraycopy(q, 0, eta, 0, 32);
          return b.setEta(ByteString.copyFrom(eta));
        },
        b -> {
          byte[] a = b.getATilde().toByteArray();
          System.arraycopy(q, 0, a, 32 * 777, 32);
          return b.setATilde(ByteString.copyFrom(a));
        });
    for (var change : changes) {
      byte[] bytes = Dkls23SignBodyProto.newBuilder()
          .setReveal(change.apply(p.getReveal().toBuilder())).build().toByteArray();
      assertRefused(signCodec, 2, bytes, AbortReason.MALFORMED);
    }
    Envelope<Dkls23SignMessage> share = SIGN.get(SIGN.size() - 1);
    Dkls23SignBodyProto s = Dkls23SignBodyProto.parseFrom(signCodec.encode(share.body()));
    assertRefused(signCodec, 3, Dkls23SignBodyProto.newBuilder().setShare(s.getShare()
        .toBuilder().setW(ByteString.copyFrom(q))).build().toByteArray(), AbortReason.MALFORMED);
  }

  /** The base-OT message must hold exactly κ valid point pairs. */
  @Test
  void baseOtMessagesAreCheckedBeforeUse() throws Exception {
    Envelope<Dkls23KeygenMessage> direct = KEYGEN.stream()
        .filter(e -> e.body() instanceof Dkls23KeygenMessage.Round1Direct).findFirst()
        .orElseThrow();
    var p = Dkls23KeygenBodyProto.parseFrom(keygenCodec.encode(direct.body())).getRound1Direct();
    byte[] receiver = p.getBaseOtReceiver().toByteArray();
    List<dev.keyshard.mpc.proto.Dkls23KeygenRound1DirectProto> bad = List.of(
        p.toBuilder().setBaseOtReceiver(ByteString.copyFrom(receiver, 0, receiver.length - 66))
            .build(),
        p.toBuilder().setBaseOtReceiver(ByteString.copyFrom(receiver).concat(
            ByteString.copyFrom(receiver, 0, 66))).build(),
        p.toBuilder().setBaseOtReceiver(ByteString.copyFrom(withPoint(receiver, 66 * 5,
            new byte[33]))).build(),
        p.toBuilder().setBaseOtSender(ByteString.copyFrom(new byte[33])).build(),
        p.toBuilder().setBaseOtSender(ByteString.copyFrom(new byte[32])).build(),
        p.toBuilder().setZeroSeedCommitment(ByteString.copyFrom(new byte[31])).build());
    for (var d : bad) {
      assertRefused(keygenCodec, 1, Dkls23KeygenBodyProto.newBuilder().setRound1Direct(d).build()
          .toByteArray(), AbortReason.MALFORMED, AbortReason.WRONG_LENGTH);
    }
  }

  /** Through the envelope codec: an envelope over the 1 MiB cap is refused before parsing. */
  @Test
  void oversizedEnvelopeIsRefusedFirst() {
    EnvelopeCodec<Dkls23SignMessage> env =
        new EnvelopeCodec<>(ProtocolId.DKLS23_SIGN, signCodec);
    ProtocolAbort a = assertThrows(ProtocolAbort.class,
        () -> env.decode(SENDER, new byte[EnvelopeCodec.MAX_ENVELOPE_BYTES + 1]));
    assertEquals(AbortReason.WRONG_LENGTH, a.reason());
    assertEquals(Set.of(SENDER), a.culprits());
  }

  private static byte[] withPoint(byte[] b, int offset, byte[] point) {
    byte[] c = b.clone();
    System.arraycopy(point, 0, c, offset, point.length);
    return c;
  }
}
