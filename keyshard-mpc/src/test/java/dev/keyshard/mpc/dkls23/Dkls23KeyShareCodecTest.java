package dev.keyshard.mpc.dkls23;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyshard.crypto.group.InvalidEncodingException;
import dev.keyshard.crypto.secret.InsecureSecretAccess;
import dev.keyshard.mpc.PartyId;
import dev.keyshard.mpc.proto.Dkls23KeyShareProto;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * {@link Dkls23KeyShareCodec}: a stored share round-trips, signs after reloading, and a damaged
 * encoding is refused; {@link Dkls23KeyShare} prints nothing secret.
 */
class Dkls23KeyShareCodecTest {

  static Map<PartyId, Dkls23KeyShare> reload(Map<PartyId, Dkls23KeyShare> shares)
      throws InvalidEncodingException {
    Map<PartyId, Dkls23KeyShare> out = new TreeMap<>();
    for (Map.Entry<PartyId, Dkls23KeyShare> e : shares.entrySet()) {
      byte[] bytes = Dkls23KeyShareCodec.encode(e.getValue(), InsecureSecretAccess.get());
      Dkls23KeyShare again = Dkls23KeyShareCodec.decode(bytes, InsecureSecretAccess.get());
      assertArrayEquals(bytes, Dkls23KeyShareCodec.encode(again, InsecureSecretAccess.get()));
      out.put(e.getKey(), again);
    }
    return out;
  }

  @Test
  void reloadedSharesSign() throws Exception {
    Dkls23Fixture f = Dkls23Fixture.of(2, 3, 1);
    Map<PartyId, Dkls23KeyShare> reloaded = reload(f.shares);
    for (Dkls23KeyShare s : reloaded.values()) {
      assertEquals(f.publicKey(), s.publicKey());
      assertArrayEquals(f.shares.get(s.self()).chainCode(), s.chainCode());
      assertArrayEquals(f.shares.get(s.self()).keygenId(), s.keygenId());
    }
    List<Dkls23KeyShare> signers = new ArrayList<>(List.of(reloaded.get(PartyId.of(1)),
        reloaded.get(PartyId.of(3))));
    byte[] hash = f.hash("reload");
    EcdsaSignature sig = dev.keyshard.mpc.local.Dkls23Local.sign(signers, hash, null, f.rng)
        .signature();
    Dkls23Fixture.assertValid(sig, f.publicKey(), hash);
  }

  @Test
  void damagedEncodingsAreRefused() throws Exception {
    Dkls23Fixture f = Dkls23Fixture.of(2, 3, 1);
    byte[] good = Dkls23KeyShareCodec.encode(f.shares.get(PartyId.of(2)),
        InsecureSecretAccess.get());
    Dkls23KeyShareProto p = Dkls23KeyShareProto.parseFrom(good);
    List<byte[]> bad = List.of(
        java.util.Arrays.copyOf(good, good.length - 1),
        java.util.Arrays.copyOf(good, good.length + 3),
        p.toBuilder().setVersion(2).build().toByteArray(),
        p.toBuilder().setThreshold(4).build().toByteArray(),
        p.toBuilder().setSelf(0).build().toByteArray(),
        p.toBuilder().setChainCode(p.getChainCode().substring(1)).build().toByteArray(),
        p.toBuilder().removePeers(0).build().toByteArray(),
        // burned, yet still carrying the sender setup
        p.toBuilder().setPeers(0, p.getPeers(0).toBuilder().setOtAsAliceBurned(true))
            .build().toByteArray(),
        // another party's signing share: no longer matches this party's verifying share
        p.toBuilder().setSigningShare(Dkls23KeyShareProto.parseFrom(Dkls23KeyShareCodec.encode(
            f.shares.get(PartyId.of(1)), InsecureSecretAccess.get())).getSigningShare())
            .build().toByteArray());
    for (byte[] b : bad) {
      assertThrows(InvalidEncodingException.class,
          () -> Dkls23KeyShareCodec.decode(b, InsecureSecretAccess.get()));
    }
  }

  @Test
  void toStringAndDestroyKeepSecretsIn() throws Exception {
    Dkls23Fixture f = Dkls23Fixture.of(2, 2, 1);
    Dkls23KeyShare copy = reload(Map.of(PartyId.of(1), f.shares.get(PartyId.of(1))))
        .get(PartyId.of(1));
    String secret = HexFormat.of().formatHex(
        copy.signingShare().toBytes(InsecureSecretAccess.get()));
    String text = copy.toString();
    assertTrue(text.contains("redacted"), text);
    assertFalse(text.toLowerCase().contains(secret.substring(0, 16)), text);
    assertFalse(copy.peer(PartyId.of(2)).toString().contains(secret.substring(0, 16)));
    copy.destroy();
    assertTrue(copy.isDestroyed());
    assertThrows(IllegalStateException.class, () -> copy.peer(PartyId.of(2)).zeroSeed());
    assertThrows(IllegalStateException.class, () -> new Dkls23SignParty(copy,
        Set.of(PartyId.of(1), PartyId.of(2)), new byte[32], dev.keyshard.mpc.SessionId.random(
            f.rng), f.rng).start());
  }
}
