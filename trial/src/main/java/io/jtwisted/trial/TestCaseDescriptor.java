package io.jtwisted.trial;

import io.jtwisted.trial.unittest.TestCase;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.ClassSource;

/** A {@link TestCase} subclass in the engine's tree: a container of its test methods. */
final class TestCaseDescriptor extends AbstractTestDescriptor {
    static final String SEGMENT_TYPE = "class";

    private final Class<? extends TestCase> testClass;

    TestCaseDescriptor(UniqueId parentId, Class<? extends TestCase> testClass) {
        super(parentId.append(SEGMENT_TYPE, testClass.getName()), displayName(testClass), ClassSource.from(testClass));
        this.testClass = testClass;
    }

    Class<? extends TestCase> testClass() {
        return testClass;
    }

    @Override
    public Type getType() {
        return Type.CONTAINER;
    }

    /** A concrete, non-inner subclass of TestCase: one the engine can instantiate and run. */
    static boolean isTestCaseClass(Class<?> type) {
        int modifiers = type.getModifiers();
        return TestCase.class.isAssignableFrom(type)
                && !Modifier.isAbstract(modifiers)
                && !type.isInterface()
                && !Modifier.isPrivate(modifiers)
                && !type.isLocalClass()
                && !type.isAnonymousClass()
                && (type.getEnclosingClass() == null || Modifier.isStatic(modifiers));
    }

    /** As {@link #isTestCaseClass}, and top-level: what a package or class-path scan runs. */
    static boolean isTopLevelTestCaseClass(Class<?> type) {
        return type.getEnclosingClass() == null && isTestCaseClass(type);
    }

    /** The tests of {@code testClass}: public, non-static, no-argument methods named test*, by name. */
    static List<Method> testMethods(Class<?> testClass) {
        return Arrays.stream(testClass.getMethods())
                .filter(TestCaseDescriptor::isTestMethod)
                .sorted(Comparator.comparing(Method::getName))
                .toList();
    }

    static boolean isTestMethod(Method method) {
        return method.getName().startsWith("test")
                && method.getParameterCount() == 0
                && Modifier.isPublic(method.getModifiers())
                && !Modifier.isStatic(method.getModifiers())
                && !method.isBridge()
                && !method.isSynthetic();
    }

    private static String displayName(Class<?> type) {
        String name = type.getName();
        return name.substring(name.lastIndexOf('.') + 1);
    }
}
