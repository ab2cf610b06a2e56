package io.jtwisted.internet.address;

/**
 * An IPv4 socket address.
 *
 * @param type {@code "TCP"} or {@code "UDP"}
 * @param host the dotted-quad address
 * @param port the port number
 */
public record IPv4Address(String type, String host, int port) implements IPAddress {
    @Override
    public String toString() {
        return "IPv4Address(type='" + type + "', host='" + host + "', port=" + port + ")";
    }
}
