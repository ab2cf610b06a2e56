package io.jtwisted.names.authority;

import io.jtwisted.names.dns.Dns;
import io.jtwisted.names.dns.Name;
import io.jtwisted.names.dns.RRHeader;
import io.jtwisted.names.dns.Record;
import io.jtwisted.names.dns.RecordA;
import io.jtwisted.names.dns.RecordAAAA;
import io.jtwisted.names.dns.RecordCAA;
import io.jtwisted.names.dns.RecordCNAME;
import io.jtwisted.names.dns.RecordMX;
import io.jtwisted.names.dns.RecordNAPTR;
import io.jtwisted.names.dns.RecordNS;
import io.jtwisted.names.dns.RecordPTR;
import io.jtwisted.names.dns.RecordSOA;
import io.jtwisted.names.dns.RecordSRV;
import io.jtwisted.names.dns.RecordTXT;
import io.jtwisted.names.dns.UnknownRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An authority reading a BIND zone file (RFC 1035 section 5), as Twisted's {@code BindAuthority}:
 * {@code $ORIGIN}, {@code $TTL}, {@code @}, names relative to the origin, an owner left blank for
 * the previous one, TTL and class in either order, parentheses across lines, {@code ;} comments,
 * quoted strings, and the types A, AAAA, CNAME, NS, PTR, MX, SOA, TXT, SPF (as TXT), SRV, NAPTR,
 * CAA, plus any type in RFC 3597's generic form ({@code TYPE65280 \# 2 abcd}).
 * {@code $INCLUDE} is refused. TTLs may use BIND's units ({@code 1h30m}, {@code 2d}, {@code 1w}).
 *
 * <p>A record without a TTL takes the {@code $TTL}, else the previous record's TTL, else the SOA's
 * minimum (what BIND 8 did).
 */
public class BindAuthority extends FileAuthority {
    /** Reads {@code file}; names are relative to the root until {@code $ORIGIN} says otherwise. */
    public BindAuthority(Path file) throws IOException {
        this(file, "");
    }

    /**
     * Reads {@code file} with relative names completed by {@code origin} until a {@code $ORIGIN}.
     *
     * @throws IOException              if the file cannot be read
     * @throws IllegalArgumentException if it is not a valid zone file (the message names the line)
     */
    @SuppressWarnings("this-escape") // the zone is read at construction, as Twisted's BindAuthority
    public BindAuthority(Path file, String origin) throws IOException {
        super();
        setRecords(parse(Files.readString(file, StandardCharsets.UTF_8), Name.of(origin), file.toString()));
    }

    /** Parses zone-file text; exposed for callers that hold the zone in memory. */
    public static List<RRHeader> parse(String text, Name origin, String source) {
        return new Parser(text, origin, source).records();
    }

