package io.jtwisted.internet.endpoints;

import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.internet.error.DNSLookupError;
import io.jtwisted.internet.interfaces.IReactorThreads;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;

/** Name resolution on the reactor's thread pool, with the answer delivered on the reactor thread. */
final class Resolution {
    private Resolution() {
    }

    /** Every address of {@code host}, in the resolver's order; fails with {@link DNSLookupError}. */
    static Deferred<List<InetAddress>> resolve(IReactorThreads reactor, String host) {
        Deferred<List<InetAddress>> result = new Deferred<>();
        reactor.callInThread(() -> {
            List<InetAddress> found = null;
            String problem = null;
            try {
                found = Arrays.asList(InetAddress.getAllByName(host));
            } catch (UnknownHostException e) {
                problem = e.getMessage();
            }
            List<InetAddress> addresses = found;
            String error = problem;
            reactor.callFromThread(() -> {
                if (result.called()) {
                    return; // cancelled meanwhile
                }
                if (addresses == null || addresses.isEmpty()) {
                    result.errback(new DNSLookupError("no results for hostname lookup: " + host
                            + (error == null ? "" : " (" + error + ")")));
                } else {
                    result.callback(addresses);
                }
            });
        });
        return result;
    }

    /** True if {@code host} is an IP literal (IPv4 dotted quad, or anything with a colon). */
    static boolean isLiteral(String host) {
        if (host.indexOf(':') >= 0) {
            return true;
        }
        String[] parts = host.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit)) {
                return false;
            }
            if (Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }
}
