package io.jtwisted.benchmarks.tls;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.ReferenceCountUtil;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * The TLS load, the same for every server: a Netty client (JDK provider) on one event loop.
 * {@link #echo}: each connection sends a message and sends the next once it has come back whole.
 * {@link #handshakes}: {@code concurrency} connections at a time, each closed as soon as its full
 * handshake completes (the client keeps no session, so nothing is resumed) and replaced.
 */
final class TlsLoad implements AutoCloseable {
    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final InetSocketAddress server;
    private final SslContext client;
    final AtomicLong completed = new AtomicLong();
    private volatile boolean running = true;
    private final List<Channel> channels = new ArrayList<>();
    private @Nullable ByteBuf payload; // null until echo() runs

    TlsLoad(int port, SslContext client) {
        this.server = new InetSocketAddress("127.0.0.1", port);
        this.client = client;
    }

    private Bootstrap bootstrap(ChannelInboundHandlerAdapter handler) {
        return new Bootstrap()
                .group(group)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(client.newHandler(ch.alloc()), handler);
                    }
                });
    }

    void echo(int connections, int size) throws InterruptedException {
        payload = Unpooled.directBuffer(size).writeZero(size);
        ByteBuf message = Unpooled.unreleasableBuffer(payload);
        for (int i = 0; i < connections; i++) {
            channels.add(bootstrap(new ChannelInboundHandlerAdapter() {
                        long pending;

                        @Override
                        public void channelActive(ChannelHandlerContext ctx) {
                            ctx.writeAndFlush(message.duplicate());
                        }

                        @Override
                        public void channelRead(ChannelHandlerContext ctx, Object msg) {
                            pending += ((ByteBuf) msg).readableBytes();
                            ReferenceCountUtil.release(msg);
                            while (pending >= size) {
                                pending -= size;
                                completed.incrementAndGet();
                                ctx.writeAndFlush(message.duplicate());
                            }
                        }
                    })
                    .connect(server)
                    .sync()
                    .channel());
        }
    }

    void handshakes(int concurrency) {
        for (int i = 0; i < concurrency; i++) {
            nextHandshake();
        }
    }

    private void nextHandshake() {
        if (!running) {
            return;
        }
        bootstrap(new ChannelInboundHandlerAdapter()).connect(server).addListener(connected -> {
            if (!connected.isSuccess()) {
                nextHandshake();
                return;
            }
            Channel ch = ((io.netty.channel.ChannelFuture) connected).channel();
            ch.pipeline().get(SslHandler.class).handshakeFuture().addListener(done -> {
                if (done.isSuccess()) {
                    completed.incrementAndGet();
                }
                ch.close();
            });
            ch.closeFuture().addListener(closed -> nextHandshake());
        });
    }

    @Override
    public void close() {
        running = false;
        for (Channel ch : channels) {
            ch.close();
        }
        group.shutdownGracefully().syncUninterruptibly();
        if (payload != null) {
            payload.release();
        }
    }
}
