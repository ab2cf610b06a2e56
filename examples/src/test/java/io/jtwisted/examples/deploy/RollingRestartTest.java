package io.jtwisted.examples.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.jtwisted.examples.ExampleProcess;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The rolling restart of docs/deploying.md, on one machine: RollingRestart runs two RollingServer
 * processes on one port with {@code reusePort=true} and SIGTERMs the old one under load. It runs in a
 * network namespace of its own ({@code unshare -n}, loopback only) so that it can switch on
 * {@code net.ipv4.tcp_migrate_req} without touching the machine's; skipped, with a message, where
 * the test may not create one. Also pins RollingServer's readiness answer.
 */
class RollingRestartTest {
    private static final String NAMESPACE_SETUP =
            "ip link set lo up && echo 1 > /proc/sys/net/ipv4/tcp_migrate_req && exec \"$@\"";

    private static boolean canUnshare() throws Exception {
        Process probe = new ProcessBuilder(
                        "unshare", "-n", "sh", "-c", "ip link set lo up && test -w /proc/sys/net/ipv4/tcp_migrate_req")
                .redirectErrorStream(true)
                .start();
        return probe.waitFor(20, TimeUnit.SECONDS) && probe.exitValue() == 0;
    }

    @Test
    void aRollingRestartUnderLoadRefusesNoConnectionAndFailsNoRequest() throws Exception {
        Assumptions.assumeTrue(
                canUnshare(), "needs unshare -n (root or CAP_SYS_ADMIN), ip and tcp_migrate_req (Linux 5.14+)");
        try (ExampleProcess run = ExampleProcess.start(
                List.of("unshare", "-n", "sh", "-c", NAMESPACE_SETUP, "sh"),
                List.of(),
                RollingRestart.class,
                "200",
                "4")) {
            int status = run.waitForExit(240);
            List<String> output = run.allOutput();
            String summary = output.stream()
                    .filter(line -> line.startsWith("requests answered"))
                    .findFirst()
                    .orElse("(none)");
            assertThat(output).as("output (stderr: %s)", run.stderr()).contains("net.ipv4.tcp_migrate_req = 1");
            assertThat(summary).as("summary, output %s", output).contains("refused 0, failed 0");
            assertThat(output)
                    .anySatisfy(line -> assertThat(line)
                            .matches("RollingServer \\d+ stopped listening; draining \\d+ connection\\(s\\)"));
            assertThat(status).as("RollingRestart's verdict, output %s", output).isZero();
        }
    }

    @Test
    void theReadinessCheckSays200ThenTheServerStopsOnSigterm() throws Exception {
        try (ExampleProcess server = ExampleProcess.start(
                RollingServer.class, "tcp:0:interface=127.0.0.1:reusePort=true", "tcp:0:interface=127.0.0.1")) {
            server.nextLine(30);
            String ready = server.nextLine(30);
            assertThat(ready).contains("ready check on port ");
            int port = WhoAmITest.portIn(ready);
            assertThat(WhoAmITest.exchange(port, "GET /ready HTTP/1.0\r\n\r\n"))
                    .startsWith("HTTP/1.0 200")
                    .endsWith("ready\n");
            server.signal("TERM");
            assertThat(server.waitForExit(30)).isZero();
            assertThat(server.allOutput()).anySatisfy(line -> assertThat(line).contains("drained, 0 left"));
        }
    }
}
