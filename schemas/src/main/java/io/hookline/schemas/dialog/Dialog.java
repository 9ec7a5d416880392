package io.hookline.schemas.dialog;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

/**
 * An interactive dialog: Mattermost's {@code Dialog} (v11.6), keys in Go's declaration order. Strings are never null.
 * {@code elements} is null for Go's nil slice (written {@code null}), empty for {@code []}. {@code source_url} is
 * omitted when empty: Mattermost declares it {@code omitempty}, unlike the other keys.
 */
@JsonInclude(Include.ALWAYS)
@JsonPropertyOrder({"callback_id", "title", "introduction_text", "icon_url", "elements", "submit_label",
        "notify_on_cancel", "state", "source_url"})
public record Dialog(
        String callbackId,
        String title,
        String introductionText,
        String iconUrl,
        List<DialogElement> elements,
        String submitLabel,
        boolean notifyOnCancel,
        String state,
        @JsonInclude(Include.NON_DEFAULT) String sourceUrl) {

    public Dialog {
        callbackId = orEmpty(callbackId);
        title = orEmpty(title);
        introductionText = orEmpty(introductionText);
        iconUrl = orEmpty(iconUrl);
        // a null element is Go's zero DialogElement: the slice holds values, not pointers
        elements = elements == null ? null : Collections.unmodifiableList(new ArrayList<>(elements.stream()
                .map(e -> e == null ? DialogElement.of("", "", "") : e).toList()));
        submitLabel = orEmpty(submitLabel);
        state = orEmpty(state);
        sourceUrl = orEmpty(sourceUrl);
    }

    /** The zero dialog, as Go decodes {@code {}} or an absent {@code dialog}. */
    public static Dialog empty() {
        return new Dialog("", "", "", "", null, "", false, "", "");
    }

    /** A dialog with a title and elements, everything else zero. */
    public static Dialog of(String title, List<DialogElement> elements) {
        return new Dialog("", title, "", "", elements, "", false, "", "");
    }

    public Dialog withCallbackId(String v) {
        return edit(c -> c.callbackId = v);
    }

    public Dialog withTitle(String v) {
        return edit(c -> c.title = v);
    }

    public Dialog withIntroductionText(String v) {
        return edit(c -> c.introductionText = v);
    }

    public Dialog withIconUrl(String v) {
        return edit(c -> c.iconUrl = v);
    }

    public Dialog withElements(List<DialogElement> v) {
        return edit(c -> c.elements = v);
    }

    public Dialog withSubmitLabel(String v) {
        return edit(c -> c.submitLabel = v);
    }

    public Dialog withNotifyOnCancel(boolean v) {
        return edit(c -> c.notifyOnCancel = v);
    }

    public Dialog withState(String v) {
        return edit(c -> c.state = v);
    }

    public Dialog withSourceUrl(String v) {
        return edit(c -> c.sourceUrl = v);
    }

    private Dialog edit(Consumer<Copy> change) {
        Copy c = new Copy(this);
        change.accept(c);
        return new Dialog(c.callbackId, c.title, c.introductionText, c.iconUrl, c.elements, c.submitLabel,
                c.notifyOnCancel, c.state, c.sourceUrl);
    }

    /** The fields of a dialog being copied. */
    private static final class Copy {
        String callbackId;
        String title;
        String introductionText;
        String iconUrl;
        List<DialogElement> elements;
        String submitLabel;
        boolean notifyOnCancel;
        String state;
        String sourceUrl;

        Copy(Dialog d) {
            callbackId = d.callbackId;
            title = d.title;
            introductionText = d.introductionText;
            iconUrl = d.iconUrl;
            elements = d.elements;
            submitLabel = d.submitLabel;
            notifyOnCancel = d.notifyOnCancel;
            state = d.state;
            sourceUrl = d.sourceUrl;
        }
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
