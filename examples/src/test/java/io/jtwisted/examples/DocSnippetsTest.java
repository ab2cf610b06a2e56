package io.jtwisted.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Keeps the chapters in docs/ honest: every Java snippet names the file it is quoted from with a
 * {@code <!-- snippet: path -->} comment on the line before it, and its lines (trimmed, blank ones
 * ignored) appear in that file in the same order. The quoted files are compiled and tested, so a
 * snippet that drifts from working code fails here. (docs/deferreds.md quotes its examples by
 * another rule: see {@code DeferredDocSnippetsTest}.)
 */
class DocSnippetsTest {
    private static final Pattern SNIPPET = Pattern.compile(
            "(?:<!-- snippet: (\\S+) -->\\n)?```java\\n(.*?)```", Pattern.DOTALL);

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "docs/application.md, 4",
        "docs/logging.md, 4",
        "docs/names.md, 4",
        "docs/protocols.md, 3",
        "docs/reactor.md, 5",
        "docs/scheduling.md, 9",
        "docs/tcp-servers.md, 7",
        "docs/tcp-clients.md, 7",
        "docs/testing.md, 9",
        "docs/web.md, 6",
        "docs/udp.md, 6",
    })
    void everySnippetIsQuotedInOrderFromTheFileItNames(String doc, int expectedSnippets) throws IOException {
        Path root = projectRoot();
        Matcher snippet = SNIPPET.matcher(Files.readString(root.resolve(doc)));
        int count = 0;
        while (snippet.find()) {
            count++;
            String source = snippet.group(1);
            assertThat(source).as("%s snippet %d names its source file:%n%s", doc, count, snippet.group(2)).isNotNull();
            List<String> sourceLines = nonBlankLines(Files.readString(root.resolve(source)));
            int from = 0;
            for (String line : nonBlankLines(snippet.group(2))) {
                int found = sourceLines.subList(from, sourceLines.size()).indexOf(line);
                assertThat(found).as("%s snippet %d: line not found, in order, in %s: %s", doc, count, source, line)
                        .isNotNegative();
                from += found + 1;
            }
        }
        assertThat(count).as("Java snippets in %s", doc).isEqualTo(expectedSnippets);
    }

    private static Path projectRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("docs"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("a parent directory holding docs/").isNotNull();
        return dir;
    }

    private static List<String> nonBlankLines(String text) {
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\\R")) {
            if (!line.isBlank()) {
                lines.add(line.strip());
            }
        }
        return lines;
    }
}
