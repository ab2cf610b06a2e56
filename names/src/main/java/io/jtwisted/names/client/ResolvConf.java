package io.jtwisted.names.client;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The name servers of a resolv.conf(5) file: its {@code nameserver} lines, in order, on port 53
 * (Twisted's {@code Resolver.parseConfig}). Other lines ({@code search}, {@code options}) are
 * ignored; so are addresses that are not IP literals.
 */
public final class ResolvConf {
    private ResolvConf() {}

    /** The servers {@code file} names; none if it does not exist. */
    public static List<InetSocketAddress> servers(Path file) throws IOException {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return List.of();
        }
    }

    /** The servers named in resolv.conf-format {@code text}. */
    public static List<InetSocketAddress> parse(String text) {
        List<InetSocketAddress> servers = new ArrayList<>();
        for (String line : text.split("\n")) {
            String[] fields = line.strip().split("\\s+");
            if (fields.length >= 2 && fields[0].equals("nameserver") && isLiteral(fields[1])) {
                servers.add(InetSocketAddress.createUnresolved(fields[1], 53)); // kept as written: no lookup
            }
        }
        return servers;
    }

    private static boolean isLiteral(String address) {
        if (address.indexOf(':') >= 0) {
            return address.indexOf('%') < 0;
        }
        return io.jtwisted.names.dns.RecordA.isDottedQuad(address);
    }
}
