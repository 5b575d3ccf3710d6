package dev.keyshard.node;

import dev.keyshard.relay.RelayMessage;
import dev.keyshard.relay.client.RelayClient;
import dev.keyshard.relay.client.RelayException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** {@link Transport} over the relay API: one queue per (session, member, phase). */
final class RelayTransport implements Transport {
  private final RelayClient client;
  private final String session;
  private final String self;
  private final String queueToken;
  private final AtomicLong sequence = new AtomicLong();

  RelayTransport(RelayClient client, String session, String self, String queueToken) {
    this.client = client;
    this.session = session;
    this.self = self;
    this.queueToken = queueToken;
  }

  @Override
  public void post(String phase, List<String> to, String body, String hash) throws SessionException {
    try {
      client.post(session, phase, new RelayMessage(session, self, to, body, hash,
          sequence.getAndIncrement()));
    } catch (RelayException e) {
      throw new SessionException(e.getMessage(), List.of(), e);
    }
  }

  @Override
  public List<Delivery> poll(String phase) throws SessionException {
    try {
      List<Delivery> out = new ArrayList<>();
      for (RelayMessage m : client.messages(session, self, phase, queueToken)) {
        out.add(new Delivery(m.from(), m.body(), m.hash()));
      }
      return out;
    } catch (RelayException e) {
      throw new SessionException(e.getMessage(), List.of(), e);
    }
  }

  @Override
  public void ack(String phase, String hash) throws SessionException {
    try {
      client.delete(session, self, hash, phase, queueToken);
    } catch (RelayException e) {
      throw new SessionException(e.getMessage(), List.of(), e);
    }
  }
}
