package dev.keyshard.mpc.local;

import dev.keyshard.mpc.Envelope;
import dev.keyshard.mpc.EnvelopeCodec;
import dev.keyshard.mpc.Party;
import dev.keyshard.mpc.PartyId;
import dev.keyshard.mpc.ProtocolAbort;
import dev.keyshard.mpc.ProtocolMessage;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Runs n sans-IO parties in one thread, delivering every message through the wire codec (so the
 * codecs are exercised too), and lets a test drop, duplicate, reorder or tamper with messages.
 *
 * <p>A broadcast is delivered to every other party; a point-to-point message to its recipient.
 * Byte counts are per envelope sent (a broadcast counts once).
 */
public final class LocalNetwork<M extends ProtocolMessage, R> {

  /** Decides what a recipient gets for one envelope: itself, nothing, several, or altered copies. */
  @FunctionalInterface
  public interface Interceptor<M extends ProtocolMessage> {
    List<Envelope<M>> intercept(Envelope<M> envelope, PartyId recipient);
  }

  /** A party's end state: its result, or the abort it raised. */
  public record Outcome<R>(R result, ProtocolAbort abort) {
    public boolean aborted() {
      return abort != null;
    }
  }

  private final Map<PartyId, Party<M, R>> parties;
  private final EnvelopeCodec<M> codec;
  private Interceptor<M> interceptor = (e, to) -> List.of(e);
  private Random shuffle;
  private long bytesSent;
  private int messagesSent;

  public LocalNetwork(Map<PartyId, ? extends Party<M, R>> parties, EnvelopeCodec<M> codec) {
    this.parties = new TreeMap<>(parties);
    this.codec = codec;
  }

  public LocalNetwork<M, R> intercept(Interceptor<M> i) {
    this.interceptor = i;
    return this;
  }

  /** Delivers queued messages in a random order drawn from {@code rng}. */
  public LocalNetwork<M, R> shuffle(Random rng) {
    this.shuffle = rng;
    return this;
  }

  public long bytesSent() {
    return bytesSent;
  }

  public int messagesSent() {
    return messagesSent;
  }

  /**
   * Runs until every party is done or no message is left.
   *
   * @return every party's result
   * @throws ProtocolAbort the first abort any party raises
   * @throws IllegalStateException when the run stalls with a party not done
   */
  public Map<PartyId, R> run() throws ProtocolAbort {
    Map<PartyId, Outcome<R>> outcomes = runAll();
    Map<PartyId, R> results = new TreeMap<>();
    for (Map.Entry<PartyId, Outcome<R>> e : outcomes.entrySet()) {
      if (e.getValue().aborted()) {
        throw e.getValue().abort();
      }
      results.put(e.getKey(), e.getValue().result());
    }
    return results;
  }

  /** Runs every party to its end; an aborted party stops receiving, the others go on. */
  public Map<PartyId, Outcome<R>> runAll() {
    Deque<Delivery<M>> queue = new ArrayDeque<>();
    Map<PartyId, ProtocolAbort> aborts = new TreeMap<>();
    for (Map.Entry<PartyId, Party<M, R>> e : parties.entrySet()) {
      send(e.getKey(), e.getValue().start(), queue);
    }
    while (!queue.isEmpty()) {
      Delivery<M> d = take(queue);
      Party<M, R> p = parties.get(d.to);
      if (p == null || aborts.containsKey(d.to) || p.isDone()) {
        continue;
      }
      try {
        // Every recipient parses its own copy of the bytes, as it would off a real wire.
        Envelope<M> decoded = codec.decode(d.envelope.from(), d.bytes);
        send(d.to, p.receive(decoded), queue);
      } catch (ProtocolAbort a) {
        aborts.put(d.to, a);
      }
    }
    Map<PartyId, Outcome<R>> out = new TreeMap<>();
    for (Map.Entry<PartyId, Party<M, R>> e : parties.entrySet()) {
      ProtocolAbort a = aborts.get(e.getKey());
      if (a != null) {
        out.put(e.getKey(), new Outcome<>(null, a));
      } else if (e.getValue().isDone()) {
        out.put(e.getKey(), new Outcome<>(e.getValue().result(), null));
      } else if (aborts.isEmpty()) {
        throw new IllegalStateException(e.getKey() + " stalled, waiting for "
            + e.getValue().waitingFor());
      } else {
        out.put(e.getKey(), new Outcome<>(null, null));
      }
    }
    return out;
  }

  private Delivery<M> take(Deque<Delivery<M>> queue) {
    if (shuffle == null || queue.size() == 1) {
      return queue.removeFirst();
    }
    List<Delivery<M>> all = new ArrayList<>(queue);
    queue.clear();
    Collections.shuffle(all, shuffle);
    queue.addAll(all);
    return queue.removeFirst();
  }

  private void send(PartyId from, List<Envelope<M>> out, Deque<Delivery<M>> queue) {
    for (Envelope<M> e : out) {
      if (!e.from().equals(from)) {
        throw new IllegalStateException(from + " sent an envelope claiming to be from " + e.from());
      }
      // Encoded once per envelope; an interceptor's altered copy is encoded on its own.
      byte[] bytes = codec.encode(e);
      bytesSent += bytes.length;
      messagesSent++;
      List<PartyId> recipients = e.isBroadcast()
          ? new ArrayList<>(parties.keySet()) : List.of(e.to());
      for (PartyId to : recipients) {
        if (to.equals(from)) {
          continue;
        }
        for (Envelope<M> altered : interceptor.intercept(e, to)) {
          queue.addLast(new Delivery<>(to, altered, altered == e ? bytes : codec.encode(altered)));
        }
      }
    }
  }

  private record Delivery<M extends ProtocolMessage>(
      PartyId to, Envelope<M> envelope, byte[] bytes) {}
}
