package io.jtwisted.benchmarks.storm;

import io.jtwisted.internet.Reactor;
import io.jtwisted.internet.address.IPAddress;
import io.jtwisted.internet.interfaces.IListeningPort;
import io.jtwisted.internet.interfaces.IReactorTCP;
import io.jtwisted.internet.protocol.Factory;
import io.jtwisted.internet.protocol.Protocol;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.net.InetSocketAddress;

/**
 * The echo servers of the connection-storm benchmark ({@code benchmarks/storm.sh}), each listening
 * on 127.0.0.1 with its library's default backlog unless one is given: {@code StormServer
 * jtwisted|netty-nio PORT [BACKLOG]}. Prints {@code READY <port>} once listening.
 */
public final class StormServer {
    private StormServer() {}

    /** Writes back whatever it receives: the howtos' Echo. */
    static final class Echo extends Protocol {
        @Override
        public void dataReceived(byte[] data) {
            transport.write(data);
        }
    }

    /** Netty's canonical echo handler. */
    @ChannelHandler.Sharable
    static final class NettyEcho extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ctx.write(msg);
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            ctx.flush();
        }
    }

    public static void main(String[] args) throws Exception {
        String kind = args[0];
        int port = Integer.parseInt(args[1]);
        Integer backlog = args.length > 2 ? Integer.valueOf(args[2]) : null;
        switch (kind) {
            case "jtwisted" -> {
                Reactor reactor = Reactor.reactor;
                IListeningPort listening = reactor.listenTCP(
                        port,
                        Factory.forProtocol(Echo::new),
                        backlog != null ? backlog : IReactorTCP.DEFAULT_BACKLOG,
                        "127.0.0.1");
                System.out.println("READY " + IPAddress.portOf(listening));
                System.out.flush();
                reactor.run();
            }
            case "netty-nio" -> {
                EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
                try {
                    ServerBootstrap bootstrap = new ServerBootstrap()
                            .group(group)
                            .channel(NioServerSocketChannel.class)
                            .childHandler(new NettyEcho());
                    if (backlog != null) {
                        bootstrap.option(io.netty.channel.ChannelOption.SO_BACKLOG, backlog);
                    }
                    Channel server = bootstrap
                            .bind(new InetSocketAddress("127.0.0.1", port))
                            .sync()
                            .channel();
                    System.out.println("READY " + ((InetSocketAddress) server.localAddress()).getPort());
                    System.out.flush();
                    server.closeFuture().sync();
                } finally {
                    group.shutdownGracefully();
                }
            }
            default -> throw new IllegalArgumentException("unknown server " + kind + " (jtwisted, netty-nio)");
        }
    }
}
