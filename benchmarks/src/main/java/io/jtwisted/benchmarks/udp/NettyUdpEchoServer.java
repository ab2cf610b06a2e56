package io.jtwisted.benchmarks.udp;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.nio.NioDatagramChannel;
import java.net.InetSocketAddress;

/**
 * The peer of {@link JTwistedUdpEchoServer}: Netty's datagram echo (write the packet's content
 * back to its sender on read, flush on read-complete) on one NIO event loop. Prints
 * {@code READY <port>}.
 */
public final class NettyUdpEchoServer {
    private NettyUdpEchoServer() {}

    @ChannelHandler.Sharable
    static final class EchoHandler extends SimpleChannelInboundHandler<DatagramPacket> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
            ctx.write(new DatagramPacket(packet.content().retain(), packet.sender()));
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            ctx.flush();
        }
    }

    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        try {
            Channel channel = new Bootstrap()
                    .group(group)
                    .channel(NioDatagramChannel.class)
                    .handler(new EchoHandler())
                    .bind(new InetSocketAddress("127.0.0.1", port))
                    .sync()
                    .channel();
            System.out.println("READY " + ((InetSocketAddress) channel.localAddress()).getPort());
            System.out.flush();
            channel.closeFuture().sync();
        } finally {
            group.shutdownGracefully();
        }
    }
}
