/**
 * The log observer factory that Twisted's howtos name on twistd's command line ({@code --logger my.Logger.logger}).
 */
@NullMarked
package my;

import org.jspecify.annotations.NullMarked;
