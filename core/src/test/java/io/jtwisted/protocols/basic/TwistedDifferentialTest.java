package io.jtwisted.protocols.basic;

import static org.assertj.core.api.Assertions.assertThat;

import io.jtwisted.internet.protocol.Protocol;
import io.jtwisted.internet.testing.StringTransport;
import io.jtwisted.testing.TwistedPython;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Differential test against the real Twisted 22.4 (python3-twisted): seeded random streams (valid
 * messages, over-long lines, raw-mode switches, malformed netstrings, stray bytes) cut into the same
 * random pieces are fed to each JTwisted parser here and to Twisted's in
 * src/test/resources/differential/twisted_parsers.py; the event sequences (lines, raw chunks
 * with their exact boundaries, strings, length errors, closes) must be identical.
 */
class TwistedDifferentialTest {
    static final String[] KINDS = {"lines", "lineonly", "netstring", "int8", "int16", "int32"};
    static final int CASES_PER_KIND = 150;

    /** Java twin of the Python recorder; MAX_LENGTH 20 everywhere. */
    static Protocol recorder(String kind, List<String> events) {
        HexFormat hex = HexFormat.of();
        return switch (kind) {
            case "lines" ->
                new LineReceiver() {
                    int rawLeft;

                    {
                        MAX_LENGTH = 20;
                    }

                    @Override
                    public void lineReceived(byte[] line) {
                        events.add("L" + hex.formatHex(line));
                        String text = new String(line, StandardCharsets.ISO_8859_1);
                        if (text.startsWith("raw ")) {
                            rawLeft = Integer.parseInt(text.substring(4));
                            setRawMode();
                        }
                    }

                    @Override
                    public void rawDataReceived(byte[] data) {
                        int take = Math.min(rawLeft, data.length);
                        events.add("R" + hex.formatHex(data, 0, take));
                        rawLeft -= take;
                        if (rawLeft == 0) {
                            setLineMode(Arrays.copyOfRange(data, take, data.length));
                        }
                    }

                    @Override
                    public void lineLengthExceeded(byte[] line) {
                        events.add("X" + hex.formatHex(line));
                        super.lineLengthExceeded(line);
                    }
                };
            case "lineonly" ->
                new LineOnlyReceiver() {
                    {
                        MAX_LENGTH = 20;
                    }

                    @Override
                    public void lineReceived(byte[] line) {
                        events.add("L" + hex.formatHex(line));
                    }

                    @Override
                    public void lineLengthExceeded(byte[] line) {
                        events.add("X" + hex.formatHex(line));
                        super.lineLengthExceeded(line);
                    }
                };
            case "netstring" ->
                new NetstringReceiver() {
                    {
                        MAX_LENGTH = 20;
                    }

                    @Override
                    public void stringReceived(byte[] string) {
                        events.add("S" + hex.formatHex(string));
                    }
                };
            default ->
                new IntNStringReceiver(
                        switch (kind) {
                            case "int8" -> 1;
                            case "int16" -> 2;
                            default -> 4;
                        }) {
                    {
                        MAX_LENGTH = 20;
                    }

                    @Override
                    public void stringReceived(byte[] string) {
                        events.add("S" + hex.formatHex(string));
                    }

                    @Override
                    public void lengthLimitExceeded(long length) {
                        events.add("T" + length);
                        super.lengthLimitExceeded(length);
                    }
                };
        };
    }

    static String run(String kind, byte[] stream, List<Integer> cuts) {
        List<String> events = new ArrayList<>();
        Protocol p = recorder(kind, events);
        StringTransport transport = new StringTransport();
        p.makeConnection(transport);
        List<Integer> ends = new ArrayList<>(cuts);
        ends.add(stream.length);
        int start = 0;
        for (int end : ends) {
            if (transport.disconnecting()) {
                break;
            }
            p.dataReceived(Arrays.copyOfRange(stream, start, end));
            start = end;
        }
        if (transport.disconnecting()) {
            events.add("C");
        }
        return String.join(" ", events);
    }

