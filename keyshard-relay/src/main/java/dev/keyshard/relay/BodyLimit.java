package dev.keyshard.relay;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpMessage;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;

/**
 * Collects each request's body up to the relay's limit ({@code --max-body}). Over it — by its
 * Content-Length before any of it is read, or part-way through a chunked body — the relay's own
 * 413 goes back, counted like every answer. The connection stays open only when nothing of the
 * body was taken yet and the client wants to keep it (Netty discards the rest of that body);
 * a half-read body cannot be resynchronised, so that connection closes.
 */
final class BodyLimit extends HttpObjectAggregator {
  private final RelayHttpHandler handler;

  BodyLimit(int maxBodyBytes, RelayHttpHandler handler) {
    super(maxBodyBytes);
    this.handler = handler;
  }

  @Override
  protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
    if (!(oversized instanceof HttpRequest request)) {
      ctx.close();
      return;
    }
    boolean keepAlive = !(oversized instanceof FullHttpMessage)
        && (HttpUtil.is100ContinueExpected(oversized) || HttpUtil.isKeepAlive(oversized));
    handler.tooLarge(ctx, request, keepAlive);
  }
}
