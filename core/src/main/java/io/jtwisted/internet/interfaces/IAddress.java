package io.jtwisted.internet.interfaces;

/** The address of one end of a connection or of a listening port. */
public interface IAddress {}
