package dev.keyshard.mpc.dkls23;

import dev.keyshard.crypto.ot.BaseOtReceiverOutput;
import dev.keyshard.crypto.ot.BaseOtSenderOutput;
import dev.keyshard.crypto.ot.EndemicOtReceiver;
import dev.keyshard.crypto.ot.EndemicOtSender;
import dev.keyshard.crypto.ot.KosReceiverSetup;
import dev.keyshard.crypto.ot.KosSenderSetup;
import dev.keyshard.crypto.ot.OtException;
import dev.keyshard.crypto.ot.OtSession;
import java.security.SecureRandom;

/** The OT extension setups of one ordered pair (Alice → Bob), from honest base OTs. Test-only. */
record OtPair(KosSenderSetup alice, KosReceiverSetup bob) {
  static OtPair create(SecureRandom rng) throws OtException {
    byte[] sid = new byte[32];
    rng.nextBytes(sid);
    // Base-OT roles are reversed: Bob sends, Alice receives (and chooses Δ).
    OtSession session = OtSession.of(sid, new byte[] {2}, new byte[] {1});
    EndemicOtSender sender = EndemicOtSender.start(session, Dkls23Parameters.BASE_OTS, rng);
    EndemicOtReceiver receiver = EndemicOtReceiver.start(session, Dkls23Parameters.BASE_OTS, rng);
    BaseOtSenderOutput bobKeys = sender.finish(receiver.message());
    BaseOtReceiverOutput aliceKeys = receiver.finish(sender.message());
    return new OtPair(KosSenderSetup.from(aliceKeys), KosReceiverSetup.from(bobKeys));
  }
}
