package io.jtwisted.examples.docs;

import io.jtwisted.protocols.basic.StatefulProtocol;

/** docs/protocols.md's StatefulProtocol example, compiled and run by {@code LengthThenBodyTest}. */
class LengthThenBody extends StatefulProtocol {
    /** Where the application receives each message. */
    interface App {
        void handle(byte[] message);
    }

    private final App app;

    LengthThenBody(App app) {
        this.app = app;
    }

    @Override
    protected State getInitialState() {
        return new State(this::length, 2);
    }

    State length(byte[] prefix) {
        return new State(this::body, ((prefix[0] & 0xFF) << 8) | (prefix[1] & 0xFF));
    }

    State body(byte[] body) {
        app.handle(body);
        return getInitialState();
    } // null: stay in the same state
}
