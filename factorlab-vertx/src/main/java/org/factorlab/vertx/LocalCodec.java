package org.factorlab.vertx;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageCodec;

/**
 * Lets an immutable value travel on the event bus inside this JVM by reference: no bytes, no copy.
 * Our events never leave the process (every send is local only), so the wire methods refuse to work.
 *
 * @param <T> the value type; must be safe to share between threads (a record, a value never changed)
 */
final class LocalCodec<T> implements MessageCodec<T, T> {
    private final String name;

    LocalCodec(String name) {
        this.name = name;
    }

    @Override
    public void encodeToWire(Buffer buffer, T value) {
        throw new UnsupportedOperationException(name + " is delivered inside this JVM only");
    }

    @Override
    public T decodeFromWire(int pos, Buffer buffer) {
        throw new UnsupportedOperationException(name + " is delivered inside this JVM only");
    }

    @Override
    public T transform(T value) {
        return value;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public byte systemCodecID() {
        return -1; // a user codec
    }
}
