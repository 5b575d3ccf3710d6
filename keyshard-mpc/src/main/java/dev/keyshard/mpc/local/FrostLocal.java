package dev.keyshard.mpc.local;

import dev.keyshard.crypto.group.Group;
import dev.keyshard.mpc.Committee;
import dev.keyshard.mpc.EnvelopeCodec;
import dev.keyshard.mpc.PartyId;
import dev.keyshard.mpc.ProtocolAbort;
import dev.keyshard.mpc.ProtocolId;
import dev.keyshard.mpc.SessionId;
import dev.keyshard.mpc.dkg.DkgCodec;
import dev.keyshard.mpc.dkg.DkgMessage;
import dev.keyshard.mpc.dkg.DkgParty;
import dev.keyshard.mpc.dkg.DkgResult;
import dev.keyshard.mpc.frost.FrostCiphersuite;
import dev.keyshard.mpc.frost.FrostSignCodec;
import dev.keyshard.mpc.frost.FrostSignMessage;
import dev.keyshard.mpc.frost.FrostSignParty;
import dev.keyshard.mpc.frost.Signature;
import dev.keyshard.mpc.keys.KeyShare;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * FROST key generation and signing with every party in this process, through the state machines
 * and wire codecs: for a user who holds all the shares (the CLI's file mode), and for benchmarks.
 */
public final class FrostLocal {
  private FrostLocal() {}

  /** Every party's share, and what the run put on the wire. */
  public record Keygen(List<KeyShare> shares, long bytes, int messages) {}

  /** The signature, and what the run put on the wire. */
  public record Signing(Signature signature, long bytes, int messages) {}

  /**
   * A dealerless DKG among parties P1..Pn.
   *
   * @throws ProtocolAbort never for honest local parties; kept typed for callers
   */
  public static Keygen keygen(Group group, int t, int n, SecureRandom rng) throws ProtocolAbort {
    Committee committee = Committee.numbered(t, n);
    SessionId session = SessionId.random(rng);
    Map<PartyId, DkgParty> parties = new TreeMap<>();
    for (PartyId id : committee.parties()) {
      parties.put(id, new DkgParty(group, committee, id, session, rng));
    }
    LocalNetwork<DkgMessage, DkgResult> net = new LocalNetwork<>(parties,
        new EnvelopeCodec<>(ProtocolId.FROST_DKG, new DkgCodec(group, committee)));
    List<KeyShare> shares = new ArrayList<>();
    net.run().values().forEach(r -> shares.add(r.keyShare()));
    return new Keygen(shares, net.bytesSent(), net.messagesSent());
  }

  /**
   * Signs {@code message} with exactly the given shares (at least the threshold, one key).
   *
   * @throws ProtocolAbort never for honest local parties; kept typed for callers
   */
  public static Signing sign(FrostCiphersuite suite, List<KeyShare> shares, byte[] message,
      SecureRandom rng) throws ProtocolAbort {
    Set<PartyId> signers = new TreeSet<>();
    shares.forEach(s -> signers.add(s.self()));
    SessionId session = SessionId.random(rng);
    Map<PartyId, FrostSignParty> parties = new TreeMap<>();
    for (KeyShare share : shares) {
      parties.put(share.self(), new FrostSignParty(suite, share, signers, message, session, rng));
    }
    LocalNetwork<FrostSignMessage, Signature> net = new LocalNetwork<>(parties,
        new EnvelopeCodec<>(ProtocolId.FROST_SIGN, new FrostSignCodec(suite)));
    Signature signature = net.run().values().iterator().next();
    return new Signing(signature, net.bytesSent(), net.messagesSent());
  }
}
