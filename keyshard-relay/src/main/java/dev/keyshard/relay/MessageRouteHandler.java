package dev.keyshard.relay;

import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the three message routes — {@code POST /message/{session}}, {@code GET
 * /message/{session}/{party}}, {@code DELETE /message/{session}/{party}/{hash}}, nearly every
 * request a relay sees — as a plain Jetty handler in front of Javalin, skipping the servlet layer
 * and Javalin's routing, which took about half of the relay's time per request
 * (scripts/relay-load.sh with JFR). The answers are {@link RelayRoutes}' own, with the same
 * statuses, bodies and headers as through Javalin.
 *
 * <p>It passes on to Javalin, untouched, every request it does not match exactly as Javalin's
 * routes would (other paths and methods, empty or dot segments, {@code ;} parameters, bad
 * escapes) and every post whose body has no length or is over the limit (Javalin refuses those
 * with 413), so those keep Javalin's behaviour.
 */
final class MessageRouteHandler extends Handler.Wrapper {
  private static final Logger LOG = LoggerFactory.getLogger(MessageRouteHandler.class);
  private static final String PREFIX = "/message/";
  private static final HttpField TEXT =
      new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, RelayRoutes.TEXT);
  private static final HttpField JSON =
      new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, RelayRoutes.JSON);

  private final RelayRoutes routes;
  private final RelayMetrics metrics;
  private final long maxBodyBytes;
  private final boolean debug = LOG.isDebugEnabled();
  private final RelayMetrics.Route postRoute;
  private final RelayMetrics.Route getRoute;
  private final RelayMetrics.Route deleteRoute;

  MessageRouteHandler(RelayRoutes routes, RelayMetrics metrics, long maxBodyBytes) {
    this.routes = routes;
    this.metrics = metrics;
    this.maxBodyBytes = maxBodyBytes;
    postRoute = metrics.route("POST", RelayRoutes.POST_MESSAGE);
    getRoute = metrics.route("GET", RelayRoutes.GET_MESSAGES);
    deleteRoute = metrics.route("DELETE", RelayRoutes.DELETE_MESSAGE);
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    String[] params = params(request.getHttpURI().getPath());
    if (params == null) {
      return super.handle(request, response, callback);
    }
    String method = request.getMethod();
    RelayMetrics.Route route;
    if (params.length == 1 && "POST".equals(method)) {
      long length = request.getLength();
      if (length < 0 || length > maxBodyBytes) {
        return super.handle(request, response, callback);
      }
      route = postRoute;
    } else if (params.length == 2 && "GET".equals(method)) {
      route = getRoute;
    } else if (params.length == 3 && "DELETE".equals(method)) {
      route = deleteRoute;
    } else {
      return super.handle(request, response, callback);
    }
    long start = debug ? System.nanoTime() : 0;
    RelayRoutes.Reply reply = reply(route, request, params);
    route.count(reply.status());
    long length = request.getLength();
    if (length > 0) {
      metrics.bytesIn.add(length);
    }
    if (debug) {
      LOG.debug("{} {} {} {} ms", method, route.template(), reply.status(),
          (System.nanoTime() - start) / 1_000_000);
    }
    response.setStatus(reply.status());
    HttpFields.Mutable headers = response.getHeaders();
    headers.put(RelayRoutes.JSON.equals(reply.contentType()) ? JSON : TEXT);
    headers.put(HttpHeader.CONTENT_LENGTH, reply.body().length);
    response.write(true, ByteBuffer.wrap(reply.body()), callback);
    return true;
  }

  private RelayRoutes.Reply reply(RelayMetrics.Route route, Request request, String[] p) {
    HttpFields h = request.getHeaders();
    String messageId = h.get(RelayRoutes.MESSAGE_ID);
    try {
      if (route == postRoute) {
        return routes.postMessage(p[0], messageId, body(request));
      }
      String token = h.get(RelayRoutes.QUEUE_TOKEN);
      if (route == getRoute) {
        return routes.getMessages(p[0], p[1], messageId, token);
      }
      return routes.deleteMessage(p[0], p[1], p[2], messageId, token);
    } catch (Exception e) {
      RelayRoutes.Reply refusal = RelayRoutes.refusal(e);
      if (refusal != null) {
        return refusal;
      }
      LOG.error("relay request failed: {}", e.getClass().getSimpleName());
      return RelayRoutes.Reply.empty(500);
    }
  }

  /** The body, read once into an array of its length (known and within the limit here). */
  private static byte[] body(Request request) throws java.io.IOException {
    byte[] body = new byte[(int) request.getLength()];
    InputStream in = Request.asInputStream(request);
    int n = in.readNBytes(body, 0, body.length);
    return n == body.length ? body : Arrays.copyOf(body, n);
  }

  /**
   * The decoded parameters of a {@code /message/...} path with one to three segments, as Javalin
   * matches and decodes them ({@code ignoreTrailingSlashes}: one trailing slash is dropped; a
   * literal {@code +} stays one); null for any other path, which Javalin then handles.
   */
  static String[] params(String rawPath) {
    if (rawPath == null || !rawPath.startsWith(PREFIX)) {
      return null;
    }
    int end = rawPath.endsWith("/") ? rawPath.length() - 1 : rawPath.length();
    String rest = rawPath.substring(PREFIX.length(), Math.max(PREFIX.length(), end));
    if (rest.isEmpty() || rest.indexOf(';') >= 0) {
      return null;
    }
    String[] parts = rest.split("/", -1);
    if (parts.length > 3) {
      return null;
    }
    for (int i = 0; i < parts.length; i++) {
      String seg = parts[i];
      if (seg.isEmpty() || seg.equals(".") || seg.equals("..")) {
        return null;
      }
      if (seg.indexOf('%') >= 0 || seg.indexOf('+') >= 0) {
        try {
          parts[i] = URLDecoder.decode(seg.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
          return null;
        }
      }
    }
    return parts;
  }
}
