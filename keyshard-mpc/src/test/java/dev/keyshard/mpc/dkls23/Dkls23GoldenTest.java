package dev.keyshard.mpc.dkls23;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyshard.mpc.Committee;
import dev.keyshard.mpc.Envelope;
import dev.keyshard.mpc.EnvelopeCodec;
import dev.keyshard.mpc.PartyId;
import dev.keyshard.mpc.ProtocolId;
import dev.keyshard.mpc.ProtocolMessage;
import dev.keyshard.mpc.SessionId;
import dev.keyshard.mpc.local.LocalNetwork;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Golden wire snapshot of a whole seeded 2-of-2 DKLs23 run: every keygen and signing envelope, in
 * the order sent, as its routing line and the SHA-256 of its encoded bytes (the bodies run to
 * 50 KB, so the file pins digests, not bytes). A change here is a change to the wire format
 * ({@code dkls23.proto}, the codecs), to the parameters (e.g. the number of check pads changes
 * every VOLE message's length) or to how the rounds draw randomness, and must be deliberate. See
 * {@code golden/dkls23/SOURCE.md}.
 */
class Dkls23GoldenTest {
  static final Path GOLDEN = Path.of("src/test/resources/golden/dkls23/transcript-2of2.txt");
  static final boolean UPDATE = Boolean.getBoolean("keyshard.golden.update");

  @Test
  void seededTwoOfTwoTranscriptIsPinned() throws Exception {
    Committee committee = Committee.numbered(2, 2);
    SecureRandom rng = TestRandom.seeded(2026, "golden");
    List<String> lines = new ArrayList<>();
    EnvelopeCodec<Dkls23KeygenMessage> keygenCodec =
        new EnvelopeCodec<>(ProtocolId.DKLS23_KEYGEN, new Dkls23KeygenCodec(committee));
    LocalNetwork<Dkls23KeygenMessage, Dkls23KeyShare> keygen =
        Dkls23Fixture.keygenNetwork(committee, SessionId.random(rng), rng);
    Map<PartyId, Dkls23KeyShare> shares = keygen.intercept(recorder(keygenCodec, lines)).run();

    Set<PartyId> signers = committee.parties();
    byte[] hash = MessageDigest.getInstance("SHA-256")
        .digest("golden".getBytes(StandardCharsets.UTF_8));
    SessionId session = SessionId.random(rng);
    Map<PartyId, Dkls23SignParty> parties = new TreeMap<>();
    for (PartyId id : signers) {
      parties.put(id, new Dkls23SignParty(shares.get(id), signers, hash, session, rng));
    }
    EnvelopeCodec<Dkls23SignMessage> signCodec =
        new EnvelopeCodec<>(ProtocolId.DKLS23_SIGN, new Dkls23SignCodec(signers.size()));
    EcdsaSignature sig = new LocalNetwork<>(parties, signCodec)
        .intercept(recorder(signCodec, lines)).run().values().iterator().next();
    lines.add("signature " + HexFormat.of().formatHex(sig.toCompact()));

    String actual = String.join("\n", lines) + "\n";
    if (UPDATE) {
      Files.writeString(GOLDEN, actual);
    }
    assertTrue(Files.exists(GOLDEN), "missing " + GOLDEN + "; run with -Dkeyshard.golden.update=true");
    assertEquals(Files.readString(GOLDEN), actual);
    // The pinned signature is still a valid one under the pinned key (checked independently).
    Dkls23Fixture.assertValid(sig, shares.values().iterator().next().publicKey(), hash);
  }

  /** Records each envelope once (as sent, not once per recipient) and delivers it unchanged. */
  private static <M extends ProtocolMessage> LocalNetwork.Interceptor<M> recorder(
      EnvelopeCodec<M> codec, List<String> lines) {
    return (e, to) -> {
      if (e.isBroadcast() && !to.equals(firstRecipient(e))) {
        return List.of(e);
      }
      byte[] bytes = codec.encode(e);
      lines.add(e + " " + bytes.length + " B sha256=" + HexFormat.of().formatHex(sha256(bytes)));
      return List.of(e);
    };
  }

  /** In a 2-of-2 run, a broadcast reaches exactly the other party. */
  private static PartyId firstRecipient(Envelope<?> e) {
    return e.from().value() == 1 ? PartyId.of(2) : PartyId.of(1);
  }

  private static byte[] sha256(byte[] b) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(b);
    } catch (java.security.NoSuchAlgorithmException ex) {
      throw new IllegalStateException(ex);
    }
  }

}
