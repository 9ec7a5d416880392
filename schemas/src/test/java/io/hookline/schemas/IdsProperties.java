package io.hookline.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.schemas.Ids;
import java.util.HashSet;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Example;

class IdsProperties {

    @Property
    void deterministicIdsAreValidAndStable(@ForAll String a, @ForAll String b) {
        String id = Ids.deterministic(a, b);
        assertThat(Ids.isValid(id)).isTrue();
        assertThat(Ids.deterministic(a, b)).isEqualTo(id);
    }

    @Property
    void partsAreDelimitedSoConcatenationsDoNotCollide(@ForAll String a, @ForAll String b) {
        if (!b.isEmpty()) {
            assertThat(Ids.deterministic(a + b.charAt(0), b.substring(1))).isNotEqualTo(Ids.deterministic(a, b));
        }
    }

    @Example
    void newIdsAreValidAndDistinct() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String id = Ids.newId();
            assertThat(Ids.isValid(id)).as(id).isTrue();
            seen.add(id);
        }
        assertThat(seen).hasSize(10_000);
    }

    @Example
    void validityFollowsMattermost() {
        assertThat(Ids.isValid("abcdefghijklmnopqrstuvwxyz")).isTrue();
        assertThat(Ids.isValid("ABCDEFGHIJKLMNOPQRSTUVWXYZ")).as("upper case").isTrue();
        assertThat(Ids.isValid("abcdefghijklmnopqrstuvwxy")).isFalse();
        assertThat(Ids.isValid("abcdefghijklmnopqrstuvwxy-")).isFalse();
        assertThat(Ids.isValid("abcdefghijklmnopqrstuvwxy_")).isFalse();
        // the length is in UTF-8 bytes: é is two, so 24 + é is 26 bytes and 25 + é is 27
        assertThat(Ids.isValid("abcdefghijklmnopqrstuvwx\u00e9")).isTrue();
        assertThat(Ids.isValid("abcdefghijklmnopqrstuvwxy\u00e9")).isFalse();
        // any Unicode number: ARABIC-INDIC DIGIT THREE (two bytes)
        assertThat(Ids.isValid("abcdefghijklmnopqrstuvwx\u0663")).isTrue();
        assertThat(Ids.isValid(null)).isFalse();
    }
}
