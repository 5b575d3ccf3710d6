package dev.keyshard.relay;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Counters for {@code GET /metrics}, in Prometheus' text format. Never ids or bodies. */
final class RelayMetrics {
  /** method → route template → status → count. */
  private final Map<String, Map<String, Map<Integer, LongAdder>>> counters =
      new ConcurrentHashMap<>();
  final LongAdder messagesQueued = new LongAdder();
  final LongAdder messagesDuplicate = new LongAdder();
  final LongAdder messagesDelivered = new LongAdder();
  final LongAdder bytesIn = new LongAdder();

  /** Counts one request; a map lookup by the route's own strings, no key built per request. */
  void request(String method, String route, int status) {
    Map<String, Map<Integer, LongAdder>> routes = counters.get(method);
    Map<Integer, LongAdder> byStatus = routes == null ? null : routes.get(route);
    if (byStatus == null) {
      byStatus = counters.computeIfAbsent(method, k -> new ConcurrentHashMap<>())
          .computeIfAbsent(route, k -> new ConcurrentHashMap<>());
    }
    LongAdder n = byStatus.get(status);
    if (n == null) {
      n = byStatus.computeIfAbsent(status, k -> new LongAdder());
    }
    n.increment();
  }

  String render(int sessions) {
    StringBuilder b = new StringBuilder();
    b.append("# TYPE keyshard_relay_requests_total counter\n");
    Map<String, LongAdder> sorted = new TreeMap<>();
    counters.forEach((method, routes) -> routes.forEach((route, statuses) ->
        statuses.forEach((status, n) -> sorted.put(method + " " + route + "\",status=\"" + status, n))));
    sorted.forEach((k, v) -> b.append("keyshard_relay_requests_total{route=\"").append(k)
        .append("\"} ").append(v.sum()).append('\n'));
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
