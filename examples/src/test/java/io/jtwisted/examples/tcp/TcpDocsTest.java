package io.jtwisted.examples.tcp;

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
 * Keeps docs/tcp-servers.md and docs/tcp-clients.md honest: every Java snippet that names its
 * source with a {@code <!-- snippet: path -->} comment has its lines (trimmed, blank ones
 * ignored) in that source file, in the same order.
 */
class TcpDocsTest {
    private static final Pattern SNIPPET = Pattern.compile("<!-- snippet: (\\S+) -->\\n```java\\n(.*?)```", Pattern.DOTALL);

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

    private static int checkSnippets(String doc) throws IOException {
        Path root = projectRoot();
        Matcher m = SNIPPET.matcher(Files.readString(root.resolve(doc)));
        int snippets = 0;
        while (m.find()) {
            snippets++;
            String source = m.group(1);
            List<String> sourceLines = codeLines(Files.readString(root.resolve(source)));
            int at = 0;
            for (String line : codeLines(m.group(2))) {
                int found = sourceLines.subList(at, sourceLines.size()).indexOf(line);
                assertThat(found).as("%s snippet %d: line not found (in order) in %s: %s", doc, snippets, source, line)
                        .isGreaterThanOrEqualTo(0);
                at += found + 1;
            }
        }
        return snippets;
    }

    @Test
    void serverChapterSnippetsMatchTheExamples() throws IOException {
        assertThat(checkSnippets("docs/tcp-servers.md")).isGreaterThanOrEqualTo(7);
    }

    @Test
    void clientChapterSnippetsMatchTheExamples() throws IOException {
        assertThat(checkSnippets("docs/tcp-clients.md")).isGreaterThanOrEqualTo(6);
    }
}
