package io.hookline.schemas.dialog;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One choice of a select or radio element, and one item of a lookup answer: Mattermost's {@code PostActionOptions}
 * (elements) and {@code DialogSelectOption} (lookup), which serialise alike: both keys always present.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"text", "value"})
public record DialogOption(String text, String value) {

    public DialogOption {
        text = text == null ? "" : text;
        value = value == null ? "" : value;
    }
}
