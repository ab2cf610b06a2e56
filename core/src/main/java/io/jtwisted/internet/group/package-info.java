/**
 * Every core, the same Protocol API: {@link io.jtwisted.internet.group.ReactorGroup} runs one reactor per
 * core, each on its own thread, spreads the connections of its listening ports across them, and stops them
 * together. {@link io.jtwisted.internet.group.GroupFactory} says whether a factory is built once per reactor
 * or shared by all of them.
 */
@NullMarked
package io.jtwisted.internet.group;

import org.jspecify.annotations.NullMarked;
