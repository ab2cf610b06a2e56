package io.jtwisted.benchmarks.reliability;

import io.jtwisted.internet.Reactor;
import io.jtwisted.internet.address.IPAddress;
import io.jtwisted.internet.interfaces.IListeningPort;
import io.jtwisted.internet.interfaces.IReactorTCP;
import io.jtwisted.internet.protocol.Factory;
import io.jtwisted.internet.protocol.Protocol;
import io.jtwisted.python.failure.Failure;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The server of {@code benchmarks/idle.sh}: holds idle connections and answers {@link Probe}'s
 * questions, so the benchmark can measure heap per idle connection. {@code IdleServer
 * jtwisted|netty-nio|nio}: JTwisted (a Protocol per connection that only counts), Netty NIO (one
 * event loop, a handler that only counts) or bare JDK NIO (each accepted channel registered for
 * reading with a selector and nothing else: the JDK's own cost per socket, the floor). Listens on
 * 127.0.0.1 at the system's backlog; prints {@code READY <port>}.
 */
public final class IdleServer {
    private static final AtomicInteger OPEN = new AtomicInteger();

    private IdleServer() {}

    /** Does nothing but count. */
    static final class Idle extends Protocol {
        @Override
        public void connectionMade() {
            OPEN.incrementAndGet();
        }

        @Override
        public void connectionLost(Failure reason) {
            OPEN.decrementAndGet();
        }
    }

    @ChannelHandler.Sharable
    static final class NettyIdle extends ChannelInboundHandlerAdapter {
        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            OPEN.incrementAndGet();
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            OPEN.decrementAndGet();
        }
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "jtwisted" -> {
                Reactor reactor = Reactor.reactor;
                IListeningPort port =
                        reactor.listenTCP(0, Factory.forProtocol(Idle::new), IReactorTCP.DEFAULT_BACKLOG, "127.0.0.1");
                Probe.start(OPEN::get, () -> reactor.callFromThread(reactor::stop));
                ready(IPAddress.portOf(port));
                reactor.run();
            }
            case "netty-nio" -> {
                EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
                Channel server = new ServerBootstrap()
                        .group(group)
                        .channel(NioServerSocketChannel.class)
                        .childHandler(new NettyIdle())
                        .bind(new InetSocketAddress("127.0.0.1", 0))
                        .sync()
                        .channel();
                Probe.start(OPEN::get, server::close);
                ready(((InetSocketAddress) server.localAddress()).getPort());
                server.closeFuture().sync();
                group.shutdownGracefully().sync();
            }
            case "nio" -> bareNio();
            default -> throw new IllegalArgumentException("unknown server " + args[0] + " (jtwisted, netty-nio, nio)");
        }
    }

    private static void bareNio() throws IOException {
        Selector selector = Selector.open();
        ServerSocketChannel server = ServerSocketChannel.open();
        server.bind(new InetSocketAddress("127.0.0.1", 0), 4096);
        server.configureBlocking(false);
        server.register(selector, SelectionKey.OP_ACCEPT);
        java.util.concurrent.atomic.AtomicBoolean quit = new java.util.concurrent.atomic.AtomicBoolean();
        Probe.start(OPEN::get, () -> {
            quit.set(true);
            selector.wakeup();
        });
        ready(((InetSocketAddress) server.getLocalAddress()).getPort());
        while (!quit.get()) {
            selector.select(key -> {
                try {
                    if (key.isAcceptable()) {
                        SocketChannel accepted;
                        while ((accepted = server.accept()) != null) {
                            accepted.configureBlocking(false);
                            accepted.register(selector, SelectionKey.OP_READ);
                            OPEN.incrementAndGet();
                        }
                    } else if (key.isReadable()
                            && ((SocketChannel) key.channel()).read(java.nio.ByteBuffer.allocate(1)) < 0) {
                        key.channel().close();
                        OPEN.decrementAndGet();
                    }
                } catch (IOException e) {
                    key.cancel();
                }
            });
        }
    }

    private static void ready(int port) {
        System.out.println("READY " + port);
        System.out.flush();
    }
}
