package io.jtwisted.web.testing;

import io.jtwisted.internet.task.Clock;
import io.jtwisted.internet.testing.StringTransport;
import io.jtwisted.web.http.HTTPChannel;
import io.jtwisted.web.resource.IResource;
import io.jtwisted.web.server.Site;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** A {@link Site} on a Clock, with a fresh StringTransport connection per {@link #request}. */
public final class SiteHarness {
    public final Clock clock = new Clock();
    public final Site site;
    public StringTransport transport;
    public HTTPChannel channel;

    public SiteHarness(IResource root) {
        site = new Site(root, clock);
    }

    /** Sends {@code rawRequest} on a new connection; returns the one response. */
    public Response request(String rawRequest) {
        List<Response> all = requests(rawRequest, rawRequest.startsWith("HEAD "));
        if (all.size() != 1) {
            throw new AssertionError("expected one response, got " + all.size());
        }
        return all.get(0);
    }

    /** Sends {@code raw} on a new connection; returns every response written. */
    public List<Response> requests(String raw, boolean... headRequests) {
        connect();
        send(raw);
        return Response.parseAll(transport.value(), headRequests);
    }

    /** GET {@code path} with extra header lines ("Name: value"). */
    public Response get(String path, String... headerLines) {
        return request(
                "GET " + path + " HTTP/1.1\r\nHost: example.com\r\n" + String.join("", lines(headerLines)) + "\r\n");
    }

    /** HEAD {@code path} with extra header lines. */
    public Response head(String path, String... headerLines) {
        return request(
                "HEAD " + path + " HTTP/1.1\r\nHost: example.com\r\n" + String.join("", lines(headerLines)) + "\r\n");
    }

    private static String[] lines(String[] headerLines) {
        String[] out = new String[headerLines.length];
        for (int i = 0; i < headerLines.length; i++) {
            out[i] = headerLines[i] + "\r\n";
        }
        return out;
    }

    public void connect() {
        transport = new StringTransport(StringTransport.DEFAULT_HOST, StringTransport.DEFAULT_PEER, true);
        channel = (HTTPChannel) site.buildProtocol(StringTransport.DEFAULT_PEER);
        channel.makeConnection(transport);
    }

    public void send(String raw) {
        channel.dataReceived(raw.getBytes(StandardCharsets.ISO_8859_1));
    }
}
