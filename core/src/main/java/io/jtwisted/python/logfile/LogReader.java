package io.jtwisted.python.logfile;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads a log file a few lines at a time, as Twisted's {@code LogReader}. */
public final class LogReader implements AutoCloseable {
    private final BufferedReader in;

    /** A reader of the file at {@code path}. */
    public LogReader(Path path) throws IOException {
        this.in = Files.newBufferedReader(path, StandardCharsets.UTF_8);
    }

    /** Up to {@code lines} further lines, each with its newline; an empty list at the end of the file. */
    public List<String> readLines(int lines) throws IOException {
        List<String> result = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        while (result.size() < lines) {
            int c = in.read();
            if (c < 0) {
                if (line.length() > 0) {
                    result.add(line.toString());
                }
                break;
            }
            line.append((char) c);
            if (c == '\n') {
                result.add(line.toString());
                line.setLength(0);
            }
        }
        return result;
    }

    /** Up to 10 further lines. */
    public List<String> readLines() throws IOException {
        return readLines(10);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
