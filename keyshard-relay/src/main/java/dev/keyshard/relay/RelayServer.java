package dev.keyshard.relay;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.DefaultEventExecutorGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutorGroup;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * The relay: an HTTP/1.1 server (Netty) speaking Vultisig's relay API over a {@link RelayStore}.
 * It sees only what clients send it — end-to-end encrypted bodies — and logs only methods, route
 * templates, statuses and timings: never ids, bodies or headers.
 *
 * <p>Threads: one event loop per core (epoll on Linux, NIO elsewhere) takes connections and parses, answers and writes requests.
 * An in-memory store answers on the event loop itself (no hand-off, no thread switch: the
 * relay's hot path, see README "Relay and multi-device sessions"); a store that waits on a
 * network ({@link RelayStore#waitsOnNetwork}, Redis) gets a pool of request threads instead, so a
 * slow round trip never stalls the other connections of its event loop.
 */
public final class RelayServer implements AutoCloseable {
  /** Idle keep-alive connections are closed after this long, as Jetty's default did. */
  static final int IDLE_SECONDS = 30;
  private static final int MAX_REQUEST_LINE = 8192;
  private static final int MAX_HEADERS = 8192;
  /**
   * Linux's epoll when Netty's native library loads (x86-64 Linux; {@code
   * -Dio.netty.transport.noNative=true} turns it off), else the JDK's NIO.
   */
  static final boolean EPOLL = Epoll.isAvailable();

  private final RelayStore store;
  private final RelayMetrics metrics = new RelayMetrics();
  private final RelayHttpHandler handler;
  private final int maxBodyBytes;
  private final EventLoopGroup loops;
  private final EventExecutorGroup requestThreads;
  private Channel listening;

  /**
   * @param storeName shown by {@code /health} ("memory", "redis")
   */
  public RelayServer(RelayStore store, RelayLimits limits, String storeName) {
    this.store = Objects.requireNonNull(store, "store");
    this.handler = new RelayHttpHandler(new RelayRoutes(store, metrics, storeName), metrics);
    this.maxBodyBytes = (int) Math.min(Integer.MAX_VALUE, limits.maxBodyBytes());
    int cores = Runtime.getRuntime().availableProcessors();
    this.loops = new MultiThreadIoEventLoopGroup(cores,
        new DefaultThreadFactory("relay-io", true),
        EPOLL ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
    this.requestThreads = store.waitsOnNetwork()
        ? new DefaultEventExecutorGroup(Math.max(16, 8 * cores),
            new DefaultThreadFactory("relay-request", true))
        : null;
  }

  /** Starts listening; port 0 picks a free one. A port that cannot be bound is an exception. */
  public RelayServer start(String host, int port) {
    ChannelFuture bound = new ServerBootstrap()
        .group(loops)
        .channel(EPOLL ? EpollServerSocketChannel.class : NioServerSocketChannel.class)
        .option(ChannelOption.SO_BACKLOG, 1024)
        .childOption(ChannelOption.TCP_NODELAY, true)
        .childHandler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel ch) {
            ChannelPipeline p = ch.pipeline();
            p.addLast(new IdleStateHandler(0, 0, IDLE_SECONDS, TimeUnit.SECONDS));
            p.addLast(new HttpServerCodec(MAX_REQUEST_LINE, MAX_HEADERS, 8192));
            p.addLast(new BodyLimit(maxBodyBytes, handler));
            if (requestThreads != null) {
              p.addLast(requestThreads, handler);
            } else {
              p.addLast(handler);
            }
          }
        })
        .bind(host, port)
        .awaitUninterruptibly();
    if (!bound.isSuccess()) {
      shutdown();
      Throwable cause = bound.cause();
      throw cause instanceof java.io.IOException io ? new UncheckedIOException(io)
          : new IllegalStateException("cannot listen", cause);
    }
    listening = bound.channel();
    return this;
  }

  /** The port listened on (after {@link #start}). */
  public int port() {
    return ((InetSocketAddress) listening.localAddress()).getPort();
  }

  @Override
  public void close() {
    if (listening != null) {
      listening.close().awaitUninterruptibly();
    }
    shutdown();
    store.close();
  }

  private void shutdown() {
    loops.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
    if (requestThreads != null) {
      requestThreads.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
    }
  }
}
