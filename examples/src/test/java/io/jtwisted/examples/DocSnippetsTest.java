package io.jtwisted.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Keeps the chapters in docs/ honest: on every page (found by listing docs/, so a new page cannot be
 * left out), every Java snippet names the file it is quoted from with a
 * {@code <!-- snippet: path -->} comment on the line before it, and its lines appear in that file in
 * the same order. Whitespace does not count, line breaks included: the formatter may wrap a source
 * line differently from the page, but not change a token. The quoted files are compiled and
 * tested, so a snippet that drifts from working code fails here. (docs/deferreds.md quotes its examples by
 * another rule: see {@code DeferredDocSnippetsTest}.)
 */
class DocSnippetsTest {
    private static final Pattern SNIPPET =
            Pattern.compile("(?:<!-- (?:snippet: (\\S+)|(consumer-test)) -->\\n)?```java\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    /** Every page of docs/ with Java in it, except deferreds.md (checked by DeferredDocSnippetsTest). */
    static Stream<String> pages() throws IOException {
        Path docs = projectRoot().resolve("docs");
        try (Stream<Path> files = Files.list(docs)) {
            List<String> pages = new ArrayList<>();
            for (Path page : files.sorted().toList()) {
                String name = page.getFileName().toString();
                if (name.endsWith(".md")
                        && !name.equals("deferreds.md")
                        && Files.readString(page).contains("```java")) {
                    pages.add("docs/" + name);
                }
            }
            return pages.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pages")
    void everySnippetIsQuotedInOrderFromTheFileItNames(String doc) throws IOException {
        Path root = projectRoot();
        String text = Files.readString(root.resolve(doc));
        long expectedSnippets =
                text.lines().filter(line -> line.equals("```java")).count();
        Matcher snippet = SNIPPET.matcher(text);
        int count = 0;
        while (snippet.find()) {
            count++;
            String source = snippet.group(1);
            if (snippet.group(2) != null) {
                continue; // docs/using-jtwisted.md's first test: .ci/consumer-check.sh builds and runs it as it stands
            }
            assertThat(source)
                    .as("%s snippet %d names its source file:%n%s", doc, count, snippet.group(3))
                    .isNotNull();
            String sourceText = withoutWhitespace(Files.readString(root.resolve(source)));
            int from = 0;
            for (String line : snippet.group(3).split("\\R")) {
                String tokens = withoutWhitespace(line);
                if (tokens.isEmpty()) {
                    continue;
                }
                int found = sourceText.indexOf(tokens, from);
                assertThat(found)
                        .as("%s snippet %d: line not found, in order, in %s: %s", doc, count, source, line.strip())
                        .isNotNegative();
                from = found + tokens.length();
            }
        }
        assertThat((long) count)
                .as("Java snippets found in %s (a block the pattern missed?)", doc)
                .isEqualTo(expectedSnippets);
    }

    private static Path projectRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("docs"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("a parent directory holding docs/").isNotNull();
        return dir;
    }

    private static String withoutWhitespace(String text) {
        return WHITESPACE.matcher(text).replaceAll("");
    }
}
