package io.jtwisted.web.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.jtwisted.logger.LogEvent;
import io.jtwisted.logger.LogLevel;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@link AccessLogFile}: lines leave in order through its own thread; a full queue drops instead of blocking. */
class AccessLogFileTest {
    private static LogEvent line(String text) {
        return LogEvent.ofMessage(LogLevel.INFO, "io.jtwisted.web.access", text, null, 0);
    }

    @Test
    void writesEveryLineInOrderAndCloseFlushes() throws Exception {
        StringWriter out = new StringWriter();
        AccessLogFile log = new AccessLogFile(out);
        for (int i = 0; i < 1000; i++) {
            log.observe(line("line " + i));
        }
        log.close();
        String[] lines = out.toString().split("\n");
        assertThat(lines).hasSize(1000);
        assertThat(lines[0]).isEqualTo("line 0");
        assertThat(lines[999]).isEqualTo("line 999");
        assertThat(log.dropped()).isZero();
    }

    @Test
    void aFullQueueDropsLinesInsteadOfBlockingTheCaller() throws Exception {
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        StringWriter text = new StringWriter();
        Writer slow = new Writer() {
            @Override
            public void write(char[] b, int off, int len) throws IOException {
                writing.countDown();
                try {
                    release.await(20, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    throw new IOException(e);
                }
                text.write(b, off, len);
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        AccessLogFile log = new AccessLogFile(slow, 1);
        log.observe(line("first"));
        assertThat(writing.await(20, TimeUnit.SECONDS)).isTrue(); // the writer thread holds "first"
        log.observe(line("second")); // waits in the queue
        log.observe(line("third")); // no room: dropped
        assertThat(log.dropped()).isEqualTo(1);
        release.countDown();
        log.close();
        assertThat(text.toString()).isEqualTo("first\nsecond\n");
    }
}
