package io.vggsuite.data;

import java.util.Iterator;

/** The batches of one epoch, in order; closing it stops the prefetching early. */
public interface BatchIterator extends Iterator<Batch>, AutoCloseable {

    @Override
    void close();
}
