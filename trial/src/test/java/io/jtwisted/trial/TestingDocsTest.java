package io.jtwisted.trial;

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
 * Keeps docs/testing.md true to the code: each Java snippet names the file it comes from
 * ({@code <!-- snippet: path -->}), and its non-blank lines occur in that file, in the same order.
 * The snippets' files are tests that run, so the documented code compiles and works.
 */
class TestingDocsTest {
    private static final Pattern SNIPPET = Pattern.compile(
            "(?:<!-- snippet: (\\S+) -->\\n)?```java\\n(.*?)```", Pattern.DOTALL);

    private static Path projectRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("docs/testing.md"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("a parent directory holding docs/testing.md").isNotNull();
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

    @Test
    void everyJavaSnippetOccursInItsSourceInOrder() throws IOException {
        Path root = projectRoot();
        Matcher snippet = SNIPPET.matcher(Files.readString(root.resolve("docs/testing.md")));
        int count = 0;
        while (snippet.find()) {
            count++;
            String source = snippet.group(1);
            assertThat(source).as("snippet %d names its source file", count).isNotNull();
            List<String> sourceLines = nonBlankLines(Files.readString(root.resolve(source)));
            int from = 0;
            for (String line : nonBlankLines(snippet.group(2))) {
                int found = sourceLines.subList(from, sourceLines.size()).indexOf(line);
                assertThat(found).as("snippet %d: line not found, in order, in %s: %s", count, source, line)
                        .isNotNegative();
                from += found + 1;
            }
        }
        assertThat(count).isEqualTo(9);
    }
}
