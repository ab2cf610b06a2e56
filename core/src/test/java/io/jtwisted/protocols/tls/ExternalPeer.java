package io.jtwisted.protocols.tls;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A real peer (openssl, python3) run for a test: its output lines are collected by a reader thread. */
@SuppressWarnings("try") // close() waits for the peer process, which an interrupt may cut short
final class ExternalPeer implements AutoCloseable {
    final Process process;
    final LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();

    private ExternalPeer(Process process) {
        this.process = process;
        Thread reader = new Thread(
                () -> {
                    try (BufferedReader out = new BufferedReader(
                            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                        for (String line = out.readLine(); line != null; line = out.readLine()) {
                            lines.add(line);
                        }
                    } catch (IOException ignored) {
                        // the process is gone
                    }
                },
                "external-peer-output");
        reader.setDaemon(true);
        reader.start();
    }

    static ExternalPeer start(List<String> command) throws IOException {
        return new ExternalPeer(
                new ProcessBuilder(command).redirectErrorStream(true).start());
    }

    void send(String text) throws IOException {
        OutputStream in = process.getOutputStream();
        in.write(text.getBytes(StandardCharsets.UTF_8));
        in.flush();
    }

    void closeInput() throws IOException {
        process.getOutputStream().close();
    }

    /** The next line that contains {@code fragment}, waiting at most 20 s (for peers that need no reactor). */
    String awaitLine(String fragment) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line != null && line.contains(fragment)) {
                return line;
            }
        }
        throw new AssertionError("no line containing '" + fragment + "' from "
                + process.info().command().orElse("?"));
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
