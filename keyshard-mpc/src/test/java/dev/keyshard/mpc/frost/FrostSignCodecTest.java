package dev.keyshard.mpc.frost;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.keyshard.mpc.Envelope;
import dev.keyshard.mpc.EnvelopeCodec;
import dev.keyshard.mpc.PartyId;
import dev.keyshard.mpc.ProtocolId;
import dev.keyshard.mpc.SessionId;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Both FROST bodies survive the wire unchanged, at the sizes the suite fixes. */
class FrostSignCodecTest {

  static Stream<FrostCiphersuite> suites() {
    return FrostSignAttackTest.suites();
  }

  @ParameterizedTest
  @MethodSource("suites")
  void bodiesRoundTripAtFixedSizes(FrostCiphersuite suite) throws Exception {
    FrostFixture f = FrostFixture.numbered(suite, 2, 2, 50);
    var parties = f.parties(FrostFixture.ids(1, 2), new byte[] {1}, SessionId.random(f.rng));
    var c1 = parties.get(PartyId.of(1)).start().get(0);
    parties.get(PartyId.of(2)).start();
    var s2 = parties.get(PartyId.of(2)).receive(c1).get(0);
    EnvelopeCodec<FrostSignMessage> codec =
        new EnvelopeCodec<>(ProtocolId.FROST_SIGN, new FrostSignCodec(suite));
    int point = suite.group().pointLength();
    int scalar = suite.group().scalarLength();
    // protobuf: a 2-byte tag+length per field.
    List<Integer> sizes = List.of(2 * (2 + point), (2 + scalar) + (2 + 32));
    int i = 0;
    for (Envelope<FrostSignMessage> e : List.of(c1, s2)) {
      byte[] body = new FrostSignCodec(suite).encode(e.body());
      assertEquals(sizes.get(i++), body.length);
      Envelope<FrostSignMessage> back = codec.decode(e.from(), codec.encode(e));
      assertEquals(e, back);
      assertArrayEquals(codec.encode(e), codec.encode(back));
    }
  }
}
