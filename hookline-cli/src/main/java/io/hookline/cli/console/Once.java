package io.hookline.cli.console;

import java.util.function.Supplier;

/** A value made on first use and kept: a store that creates topics is opened when a page first needs it. */
final class Once<T> implements Supplier<T> {

    private final Supplier<T> make;
    private T value;

    Once(Supplier<T> make) {
        this.make = make;
    }

    @Override
    public synchronized T get() {
        if (value == null) {
            value = make.get();
        }
        return value;
    }
}
