package io.jtwisted.names.dns;

import java.util.List;

/**
 * The EDNS(0) information a message carries in its OPT pseudo-record (RFC 6891); Twisted keeps it
 * on its {@code _EDNSMessage}. The extended response code bits live in {@link Message#rCode()}.
 *
 * @param udpPayloadSize the largest UDP response the sender accepts (values below 512 mean 512)
 * @param version        the EDNS version (0)
 * @param dnssecOK       the DO bit
 * @param options        the options, in order
 */
public record Edns(int udpPayloadSize, int version, boolean dnssecOK, List<EdnsOption> options) {
    /** Version 0, no DO bit, no options, advertising {@code udpPayloadSize}. */
    public static Edns ofSize(int udpPayloadSize) {
        return new Edns(udpPayloadSize, 0, false, List.of());
    }

    public Edns {
        Checks.u16(udpPayloadSize, "EDNS UDP payload size");
        Checks.u8(version, "EDNS version");
        options = List.copyOf(options);
    }

    /** The UDP size to honour: the advertised size, never below 512. */
    public int effectiveUdpSize() {
        return Math.max(Dns.MAX_UDP_SIZE, udpPayloadSize);
    }

    int rdataLength() {
        int length = 0;
        for (EdnsOption option : options) {
            length += 4 + option.length();
        }
        return length;
    }
}
