package io.jtwisted.names.common;

import io.jtwisted.names.dns.RRHeader;
import java.util.List;

/**
 * What a resolver found: the records for the answer, authority and additional sections (the
 * {@code (answers, authority, additional)} tuple of Twisted's resolvers).
 */
public record LookupResult(List<RRHeader> answers, List<RRHeader> authority, List<RRHeader> additional) {
    /** A result with nothing in it. */
    public static final LookupResult EMPTY = new LookupResult(List.of(), List.of(), List.of());

    public LookupResult {
        answers = List.copyOf(answers);
        authority = List.copyOf(authority);
        additional = List.copyOf(additional);
    }

    /** A result with only answers. */
    public static LookupResult ofAnswers(List<RRHeader> answers) {
        return new LookupResult(answers, List.of(), List.of());
    }

    /** Whether all three sections are empty. */
    public boolean isEmpty() {
        return answers.isEmpty() && authority.isEmpty() && additional.isEmpty();
    }
}
