package io.jtwisted.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.jtwisted.examples.protocols.ChatServer;
import io.jtwisted.examples.tcp.Echo;
import io.jtwisted.examples.tcp.EchoServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What {@code bin/run-example} shows: the list of examples, and usage lines instead of stack traces. */
class ExampleLauncherTest {
    private static final Path CLASSES = Path.of("target", "classes");

    @Test
    void everyExampleDescribesItselfForTheListing() {
        List<Class<?>> examples = ExampleLauncher.findExamples(CLASSES);
        assertThat(examples).contains(Echo.class, EchoServer.class, ChatServer.class);
        assertThat(examples)
                .allSatisfy(example -> assertThat(example.getAnnotation(Example.class))
                        .as("@Example on %s, so that bin/run-example lists what it shows", example.getName())
                        .isNotNull());
    }

    @Test
    void listingShowsEachExampleWithItsDefaultPortAndOneLine() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ExampleLauncher.printList(
                ExampleLauncher.findExamples(CLASSES), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String listing = bytes.toString(StandardCharsets.UTF_8);
        assertThat(listing)
                .containsPattern("(?m)^  Echo +8000  The simplest protocol: writes back whatever it receives$");
        assertThat(listing).containsPattern("(?m)^  ChatServer +8123  Chat server");
        assertThat(listing).containsPattern("(?m)^  CallLater +-  ");
    }

    @Test
    void usageLineNamesTheArguments() {
        assertThat(ExampleLauncher.usageLine(EchoServer.class)).isEqualTo("bin/run-example EchoServer [PORT]");
    }

    @Test
    void badPortPrintsUsageAndExitsWithTwo() throws Exception {
        try (ExampleProcess run =
                ExampleProcess.start(ExampleLauncher.class, CLASSES.toString(), "EchoServer", "abc")) {
            assertThat(run.waitForExit(30)).isEqualTo(2);
            assertThat(run.stderr())
                    .isEqualTo("EchoServer: not a number: \"abc\"\nusage: bin/run-example EchoServer [PORT]\n");
        }
    }

    @Test
    void unknownNameSaysHowToList() throws Exception {
        try (ExampleProcess run = ExampleProcess.start(ExampleLauncher.class, CLASSES.toString(), "NoSuchExample")) {
            assertThat(run.waitForExit(30)).isEqualTo(2);
            assertThat(run.stderr()).contains("no example named NoSuchExample");
        }
    }
}
