/**
 * Failure, Twisted's wrapper of an exception with its traceback, and the functional types whose
 * lambdas may throw ({@code ThrowingFunction} and the others). Depends on nothing but the JDK
 * (and the nullness annotations).
 */
@NullMarked
package io.jtwisted.python.failure;

import org.jspecify.annotations.NullMarked;
