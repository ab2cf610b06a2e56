package io.jtwisted.web.http;

import io.jtwisted.internet.task.Clock;
import io.jtwisted.internet.testing.StringTransport;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * An {@link HTTPChannel} on a {@link StringTransport} with a {@link Clock}: feed it bytes, read
 * what it wrote. Requests are answered by {@link #handler}, which every test may replace.
 */
final class ChannelHarness {
    final Clock clock = new Clock();
    final HTTPFactory factory = new HTTPFactory(clock);
    final StringTransport transport =
            new StringTransport(StringTransport.DEFAULT_HOST, StringTransport.DEFAULT_PEER, true);
    final List<Request> requests = new ArrayList<>();
    Consumer<Request> handler = r -> {
        byte[] body = ("path=" + r.path() + " body=" + new String(r.content(), StandardCharsets.ISO_8859_1))
                .getBytes(StandardCharsets.ISO_8859_1);
        r.setHeader("Content-Length", Integer.toString(body.length));
        r.write(body);
        r.finish();
    };
    HTTPChannel channel;

    ChannelHarness() {
        factory.setRequestFactory(ch -> new Request(ch) {
            @Override
            protected void process() {
                requests.add(this);
                handler.accept(this);
            }
        });
    }

    ChannelHarness connect() {
        channel = (HTTPChannel) factory.buildProtocol(StringTransport.DEFAULT_PEER);
        channel.makeConnection(transport);
        return this;
    }

    void send(String text) {
        channel.dataReceived(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Feeds {@code text} one byte per dataReceived call. */
    void sendByteByByte(String text) {
        for (byte b : text.getBytes(StandardCharsets.ISO_8859_1)) {
            channel.dataReceived(new byte[] {b});
        }
    }

    String written() {
        return transport.valueString();
    }

    /** The status line of every response written so far. */
    List<String> statusLines() {
        List<String> lines = new ArrayList<>();
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("HTTP/1\\.[01] [0-9]{3} [^\r]*").matcher(written());
        while (m.find()) {
            lines.add(m.group());
        }
        return lines;
    }
}
