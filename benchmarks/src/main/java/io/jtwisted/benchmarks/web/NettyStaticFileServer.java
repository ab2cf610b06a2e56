package io.jtwisted.benchmarks.web;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.DefaultFileRegion;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.stream.ChunkedWriteHandler;
import java.io.RandomAccessFile;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The Netty peer of {@code benchmarks/web.sh}, in the shape of Netty's own {@code
 * HttpStaticFileServer} example: {@code HttpServerCodec}, {@code HttpObjectAggregator}, {@code
 * ChunkedWriteHandler}, and a handler that stats the file, writes the head with {@code
 * Content-Length}, {@code Last-Modified}, {@code Date}, {@code Content-Type}, then the body as a
 * {@link DefaultFileRegion} (sendfile), keeping the connection alive. One event loop thread, epoll
 * when available. Prints {@code READY <port>}. Usage: {@code NettyStaticFileServer DIR [port]}.
 */
public final class NettyStaticFileServer {
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private NettyStaticFileServer() {}

    static final class Handler extends SimpleChannelInboundHandler<FullHttpRequest> {
        private final Path root;

        Handler(Path root) {
            this.root = root;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) throws Exception {
            String uri = request.uri();
            int q = uri.indexOf('?');
            String path = q < 0 ? uri : uri.substring(0, q);
            Path file = root.resolve(path.substring(1)).normalize();
            boolean keepAlive = HttpUtil.isKeepAlive(request);
            if (path.contains("..") || !file.startsWith(root) || !Files.isRegularFile(file)) {
                DefaultFullHttpResponse notFound =
                        new DefaultFullHttpResponse(request.protocolVersion(), HttpResponseStatus.NOT_FOUND);
                notFound.headers().set(HttpHeaderNames.CONTENT_LENGTH, 0);
                finish(ctx.writeAndFlush(notFound), keepAlive);
                return;
            }
            RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r");
            long length = raf.length();
            HttpResponse response = new DefaultHttpResponse(request.protocolVersion(), HttpResponseStatus.OK);
            response.headers()
                    .set(HttpHeaderNames.CONTENT_LENGTH, length)
                    .set(
                            HttpHeaderNames.CONTENT_TYPE,
                            path.endsWith(".html") ? "text/html" : "application/octet-stream")
                    .set(HttpHeaderNames.DATE, HTTP_DATE.format(java.time.Instant.now()))
                    .set(
                            HttpHeaderNames.LAST_MODIFIED,
                            HTTP_DATE.format(Files.getLastModifiedTime(file).toInstant()));
            if (keepAlive && !request.protocolVersion().isKeepAliveDefault()) {
                response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
            }
            ctx.write(response);
            ctx.write(new DefaultFileRegion(raf.getChannel(), 0, length));
            finish(ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT), keepAlive);
        }

        private static void finish(ChannelFuture last, boolean keepAlive) {
            if (!keepAlive) {
                last.addListener(ChannelFutureListener.CLOSE);
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }

    /** The static-file pipeline for each connection: HTTP codec, aggregation, chunked writes, {@link Handler}. */
    static ChannelInitializer<SocketChannel> pipeline(Path root) {
        return new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel ch) {
                ch.pipeline()
                        .addLast(
                                new HttpServerCodec(),
                                new HttpObjectAggregator(65536),
                                new ChunkedWriteHandler(),
                                new Handler(root));
            }
        };
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]).toAbsolutePath().normalize();
        int port = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        boolean epoll = Epoll.isAvailable();
        EventLoopGroup group =
                new MultiThreadIoEventLoopGroup(1, epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
        Class<? extends ServerChannel> channelType =
                epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
        try {
            Channel server = new ServerBootstrap()
                    .group(group)
                    .channel(channelType)
                    .option(ChannelOption.SO_BACKLOG, 1024)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(pipeline(root))
                    .bind(new InetSocketAddress("127.0.0.1", port))
                    .sync()
                    .channel();
            System.out.println(
                    "READY " + ((InetSocketAddress) server.localAddress()).getPort() + (epoll ? " epoll" : " nio"));
            System.out.flush();
            server.closeFuture().sync();
        } finally {
            group.shutdownGracefully();
        }
    }
}