    /**
     * Seconds in a BIND duration: digits with optional units s, m, h, d, w (Twisted's
     * {@code str2time} takes one unit; BIND allows several, as {@code 1h30m}).
     *
     * @throws IllegalArgumentException if {@code text} is not a duration
     */
    public static long parseTtl(String text) {
        if (text.isEmpty()) {
            throw new IllegalArgumentException("empty TTL");
        }
        long total = 0;
        long current = -1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                current = (current < 0 ? 0 : current) * 10 + (c - '0');
                if (current > 0xFFFFFFFFL) {
                    throw new IllegalArgumentException("TTL too large: " + text);
                }
                continue;
            }
            long unit = switch (Character.toLowerCase(c)) {
                case 's' -> 1;
                case 'm' -> 60;
                case 'h' -> 3600;
                case 'd' -> 86400;
                case 'w' -> 604800;
                default -> throw new IllegalArgumentException("not a TTL: " + text);
            };
            if (current < 0) {
                throw new IllegalArgumentException("not a TTL: " + text);
            }
            total += current * unit;
            current = -1;
        }
        if (current >= 0) {
            total += current;
        }
        if (total > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("TTL too large: " + text);
        }
        return total;
    }

    static boolean isTtl(String token) {
        if (token.isEmpty() || token.charAt(0) < '0' || token.charAt(0) > '9') {
            return false;
        }
        try {
            parseTtl(token);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** One logical line: its tokens, whether it began with blank space, its first line number. */
    private record Line(List<String> tokens, List<Boolean> quoted, boolean indented, int number) {}

    private static final class Parser {
        private final String text;
        private final String source;
        private Name origin;
        private @Nullable Long defaultTtl; // null until $TTL
        private @Nullable Long lastTtl; // null until the first record
        private @Nullable Name lastOwner;
        private final List<RRHeader> out = new ArrayList<>();

        Parser(String text, Name origin, String source) {
            this.text = text;
            this.origin = origin;
            this.source = source;
        }

        List<RRHeader> records() {
            for (Line line : lines()) {
                try {
                    handle(line);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(source + " line " + line.number + ": " + e.getMessage(), e);
                }
            }
            return out;
        }

        private List<Line> lines() {
            List<Line> lines = new ArrayList<>();
            List<String> tokens = new ArrayList<>();
            List<Boolean> quoted = new ArrayList<>();
            int depth = 0;
            int lineNumber = 1;
            int startLine = 1;
            boolean indented = false;
            boolean atLineStart = true;
            StringBuilder token = null;
            int i = 0;
            int n = text.length();
            while (i <= n) {
                char c = i < n ? text.charAt(i) : '\n';
                if (atLineStart && depth == 0) {
                    indented = c == ' ' || c == '\t';
                    startLine = lineNumber;
                    atLineStart = false;
                }
                if (c == '"') {
                    StringBuilder s = new StringBuilder();
                    i++;
                    while (i < n && text.charAt(i) != '"') {
                        char q = text.charAt(i);
                        if (q == '\\' && i + 1 < n) {
                            s.append(q).append(text.charAt(i + 1));
                            i += 2;
                            continue;
                        }
                        if (q == '\n') {
                            lineNumber++;
                        }
                        s.append(q);
                        i++;
                    }
                    if (i >= n) {
                        throw new IllegalArgumentException(source + " line " + lineNumber + ": unterminated quote");
                    }
                    i++;
                    tokens.add(s.toString());
                    quoted.add(true);
                    continue;
                }
                if (c == ';') {
                    while (i < n && text.charAt(i) != '\n') {
                        i++;
                    }
                    continue;
                }
                boolean separator = c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '(' || c == ')';
                if (!separator) {
                    if (token == null) {
                        token = new StringBuilder();
                    }
                    token.append(c);
                    if (c == '\\' && i + 1 < n) {
                        token.append(text.charAt(++i));
                    }
                    i++;
                    continue;
                }
                if (token != null) {
                    tokens.add(token.toString());
                    quoted.add(false);
                    token = null;
                }
                if (c == '(') {
                    depth++;
                } else if (c == ')') {
                    if (--depth < 0) {
                        throw new IllegalArgumentException(source + " line " + lineNumber + ": unbalanced ')'");
                    }
                } else if (c == '\n') {
                    if (depth == 0) {
                        if (!tokens.isEmpty()) {
                            lines.add(new Line(tokens, quoted, indented, startLine));
                            tokens = new ArrayList<>();
                            quoted = new ArrayList<>();
                        }
                        atLineStart = true;
                    }
                    lineNumber++;
                }
                i++;
            }
            if (depth != 0) {
                throw new IllegalArgumentException(source + ": unbalanced '(' at the end of the file");
            }
            return lines;
        }

        private Name name(String token) {
            if (token.equals("@")) {
                return origin;
            }
            if (token.endsWith(".") && !token.endsWith("\\.")) {
                return Name.of(token);
            }
            return Name.of(token).concat(origin);
        }

        private void handle(Line line) {
            List<String> t = line.tokens;
            String first = t.get(0);
            if (!line.quoted.get(0) && first.startsWith("$")) {
                switch (first.toUpperCase(java.util.Locale.ROOT)) {
                    case "$ORIGIN" -> origin = name(arg(t, 1, "$ORIGIN needs a name"));
                    case "$TTL" -> defaultTtl = parseTtl(arg(t, 1, "$TTL needs a value"));
                    case "$INCLUDE" -> throw new IllegalArgumentException("$INCLUDE is not supported");
                    default -> throw new IllegalArgumentException("unknown directive " + first);
                }
                return;
            }
            int at = 0;
            Name owner;
            if (line.indented) {
                if (lastOwner == null) {
                    throw new IllegalArgumentException("a record without an owner before any owner");
                }
                owner = lastOwner;
            } else {
                owner = name(first);
                at = 1;
            }
            Long ttl = null;
            int cls = Dns.IN;
            for (int k = 0; k < 2 && at < t.size(); k++) {
                String token = t.get(at);
                if (ttl == null && isTtl(token)) {
                    ttl = parseTtl(token);
                    at++;
                } else if (Dns.classOf(token) > 0 && Dns.typeOf(token) < 0) {
                    cls = Dns.classOf(token);
                    at++;
                }
            }
            String typeToken = arg(t, at, "a record needs a type");
            int type = Dns.typeOf(typeToken);
            if (type < 0) {
                throw new IllegalArgumentException("unknown record type " + typeToken);
            }
            List<String> data = t.subList(at + 1, t.size());
            Record payload = record(type, data);
            if (ttl == null) {
                if (defaultTtl != null) {
                    ttl = defaultTtl;
                } else if (payload instanceof RecordSOA soa) {
                    ttl = soa.minimum();
                } else if (lastTtl != null) {
                    ttl = lastTtl;
                } else {
                    throw new IllegalArgumentException("no TTL for the record and no $TTL before it");
                }
            }
            lastOwner = owner;
            lastTtl = ttl;
            out.add(new RRHeader(owner, payload.type(), cls, ttl, payload, true));
        }

        private static String arg(List<String> tokens, int index, String missing) {
            if (index >= tokens.size()) {
                throw new IllegalArgumentException(missing);
            }
            return tokens.get(index);
        }

        private Record record(int type, List<String> d) {
            if (d.size() >= 2 && d.get(0).equals("\\#")) {
                return generic(type, d);
            }
            return switch (type) {
                case Dns.A -> RecordA.of(exactly(d, 1, "A").get(0));
                case Dns.AAAA -> RecordAAAA.of(exactly(d, 1, "AAAA").get(0));
                case Dns.CNAME -> new RecordCNAME(name(exactly(d, 1, "CNAME").get(0)));
                case Dns.NS -> new RecordNS(name(exactly(d, 1, "NS").get(0)));
                case Dns.PTR -> new RecordPTR(name(exactly(d, 1, "PTR").get(0)));
                case Dns.MX -> new RecordMX(number(exactly(d, 2, "MX").get(0)), name(d.get(1)));
                case Dns.SOA -> {
                    exactly(d, 7, "SOA");
                    yield new RecordSOA(
                            name(d.get(0)),
                            name(d.get(1)),
                            parseTtl(d.get(2)),
                            parseTtl(d.get(3)),
                            parseTtl(d.get(4)),
                            parseTtl(d.get(5)),
                            parseTtl(d.get(6)));
                }
                case Dns.TXT, Dns.SPF -> {
                    if (d.isEmpty()) {
                        throw new IllegalArgumentException("TXT needs at least one string");
                    }
                    List<String> strings = new ArrayList<>(d.size());
                    for (String s : d) {
                        strings.add(unescape(s));
                    }
                    yield new RecordTXT(strings);
                }
                case Dns.SRV -> {
                    exactly(d, 4, "SRV");
                    yield new RecordSRV(number(d.get(0)), number(d.get(1)), number(d.get(2)), name(d.get(3)));
                }
                case Dns.NAPTR -> {
                    exactly(d, 6, "NAPTR");
                    yield new RecordNAPTR(
                            number(d.get(0)),
                            number(d.get(1)),
                            unescape(d.get(2)),
                            unescape(d.get(3)),
                            unescape(d.get(4)),
                            name(d.get(5)));
                }
                case Dns.CAA -> {
                    exactly(d, 3, "CAA");
                    yield new RecordCAA(number(d.get(0)), d.get(1), unescape(d.get(2)));
                }
                default ->
                    throw new IllegalArgumentException(
                            Dns.typeName(type) + " records need RFC 3597's generic form: \\# <length> <hex>");
            };
        }

        private static Record generic(int type, List<String> d) {
            int length = number(d.get(1));
            StringBuilder hex = new StringBuilder();
            for (String part : d.subList(2, d.size())) {
                hex.append(part);
            }
            byte[] data = HexFormat.of().parseHex(hex);
            if (data.length != length) {
                throw new IllegalArgumentException("generic record data has " + data.length + " octets, not " + length);
            }
            if (type == Dns.SPF) {
                type = Dns.TXT;
            }
            return new UnknownRecord(type, data);
        }

        private static List<String> exactly(List<String> d, int count, String type) {
            if (d.size() != count) {
                throw new IllegalArgumentException(type + " needs " + count + " fields, not " + d.size());
            }
            return d;
        }

        private static int number(String token) {
            try {
                return Integer.parseInt(token);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a number: " + token, e);
            }
        }

        /** A character-string's escapes: {@code \X} for X, {@code \DDD} for the octet DDD. */
        private static String unescape(String s) {
            if (s.indexOf('\\') < 0) {
                return s;
            }
            StringBuilder out = new StringBuilder(s.length());
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c != '\\' || i + 1 >= s.length()) {
                    out.append(c);
                    continue;
                }
                char next = s.charAt(i + 1);
                if (next >= '0' && next <= '9') {
                    int value = i + 4 <= s.length() ? octet(s, i + 1) : -1;
                    if (value < 0) {
                        throw new IllegalArgumentException("bad \\DDD escape in " + s);
                    }
                    out.append((char) value);
                    i += 3;
                } else {
                    out.append(next);
                    i++;
                }
            }
            return out.toString();
        }

        /** The three decimal digits at {@code at} as an octet, or -1. */
        private static int octet(String s, int at) {
            int value = 0;
            for (int k = at; k < at + 3; k++) {
                char d = s.charAt(k);
                if (d < '0' || d > '9') {
                    return -1;
                }
                value = value * 10 + (d - '0');
            }
            return value <= 255 ? value : -1;
        }
    }
}
