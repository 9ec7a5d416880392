package io.hookline.schemas.interaction;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/** Where a click goes ({@code integration} of a post action): the URL and the context sent with every click. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ActionIntegration(
        String url,
        // a null in the context is sent to the integration as null, as Mattermost does
        @JsonInclude(value = JsonInclude.Include.NON_EMPTY, content = JsonInclude.Include.ALWAYS)
        Map<String, Object> context) {

    public ActionIntegration {
        url = url == null ? "" : url;
    }
}
