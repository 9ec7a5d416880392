package io.hookline.ingestor.slack;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.ingestor.response.MessageAttachment;
import io.hookline.ingestor.response.MessageAttachment.Action;
import io.hookline.ingestor.response.MessageAttachment.Integration;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever URL text a callback sends, no link, image or action URL in the output has a scheme other than http(s). */
class AttachmentUrlProperties {

    private static final List<String> URL_KEYS = List.of("author_link", "author_icon", "title_link", "image_url",
            "thumb_url", "footer_icon");

    @Property(tries = 500)
    void onlyHttpUrlsSurvive(@ForAll("urls") String url) {
        MessageAttachment a = new MessageAttachment(0, "", "", "", "author", url, url, "title", url, "", List.of(),
                url, url, "", url, null, List.of(new Action("", "button", "go", "", false, "", "", List.of(), "",
                new Integration(url, Map.of()))));
        Map<String, Object> out = AttachmentSanitizer.forWebhookAnswers().sanitize(List.of(a)).attachments().get(0);
        for (String key : URL_KEYS) {
            if (out.containsKey(key)) {
                assertThat((String) out.get(key)).matches("https?://[^\\s]+");
            }
        }
        if (out.get("actions") instanceof List<?> actions && !actions.isEmpty()) {
            String target = (String) ((Map<?, ?>) ((Map<?, ?>) actions.get(0)).get("integration")).get("url");
            assertThat(target).matches("(https?://|/?plugins/).*");
        }
    }

    @Provide
    Arbitrary<String> urls() {
        Arbitrary<String> scheme = Arbitraries.of("http://", "https://", "javascript:", "JAVASCRIPT:", "data:",
                "vbscript:", "", "//", "http:", "HTTP://", " https://", "\thttp://", "java\nscript:", "file://");
        Arbitrary<String> rest = Arbitraries.strings().withCharRange(' ', '~').withChars('\n', '\u00e9', '\u2028')
                .ofMaxLength(30);
        return net.jqwik.api.Combinators.combine(scheme, rest).as((s, r) -> s + r);
    }
}
