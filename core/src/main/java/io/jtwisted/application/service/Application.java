package io.jtwisted.application.service;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The root of a deployed program's services, as the object Twisted's {@code Application(name, uid, gid)}
 * makes: a {@link MultiService} with a name, the process's user and group ids to run as, and components
 * that {@code twistd} reads, such as the log observer:
 *
 * <pre>{@code
 * Application application = new Application("myapp");
 * application.setComponent(ILogObserver.class, textFileLogObserver(new DailyLogFile("my.log", "/tmp")));
 * }</pre>
 */
public class Application extends MultiService {
    private final @Nullable Integer uid;
    private final @Nullable Integer gid;
    private final Map<Class<?>, Object> components = new LinkedHashMap<>();
    private @Nullable String processName;

    /** An application named {@code name}, keeping the process's user and group. */
    public Application(String name) {
        this(name, null, null);
    }

    /**
     * An application named {@code name} that wants to run as {@code uid}/{@code gid} ({@code null}: as is).
     * {@code twistd} refuses to start one that asks for ids it cannot switch to, since the JVM cannot change
     * its user; run {@code twistd} as that user instead.
     */
    @SuppressWarnings("this-escape") // setName runs in the constructor as in Twisted's Application
    public Application(String name, @Nullable Integer uid, @Nullable Integer gid) {
        setName(name);
        this.uid = uid;
        this.gid = gid;
    }

    /** The user id to run as, or {@code null}. */
    public @Nullable Integer uid() {
        return uid;
    }

    /** The group id to run as, or {@code null}. */
    public @Nullable Integer gid() {
        return gid;
    }

    /** The process name to show, or {@code null} (Twisted's {@code IProcess.processName}). */
    public @Nullable String processName() {
        return processName;
    }

    /** Sets the process name to show. */
    public void setProcessName(String processName) {
        this.processName = processName;
    }

    /** Registers {@code component} as this application's {@code type} (Twisted's {@code setComponent}). */
    public <T> void setComponent(Class<T> type, T component) {
        components.put(type, type.cast(component));
    }

    /** The component registered as {@code type}, or {@code null}. */
    public <T> @Nullable T getComponent(Class<T> type) {
        return type.cast(components.get(type));
    }

    /** Forgets the component registered as {@code type}. */
    public void unsetComponent(Class<?> type) {
        components.remove(type);
    }
}
