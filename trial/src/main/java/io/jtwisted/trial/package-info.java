/**
 * Trial-style testing on JUnit 5, as Twisted's {@code twisted.trial}: assertions on Deferreds, the {@code TrialExtension}, the {@code TestCase} engine and the dirty-reactor janitor.
 */
@NullMarked
package io.jtwisted.trial;

import org.jspecify.annotations.NullMarked;
