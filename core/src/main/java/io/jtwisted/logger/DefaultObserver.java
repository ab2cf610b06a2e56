package io.jtwisted.logger;

import java.io.PrintStream;

/** The observer installed on the global publisher until the application chooses its own. */
final class DefaultObserver {
    private DefaultObserver() {
    }

    static ILogObserver create() {
        if (slf4jProviderPresent()) {
            return new Slf4jObserver();
        }
        return DefaultObserver::writeToStandardError;
    }

    private static boolean slf4jProviderPresent() {
        try {
            return !(org.slf4j.LoggerFactory.getILoggerFactory() instanceof org.slf4j.helpers.NOPLoggerFactory);
        } catch (LinkageError noSlf4j) {
            return false;
        }
    }

    private static void writeToStandardError(LogEvent event) {
        if (event.level().compareTo(LogLevel.WARN) < 0) {
            return;
        }
        PrintStream err = System.err;
        err.println("[" + event.namespace() + "#" + event.level().name().toLowerCase() + "] "
                + event.formatWithTraceback());
    }
}
