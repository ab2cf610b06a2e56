package io.jtwisted.internet.defer;

import io.jtwisted.logger.Logger;

/** The logger of the defer package. */
final class DeferredLog {
    static final Logger LOG = new Logger("io.jtwisted.internet.defer");

    private DeferredLog() {}
}
