package io.jtwisted.scripts.twistd;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * An SLF4J provider for this module's tests that records what reaches SLF4J. Loggers whose name starts
 * with {@code quiet} take warnings and errors only, so a test can see that an event SLF4J does not take is
 * never formatted.
 */
public final class RecordingSlf4jProvider implements SLF4JServiceProvider {
    /** One logging call as SLF4J received it. */
    public record Call(String logger, Level level, String message, Throwable throwable) {}

    /** Every call so far, oldest first. */
    public static final List<Call> CALLS = new CopyOnWriteArrayList<>();

    private final IMarkerFactory markers = new BasicMarkerFactory();
    private final MDCAdapter mdc = new NOPMDCAdapter();
    private final ILoggerFactory loggers = Recording::new;

    @Override
    public ILoggerFactory getLoggerFactory() {
        return loggers;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markers;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdc;
    }

    @Override
    public String getRequestedApiVersion() {
        return "2.0.99";
    }

    @Override
    public void initialize() {}

    private static final class Recording extends LegacyAbstractLogger {
        private static final long serialVersionUID = 1L;

        Recording(String name) {
            this.name = name;
        }

        private boolean quiet() {
            return name.startsWith("quiet");
        }

        @Override
        public boolean isTraceEnabled() {
            return false;
        }

        @Override
        public boolean isDebugEnabled() {
            return !quiet();
        }

        @Override
        public boolean isInfoEnabled() {
            return !quiet();
        }

        @Override
        public boolean isWarnEnabled() {
            return true;
        }

        @Override
        public boolean isErrorEnabled() {
            return true;
        }

        @Override
        protected String getFullyQualifiedCallerName() {
            return null;
        }

        @Override
        protected void handleNormalizedLoggingCall(
                Level level, Marker marker, String message, Object[] arguments, Throwable throwable) {
            CALLS.add(new Call(name, level, message, throwable));
        }
    }
}
