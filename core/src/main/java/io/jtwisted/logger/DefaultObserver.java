package io.jtwisted.logger;

import java.io.PrintStream;
import java.util.ServiceLoader;
import org.jspecify.annotations.Nullable;
import org.slf4j.spi.SLF4JServiceProvider;

/** The observer the publisher uses until logging begins: SLF4J when a provider is present, else standard error. */
final class DefaultObserver {
    private DefaultObserver() {}

    static ILogObserver create(@Nullable PrintStream errorStream) {
        if (slf4jProviderPresent()) {
            return new Slf4jLogObserver();
        }
        return event -> writeTo(errorStream, event);
    }

    /**
     * Looks for an SLF4J 2 provider the way SLF4J itself does, but without initialising SLF4J:
     * asking {@code LoggerFactory} would print SLF4J's "no providers" warning on every program
     * that has none, which is the normal case here.
     */
    private static boolean slf4jProviderPresent() {
        try {
            return ServiceLoader.load(SLF4JServiceProvider.class, DefaultObserver.class.getClassLoader())
                    .findFirst()
                    .isPresent();
        } catch (LinkageError | java.util.ServiceConfigurationError unusable) {
            return false;
        }
    }

    private static void writeTo(@Nullable PrintStream stream, LogEvent event) {
        PrintStream err = stream != null ? stream : System.err;
        if (event.level().compareTo(LogLevel.WARN) < 0) {
            return;
        }
        err.println("[" + event.namespace() + "#" + event.level().levelName() + "] " + event.formatWithTraceback());
    }
}
