package io.jtwisted.python.systemd;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Port of twisted.python.test.test_systemd: InheritedDescriptorsMixin's test_inheritedDescriptors
 * and test_repeated (for a ListenFDs built directly and one built from an environment), and
 * EnvironmentTests' test_secondEnvironment, test_mismatchedPID, test_missingPIDVariable,
 * test_nonIntegerPIDVariable, test_missingFDSVariable, test_nonIntegerFDSVariable. test_defaultEnviron
 * patches os.environ, which Java cannot: the real environment of the test JVM has no LISTEN_PID for
 * it, so it is pinned as "nothing inherited". LISTEN_FDNAMES (newer systemd and Twisted) is added.
 */
class ListenFDsTest {
    private static final long PID = ProcessHandle.current().pid();

    private static Map<String, String> environment(String count, String pid) {
        Map<String, String> environ = new HashMap<>(System.getenv());
        environ.put("LISTEN_FDS", count);
        environ.put("LISTEN_PID", pid);
        return environ;
    }

    @Test
    void explicitDescriptorsAreTheInheritedOnes() {
        ListenFDs fds = new ListenFDs(List.of(7, 8, 9), List.of("a", "b", "c"));
        assertThat(fds.inheritedDescriptors()).containsExactly(7, 8, 9);
        assertThat(fds.inheritedDescriptors()).isEqualTo(fds.inheritedDescriptors());
    }

    @Test
    void theEnvironmentGivesCountDescriptorsFromStart() {
        ListenFDs fds = ListenFDs.fromEnvironment(environment("3", Long.toString(PID)), PID, 7);
        assertThat(fds.inheritedDescriptors()).containsExactly(7, 8, 9);
        assertThat(fds.inheritedDescriptors()).isEqualTo(fds.inheritedDescriptors());
    }

    @Test
    void onlyTheFirstReadOfAnEnvironmentTakesTheDescriptors() {
        Map<String, String> environ = environment("3", Long.toString(PID));
        ListenFDs first = ListenFDs.fromEnvironment(environ, PID, ListenFDs.START);
        ListenFDs second = ListenFDs.fromEnvironment(environ, PID, ListenFDs.START);
        assertThat(first.inheritedDescriptors()).containsExactly(3, 4, 5);
        assertThat(second.inheritedDescriptors()).isEmpty();
    }

    @Test
    void anotherProcesssPidGivesNothing() {
        assertThat(ListenFDs.fromEnvironment(environment("3", Long.toString(PID + 1)), PID, 3)
                        .inheritedDescriptors())
                .isEmpty();
    }

    @Test
    void noPidVariableGivesNothing() {
        Map<String, String> environ = environment("3", Long.toString(PID));
        environ.remove("LISTEN_PID");
        assertThat(ListenFDs.fromEnvironment(environ, PID, 3).inheritedDescriptors())
                .isEmpty();
    }

    @Test
    void aPidThatIsNotANumberGivesNothing() {
        assertThat(ListenFDs.fromEnvironment(environment("3", "hello, world"), PID, 3)
                        .inheritedDescriptors())
                .isEmpty();
    }

    @Test
    void noFdsVariableGivesNothing() {
        Map<String, String> environ = environment("3", Long.toString(PID));
        environ.remove("LISTEN_FDS");
        assertThat(ListenFDs.fromEnvironment(environ, PID, 3).inheritedDescriptors())
                .isEmpty();
    }

    @Test
    void fdsThatIsNotANumberGivesNothing() {
        assertThat(ListenFDs.fromEnvironment(environment("hello, world", Long.toString(PID)), PID, 3)
                        .inheritedDescriptors())
                .isEmpty();
    }

    @Test
    void thisJvmInheritedNothingAndReadsItsEnvironmentOnce() {
        assertThat(ListenFDs.fromEnvironment().inheritedDescriptors()).isEmpty();
        assertThat(ListenFDs.fromEnvironment()).isSameAs(ListenFDs.fromEnvironment());
    }

    @Test
    void fdNamesNameTheDescriptorsInOrder() {
        Map<String, String> environ = environment("3", Long.toString(PID));
        environ.put("LISTEN_FDNAMES", "web:admin:web");
        ListenFDs fds = ListenFDs.fromEnvironment(environ, PID, 3);
        assertThat(fds.inheritedNamedDescriptors()).containsExactly(Map.entry("web", 3), Map.entry("admin", 4));
    }

    @Test
    void fdNamesOfTheWrongCountAreUnknown() {
        Map<String, String> environ = environment("2", Long.toString(PID));
        environ.put("LISTEN_FDNAMES", "only-one");
        assertThat(ListenFDs.fromEnvironment(environ, PID, 3).inheritedNamedDescriptors())
                .containsExactly(Map.entry("unknown", 3));
    }
}
