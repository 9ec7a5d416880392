package io.hookline.schemas.dialog;

/**
 * A body Mattermost's Go decoder would refuse: not JSON, or a value of the wrong type somewhere (which fails the whole
 * body, as in Go). The message is Go-style and names the field path and the types without quoting the input beyond a
 * character or a shortened number.
 */
public final class DialogDecodeException extends Exception {

    private static final long serialVersionUID = 1L;

    public DialogDecodeException(String message) {
        super(message);
    }
}
