package io.jtwisted.benchmarks.web;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.net.InetSocketAddress;
import java.nio.file.Path;

/**
 * The Netty peer of {@link GroupWebServer}: {@link NettyStaticFileServer}'s pipeline and handler on N event
 * loops (one group that accepts on one loop and hands each connection to the next, Netty's usual set-up),
 * NIO or epoll. Prints {@code READY <port>}. Usage: {@code NettyGroupWebServer DIR nio|epoll N [port]}.
 */
public final class NettyGroupWebServer {
    private NettyGroupWebServer() {}

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]).toAbsolutePath().normalize();
        boolean epoll = args[1].equals("epoll");
        int loops = Integer.parseInt(args[2]);
        int port = args.length > 3 ? Integer.parseInt(args[3]) : 0;
        EventLoopGroup group =
                new MultiThreadIoEventLoopGroup(loops, epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
        Class<? extends ServerChannel> channelType =
                epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
        try {
            Channel server = new ServerBootstrap()
                    .group(group)
                    .channel(channelType)
                    .option(ChannelOption.SO_BACKLOG, 1024)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(NettyStaticFileServer.pipeline(root))
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
}
