package io.jtwisted.examples.docs;

import io.jtwisted.protocols.basic.LineReceiver;
import io.jtwisted.protocols.policies.TimeoutMixin;
import io.jtwisted.python.failure.Failure;

/**
 * docs/protocols.md's TimeoutMixin example, compiled so that the chapter cannot drift from the API
 * (TimeoutMixin's own behaviour is tested in core: TimeoutTest).
 */
class Server extends LineReceiver implements TimeoutMixin {
    private final Timeout timeout = new Timeout(); // new Timeout(clock) in tests

    @Override
    public Timeout timeoutState() {
        return timeout;
    }

    @Override
    public void connectionMade() {
        setTimeout(60);
    } // returns the previous period

    @Override
    public void lineReceived(String line) {
        resetTimeout(); /* ... */
    }

    @Override
    public void connectionLost(Failure reason) {
        setTimeout(null);
    }
    // timeoutConnection() closes the connection by default; override to do something else.
}
