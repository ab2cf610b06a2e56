package io.jtwisted.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.logger.CapturedGlobalLog;
import io.jtwisted.logger.ILogObserver;
import io.jtwisted.logger.LogEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/**
 * Ports of twisted/test/test_application.py: ServiceTests (testName, testParent, testApplicationAsParent,
 * testNamedChild, testDoublyNamedChild, testDuplicateNamedChild, testDisowning, testRunning,
 * testRunningChildren1, testRunningChildren2, testAddCheckingRunning, testPrivileged), ProcessTests
 * (testID, testDefaults, testProcessName) and ApplicationTests (testConstructor, testComponents); and of
 * twisted/application/test/test_service.py (MultiServiceTests: test_removeService stopping a running child,
 * stopService waiting for every child). Not ported: testCopying and the persistence cases (no pickling in
 * Java), the zope.interface and IServiceMaker cases (plugins are tested with twistd).
 */
class ServiceTest {
    @Test
    void aServiceHasANameThatIsFixedOnceItHasAParent() {
        Service s = new Service();
        s.setName("hello");
        assertThat(s.name()).isEqualTo("hello");
        s.setServiceParent(new MultiService());
        assertThatThrownBy(() -> s.setName("other"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("cannot change name when parent exists");
    }

    @Test
    void settingAParentAddsTheServiceToIt() {
        Service s = new Service();
        MultiService p = new MultiService();
        s.setServiceParent(p);
        assertThat(p).containsExactly(s);
        assertThat(s.parent()).isSameAs(p);
    }

    @Test
    void anApplicationIsAParent() {
        Service s = new Service();
        Application p = new Application("");
        s.setServiceParent(p);
        assertThat(p).containsExactly(s);
        assertThat(s.parent()).isSameAs(p);
    }

    @Test
    void namedChildrenAreFoundByName() {
        Service s = new Service();
        MultiService p = new MultiService();
        s.setName("hello");
        s.setServiceParent(p);
        assertThat(p.getServiceNamed("hello")).isSameAs(s);
        assertThatThrownBy(() -> p.getServiceNamed("nobody")).isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void aNamedChildMovingToAnotherParentLeavesTheFirst() {
        Service s = new Service();
        MultiService p = new MultiService();
        MultiService q = new MultiService();
        s.setName("hello");
        s.setServiceParent(p);
        s.setServiceParent(q);
        assertThat(p).isEmpty();
        assertThatThrownBy(() -> p.getServiceNamed("hello")).isInstanceOf(NoSuchElementException.class);
        assertThat(q.getServiceNamed("hello")).isSameAs(s);
    }

    @Test
    void twoChildrenOfTheSameNameAreRefused() {
        MultiService p = new MultiService();
        Service s = new Service();
        s.setName("hello");
        s.setServiceParent(p);
        Service twin = new Service();
        twin.setName("hello");
        assertThatThrownBy(() -> twin.setServiceParent(p))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("cannot have two services with same name 'hello'");
        assertThat(twin.parent()).isNull();
        assertThat(p).containsExactly(s);
    }

    @Test
    void disowningRemovesTheChildAndStopsItIfRunning() {
        MultiService p = new MultiService();
        Service s = new Service();
        s.setName("hello");
        s.setServiceParent(p);
        assertThat(s.disownServiceParent()).isNull();
        assertThat(p).isEmpty();
        assertThat(s.parent()).isNull();

        s.setServiceParent(p);
        p.startService();
        assertThat(s.running()).isTrue();
        s.disownServiceParent();
        assertThat(s.running()).isFalse();
        assertThat(p.running()).isTrue();
    }

    @Test
    void runningFollowsStartAndStop() {
        Service s = new Service();
        assertThat(s.running()).isFalse();
        s.startService();
        assertThat(s.running()).isTrue();
        s.stopService();
        assertThat(s.running()).isFalse();
    }

    @Test
    void childrenStartWithTheirParentInOrderAndStopInReverse() {
        List<String> order = new ArrayList<>();
        MultiService p = new MultiService();
        for (String name : List.of("a", "b", "c")) {
            new Recording(name, order).setServiceParent(p);
        }
        p.privilegedStartService();
        p.startService();
        p.stopService();
        assertThat(order)
                .containsExactly(
                        "privileged a",
                        "privileged b",
                        "privileged c",
                        "start a",
                        "start b",
                        "start c",
                        "stop c",
                        "stop b",
                        "stop a");
    }

    @Test
    void aChildAddedToARunningParentStartsAtOnceWithBothSteps() {
        List<String> order = new ArrayList<>();
        MultiService p = new MultiService();
        p.startService();
        new Recording("late", order).setServiceParent(p);
        assertThat(order).containsExactly("privileged late", "start late");
    }

    @Test
    void stopWaitsForEveryChildsDeferred() {
        MultiService p = new MultiService();
        Deferred<Void> slow = new Deferred<>();
        Service waiting = new Service() {
            @Override
            public Deferred<?> stopService() {
                super.stopService();
                return slow;
            }
        };
        waiting.setServiceParent(p);
        new Service().setServiceParent(p);
        p.startService();
        Deferred<?> stopped = p.stopService();
        assertThat(stopped.called()).isFalse();
        assertThat(p.running()).isFalse();
        slow.callback(null);
        assertThat(stopped.called()).isTrue();
    }

    @Test
    void aChildWhoseStopFailsIsLoggedAndTheOthersStillStop() {
        MultiService p = new MultiService();
        Service other = new Service();
        other.setServiceParent(p);
        new Service() {
            @Override
            public Deferred<?> stopService() {
                throw new IllegalStateException("cannot stop");
            }
        }.setServiceParent(p);
        p.startService();
        try (CapturedGlobalLog events = new CapturedGlobalLog()) {
            Deferred<?> stopped = p.stopService();
            assertThat(stopped.called()).isTrue();
            assertThat(other.running()).isFalse();
            assertThat(events.events())
                    .extracting(LogEvent::failure)
                    .anyMatch(f -> f != null && "cannot stop".equals(f.getErrorMessage()));
        }
    }

    @Test
    void theApplicationHasANameIdsAndComponents() {
        Application a = new Application("hello");
        assertThat(a.name()).isEqualTo("hello");
        assertThat(a.uid()).isNull();
        assertThat(a.gid()).isNull();
        Application b = new Application("hello", 5, 6);
        assertThat(b.uid()).isEqualTo(5);
        assertThat(b.gid()).isEqualTo(6);
        assertThat(a.processName()).isNull();
        a.setProcessName("hello");
        assertThat(a.processName()).isEqualTo("hello");

        ILogObserver observer = e -> {};
        a.setComponent(ILogObserver.class, observer);
        assertThat(a.getComponent(ILogObserver.class)).isSameAs(observer);
        a.unsetComponent(ILogObserver.class);
        assertThat(a.getComponent(ILogObserver.class)).isNull();
    }

    /** Records its privileged start, start and stop. */
    static final class Recording extends Service {
        private final List<String> order;

        Recording(String name, List<String> order) {
            setName(name);
            this.order = order;
        }

        @Override
        public void privilegedStartService() {
            order.add("privileged " + name());
        }

        @Override
        public void startService() {
            super.startService();
            order.add("start " + name());
        }

        @Override
        public Deferred<?> stopService() {
            super.stopService();
            order.add("stop " + name());
            return null;
        }
    }
}
