package my;

import static io.jtwisted.logger.FileLogObserver.textFileLogObserver;

import io.jtwisted.logger.ILogObserver;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The log observer factory of Twisted's howtos ("Customizing twistd logging"): {@code twistd --logger
 * my.Logger.logger ...} logs to {@code /tmp/my.log} (the {@code MY_LOG} environment variable overrides the
 * file), as {@code twistd --logfile /tmp/my.log} would.
 */
public final class Logger {
    private Logger() {}

    /** A text observer writing to {@code /tmp/my.log}, emptied first (the howtos open it with "w"). */
    public static ILogObserver logger() {
        String path = System.getenv().getOrDefault("MY_LOG", "/tmp/my.log");
        try {
            return textFileLogObserver(new FileOutputStream(path, false));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + path, e);
        }
    }
}
