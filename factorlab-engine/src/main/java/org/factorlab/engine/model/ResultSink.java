package org.factorlab.engine.model;

import org.factorlab.engine.work.ChunkResult;

/**
 * Where a model puts each chunk's result. Results may arrive in any order and from any thread; the
 * sink puts them back in input order (or not, for {@code --unordered}) and writes them.
 */
public interface ResultSink {

    /** Accepts the result of one chunk; called exactly once per chunk taken from the source. */
    void accept(ChunkResult result);
}
