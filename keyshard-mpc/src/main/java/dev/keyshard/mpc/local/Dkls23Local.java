package dev.keyshard.mpc.local;

import dev.keyshard.crypto.group.Scalar;
import dev.keyshard.mpc.Committee;
import dev.keyshard.mpc.EnvelopeCodec;
import dev.keyshard.mpc.PartyId;
import dev.keyshard.mpc.ProtocolAbort;
import dev.keyshard.mpc.ProtocolId;
import dev.keyshard.mpc.SessionId;
import dev.keyshard.mpc.dkls23.Dkls23KeyShare;
import dev.keyshard.mpc.dkls23.Dkls23KeygenCodec;
import dev.keyshard.mpc.dkls23.Dkls23KeygenMessage;
import dev.keyshard.mpc.dkls23.Dkls23KeygenParty;
import dev.keyshard.mpc.dkls23.Dkls23SignCodec;
import dev.keyshard.mpc.dkls23.Dkls23SignMessage;
import dev.keyshard.mpc.dkls23.Dkls23SignParty;
import dev.keyshard.mpc.dkls23.EcdsaSignature;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * DKLs23 key generation and signing with every party in this process, through the state machines
 * and wire codecs: for a user who holds all the shares (the CLI's file mode), and for benchmarks.
 * Bytes are counted per envelope sent (a broadcast once), as {@link LocalNetwork} does.
 */
public final class Dkls23Local {
  private Dkls23Local() {}

  /** Every party's share, and what the run put on the wire. */
  public record Keygen(List<Dkls23KeyShare> shares, long bytes, int messages) {}

  /** The signature, and what the run put on the wire. */
  public record Signing(EcdsaSignature signature, long bytes, int messages) {}

  /**
   * DKLs23 key generation among parties P1..Pn.
   *
   * @throws ProtocolAbort never for honest local parties; kept typed for callers
   */
  public static Keygen keygen(int t, int n, SecureRandom rng) throws ProtocolAbort {
    Committee committee = Committee.numbered(t, n);
    SessionId session = SessionId.random(rng);
    Map<PartyId, Dkls23KeygenParty> parties = new TreeMap<>();
    for (PartyId id : committee.parties()) {
      parties.put(id, new Dkls23KeygenParty(committee, id, session, rng));
    }
    LocalNetwork<Dkls23KeygenMessage, Dkls23KeyShare> net = new LocalNetwork<>(parties,
        new EnvelopeCodec<>(ProtocolId.DKLS23_KEYGEN, new Dkls23KeygenCodec(committee)));
    List<Dkls23KeyShare> shares = new ArrayList<>(net.run().values());
    return new Keygen(shares, net.bytesSent(), net.messagesSent());
  }

  /**
   * Signs the 32-byte {@code messageHash} with exactly the given shares (at least t, one key),
   * optionally under the tweaked key P + δ·G.
   *
   * @param tweak δ, or {@code null}
   * @throws ProtocolAbort never for honest local parties; kept typed for callers
   */
  public static Signing sign(List<Dkls23KeyShare> shares, byte[] messageHash, Scalar tweak,
      SecureRandom rng) throws ProtocolAbort {
    Set<PartyId> signers = new TreeSet<>();
    shares.forEach(s -> signers.add(s.self()));
    SessionId session = SessionId.random(rng);
    Map<PartyId, Dkls23SignParty> parties = new TreeMap<>();
    for (Dkls23KeyShare share : shares) {
      parties.put(share.self(),
          new Dkls23SignParty(share, signers, messageHash, tweak, session, rng));
    }
    LocalNetwork<Dkls23SignMessage, EcdsaSignature> net = new LocalNetwork<>(parties,
        new EnvelopeCodec<>(ProtocolId.DKLS23_SIGN, new Dkls23SignCodec(signers.size())));
    EcdsaSignature signature = net.run().values().iterator().next();
    return new Signing(signature, net.bytesSent(), net.messagesSent());
  }
}
