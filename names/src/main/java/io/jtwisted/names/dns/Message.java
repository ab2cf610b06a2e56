package io.jtwisted.names.dns;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A DNS message (Twisted's {@code dns.Message} and, with {@link #edns()}, its {@code _EDNSMessage}):
 * the header fields, the four sections, and the EDNS information of an OPT record. Mutable, like
 * Twisted's: build one, add to its sections, then {@link #toBytes()}; or read one with
 * {@link #fromBytes(byte[])}.
 *
 * <p>{@link #rCode()} is the full response code: with EDNS its upper 8 bits travel in the OPT
 * record. The OPT record never appears in {@link #additional()}; it is {@link #edns()}.
 */
public final class Message {
    private static final int HEADER_LENGTH = 12;

    private int id;
    private boolean answer;
    private int opCode = Dns.OP_QUERY;
    private boolean auth;
    private boolean trunc;
    private boolean recDes;
    private boolean recAv;
    private boolean authenticData;
    private boolean checkingDisabled;
    private int rCode = Dns.OK;
    private final List<Query> queries;
    private final List<RRHeader> answers;
    private final List<RRHeader> authority;
    private final List<RRHeader> additional;
    private @Nullable Edns edns;

    /** An empty query message with id 0. */
    public Message() {
        this(1, 0, 0, 0);
    }

    private Message(int queries, int answers, int authority, int additional) {
        this.queries = new ArrayList<>(queries);
        this.answers = new ArrayList<>(answers);
        this.authority = new ArrayList<>(authority);
        this.additional = new ArrayList<>(additional);
    }

    /** A query for {@code query} with {@code id}, recursion desired. */
    public static Message query(int id, Query query) {
        Message message = new Message();
        message.id(id).recDes(true).queries.add(query);
        return message;
    }

    /**
     * A response to {@code request}: same id, op code, RD and CD bits and questions, QR set, no
     * records yet; EDNS (version 0, 4096 octets) if and only if the request had it.
     */
    public static Message responseTo(Message request) {
        Message response = new Message(request.queries.size(), 4, 1, 1);
        response.id = request.id;
        response.answer = true;
        response.opCode = request.opCode;
        response.recDes = request.recDes;
        response.checkingDisabled = request.checkingDisabled;
        response.queries.addAll(request.queries);
        if (request.edns != null) {
            response.edns = Edns.ofSize(4096);
        }
        return response;
    }

    /** The 16-bit message id, which an answer repeats. */
    public int id() {
        return id;
    }

    /** Sets the 16-bit message id. */
    public Message id(int value) {
        Checks.u16(value, "message id");
        id = value;
        return this;
    }

    /** The QR bit: whether this is a response. */
    public boolean answer() {
        return answer;
    }

    /** Sets the QR bit. */
    public Message answer(boolean value) {
        answer = value;
        return this;
    }

    /** The op code ({@link Dns#OP_QUERY}, ...). */
    public int opCode() {
        return opCode;
    }

    /** Sets the op code (0..15). */
    public Message opCode(int value) {
        if (value < 0 || value > 15) {
            throw new IllegalArgumentException("op code out of range 0..15: " + value);
        }
        opCode = value;
        return this;
    }

    /** The AA bit: the answer comes from an authority for the name. */
    public boolean auth() {
        return auth;
    }

    /** Sets the AA bit. */
    public Message auth(boolean value) {
        auth = value;
        return this;
    }

    /** The TC bit: the message was truncated to fit its transport. */
    public boolean trunc() {
        return trunc;
    }

    /** Sets the TC bit (encoding also sets it when it has to leave records out). */
    public Message trunc(boolean value) {
        trunc = value;
        return this;
    }

    /** The RD bit: recursion desired. */
    public boolean recDes() {
        return recDes;
    }

    /** Sets the RD bit. */
    public Message recDes(boolean value) {
        recDes = value;
        return this;
    }

    /** The RA bit: recursion available. */
    public boolean recAv() {
        return recAv;
    }

    /** Sets the RA bit. */
    public Message recAv(boolean value) {
        recAv = value;
        return this;
    }

    /** The AD bit (RFC 4035). */
    public boolean authenticData() {
        return authenticData;
    }

    /** Sets the AD bit. */
    public Message authenticData(boolean value) {
        authenticData = value;
        return this;
    }

    /** The CD bit (RFC 4035). */
    public boolean checkingDisabled() {
        return checkingDisabled;
    }

    /** Sets the CD bit. */
    public Message checkingDisabled(boolean value) {
        checkingDisabled = value;
        return this;
    }

    /** The response code, including EDNS's extended bits. */
    public int rCode() {
        return rCode;
    }

    /** Sets the response code: 0..15, or up to 4095 when the message has EDNS. */
    public Message rCode(int value) {
        if (value < 0 || value > 0xFFF) {
            throw new IllegalArgumentException("response code out of range 0..4095: " + value);
        }
        rCode = value;
        return this;
    }

    /** The questions (mutable). */
    public List<Query> queries() {
        return queries;
    }

    /** The answer section (mutable). */
    public List<RRHeader> answers() {
        return answers;
    }

    /** The authority section (mutable). */
    public List<RRHeader> authority() {
        return authority;
    }

    /** The additional section, without the OPT record (mutable). */
    public List<RRHeader> additional() {
        return additional;
    }

    /** The EDNS information, or {@code null} if the message has no OPT record. */
    public @Nullable Edns edns() {
        return edns;
    }

    /** Sets or (with {@code null}) removes the EDNS information. */
    public Message edns(@Nullable Edns value) {
        edns = value;
        return this;
    }

    /**
     * The largest UDP answer the sender of this (request) message accepts: its EDNS size, or 512.
     */
    public int maxUdpSize() {
        return edns == null ? Dns.MAX_UDP_SIZE : edns.effectiveUdpSize();
    }

    /** The wire form, whatever its length (for TCP). */
    public byte[] toBytes() {
        return toBytes(0xFFFF);
    }

    /**
     * The wire form, at most {@code maxSize} octets. Records that do not fit are left out from the
     * end, whole; if any answer or authority record is left out, the TC bit is set (leaving out only
     * additional records does not set it, RFC 2181 section 9). The OPT record is always kept.
     *
     * @throws IllegalArgumentException if even the header, questions and OPT record exceed
     *                                  {@code maxSize}, or a record cannot be encoded
     */
    public byte[] toBytes(int maxSize) {
        MessageWriter writer = new MessageWriter(Math.min(512, maxSize));
        for (int i = 0; i < HEADER_LENGTH; i++) {
            writer.writeU8(0);
        }
        for (Query query : queries) {
            writer.writeName(query.name());
            writer.writeU16(query.type());
            writer.writeU16(query.cls());
        }
        int optLength = edns == null ? 0 : 11 + edns.rdataLength();
        if (writer.position() + optLength > maxSize) {
            throw new IllegalArgumentException("questions alone exceed " + maxSize + " octets");
        }
        int[] counts = new int[3];
        boolean truncated = trunc;
        List<List<RRHeader>> sections = List.of(answers, authority, additional);
        outer:
        for (int s = 0; s < 3; s++) {
            for (RRHeader record : sections.get(s)) {
                int before = writer.position();
                RecordCodec.writeRecord(writer, record);
                if (writer.position() + optLength > maxSize) {
                    writer.truncate(before);
                    if (s < 2) {
                        truncated = true;
                    }
                    break outer;
                }
                counts[s]++;
            }
        }
        int additionalCount = counts[2];
        if (edns != null) {
            writeOpt(writer, edns);
            additionalCount++;
        }
        int length = writer.position();
        writer.putU16(0, id);
        int flags = (answer ? 0x8000 : 0)
                | (opCode << 11)
                | (auth ? 0x0400 : 0)
                | (truncated ? 0x0200 : 0)
                | (recDes ? 0x0100 : 0)
                | (recAv ? 0x0080 : 0)
                | (authenticData ? 0x0020 : 0)
                | (checkingDisabled ? 0x0010 : 0)
                | (rCode & 0xF);
        writer.putU16(2, flags);
        writer.putU16(4, queries.size());
        writer.putU16(6, counts[0]);
        writer.putU16(8, counts[1]);
        writer.putU16(10, additionalCount);
        return writer.toBytes(length);
    }

    private void writeOpt(MessageWriter writer, Edns edns) {
        writer.writeU8(0); // the root name
        writer.writeU16(Dns.OPT);
        writer.writeU16(edns.udpPayloadSize());
        writer.writeU8(rCode >>> 4);
        writer.writeU8(edns.version());
        writer.writeU16(edns.dnssecOK() ? 0x8000 : 0);
        writer.writeU16(edns.rdataLength());
        for (EdnsOption option : edns.options()) {
            writer.writeU16(option.code());
            writer.writeU16(option.length());
            writer.writeBytes(option.raw());
        }
    }

    /**
     * Reads a message.
     *
     * @throws DNSDecodeError if the data is not a well-formed message (octets after the last
     *                        record are ignored)
     */
    public static Message fromBytes(byte[] data) {
        return fromBytes(data, 0, data.length);
    }

    /** Reads a message from {@code length} octets of {@code data} at {@code offset}. */
    public static Message fromBytes(byte[] data, int offset, int length) {
        if (offset != 0) {
            // Compression pointers are offsets from the message's start.
            data = java.util.Arrays.copyOfRange(data, offset, offset + length);
        }
        MessageReader reader = new MessageReader(data, 0, length);
        if (length < HEADER_LENGTH) {
            throw new DNSDecodeError("message shorter than its 12-octet header: " + length);
        }
        int id = reader.readU16("header");
        int flags = reader.readU16("header");
        int qd = reader.readU16("header");
        int an = reader.readU16("header");
        int ns = reader.readU16("header");
        int ar = reader.readU16("header");
        // Each question takes at least 5 octets and each record 11: cap the lists' sizes by that.
        int room = length - HEADER_LENGTH;
        Message message = new Message(
                Math.min(qd, room / 5), Math.min(an, room / 11), Math.min(ns, room / 11), Math.min(ar, room / 11));
        message.id = id;
        message.answer = (flags & 0x8000) != 0;
        message.opCode = (flags >>> 11) & 0xF;
        message.auth = (flags & 0x0400) != 0;
        message.trunc = (flags & 0x0200) != 0;
        message.recDes = (flags & 0x0100) != 0;
        message.recAv = (flags & 0x0080) != 0;
        message.authenticData = (flags & 0x0020) != 0;
        message.checkingDisabled = (flags & 0x0010) != 0;
        message.rCode = flags & 0xF;
        for (int i = 0; i < qd; i++) {
            Name name = reader.readName();
            message.queries.add(new Query(name, reader.readU16("question"), reader.readU16("question")));
        }
        readSection(reader, an, message.answers, message, false);
        readSection(reader, ns, message.authority, message, false);
        readSection(reader, ar, message.additional, message, true);
        return message;
    }

    private static void readSection(
            MessageReader reader, int count, List<RRHeader> into, Message message, boolean optAllowed) {
        for (int i = 0; i < count; i++) {
            Name name = reader.readName();
            int type = reader.readU16("record header");
            int cls = reader.readU16("record header");
            long ttl = reader.readU32("record header");
            int length = reader.readU16("record header");
            if (type == Dns.OPT) {
                if (!optAllowed) {
                    throw new DNSDecodeError("OPT record outside the additional section");
                }
                if (message.edns != null) {
                    throw new DNSDecodeError("more than one OPT record");
                }
                if (!name.isRoot()) {
                    throw new DNSDecodeError("OPT record owned by " + name + ", not the root");
                }
                message.edns = readOpt(reader, cls, ttl, length);
                message.rCode |= (int) (ttl >>> 24) << 4;
                continue;
            }
            Record payload = RecordCodec.readData(reader, type, length);
            into.add(new RRHeader(name, type, cls, ttl, payload, false));
        }
    }

    private static Edns readOpt(MessageReader reader, int size, long ttl, int length) {
        if (reader.remaining() < length) {
            throw new DNSDecodeError("message truncated in the OPT record");
        }
        int end = reader.position() + length;
        List<EdnsOption> options = new ArrayList<>();
        while (reader.position() < end) {
            int code = reader.readU16("EDNS option");
            int optionLength = reader.readU16("EDNS option");
            if (reader.position() + optionLength > end) {
                throw new DNSDecodeError("EDNS option runs past the OPT record");
            }
            options.add(new EdnsOption(code, reader.readBytes(optionLength, "EDNS option")));
        }
        int version = (int) (ttl >>> 16) & 0xFF;
        boolean dnssecOK = (ttl & 0x8000) != 0;
        return new Edns(size, version, dnssecOK, options);
    }

    @Override
    public String toString() {
        return "<Message id=" + id + (answer ? " answer" : "") + " opCode=" + opCode + (auth ? " auth" : "")
                + (trunc ? " trunc" : "") + (recDes ? " recDes" : "") + (recAv ? " recAv" : "") + " rCode=" + rCode
                + " queries=" + queries + " answers=" + answers + " authority=" + authority + " additional="
                + additional + (edns == null ? "" : " edns=" + edns) + ">";
    }
}
