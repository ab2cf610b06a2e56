package io.jtwisted.examples.deferred;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every Java snippet of docs/deferreds.md is quoted from an example class of this package, so it
 * compiles (and the example's test runs it): each snippet must appear contiguously in one example
 * source, whitespace not counting (line breaks included), so the formatter may wrap a line
 * differently from the page but not change a token.
 */
class DeferredDocSnippetsTest {
    private static final Path DOC = Path.of("..", "docs", "deferreds.md");
    private static final Path SOURCES = Path.of("src", "main", "java", "io", "jtwisted", "examples", "deferred");

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private static String withoutWhitespace(List<String> lines) {
        return WHITESPACE.matcher(String.join("\n", lines)).replaceAll("");
    }

    private static List<String> javaSnippets() throws IOException {
        List<String> snippets = new ArrayList<>();
        List<String> current = null;
        for (String line : Files.readAllLines(DOC)) {
            if (current == null && line.strip().equals("```java")) {
                current = new ArrayList<>();
            } else if (current != null && line.strip().equals("```")) {
                snippets.add(withoutWhitespace(current));
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
        List<String> sources = new ArrayList<>();
        try (Stream<Path> files = Files.list(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                sources.add(withoutWhitespace(Files.readAllLines(file)));
            }
        }
        List<String> snippets = javaSnippets();
        assertThat(snippets).hasSizeGreaterThan(15);
        for (String snippet : snippets) {
            assertThat(sources.stream().anyMatch(source -> source.contains(snippet)))
                    .as("snippet not found in any example (whitespace removed):%n%s", snippet)
                    .isTrue();
        }
    }
}
