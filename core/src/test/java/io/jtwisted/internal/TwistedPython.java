package io.jtwisted.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds the Python that has Twisted, for the interop tests: $TWISTED_PYTHON, then python3 on the
 * PATH, then /usr/bin/python3. Outside CI a missing Twisted skips the test with a message; under
 * {@code CI=true} (where {@code .ci/run} installs python3-twisted) it fails, so that an interop
 * test can never silently not run.
 */
public final class TwistedPython {
    private static String found;
    private static boolean looked;

    private TwistedPython() {
    }

    /** The command of a Python that imports twisted; skips or fails (under CI) when there is none. */
    public static synchronized String require() throws InterruptedException {
        if (!looked) {
            looked = true;
            found = find();
        }
        if (found == null) {
            String message = "python3 with Twisted is not installed (python3 -c 'import twisted' failed)";
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError(message + ": CI must install python3-twisted");
            }
            Assumptions.assumeTrue(false, message);
        }
        return found;
    }

    private static String find() throws InterruptedException {
        List<String> candidates = new ArrayList<>();
        if (System.getenv("TWISTED_PYTHON") != null) {
            candidates.add(System.getenv("TWISTED_PYTHON"));
        }
        candidates.add("python3");
        candidates.add("/usr/bin/python3");
        for (String candidate : candidates) {
            try {
                Process check = new ProcessBuilder(candidate, "-c", "import twisted").redirectErrorStream(true).start();
                if (check.waitFor(30, TimeUnit.SECONDS) && check.exitValue() == 0) {
                    return candidate;
                }
                check.destroyForcibly();
            } catch (IOException notThere) {
                // try the next one
            }
        }
        return null;
    }
}
