package io.jtwisted.benchmarks.tls;

import io.jtwisted.benchmarks.echo.NettyEchoServer;
import io.jtwisted.internet.ssl.PrivateCertificate;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The peer of {@link JTwistedTlsEchoServer}: Netty's echo handler behind an {@code SslHandler}
 * with the JDK provider (the same SSLEngine JTwisted uses), TLS 1.3 and 1.2, on one NIO event
 * loop thread. Prints {@code READY <port>}. Usage: {@code NettyTlsEchoServer KEY_AND_CERT.pem [port]}.
 */
public final class NettyTlsEchoServer {
    private NettyTlsEchoServer() {}

    public static void main(String[] args) throws Exception {
        PrivateCertificate certificate = PrivateCertificate.loadPEM(Files.readString(Path.of(args[0])));
        int port = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        SslContext context = SslContextBuilder.forServer(certificate.privateKey(), certificate.x509())
                .sslProvider(SslProvider.JDK)
                .protocols("TLSv1.3", "TLSv1.2")
                .build();
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        try {
            Channel server = new ServerBootstrap()
                    .group(group)
                    .channel(NioServerSocketChannel.class)
                    .option(ChannelOption.SO_BACKLOG, 1024)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            ch.pipeline().addLast(context.newHandler(ch.alloc()), NettyEchoServer.handler());
                        }
                    })
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
