package io.jtwisted.names.dns;

/**
 * The constants of Twisted's {@code twisted.names.dns} module: record types, classes, op codes,
 * response codes and the standard port. {@code dns.A} in Twisted is {@code Dns.A} here.
 */
public final class Dns {
    private Dns() {}

    /** The DNS port. */
    public static final int PORT = 53;

    // Record types (RFC 1035, 3596, 2782, 3403, 6891, 8659).
    public static final int A = 1;
    public static final int NS = 2;
    public static final int CNAME = 5;
    public static final int SOA = 6;
    public static final int NULL = 10;
    public static final int WKS = 11;
    public static final int PTR = 12;
    public static final int HINFO = 13;
    public static final int MX = 15;
    public static final int TXT = 16;
    public static final int AAAA = 28;
    public static final int SRV = 33;
    public static final int NAPTR = 35;
    public static final int OPT = 41;
    public static final int SPF = 99;
    public static final int CAA = 257;
    // Query-only types.
    public static final int IXFR = 251;
    public static final int AXFR = 252;
    public static final int MAILB = 253;
    public static final int MAILA = 254;
    public static final int ALL_RECORDS = 255;

    // Classes.
    public static final int IN = 1;
    public static final int CS = 2;
    public static final int CH = 3;
    public static final int HS = 4;
    public static final int ANY = 255;

    // Op codes.
    public static final int OP_QUERY = 0;
    public static final int OP_INVERSE = 1;
    public static final int OP_STATUS = 2;
    public static final int OP_NOTIFY = 4;
    public static final int OP_UPDATE = 5;

    // Response codes, named as in Twisted.
    public static final int OK = 0;
    /** FORMERR. */
    public static final int EFORMAT = 1;
    /** SERVFAIL. */
    public static final int ESERVER = 2;
    /** NXDOMAIN. */
    public static final int ENAME = 3;
    /** NOTIMP. */
    public static final int ENOTIMP = 4;
    /** REFUSED. */
    public static final int EREFUSED = 5;
    /** BADVERS (EDNS: needs the extended code bits). */
    public static final int EBADVERSION = 16;

    /** The largest UDP message a client without EDNS accepts (RFC 1035). */
    public static final int MAX_UDP_SIZE = 512;

    /** The mnemonic of a record type ({@code "A"}, {@code "MX"}), or {@code "TYPE<n>"} (RFC 3597). */
    public static String typeName(int type) {
        return switch (type) {
            case A -> "A";
            case NS -> "NS";
            case CNAME -> "CNAME";
            case SOA -> "SOA";
            case NULL -> "NULL";
            case WKS -> "WKS";
            case PTR -> "PTR";
            case HINFO -> "HINFO";
            case MX -> "MX";
            case TXT -> "TXT";
            case AAAA -> "AAAA";
            case SRV -> "SRV";
            case NAPTR -> "NAPTR";
            case OPT -> "OPT";
            case SPF -> "SPF";
            case CAA -> "CAA";
            case IXFR -> "IXFR";
            case AXFR -> "AXFR";
            case MAILB -> "MAILB";
            case MAILA -> "MAILA";
            case ALL_RECORDS -> "ANY";
            default -> "TYPE" + type;
        };
    }

    /**
     * The type a mnemonic names, case-insensitively, including {@code TYPE<n>}; {@code -1} if none.
     */
    public static int typeOf(String name) {
        String upper = name.toUpperCase(java.util.Locale.ROOT);
        switch (upper) {
            case "A":
                return A;
            case "NS":
                return NS;
            case "CNAME":
                return CNAME;
            case "SOA":
                return SOA;
            case "NULL":
                return NULL;
            case "WKS":
                return WKS;
            case "PTR":
                return PTR;
            case "HINFO":
                return HINFO;
            case "MX":
                return MX;
            case "TXT":
                return TXT;
            case "AAAA":
                return AAAA;
            case "SRV":
                return SRV;
            case "NAPTR":
                return NAPTR;
            case "OPT":
                return OPT;
            case "SPF":
                return SPF;
            case "CAA":
                return CAA;
            case "IXFR":
                return IXFR;
            case "AXFR":
                return AXFR;
            case "MAILB":
                return MAILB;
            case "MAILA":
                return MAILA;
            case "ANY":
                return ALL_RECORDS;
            default:
                return upper.startsWith("TYPE") ? parseCode(upper.substring(4)) : -1;
        }
    }

    /** The mnemonic of a class ({@code "IN"}), or {@code "CLASS<n>"}. */
    public static String className(int cls) {
        return switch (cls) {
            case IN -> "IN";
            case CS -> "CS";
            case CH -> "CH";
            case HS -> "HS";
            case ANY -> "ANY";
            default -> "CLASS" + cls;
        };
    }

    /** The class a mnemonic names, case-insensitively, including {@code CLASS<n>}; {@code -1} if none. */
    public static int classOf(String name) {
        String upper = name.toUpperCase(java.util.Locale.ROOT);
        return switch (upper) {
            case "IN" -> IN;
            case "CS" -> CS;
            case "CH" -> CH;
            case "HS" -> HS;
            case "ANY" -> ANY;
            default -> upper.startsWith("CLASS") ? parseCode(upper.substring(5)) : -1;
        };
    }

    private static int parseCode(String digits) {
        if (digits.isEmpty() || digits.length() > 5) {
            return -1;
        }
        int value = 0;
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value <= 0xFFFF ? value : -1;
    }
}
