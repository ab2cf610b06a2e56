package io.jtwisted.examples.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Keeps docs/scheduling.md honest: every Java snippet in it names its source with a
 * {@code <!-- snippet: path -->} comment, and its lines (trimmed, blank ones ignored) appear in
 * that source file in the same order. The examples' own tests then check what they print.
 */
class SchedulingDocsTest {
    private static final Pattern SNIPPET = Pattern.compile(
            "(?:<!-- snippet: (\\S+) -->\\n)?```java\\n(.*?)```", Pattern.DOTALL);

    private static Path projectRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("docs"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("a parent directory holding docs/").isNotNull();
        return dir;
    }

    private static List<String> codeLines(String text) {
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\\R")) {
            if (!line.isBlank()) {
                lines.add(line.strip());
            }
        }
        return lines;
    }

    @Test
    void everyJavaSnippetMatchesItsSource() throws IOException {
        Path root = projectRoot();
        String doc = Files.readString(root.resolve("docs/scheduling.md"));
        Matcher m = SNIPPET.matcher(doc);
        int snippets = 0;
        while (m.find()) {
            snippets++;
            String source = m.group(1);
            assertThat(source).as("snippet %d names its source: %s", snippets, m.group(2)).isNotNull();
            List<String> sourceLines = codeLines(Files.readString(root.resolve(source)));
            List<String> snippetLines = codeLines(m.group(2));
            int at = 0;
            for (String line : snippetLines) {
                int found = sourceLines.subList(at, sourceLines.size()).indexOf(line);
                assertThat(found).as("line of snippet %d not found (in order) in %s: %s", snippets, source, line)
                        .isGreaterThanOrEqualTo(0);
                at += found + 1;
            }
        }
        assertThat(snippets).isGreaterThanOrEqualTo(8);
    }
}
