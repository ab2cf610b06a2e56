package io.jtwisted.internet.error;

/** Joining a multicast group failed, as Twisted's {@code MulticastJoinError}. */
public class MulticastJoinError extends RuntimeException {
    public MulticastJoinError(String group, String iface, Throwable cause) {
        super(
                "could not join multicast group " + group + " on interface '" + iface + "': "
                        + (cause == null ? "unknown error" : cause.getMessage()),
                cause);
    }
}
