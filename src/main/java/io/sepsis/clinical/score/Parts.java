package io.sepsis.clinical.score;

import java.util.Arrays;
import java.util.List;

/** A small, allocation-light list of constant strings for building a {@link ScoreResult}; not thread-safe. */
final class Parts {
    private final String[] items;
    private int size;

    Parts(int capacity) {
        items = new String[capacity];
    }

    void add(String s) {
        items[size++] = s;
    }

    boolean isEmpty() {
        return size == 0;
    }

    List<String> toList() {
        switch (size) {
            case 0:
                return List.of();
            case 1:
                return List.of(items[0]);
            case 2:
                return List.of(items[0], items[1]);
            case 3:
                return List.of(items[0], items[1], items[2]);
            default:
                return List.of(size == items.length ? items : Arrays.copyOf(items, size));
        }
    }
}
