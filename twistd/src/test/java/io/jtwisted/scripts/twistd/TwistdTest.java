package io.jtwisted.scripts.twistd;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * twistd's command line and the bad inputs it refuses, run in this JVM (nothing here gets as far as starting a
 * reactor). Ports of twisted/test/test_twistd.py: ServerOptionsTests (test_subCommands, test_sortedReactorHelp
 * as --help-reactors, test_version, test_postOptionsNoSubCommandSavesAsUsual as "nothing to run",
 * test_listAllProfilers is moot, test_invalidUmask, test_unimportableConfiguredLogObserver,
 * test_unimportableConfiguredLogObserver / test_configuredLogObserverNotCallable as --logger errors),
 * TapFileTests as -y (test_createOrGetApplicationWithTapFile is moot: no .tap files), and the
 * ApplicationRunner errors that stop a start. Not ported: the --profile, --syslog, --chroot, --rundir,
 * --uid/--gid and --euid cases (a JVM cannot chroot or switch user; those options do not exist here).
 */
class TwistdTest {
    @TempDir
    static Path cache;

    @TempDir
    Path dir;

    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();

    @BeforeAll
    static void isolateTheCompileCache() {
        System.setProperty("jtwisted.twistd.cache", cache.toString());
    }

    private int twistd(String... args) {
        return Twistd.run(
                args,
                new PrintStream(outBytes, true, StandardCharsets.UTF_8),
                new PrintStream(errBytes, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return outBytes.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return errBytes.toString(StandardCharsets.UTF_8);
    }

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    private String pidfile() {
        return dir.resolve("twistd.pid").toString();
    }

    static final String GOOD = """
            import io.jtwisted.application.service.Application;
            public class Good {
                public static Application application() {
                    return new Application("good");
                }
            }
            """;

    @Test
    void versionPrintsJTwistedsVersion() {
        assertThat(twistd("--version")).isZero();
        assertThat(out()).startsWith("twistd (JTwisted) ").doesNotContain("unknown");
    }

    @Test
    void helpListsTheOptionsAndThePlugins() {
        assertThat(twistd("--help")).isZero();
        assertThat(out())
                .contains(
                        "-n, --nodaemon",
                        "-y, --java=FILE",
                        "--pidfile=FILE",
                        "--logger=CLASS.METHOD",
                        "--umask",
                        "Plugins:",
                        "portforward");
    }

    @Test
    void eachPluginHasItsOwnHelp() {
        assertThat(twistd("portforward", "--help")).isZero();
        assertThat(out()).contains("Usage: twistd portforward", "--dest_port=PORT", "-h, --host=HOST", "Default: 6666");
    }

    @Test
    void helpReactorsListsTheReactors() {
        assertThat(twistd("--help-reactors")).isZero();
        assertThat(out()).contains("nio");
    }

    @Test
    void anUnknownPluginIsAOneLineUsageError() {
        assertThat(twistd("nosuchplugin")).isEqualTo(2);
        assertThat(err()).isEqualTo("twistd: unknown plugin 'nosuchplugin' (plugins: portforward)\n");
    }

    @Test
    void nothingToRunIsAUsageError() {
        assertThat(twistd("-n")).isEqualTo(2);
        assertThat(err())
                .startsWith("twistd: nothing to run: give -y FILE.java or a plugin")
                .hasLineCount(1);
    }

    @Test
    void aFileAndAPluginTogetherAreRefused() {
        assertThat(twistd("-n", "-y", "x.java", "portforward")).isEqualTo(2);
        assertThat(err()).isEqualTo("twistd: give -y FILE.java or a plugin, not both\n");
    }

    @Test
    void badOptionValuesAreUsageErrors() {
        assertThat(twistd("--umask", "99", "-ny", "x.java")).isEqualTo(2);
        assertThat(err()).contains("--umask takes an octal mask");
        errBytes.reset();
        assertThat(twistd("--reactor", "epoll", "-ny", "x.java")).isEqualTo(2);
        assertThat(err()).isEqualTo("twistd: unknown reactor 'epoll' (available: nio)\n");
        errBytes.reset();
        assertThat(twistd("--stop-timeout", "0", "-ny", "x.java")).isEqualTo(2);
        assertThat(err()).hasLineCount(1).contains("--stop-timeout");
        errBytes.reset();
        assertThat(twistd("--bogus")).isEqualTo(2);
        assertThat(err()).hasLineCount(1).contains("--bogus");
    }

    @Test
    void aNegativeNumberOfReactorsIsAUsageError() {
        assertThat(twistd("--reactors", "-1", "-ny", "x.java")).isEqualTo(2);
        assertThat(err()).hasLineCount(1).contains("--reactors takes a number of reactors");
    }

    @Test
    void twistdsOptionsAfterThePluginNameGetAHint() {
        assertThat(twistd("portforward", "-n")).isEqualTo(2);
        assertThat(err()).hasLineCount(1).contains("twistd's own options go before the plugin's name");
    }

    @Test
    void aPluginThatRefusesItsOptionsIsAUsageError() {
        assertThat(twistd("-n", "--pidfile", pidfile(), "portforward", "--dest_port", "eighty"))
                .isEqualTo(2);
        assertThat(err()).isEqualTo("twistd: portforward: --dest_port must be a number, not 'eighty'\n");
        assertThat(dir.resolve("twistd.pid")).doesNotExist();
    }

    @Test
    void aMissingFileIsAnError() {
        assertThat(twistd(
                        "-n",
                        "--pidfile",
                        pidfile(),
                        "-y",
                        dir.resolve("absent.java").toString()))
                .isEqualTo(1);
        assertThat(err()).isEqualTo("twistd: no such file: " + dir.resolve("absent.java") + "\n");
    }

    @Test
    void aFileThatDoesNotCompileShowsJavacsErrorsAndFails() throws IOException {
        Path file = write("broken.java", GOOD.replace("new Application(\"good\");", "new Application(\"good\")"));
        assertThat(twistd("-n", "--pidfile", pidfile(), "-y", file.toString())).isEqualTo(1);
        assertThat(err())
                .contains(file + ":4: error: ';' expected\n")
                .contains("^\n")
                .endsWith("twistd: " + file + " does not compile (1 error)\n");
        assertThat(dir.resolve("twistd.pid")).doesNotExist();
    }

    @Test
    void aFileWithoutApplicationSaysWhatIsExpected() throws IOException {
        Path file = write("none.java", "public class None { }\n");
        assertThat(twistd("-n", "--pidfile", pidfile(), "-y", file.toString())).isEqualTo(1);
        assertThat(err())
                .isEqualTo("twistd: " + file + " has no application: its class None must declare "
                        + "`public static Application application()` (or a static field `application`)\n");
    }

    @Test
    void anApplicationThatThrowsIsOneLineWithWhere() throws IOException {
        Path file = write("throws.java", """
                import io.jtwisted.application.service.Application;
                public class Throws {
                    public static Application application() {
                        throw new IllegalStateException("no config");
                    }
                }
                """);
        assertThat(twistd("-n", "--pidfile", pidfile(), "-y", file.toString())).isEqualTo(1);
        assertThat(err())
                .isEqualTo("twistd: application() of " + file
                        + " threw java.lang.IllegalStateException: no config (at line 4)\n");
    }

    @Test
    void anApplicationMayBeAStaticField() throws IOException {
        Path file = write("field.java", """
                import io.jtwisted.application.service.Application;
                public class Field {
                    static Application application = new Application("field");
                }
                """);
        // It loads, then stops at the unwritable log directory: nothing runs.
        assertThat(twistd(
                        "-n",
                        "--pidfile",
                        pidfile(),
                        "-l",
                        dir.resolve("missing/dir/x.log").toString(),
                        "-y",
                        file.toString()))
                .isEqualTo(1);
        assertThat(err())
                .isEqualTo("twistd: cannot open the log file " + dir.resolve("missing/dir/x.log")
                        + ": no such file or directory\n");
        assertThat(dir.resolve("twistd.pid")).doesNotExist();
    }

    @Test
    void aLoggerThatCannotBeFoundIsAnError() throws IOException {
        Path file = write("good.java", GOOD);
        assertThat(twistd("-n", "--pidfile", pidfile(), "--logger", "no.such.Thing.logger", "-y", file.toString()))
                .isEqualTo(1);
        assertThat(err())
                .isEqualTo("twistd: --logger no.such.Thing.logger: no class no.such.Thing on the class path\n");
        errBytes.reset();
        assertThat(twistd("-n", "--pidfile", pidfile(), "--logger", "java.lang.String.valueOf", "-y", file.toString()))
                .isEqualTo(1);
        assertThat(err()).hasLineCount(1).contains("has no public method valueOf()");
        errBytes.reset();
        assertThat(twistd("-n", "--pidfile", pidfile(), "--logger", "nodot", "-y", file.toString()))
                .isEqualTo(2);
        assertThat(err()).hasLineCount(1).contains("--logger takes CLASS.METHOD");
    }

    @Test
    void anApplicationAskingForAnotherUserIsRefused() throws IOException {
        Path file = write("other.java", """
                import io.jtwisted.application.service.Application;
                public class Other {
                    public static Application application() {
                        return new Application("other", 4242, 4242);
                    }
                }
                """);
        assertThat(twistd("-n", "--pidfile", pidfile(), "-y", file.toString())).isEqualTo(1);
        assertThat(err())
                .hasLineCount(1)
                .contains("asks to run as uid 4242 gid 4242")
                .contains("a JVM cannot switch");
    }

    @Test
    void theCompiledFileIsCachedAndReused() throws IOException, StartupError {
        Path file = write("cached.java", GOOD.replace("Good", "Cached"));
        Path root = dir.resolve("cache");
        new TacLoader(file, root).compileOnly();
        try (var entries = Files.list(root)) {
            assertThat(entries).hasSize(1);
        }
        Files.writeString(file, GOOD.replace("Good", "Cached").replace("\"good\"", "\"changed\""));
        assertThat(new TacLoader(file, root).load().name()).isEqualTo("changed");
        try (var entries = Files.list(root)) {
            assertThat(entries).hasSize(2);
        }
    }
}