    /** One random piece of input for {@code kind}. */
    static void piece(String kind, Random random, ByteArrayOutputStream out) {
        int choice = random.nextInt(10);
        byte[] body = new byte[random.nextInt(choice == 0 ? 30 : 18)];
        for (int i = 0; i < body.length; i++) {
            // Mostly letters, sometimes delimiter bytes, digits, ':' and ','.
            body[i] =
                    (byte) "abcxyz0123456789:,\r\n\u0000\u00ff".charAt(random.nextInt(random.nextInt(8) == 0 ? 22 : 6));
        }
        switch (kind) {
            case "lines", "lineonly" -> {
                if (kind.equals("lines") && choice == 1) {
                    int n = random.nextInt(12);
                    out.writeBytes(("raw " + n + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                    byte[] raw = new byte[n];
                    random.nextBytes(raw);
                    out.writeBytes(raw);
                } else {
                    out.writeBytes(body);
                    if (choice != 2) {
                        out.writeBytes(random.nextBoolean() ? new byte[] {'\r', '\n'} : new byte[] {'\n'});
                    }
                }
            }
            case "netstring" -> {
                if (choice == 1) {
                    out.writeBytes(body); // most likely malformed
                } else {
                    int length = choice == 2 ? body.length + random.nextInt(3) - 1 : body.length;
                    out.writeBytes((Math.max(0, length) + ":").getBytes(StandardCharsets.ISO_8859_1));
                    out.writeBytes(body);
                    out.write(choice == 3 ? ';' : ',');
                }
            }
            default -> {
                int n = kind.equals("int8") ? 1 : kind.equals("int16") ? 2 : 4;
                for (int i = n - 1; i >= 0; i--) {
                    out.write(i == 0 ? body.length : 0);
                }
                out.writeBytes(body);
            }
        }
    }

    @Test
    void sameEventsAsTwistedOnRandomStreamsAndSegmentations(@TempDir Path dir) throws Exception {
        List<String> kinds = new ArrayList<>();
        List<byte[]> streams = new ArrayList<>();
        List<List<Integer>> cutsList = new ArrayList<>();
        StringBuilder input = new StringBuilder();
        for (String kind : KINDS) {
            for (int c = 0; c < CASES_PER_KIND; c++) {
                Random random = new Random(kind.hashCode() * 1000L + c);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                int pieces = 1 + random.nextInt(8);
                for (int i = 0; i < pieces; i++) {
                    piece(kind, random, out);
                }
                byte[] stream = out.toByteArray();
                List<Integer> cuts = new ArrayList<>();
                int at = 0;
                int maxStep = 1 + random.nextInt(c % 3 == 0 ? 2 : 16);
                while ((at += random.nextInt(maxStep + 1)) < stream.length) {
                    cuts.add(at);
                }
                kinds.add(kind);
                streams.add(stream);
                cutsList.add(cuts);
                input.append(kind)
                        .append(' ')
                        .append(HexFormat.of().formatHex(stream))
                        .append(' ');
                input.append(String.join(",", cuts.stream().map(String::valueOf).toList()))
                        .append('\n');
            }
        }
        Path in = dir.resolve("cases.txt");
        Path out = dir.resolve("events.txt");
        Files.writeString(in, input);
        Path script = Path.of("target", "test-classes", "differential", "twisted_parsers.py");
        String python = TwistedPython.require("TwistedDifferentialTest");
        Process twisted = new ProcessBuilder(python, script.toString(), in.toString(), out.toString())
                .redirectErrorStream(true)
                .start();
        boolean done = twisted.waitFor(60, TimeUnit.SECONDS);
        String pythonOutput = new String(twisted.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!done) {
            twisted.destroyForcibly();
        }
        assertThat(done).as("Twisted finished in time").isTrue();
        assertThat(twisted.exitValue()).as(pythonOutput).isZero();
        List<String> expected = Files.readAllLines(out);
        assertThat(expected).hasSize(streams.size());
        // The generator must reach every kind of event, errors included.
        String all = String.join(" ", expected);
        for (String event : List.of(" L", " R", " X", " S", " T", " C")) {
            assertThat(" " + all)
                    .as("some case produces %s events", event.strip())
                    .contains(event);
        }
        for (int i = 0; i < streams.size(); i++) {
            String actual = run(kinds.get(i), streams.get(i), cutsList.get(i));
            assertThat(actual)
                    .as(
                            "case %d (%s) stream %s cuts %s",
                            i, kinds.get(i), HexFormat.of().formatHex(streams.get(i)), cutsList.get(i))
                    .isEqualTo(expected.get(i));
        }
    }
}
