package io.hookline.schemas.dialog;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What an integration answers to a dynamic-select lookup: Mattermost's {@code LookupDialogResponse}, decoded from
 * {@code items} (not {@code options}). {@code items} is null for Go's nil slice, written {@code {"items":null}}, which is
 * also the answer for an empty body; a null item is Go's zero option, as the slice holds values.
 */
@JsonInclude(Include.ALWAYS)
public record LookupDialogResponse(List<DialogOption> items) {

    public LookupDialogResponse {
        items = items == null ? null : Collections.unmodifiableList(new ArrayList<>(items.stream()
                .map(o -> o == null ? new DialogOption("", "") : o).toList()));
    }

    /** {@code {"items":null}}. */
    public static LookupDialogResponse empty() {
        return new LookupDialogResponse(null);
    }
}
