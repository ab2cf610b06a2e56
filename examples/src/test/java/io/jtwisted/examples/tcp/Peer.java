package io.jtwisted.examples.tcp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** Blocking socket helpers for the example tests, every wait bounded by a timeout. */
final class Peer {
    static final int TIMEOUT_MS = 15_000;

    private Peer() {}

    /** The port in a line such as "Echo server listening on port 41234[, ...]". */
    static int portIn(String line) {
        String rest = line.substring(line.indexOf("port ") + 5);
        int end = 0;
        while (end < rest.length() && Character.isDigit(rest.charAt(end))) {
            end++;
        }
        return Integer.parseInt(rest.substring(0, end));
    }

    static Socket connect(int port) throws IOException {
        Socket s = new Socket();
        s.connect(new InetSocketAddress("127.0.0.1", port), TIMEOUT_MS);
        s.setSoTimeout(TIMEOUT_MS);
        return s;
    }

    static ServerSocket listen() throws IOException {
        ServerSocket server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress("127.0.0.1", 0));
        server.setSoTimeout(TIMEOUT_MS);
        return server;
    }

    static ServerSocket listen(int port) throws IOException {
        ServerSocket server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress("127.0.0.1", port));
        server.setSoTimeout(TIMEOUT_MS);
        return server;
    }

    static Socket accept(ServerSocket server) throws IOException {
        Socket s = server.accept();
        s.setSoTimeout(TIMEOUT_MS);
        return s;
    }

    /** Everything until the peer closes. */
    static String readToEnd(Socket s) throws IOException {
        InputStream in = s.getInputStream();
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        in.transferTo(all);
        return all.toString(StandardCharsets.UTF_8);
    }

    /** Exactly {@code n} bytes. */
    static String read(Socket s, int n) throws IOException {
        byte[] data = s.getInputStream().readNBytes(n);
        return new String(data, StandardCharsets.UTF_8);
    }

    static void send(Socket s, String text) throws IOException {
        s.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
        s.getOutputStream().flush();
    }
}
