package io.hookline.schemas.interaction;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.hookline.schemas.post.Channel;
import io.hookline.schemas.post.Team;
import io.hookline.schemas.post.User;
import java.util.Map;

/**
 * The value of {@code interactions} (key: channel id), written by the chat server: a person clicked a button or chose a
 * menu option ({@code post_action}), submitted or cancelled a dialog or asked it for a field refresh
 * ({@code dialog_submission}), or typed into a dynamic select ({@code dialog_lookup}). It carries what Mattermost's
 * server knows when it calls the integration: the clicked post as stored (with its actions' {@code integration}) or,
 * for an ephemeral post, the action's cookie; who acted, in which channel and team.
 *
 * <p>A {@code null} inside {@code post} or {@code submission} is kept as written (the shared mapper leaves nulls out
 * elsewhere): an untouched dialog field is sent as {@code null}, and a prop's presence decides what an update retains.
 *
 * @param id             the event id (26 characters): every result names it, and a repeated event is answered once
 * @param actionId       post_action: the clicked action's id
 * @param selectedOption post_action: the chosen option's value (a user or channel id for those menus), empty for buttons
 * @param post           post_action: the clicked post as the chat server stores it (Mattermost's post JSON), or null
 *                       for an ephemeral post, whose actions carry a {@code cookie} instead
 * @param cookie         post_action on an ephemeral post: the action's cookie, as the client echoes it
 * @param url            dialogs: where the submission or lookup goes (the dialog's url, source_url or data_source_url)
 * @param submission     dialogs: the values by element name (lookups: current values plus query and selected_field)
 * @param submissionType dialog_submission: {@code ""} or {@code refresh}
 * @param team           null for direct and group channels
 */
public record InteractionEvent(
        String type,
        String id,
        String actionId,
        String selectedOption,
        @JsonInclude(content = JsonInclude.Include.ALWAYS) Map<String, Object> post,
        String cookie,
        String url,
        String callbackId,
        String state,
        @JsonInclude(content = JsonInclude.Include.ALWAYS) Map<String, Object> submission,
        boolean cancelled,
        String submissionType,
        User user,
        Channel channel,
        Team team) {

    public static final String POST_ACTION = "post_action";
    public static final String DIALOG_SUBMISSION = "dialog_submission";
    public static final String DIALOG_LOOKUP = "dialog_lookup";
    /** {@code submission_type} of a dialog field refresh (sent to the dialog's source_url). */
    public static final String REFRESH = "refresh";

    public InteractionEvent {
        type = orEmpty(type);
        id = orEmpty(id);
        actionId = orEmpty(actionId);
        selectedOption = orEmpty(selectedOption);
        cookie = orEmpty(cookie);
        url = orEmpty(url);
        callbackId = orEmpty(callbackId);
        state = orEmpty(state);
        submissionType = orEmpty(submissionType);
    }

    /** A click on an action of a stored post. */
    public static InteractionEvent postAction(String id, String actionId, String selectedOption,
                                              Map<String, Object> post, User user, Channel channel, Team team) {
        return new InteractionEvent(POST_ACTION, id, actionId, selectedOption, post, "", "", "", "", null, false, "",
                user, channel, team);
    }

    /** A click on an action of an ephemeral post, which exists only as the cookie its action carries. */
    public static InteractionEvent postActionWithCookie(String id, String actionId, String selectedOption,
                                                        String cookie, User user, Channel channel, Team team) {
        return new InteractionEvent(POST_ACTION, id, actionId, selectedOption, null, cookie, "", "", "", null, false,
                "", user, channel, team);
    }

    /** A dialog submitted ({@code cancelled} false), cancelled, or refreshed ({@code submissionType} refresh). */
    public static InteractionEvent dialogSubmission(String id, String url, String callbackId, String state,
                                                    Map<String, Object> submission, boolean cancelled,
                                                    String submissionType, User user, Channel channel, Team team) {
        return new InteractionEvent(DIALOG_SUBMISSION, id, "", "", null, "", url, callbackId, state, submission,
                cancelled, submissionType, user, channel, team);
    }

    /** A dynamic select asking its data_source_url for options. */
    public static InteractionEvent dialogLookup(String id, String url, String callbackId, String state,
                                                Map<String, Object> submission, User user, Channel channel,
                                                Team team) {
        return new InteractionEvent(DIALOG_LOOKUP, id, "", "", null, "", url, callbackId, state, submission, false,
                "", user, channel, team);
    }

    @JsonIgnore
    public boolean isPostAction() {
        return POST_ACTION.equals(type);
    }

    @JsonIgnore
    public boolean isDialogSubmission() {
        return DIALOG_SUBMISSION.equals(type);
    }

    @JsonIgnore
    public boolean isDialogLookup() {
        return DIALOG_LOOKUP.equals(type);
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
