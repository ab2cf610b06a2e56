/**
 * Services and their hierarchy, as Twisted's {@code twisted.application.service}: {@code Service},
 * {@code MultiService} and {@code Application}.
 */
@NullMarked
package io.jtwisted.application.service;

import org.jspecify.annotations.NullMarked;
