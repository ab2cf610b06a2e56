package io.jtwisted.logger;

/** Forwards events to SLF4J, one SLF4J logger per namespace. */
final class Slf4jObserver implements ILogObserver {
    @Override
    public void observe(LogEvent event) {
        org.slf4j.Logger target = org.slf4j.LoggerFactory.getLogger(event.namespace());
        Throwable cause = event.failure() == null ? null : event.failure().value();
        switch (event.level()) {
            case DEBUG -> target.debug(event.message(), cause);
            case INFO -> target.info(event.message(), cause);
            case WARN -> target.warn(event.message(), cause);
            case ERROR, CRITICAL -> target.error(event.message(), cause);
        }
    }
}
