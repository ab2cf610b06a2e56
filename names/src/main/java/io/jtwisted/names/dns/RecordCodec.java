package io.jtwisted.names.dns;

/** The record data formats: one switch each way, over the sealed {@link Record} types. */
final class RecordCodec {
    private RecordCodec() {}

    /** Writes one resource record: owner, type, class, TTL, data length and data. */
    static void writeRecord(MessageWriter writer, RRHeader record) {
        writer.writeName(record.name());
        writer.writeU16(record.type());
        writer.writeU16(record.cls());
        writer.writeU32(record.ttl());
        int lengthAt = writer.position();
        writer.writeU16(0);
        writeData(writer, record.payload());
        int length = writer.position() - lengthAt - 2;
        if (length > 0xFFFF) {
            throw new IllegalArgumentException("record data longer than 65535 octets: " + record);
        }
        writer.putU16(lengthAt, length);
    }

    private static void writeData(MessageWriter writer, Record payload) {
        switch (payload) {
            case RecordA a -> writer.writeU32(a.address() & 0xFFFFFFFFL);
            case RecordAAAA aaaa -> {
                writer.writeU32(aaaa.high() >>> 32);
                writer.writeU32(aaaa.high() & 0xFFFFFFFFL);
                writer.writeU32(aaaa.low() >>> 32);
                writer.writeU32(aaaa.low() & 0xFFFFFFFFL);
            }
            case RecordCNAME r -> writer.writeName(r.name());
            case RecordNS r -> writer.writeName(r.name());
            case RecordPTR r -> writer.writeName(r.name());
            case RecordMX mx -> {
                writer.writeU16(mx.preference());
                writer.writeName(mx.name());
            }
            case RecordSOA soa -> {
                writer.writeName(soa.mname());
                writer.writeName(soa.rname());
                writer.writeU32(soa.serial());
                writer.writeU32(soa.refresh());
                writer.writeU32(soa.retry());
                writer.writeU32(soa.expire());
                writer.writeU32(soa.minimum());
            }
            case RecordTXT txt -> {
                for (String s : txt.data()) {
                    writer.writeCharacterString(Checks.octets(s));
                }
            }
            case RecordSRV srv -> {
                writer.writeU16(srv.priority());
                writer.writeU16(srv.weight());
                writer.writeU16(srv.port());
                writer.writeNameUncompressed(srv.target());
            }
            case RecordNAPTR naptr -> {
                writer.writeU16(naptr.order());
                writer.writeU16(naptr.preference());
                writer.writeCharacterString(Checks.octets(naptr.flags()));
                writer.writeCharacterString(Checks.octets(naptr.service()));
                writer.writeCharacterString(Checks.octets(naptr.regexp()));
                writer.writeNameUncompressed(naptr.replacement());
            }
            case RecordCAA caa -> {
                writer.writeU8(caa.flags());
                writer.writeCharacterString(Checks.octets(caa.tag()));
                writer.writeBytes(Checks.octets(caa.value()));
            }
            case UnknownRecord unknown -> unknown.writeTo(writer);
        }
    }

    /** Reads {@code length} octets of data of {@code type}; they must be consumed exactly. */
    static Record readData(MessageReader reader, int type, int length) {
        int end = reader.position() + length;
        if (reader.remaining() < length) {
            throw new DNSDecodeError("message truncated in record data");
        }
        Record record = switch (type) {
            case Dns.A -> {
                requireLength(length, 4, "A");
                yield new RecordA((int) reader.readU32("A"));
            }
            case Dns.AAAA -> {
                requireLength(length, 16, "AAAA");
                long high = reader.readU32("AAAA") << 32 | reader.readU32("AAAA");
                long low = reader.readU32("AAAA") << 32 | reader.readU32("AAAA");
                yield new RecordAAAA(high, low);
            }
            case Dns.CNAME -> new RecordCNAME(reader.readName());
            case Dns.NS -> new RecordNS(reader.readName());
            case Dns.PTR -> new RecordPTR(reader.readName());
            case Dns.MX -> new RecordMX(reader.readU16("MX"), reader.readName());
            case Dns.SOA ->
                new RecordSOA(
                        reader.readName(),
                        reader.readName(),
                        reader.readU32("SOA"),
                        reader.readU32("SOA"),
                        reader.readU32("SOA"),
                        reader.readU32("SOA"),
                        reader.readU32("SOA"));
            case Dns.TXT -> {
                if (length == 0) {
                    throw new DNSDecodeError("TXT record with no string");
                }
                java.util.ArrayList<String> strings = new java.util.ArrayList<>();
                while (reader.position() < end) {
                    strings.add(Checks.text(reader.readCharacterString("TXT")));
                }
                yield new RecordTXT(strings);
            }
            case Dns.SRV ->
                new RecordSRV(reader.readU16("SRV"), reader.readU16("SRV"), reader.readU16("SRV"), reader.readName());
            case Dns.NAPTR ->
                new RecordNAPTR(
                        reader.readU16("NAPTR"),
                        reader.readU16("NAPTR"),
                        Checks.text(reader.readCharacterString("NAPTR")),
                        Checks.text(reader.readCharacterString("NAPTR")),
                        Checks.text(reader.readCharacterString("NAPTR")),
                        reader.readName());
            case Dns.CAA -> {
                int flags = reader.readU8("CAA");
                byte[] tag = reader.readCharacterString("CAA");
                if (tag.length == 0) {
                    throw new DNSDecodeError("CAA record with an empty tag");
                }
                int valueLength = end - reader.position();
                if (valueLength < 0) {
                    throw new DNSDecodeError("CAA record data shorter than its tag");
                }
                yield new RecordCAA(flags, Checks.text(tag), Checks.text(reader.readBytes(valueLength, "CAA")));
            }
            default -> new UnknownRecord(type, reader.readBytes(length, "record data"));
        };
        if (reader.position() != end) {
            throw new DNSDecodeError(Dns.typeName(type) + " record data is " + length + " octets, but its fields take "
                    + (reader.position() - end + length));
        }
        return record;
    }

    private static void requireLength(int length, int expected, String type) {
        if (length != expected) {
            throw new DNSDecodeError(type + " record data must be " + expected + " octets, not " + length);
        }
    }
}
