package io.jtwisted.testing;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds the Python that has Twisted, for every test that runs the real Twisted as a peer (core's
 * and, through core's test jar, the examples'). Where there is none, a test is skipped with a
 * message, except under CI ({@code CI=true}), where {@code .ci/run} installs Twisted and a
 * missing one is a failure: an interop test never silently does not run.
 */
public final class TwistedPython {
    private static String found;
    private static boolean searched;

    private TwistedPython() {}

    /**
     * The command of a Python that imports {@code twisted}: the first of {@code $TWISTED_PYTHON},
     * {@code /usr/bin/python3} and {@code python3} on the PATH. Skips the calling test (or test
     * class, from {@code @BeforeAll}) when there is none, or fails it under {@code CI=true}.
     *
     * @param what the test, for the message
     */
    public static synchronized String require(String what) {
        if (!searched) {
            found = search();
            searched = true;
        }
        if (found == null) {
            String message =
                    what + " needs python3 with Twisted (python3 -c 'import twisted' failed for $TWISTED_PYTHON,"
                            + " /usr/bin/python3 and python3; Debian: apt-get install python3-twisted)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail(message + ", and CI=true: under CI the interop tests must run");
            }
            Assumptions.abort(message + ": skipped");
        }
        return found;
    }

    private static String search() {
        List<String> candidates = new ArrayList<>();
        String configured = System.getenv("TWISTED_PYTHON");
        if (configured != null && !configured.isBlank()) {
            candidates.add(configured);
        }
        candidates.add("/usr/bin/python3");
        candidates.add("python3");
        for (String candidate : candidates) {
            try {
                Process check = new ProcessBuilder(candidate, "-c", "import twisted")
                        .redirectErrorStream(true)
                        .start();
                check.getOutputStream().close();
                if (check.waitFor(30, TimeUnit.SECONDS) && check.exitValue() == 0) {
                    return candidate;
                }
                check.destroyForcibly();
            } catch (IOException notThere) {
                // try the next one
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        return null;
    }
}
