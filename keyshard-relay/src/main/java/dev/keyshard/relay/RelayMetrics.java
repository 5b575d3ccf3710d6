package dev.keyshard.relay;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Counters for {@code GET /metrics}, in Prometheus' text format. Never ids or bodies. */
final class RelayMetrics {
  /** method → route template → status → count. */
  private final Map<String, Map<String, ByStatus>> counters =
      new ConcurrentHashMap<>();
  final LongAdder messagesQueued = new LongAdder();
  final LongAdder messagesDuplicate = new LongAdder();
  final LongAdder messagesDelivered = new LongAdder();
  final LongAdder bytesIn = new LongAdder();

  /** Counts one request; a map lookup by the route's own strings, no key built per request. */
  void request(String method, String route, int status) {
    byStatus(method, route).count(status);
  }

  /** A route's counters, to keep and count into without any lookup (the hot routes). */
  Route route(String method, String template) {
    return new Route(template, byStatus(method, template));
  }

  /** One route's request counters by status. */
  static final class Route {
    private final String template;
    private final ByStatus byStatus;

    private Route(String template, ByStatus byStatus) {
      this.template = template;
      this.byStatus = byStatus;
    }

    String template() {
      return template;
    }

    void count(int status) {
      byStatus.count(status);
    }
  }

  private ByStatus byStatus(String method, String route) {
    Map<String, ByStatus> routes = counters.get(method);
    ByStatus byStatus = routes == null ? null : routes.get(route);
    if (byStatus == null) {
      byStatus = counters.computeIfAbsent(method, k -> new ConcurrentHashMap<>())
          .computeIfAbsent(route, k -> new ByStatus());
    }
    return byStatus;
  }

  /** Counters for statuses 100..599 in an array, each made on first use; others in a map. */
  private static final class ByStatus {
    private final java.util.concurrent.atomic.AtomicReferenceArray<LongAdder> common =
        new java.util.concurrent.atomic.AtomicReferenceArray<>(500);
    private final Map<Integer, LongAdder> other = new ConcurrentHashMap<>();

    void count(int status) {
      LongAdder n;
      if (status >= 100 && status < 600) {
        n = common.get(status - 100);
        if (n == null) {
          common.compareAndSet(status - 100, null, new LongAdder());
          n = common.get(status - 100);
        }
      } else {
        n = other.computeIfAbsent(status, k -> new LongAdder());
      }
      n.increment();
    }

    void forEach(java.util.function.BiConsumer<Integer, LongAdder> f) {
      for (int i = 0; i < common.length(); i++) {
        LongAdder n = common.get(i);
        if (n != null) {
          f.accept(i + 100, n);
        }
      }
      other.forEach(f);
    }
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
