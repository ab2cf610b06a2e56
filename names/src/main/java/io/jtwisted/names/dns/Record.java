package io.jtwisted.names.dns;

/**
 * The data of one resource record (Twisted's {@code IRecord} payloads, {@code Record_A} and the
 * others). Each implementation is an immutable value with {@code equals}; the owner name, class
 * and TTL live in the {@link RRHeader} that carries it.
 */
@SuppressWarnings("JavaLangClash") // Twisted's IRecord; this package never means java.lang.Record by the name
public sealed interface Record
        permits RecordA,
                RecordAAAA,
                RecordCNAME,
                RecordNS,
                RecordPTR,
                RecordMX,
                RecordSOA,
                RecordTXT,
                RecordSRV,
                RecordNAPTR,
                RecordCAA,
                UnknownRecord {
    /** The record type ({@link Dns#A}, {@link Dns#MX}, ...). */
    int type();
}
