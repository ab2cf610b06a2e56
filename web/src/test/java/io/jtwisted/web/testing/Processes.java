package io.jtwisted.web.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a client program to completion with a bounded wait; its standard error is kept apart. */
public final class Processes {
    private Processes() {}

    /** The result of a finished program. */
    @SuppressWarnings("ArrayRecordComponent") // a finished program's output, read by tests, never compared
    public record Result(int exitCode, byte[] stdout, String stderr) {
        public String out() {
            return new String(stdout, StandardCharsets.UTF_8);
        }
    }

    public static Result run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).start();
        p.getOutputStream().close();
        var out = java.util.concurrent.CompletableFuture.supplyAsync(() -> readAll(p.getInputStream()));
        var err = java.util.concurrent.CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("timed out: " + command);
        }
        return new Result(p.exitValue(), out.join(), new String(err.join(), StandardCharsets.UTF_8));
    }

    private static byte[] readAll(java.io.InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** True when {@code command --version} (or the given probe) runs. */
    public static boolean available(String... probe) {
        try {
            Process p = new ProcessBuilder(probe).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** A python3 that can import twisted ($TWISTED_PYTHON, python3, /usr/bin/python3), or null. */
    public static String twistedPython() {
        for (String candidate : new String[] {System.getenv("TWISTED_PYTHON"), "python3", "/usr/bin/python3"}) {
            if (candidate != null && available(candidate, "-c", "import twisted")) {
                return candidate;
            }
        }
        return null;
    }
}
