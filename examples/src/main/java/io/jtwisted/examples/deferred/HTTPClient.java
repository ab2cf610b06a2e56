package io.jtwisted.examples.deferred;

import io.jtwisted.examples.Example;
import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.internet.protocol.Protocol;
import io.jtwisted.internet.testing.StringTransport;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * The howtos' cancellable Deferred: an HTTP client whose request Deferred is cancelled by aborting
 * the connection. Run on a test transport, it prints {@code sent: GET / HTTP/1.0},
 * {@code request failed: the Deferred was cancelled} and {@code connection aborted: true}.
 */
@Example("A cancellable Deferred: cancelling aborts the connection")
public class HTTPClient extends Protocol {
    private @Nullable Deferred<String> resultDeferred;

    public Deferred<String> request(String method, String path) {
        resultDeferred = new Deferred<>(ignore -> transport.abortConnection());
        String request = method + " " + path + " HTTP/1.0\r\n\r\n";
        transport.write(request.getBytes(StandardCharsets.US_ASCII));
        return resultDeferred;
    }

    @Override
    public void dataReceived(byte[] data) {
        // ... parse HTTP response ...
        // ... eventually call resultDeferred.callback() ...
    }

    public static void main(String[] args) {
        StringTransport transport = new StringTransport();
        HTTPClient client = new HTTPClient();
        client.makeConnection(transport);

        @SuppressWarnings("NullAway") // retyped: the errback below turns a failure into null
        Deferred<@Nullable String> response = client.request("GET", "/");
        System.out.println("sent: " + transport.valueString().strip());
        response.addErrback(failure -> {
            System.out.println("request failed: " + failure.getErrorMessage());
            return null;
        });
        response.cancel();
        System.out.println("connection aborted: " + transport.aborted());
    }
}
