package io.jtwisted.examples.deferred;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every Java snippet of docs/deferreds.md is quoted from an example class of this package, so it
 * compiles (and the example's test runs it): each snippet's lines, ignoring indentation and blank
 * lines, must appear in that order and contiguously in one example source.
 */
class DeferredDocSnippetsTest {
    private static final Path DOC = Path.of("..", "docs", "deferreds.md");
    private static final Path SOURCES = Path.of("src", "main", "java", "io", "jtwisted", "examples", "deferred");

    private static List<String> normalized(List<String> lines) {
        return lines.stream().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    private static List<List<String>> javaSnippets() throws IOException {
        List<List<String>> snippets = new ArrayList<>();
        List<String> current = null;
        for (String line : Files.readAllLines(DOC)) {
            if (current == null && line.strip().equals("```java")) {
                current = new ArrayList<>();
            } else if (current != null && line.strip().equals("```")) {
                snippets.add(normalized(current));
                current = null;
            } else if (current != null) {
                current.add(line);
            }
        }
        assertThat(current).as("unterminated snippet").isNull();
        return snippets;
    }

    @Test
    void everyJavaSnippetIsQuotedFromAnExample() throws IOException {
        List<List<String>> sources = new ArrayList<>();
        try (Stream<Path> files = Files.list(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                sources.add(normalized(Files.readAllLines(file)));
            }
        }
        List<List<String>> snippets = javaSnippets();
        assertThat(snippets).hasSizeGreaterThan(15);
        for (List<String> snippet : snippets) {
            assertThat(sources.stream().anyMatch(source -> Collections.indexOfSubList(source, snippet) >= 0))
                    .as("snippet not found in any example:%n%s", String.join("\n", snippet))
                    .isTrue();
        }
    }
}
