package io.jtwisted.logger;

/**
 * Forwards events to SLF4J, one SLF4J logger per namespace, as Twisted's {@code STDLibLogObserver} forwards
 * to Python's {@code logging}: debug, info and warn map to their SLF4J names; error and critical both map to
 * SLF4J's error. An event's text is made only when SLF4J takes its level.
 */
public final class Slf4jLogObserver implements ILogObserver {
    @Override
    public void observe(LogEvent event) {
        org.slf4j.Logger target =
                org.slf4j.LoggerFactory.getLogger(event.namespace() == null ? "-" : event.namespace());
        Throwable cause = event.failure() == null ? null : event.failure().value();
        switch (event.level()) {
            case DEBUG -> {
                if (target.isDebugEnabled()) {
                    target.debug(event.message(), cause);
                }
            }
            case INFO -> {
                if (target.isInfoEnabled()) {
                    target.info(event.message(), cause);
                }
            }
            case WARN -> {
                if (target.isWarnEnabled()) {
                    target.warn(event.message(), cause);
                }
            }
            case ERROR, CRITICAL -> {
                if (target.isErrorEnabled()) {
                    target.error(event.message(), cause);
                }
            }
        }
    }
}
