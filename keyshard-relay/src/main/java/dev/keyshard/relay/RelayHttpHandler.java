package dev.keyshard.relay;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpHeadersFactory;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.AsciiString;
import java.util.EnumMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One relay request on Netty: routes it ({@link RelayPaths}, {@link RelayRoutes.Endpoint}),
 * answers it, counts it under its route template and logs — at debug level only — the method,
 * template, status and time: never ids, bodies or headers. Shared by every connection.
 */
@ChannelHandler.Sharable
final class RelayHttpHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
  private static final Logger LOG = LoggerFactory.getLogger(RelayHttpHandler.class);
  private static final String UNMATCHED = "unmatched";
  private static final Map<String, AsciiString> CONTENT_TYPES = Map.of(
      RelayRoutes.TEXT, AsciiString.cached(RelayRoutes.TEXT),
      RelayRoutes.TEXT_UTF8, AsciiString.cached(RelayRoutes.TEXT_UTF8),
      RelayRoutes.JSON, AsciiString.cached(RelayRoutes.JSON),
      RelayRoutes.PROMETHEUS, AsciiString.cached(RelayRoutes.PROMETHEUS));

  /** Response headers: only the relay's own constant names and values, so nothing to validate. */
  private static final HttpHeadersFactory OWN_HEADERS =
      DefaultHttpHeadersFactory.headersFactory().withValidation(false);

  private final RelayRoutes routes;
  private final RelayMetrics metrics;
  private final Map<RelayRoutes.Endpoint, RelayMetrics.Route> counters =
      new EnumMap<>(RelayRoutes.Endpoint.class);
  private final boolean debug = LOG.isDebugEnabled();

  RelayHttpHandler(RelayRoutes routes, RelayMetrics metrics) {
    this.routes = routes;
    this.metrics = metrics;
    for (RelayRoutes.Endpoint e : RelayRoutes.Endpoint.values()) {
      counters.put(e, metrics.route(e.method, e.template));
    }
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
    long start = debug ? System.nanoTime() : 0;
    boolean keepAlive = HttpUtil.isKeepAlive(request);
    if (request.decoderResult().isFailure()) {
      // A request line or headers Netty could not parse: nothing to route, and the stream may
      // be out of step, so the connection closes.
      RelayRoutes.Reply refusal = unparsable(request.decoderResult().cause());
      count(request.method().name(), null, refusal.status(), 0);
      send(ctx, request, refusal, false);
      return;
    }
    String method = request.method().name();
    String path = RelayPaths.path(request.uri());
    String[] segments = RelayPaths.segments(path);
    RelayRoutes.Endpoint endpoint = RelayRoutes.Endpoint.match(method, segments);
    RelayRoutes.Reply reply;
    if (endpoint == null) {
      reply = RelayRoutes.notFound(method, path);
    } else {
      HttpHeaders headers = request.headers();
      reply = routes.answer(endpoint, segments, headers::get,
          ByteBufUtil.getBytes(request.content()));
    }
    count(method, endpoint, reply.status(), request.content().readableBytes());
    if (debug) {
      LOG.debug("{} {} {} {} ms", method, endpoint == null ? UNMATCHED : endpoint.template,
          reply.status(), (System.nanoTime() - start) / 1_000_000);
    }
    send(ctx, request, reply, keepAlive);
  }

  /**
   * A body over the limit ({@link RelayServer}'s aggregator calls this instead of passing the
   * request on): 413, counted under the route it was sent to, as every other answer is.
   */
  void tooLarge(ChannelHandlerContext ctx, HttpRequest request, boolean keepAlive) {
    String method = request.method().name();
    String path = RelayPaths.path(request.uri());
    RelayRoutes.Endpoint endpoint =
        RelayRoutes.Endpoint.match(method, RelayPaths.segments(path));
    count(method, endpoint, RelayRoutes.TOO_LARGE.status(),
        HttpUtil.getContentLength(request, -1L));
    send(ctx, request, RelayRoutes.TOO_LARGE, keepAlive);
  }

  /** One answer in the metrics: under its route's template (or "unmatched"), and its bytes. */
  private void count(String method, RelayRoutes.Endpoint endpoint, int status, long bodyBytes) {
    if (endpoint == null) {
      metrics.request(method, UNMATCHED, status);
    } else {
      counters.get(endpoint).count(status);
    }
    if (bodyBytes > 0) {
      metrics.bytesIn.add(bodyBytes);
    }
  }

  private static RelayRoutes.Reply unparsable(Throwable cause) {
    if (cause instanceof TooLongHttpLineException) {
      return RelayRoutes.Reply.text(414, "request line too long");
    } else if (cause instanceof TooLongHttpHeaderException) {
      return RelayRoutes.Reply.text(431, "request headers too large");
    }
    return RelayRoutes.Reply.text(400, "malformed request");
  }

  private static void send(ChannelHandlerContext ctx, HttpRequest request,
      RelayRoutes.Reply reply, boolean keepAlive) {
    boolean head = "HEAD".equals(request.method().name());
    byte[] body = reply.body();
    FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
        HttpResponseStatus.valueOf(reply.status()),
        head || body.length == 0 ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(body),
        OWN_HEADERS, OWN_HEADERS);
    HttpHeaders h = response.headers();
    AsciiString type = CONTENT_TYPES.get(reply.contentType());
    h.set(HttpHeaderNames.CONTENT_TYPE, type != null ? type : reply.contentType());
    h.setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
    HttpUtil.setKeepAlive(h, request.protocolVersion(), keepAlive);
    if (keepAlive) {
      ctx.writeAndFlush(response, ctx.voidPromise());
    } else {
      ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
    if (event instanceof IdleStateEvent) {
      ctx.close();
    } else {
      super.userEventTriggered(ctx, event);
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    // Resets and broken pipes are clients going away; nothing to answer, nothing worth a warning.
    LOG.debug("relay connection closed: {}", cause.getClass().getSimpleName());
    ctx.close();
  }
}
