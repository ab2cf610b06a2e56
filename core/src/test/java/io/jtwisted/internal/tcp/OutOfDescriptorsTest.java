package io.jtwisted.internal.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.jtwisted.internal.reactor.NioReactor;
import io.jtwisted.internal.tcp.TcpTestSupport.KeepingFactory;
import io.jtwisted.internal.tcp.TcpTestSupport.RecordingClientFactory;
import io.jtwisted.logger.ILogObserver;
import io.jtwisted.logger.LogEvent;
import io.jtwisted.logger.LogPublisher;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Running out of file descriptors on accept (EMFILE): the port logs once, stops asking for
 * OP_ACCEPT (no busy loop), and accepts again after a delay. The first case simulates the
 * failure by replacing the port's accept function; the second makes it real, in a child JVM
 * started under {@code ulimit -n 128} ({@link DescriptorLimitedServer}) and stormed with 1,000
 * connections.
 * Twisted (twisted/internet/test/test_tcp.py test_closePeerOnEMFILE) instead keeps a reserved
 * descriptor to accept-and-close the waiting peer; JTwisted backs off, as its issue asks, so a
 * burst of connections is served once descriptors free up instead of being dropped.
 */
class OutOfDescriptorsTest {
    @Test
    void acceptBacksOffLogsOnceAndRecovers() {
        NioReactor reactor = TcpTestSupport.reactor();
        KeepingFactory<Recorder> server = new KeepingFactory<>(Recorder::new);
        Port port = (Port) reactor.listenTCP(0, server, 50, "127.0.0.1");
        int[] failuresLeft = {3};
        int[] acceptCalls = {0};
        port.acceptor = channel -> {
            acceptCalls[0]++;
            if (failuresLeft[0] > 0) {
                failuresLeft[0]--;
                throw new IOException("Too many open files");
            }
            return channel.accept();
        };
        List<LogEvent> events = new ArrayList<>();
        ILogObserver observer = event -> {
            if (event.message().contains("Out of file descriptors")) {
                events.add(event);
            }
        };
        LogPublisher.globalLogPublisher().addObserver(observer);
        try {
            RecordingClientFactory<Recorder> client = new RecordingClientFactory<>(Recorder::new);
            reactor.connectTCP("127.0.0.1", TcpTestSupport.port(port), client);
            Loop.until(reactor, () -> acceptCalls[0] == 1);
            assertThat(port.accepting()).as("no OP_ACCEPT while backing off").isFalse();
            int callsWhileBackingOff = acceptCalls[0];
            reactor.iterate(0); // a turn while backing off does not call accept again
            assertThat(acceptCalls[0]).isEqualTo(callsWhileBackingOff);
            Loop.until(reactor, () -> !server.built.isEmpty());
            // After the failed turns the bound is 1 (what they accepted, at least 1), so the turn that
            // takes the connection makes no further call that would only find none.
            assertThat(acceptCalls[0]).as("3 failures, then the connection").isEqualTo(4);
            assertThat(events).hasSize(1);
            assertThat(port.accepting()).isTrue();
            client.built.get(0).transport().loseConnection();
            Loop.reason(reactor, server.built.get(0).lost);
        } finally {
            LogPublisher.globalLogPublisher().removeObserver(observer);
            Loop.result(reactor, port.stopListening());
        }
    }

    private static final int STORM = 1000;
    /** Accept calls that may fail in the two-second window: backing off from 50 ms, doubling to 1 s, makes 6. */
    private static final int MAX_FAILED_ACCEPTS = 40;

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void underUlimit128AStormOfAThousandIsLoggedOnceNeverSpinsAndIsServedOnceDescriptorsFree() throws Exception {
        Process child = startLimitedServer();
        List<SocketChannel> storm = new ArrayList<>();
        try {
            BufferedReader out =
                    new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.US_ASCII));
            String ready = out.readLine();
            assertThat(ready).as("the child's first line").startsWith("READY ");
            int port = Integer.parseInt(ready.substring("READY ".length()));
            for (int i = 0; i < STORM; i++) { // the kernel completes each connection; the child accepts what it can
                storm.add(SocketChannel.open(new InetSocketAddress("127.0.0.1", port)));
            }
            assertThat(out.readLine()).isEqualTo("EXHAUSTED");
            long cpuBefore = cpuTicks(child);
            String stats = out.readLine();
            long cpuTicks = cpuTicks(child) - cpuBefore;
            Matcher m = Pattern.compile("STATS failedAccepts=(\\d+) logs=(\\d+) acceptCalls=(\\d+)")
                    .matcher(stats);
            assertThat(m.matches()).as(stats).isTrue();
            assertThat(Integer.parseInt(m.group(1)))
                    .as("accept calls failing in 2 s out of descriptors (%s)", stats)
                    .isBetween(1, MAX_FAILED_ACCEPTS);
            assertThat(Integer.parseInt(m.group(2)))
                    .as("errors logged (%s)", stats)
                    .isEqualTo(1);
            assertThat(Integer.parseInt(m.group(3)))
                    .as("accept calls before and while out of descriptors")
                    .isLessThan(128 + MAX_FAILED_ACCEPTS);
            // Not spinning: a busy loop would take about 200 ticks (2 s of a core), less only on a crowded machine.
            assertThat(cpuTicks)
                    .as("the child's CPU in the 2 s window, in 1/100 s")
                    .isLessThan(150);

            for (SocketChannel c : storm) {
                c.close();
            }
            storm.clear();
            try (Socket fresh = new Socket("127.0.0.1", port)) {
                fresh.setSoTimeout(30_000); // the child retries within a second; the load may slow it
                OutputStream toChild = fresh.getOutputStream();
                toChild.write("ping".getBytes(StandardCharsets.US_ASCII));
                assertThat(new String(fresh.getInputStream().readNBytes(4), StandardCharsets.US_ASCII))
                        .as("echoed once descriptors were free")
                        .isEqualTo("ping");
            }
            child.getOutputStream().write("QUIT\n".getBytes(StandardCharsets.US_ASCII));
            child.getOutputStream().flush();
            assertThat(child.waitFor(30, TimeUnit.SECONDS))
                    .as("the child stopped")
                    .isTrue();
            assertThat(child.exitValue()).isZero();
        } finally {
            for (SocketChannel c : storm) {
                c.close();
            }
            child.destroyForcibly();
        }
    }

    /** User plus system CPU time of {@code process} so far, in clock ticks (1/100 s on Linux). */
    private static long cpuTicks(Process process) throws IOException {
        String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/" + process.pid() + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime (fields 14 and 15)
    }

    /** A JVM like this one, limited to 128 descriptors, with only the classes the server needs. */
    private static Process startLimitedServer() throws IOException {
        String javaBin = ProcessHandle.current().info().command().orElse("java");
        String classPath = String.join(
                java.io.File.pathSeparator,
                Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                        .filter(entry -> entry.endsWith("classes")
                                || entry.contains("slf4j")
                                || entry.contains("jctools")
                                || entry.contains("jspecify"))
                        .toList());
        return new ProcessBuilder(
                        "sh",
                        "-c",
                        "ulimit -n 128 && exec \"$0\" \"$@\"",
                        javaBin,
                        "-Xmx64m",
                        "-XX:TieredStopAtLevel=1",
                        "-cp",
                        classPath,
                        DescriptorLimitedServer.class.getName())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
    }
}
