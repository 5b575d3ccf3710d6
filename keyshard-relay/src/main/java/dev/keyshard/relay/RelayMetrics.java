package dev.keyshard.relay;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Counters for {@code GET /metrics}, in Prometheus' text format. Never ids or bodies. */
final class RelayMetrics {
  private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();
  final LongAdder messagesQueued = new LongAdder();
  final LongAdder messagesDuplicate = new LongAdder();
  final LongAdder messagesDelivered = new LongAdder();
  final LongAdder bytesIn = new LongAdder();

  void request(String route, int status) {
    requests.computeIfAbsent(route + "\t" + status, k -> new LongAdder()).increment();
  }

  String render(int sessions) {
    StringBuilder b = new StringBuilder();
    b.append("# TYPE keyshard_relay_requests_total counter\n");
    new TreeMap<>(requests).forEach((k, v) -> {
      String[] parts = k.split("\t");
      b.append("keyshard_relay_requests_total{route=\"").append(parts[0]).append("\",status=\"")
          .append(parts[1]).append("\"} ").append(v.sum()).append('\n');
    });
    counter(b, "keyshard_relay_messages_queued_total", messagesQueued.sum());
    counter(b, "keyshard_relay_messages_duplicate_total", messagesDuplicate.sum());
    counter(b, "keyshard_relay_messages_delivered_total", messagesDelivered.sum());
    counter(b, "keyshard_relay_request_bytes_total", bytesIn.sum());
    b.append("# TYPE keyshard_relay_sessions gauge\nkeyshard_relay_sessions ").append(sessions).append('\n');
    return b.toString();
  }

  private static void counter(StringBuilder b, String name, long value) {
    b.append("# TYPE ").append(name).append(" counter\n").append(name).append(' ').append(value).append('\n');
  }
}
