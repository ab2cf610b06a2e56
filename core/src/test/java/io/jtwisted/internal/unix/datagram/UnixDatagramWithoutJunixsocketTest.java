package io.jtwisted.internal.unix.datagram;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * junixsocket is an optional dependency of core: a class path without it still runs TCP, UDP and
 * UNIX streams on paths, and only the UNIX datagram calls and UNIX streams on abstract-namespace
 * names fail, with a message naming what to add. Runs
 * {@link WithoutJunixsocket} in a child JVM with this test's class path less junixsocket's jars.
 */
class UnixDatagramWithoutJunixsocketTest {
    @Test
    void everythingElseRunsAndUnixDatagramsAndAbstractStreamsSayWhatIsMissing() throws Exception {
        String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.contains("junixsocket"))
                .collect(Collectors.joining(File.pathSeparator));
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(java, "-cp", classPath, WithoutJunixsocket.class.getName())
                .redirectErrorStream(true)
                .start();
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.exitValue()).as(output).isZero();
        List<String> lines =
                output.lines().filter(line -> !line.startsWith("[")).toList(); // log lines start with [
        assertThat(lines).hasSize(6);
        assertThat(lines.get(0)).startsWith("tcp ");
        assertThat(lines.get(1)).startsWith("udp ");
        assertThat(lines.get(2)).startsWith("unix ");
        assertThat(lines.get(3))
                .isEqualTo("unix datagram: UNIX datagram sockets need junixsocket on the class path"
                        + " (com.kohlschutter.junixsocket:junixsocket-core)");
        String abstractStreams = "abstract-namespace UNIX stream addresses (\\0name) need junixsocket on the class path"
                + " (com.kohlschutter.junixsocket:junixsocket-core): the JDK's channels cannot name them";
        assertThat(lines.get(4)).isEqualTo("abstract listen: " + abstractStreams);
        assertThat(lines.get(5))
                .isEqualTo("abstract connect: An error occurred while connecting: " + abstractStreams + ".");
    }
}
