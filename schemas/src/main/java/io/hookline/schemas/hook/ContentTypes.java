package io.hookline.schemas.hook;

/**
 * The media types Hookline speaks over HTTP: a hook's {@code content_type} of {@link #JSON} gets a JSON request, any
 * other a form ({@link #FORM}), as in Mattermost; callbacks answer in JSON, and so do Hookline's own endpoints.
 */
public final class ContentTypes {

    public static final String JSON = "application/json";
    public static final String FORM = "application/x-www-form-urlencoded";

    private ContentTypes() {
    }
}
