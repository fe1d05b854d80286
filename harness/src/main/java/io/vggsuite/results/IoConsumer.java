package io.vggsuite.results;

import java.io.IOException;

/** A consumer that may fail with an {@link IOException}: the body of an atomic write. */
@FunctionalInterface
public interface IoConsumer<T> {
    void accept(T t) throws IOException;
}
