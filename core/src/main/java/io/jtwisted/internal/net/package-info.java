/**
 * Conversions between the JDK's socket addresses and JTwisted's address records.
 */
@NullMarked
package io.jtwisted.internal.net;

import org.jspecify.annotations.NullMarked;
