package io.jtwisted.internal.tcp;

import io.jtwisted.internet.error.ConnectError;
import io.jtwisted.internet.error.ConnectionRefusedError;
import io.jtwisted.internet.error.NoRouteError;
import io.jtwisted.internet.error.TCPTimedOutError;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;

/** Maps the exception of a failed connect to Twisted's error types, as Twisted's {@code getConnectError}. */
final class ConnectErrors {
    private ConnectErrors() {}

    static ConnectError of(IOException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (e instanceof NoRouteToHostException || message.contains("No route to host")) {
            return new NoRouteError(message, e);
        }
        if (message.contains("Connection refused")) {
            return new ConnectionRefusedError(message, e);
        }
        if (message.contains("timed out")) {
            return new TCPTimedOutError(message, e);
        }
        if (e instanceof ConnectException) {
            return new ConnectError(message, e);
        }
        return new ConnectError(e.toString(), e);
    }
}
