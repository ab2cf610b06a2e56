// The DailyLogFile example of Twisted's howtos ("Customizing twistd logging"), as a twistd application file:
//     bin/twistd -y examples/tac/dailylog.java
// logs to /tmp/my.log (MY_LOG_DIR overrides the directory), a new file each day; twistd uses the
// application's ILogObserver component instead of its own log file.
import static io.jtwisted.logger.FileLogObserver.textFileLogObserver;

import io.jtwisted.application.service.Application;
import io.jtwisted.logger.ILogObserver;
import io.jtwisted.python.logfile.DailyLogFile;
import java.io.IOException;

public class DailyLog {
    public static Application application() throws IOException {
        String directory = System.getenv().getOrDefault("MY_LOG_DIR", "/tmp");
        Application application = new Application("myapp");
        DailyLogFile logfile = new DailyLogFile("my.log", directory);
        application.setComponent(ILogObserver.class, textFileLogObserver(logfile));
        return application;
    }
}
