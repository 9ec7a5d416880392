package io.hookline.matcher.index;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * An immutable trie of words over UTF-16 units; every word carries its values. {@link #forEachPrefixOf} visits the
 * values of every stored word that is a prefix of the given word, in at most {@code word.length()} steps and
 * independently of how many words are stored.
 *
 * <p>For well-formed strings a UTF-16 prefix is exactly a UTF-8 byte prefix that ends on a character boundary, so
 * this agrees with Go's {@code strings.HasPrefix} on the same text.
 */
final class PrefixTrie<V> {

    private static final char[] NO_KEYS = new char[0];

    private final char[] keys;
    private final PrefixTrie<V>[] children;
    private final List<V> values;

    private PrefixTrie(char[] keys, PrefixTrie<V>[] children, List<V> values) {
        this.keys = keys;
        this.children = children;
        this.values = values;
    }

    /** Calls {@code action} for each value of each stored non-empty word that {@code word} starts with. */
    void forEachPrefixOf(String word, Consumer<V> action) {
        PrefixTrie<V> node = this;
        for (int i = 0; i < word.length(); i++) {
            int slot = Arrays.binarySearch(node.keys, word.charAt(i));
            if (slot < 0) {
                return;
            }
            node = node.children[slot];
            for (V value : node.values) {
                action.accept(value);
            }
        }
    }

    boolean isEmpty() {
        return keys.length == 0;
    }

    /** Collects words with their values, then freezes them into a trie. Not thread-safe; used once. */
    static final class Builder<V> {
        private final Node<V> root = new Node<>();

        Builder<V> add(String word, V value) {
            Node<V> node = root;
            for (int i = 0; i < word.length(); i++) {
                node = node.children.computeIfAbsent(word.charAt(i), c -> new Node<>());
            }
            node.values.add(value);
            return this;
        }

        PrefixTrie<V> build() {
            return freeze(root);
        }

        @SuppressWarnings("unchecked")
        private static <V> PrefixTrie<V> freeze(Node<V> node) {
            if (node.children.isEmpty()) {
                return new PrefixTrie<>(NO_KEYS, new PrefixTrie[0], List.copyOf(node.values));
            }
            char[] keys = new char[node.children.size()];
            PrefixTrie<V>[] children = new PrefixTrie[node.children.size()];
            int i = 0;
            for (Map.Entry<Character, Node<V>> child : node.children.entrySet()) {
                keys[i] = child.getKey();
                children[i] = freeze(child.getValue());
                i++;
            }
            return new PrefixTrie<>(keys, children, List.copyOf(node.values));
        }
    }

    private static final class Node<V> {
        final TreeMap<Character, Node<V>> children = new TreeMap<>();
        final List<V> values = new ArrayList<>();
    }
}
