package io.hookline.schemas.dialog;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A {@code datetime} element's {@code datetime_config} (v11.6 keys). Every key is omitted when zero, as Go's
 * {@code omitempty} does: the block is optional configuration, and the webapp reads each key as optional. The server
 * does not validate it (only the element's top-level {@code time_interval}).
 */
@JsonPropertyOrder({"time_interval", "location_timezone", "allow_manual_time_entry"})
public record DialogDateTimeConfig(
        @JsonInclude(Include.NON_DEFAULT) long timeInterval,
        @JsonInclude(Include.NON_DEFAULT) String locationTimezone,
        @JsonInclude(Include.NON_DEFAULT) boolean allowManualTimeEntry) {

    public DialogDateTimeConfig {
        locationTimezone = locationTimezone == null ? "" : locationTimezone;
    }
}
