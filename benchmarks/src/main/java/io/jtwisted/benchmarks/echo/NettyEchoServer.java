package io.jtwisted.benchmarks.echo;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.net.InetSocketAddress;

/**
 * The peer of {@link JTwistedEchoServer}: Netty's canonical echo handler (write on read, flush on
 * read-complete) on ONE event loop thread that both accepts and serves, with the NIO or the
 * native epoll transport. Prints {@code READY <port>}. Usage: {@code NettyEchoServer nio|epoll [port]}.
 */
public final class NettyEchoServer {
    private NettyEchoServer() {}

    @ChannelHandler.Sharable
    static final class EchoHandler extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ctx.write(msg);
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            ctx.flush();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }

    /** The echo handler, for servers that put something (TLS) in front of it. */
    public static ChannelHandler handler() {
        return new EchoHandler();
    }

    public static void main(String[] args) throws Exception {
        boolean epoll = args.length > 0 && args[0].equals("epoll");
        int port = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        EventLoopGroup group =
                new MultiThreadIoEventLoopGroup(1, epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
        Class<? extends ServerChannel> channelType =
                epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
        try {
            EchoHandler handler = new EchoHandler();
            Channel server = new ServerBootstrap()
                    .group(group)
                    .channel(channelType)
                    .option(ChannelOption.SO_BACKLOG, 1024)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(handler)
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
