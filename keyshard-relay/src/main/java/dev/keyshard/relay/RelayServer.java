package dev.keyshard.relay;

import io.javalin.Javalin;
import java.util.List;
import java.util.Objects;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The relay: an HTTP server (Javalin on Jetty) speaking Vultisig's relay API over a
 * {@link RelayStore}. It sees only what clients send it — end-to-end encrypted bodies — and logs
 * only methods, route templates, statuses and timings: never ids, bodies or headers.
 */
public final class RelayServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RelayServer.class);

  private final RelayStore store;
  private final RelayMetrics metrics = new RelayMetrics();
  private final Javalin app;

  /**
   * @param storeName shown by {@code /health} ("memory", "redis")
   */
  public RelayServer(RelayStore store, RelayLimits limits, String storeName) {
    this(store, limits, storeName, true);
  }

  /**
   * @param messageRouteHandler false: every route through Javalin (the tests compare both)
   */
  RelayServer(RelayStore store, RelayLimits limits, String storeName,
      boolean messageRouteHandler) {
    this.store = Objects.requireNonNull(store, "store");
    RelayRoutes routes = new RelayRoutes(store, metrics, storeName, limits.maxBodyBytes());
    this.app = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.startup.showOldJavalinVersionWarning = false;
      config.http.maxRequestSize = limits.maxBodyBytes();
      config.router.ignoreTrailingSlashes = true;
      config.jetty.threadPool = threadPool();
      // No HTTP sessions: Javalin installs a SessionHandler (Jetty refuses to remove it) that
      // looks for a session id in every request's cookies and path; the relay never uses one.
      config.jetty.modifyServletContextHandler(h -> {
        h.getSessionHandler().setUsingCookies(false);
        h.getSessionHandler().setUsingUriParameters(false);
      });
      for (Class<? extends Exception> refused : List.of(BadRequestException.class,
          MalformedRelayJsonException.class, LimitExceededException.class,
          RelayRoutes.UnknownSessionException.class)) {
        config.routes.exception(refused, (e, ctx) -> {
          RelayRoutes.Reply r = RelayRoutes.refusal(e);
          ctx.status(r.status()).result(r.body());
        });
      }
      // Javalin's own answers (404 for an unknown path or method, 405…) keep their status.
      config.routes.exception(io.javalin.http.HttpResponseException.class,
          (e, ctx) -> ctx.status(e.getStatus()).result(e.getMessage()));
      config.routes.exception(Exception.class, (e, ctx) -> {
        LOG.error("relay request failed: {}", e.getClass().getSimpleName());
        ctx.status(500);
      });
      routes.register(config.routes);
      // The message routes, served ahead of Javalin (which Javalin places inside this wrapper).
      if (messageRouteHandler) {
        config.jetty.modifyServer(server ->
            server.setHandler(new MessageRouteHandler(routes, metrics, limits.maxBodyBytes())));
      }
      config.requestLogger.http((ctx, ms) -> {
        String route = route(ctx);
        metrics.request(ctx.method().name(), route, ctx.status().getCode());
        long length = ctx.req().getContentLengthLong();
        if (length > 0) {
          metrics.bytesIn.add(length);
        }
        if (LOG.isDebugEnabled()) {
          LOG.debug("{} {} {} {} ms", ctx.method(), route, ctx.status().getCode(), ms);
        }
      });
    });
  }

  /** The matched route template, or "unmatched" (Javalin 7 throws when no endpoint matched). */
  private static String route(io.javalin.http.Context ctx) {
    try {
      return ctx.endpoint().path;
    } catch (java.util.NoSuchElementException e) {
      return "unmatched";
    }
  }

  /**
   * Request threads sized to the cores rather than Javalin's 250: every handler is short (memory)
   * or waits briefly on Redis, and on a small machine a few hundred runnable threads only add
   * context switches and starve some connections (long tails under load, scripts/relay-load.sh).
   * The floor leaves room for Jetty's acceptor and selector threads and for Redis round trips.
   */
  private static QueuedThreadPool threadPool() {
    int cores = Runtime.getRuntime().availableProcessors();
    QueuedThreadPool pool = new QueuedThreadPool(Math.max(16, 8 * cores), 4, 60_000);
    pool.setName("relay-http");
    return pool;
  }

  /** Starts listening; port 0 picks a free one. */
  public RelayServer start(String host, int port) {
    app.start(host, port);
    return this;
  }

  /** The port listened on (after {@link #start}). */
  public int port() {
    return app.port();
  }

  @Override
  public void close() {
    app.stop();
    store.close();
  }
}
