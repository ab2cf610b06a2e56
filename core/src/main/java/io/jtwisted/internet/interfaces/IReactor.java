package io.jtwisted.internet.interfaces;

/**
 * Any reactor, or any part of one: the common supertype of the reactor interfaces
 * ({@link IReactorCore}, {@link IReactorTime}, {@link IReactorThreads}, {@link IReactorTCP},
 * {@link IReactorSSL}, {@link IReactorFDSet} …). An API that needs only some of them, and says at
 * run time which (endpoint strings: {@code tcp:} needs {@link IReactorTCP}), takes an
 * {@code IReactor}, as Twisted's take any object: a real reactor and a test's
 * {@code MemoryReactor} or {@code RaisingMemoryReactor} alike. It declares nothing.
 */
public interface IReactor {}
