package io.jtwisted.logger;

import java.io.PrintStream;
import java.util.ServiceLoader;
import org.slf4j.spi.SLF4JServiceProvider;

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

    /**
     * Looks for an SLF4J 2 provider the way SLF4J itself does, but without initialising SLF4J:
     * asking {@code LoggerFactory} would print SLF4J's "no providers" warning on every program
     * that has none, which is the normal case here.
     */
    private static boolean slf4jProviderPresent() {
        try {
            return ServiceLoader.load(SLF4JServiceProvider.class, DefaultObserver.class.getClassLoader())
                    .findFirst().isPresent();
        } catch (LinkageError | java.util.ServiceConfigurationError unusable) {
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
