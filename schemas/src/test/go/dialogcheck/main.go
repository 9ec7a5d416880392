// Prints how Go's encoding/json and time.Parse treat the cases DialogJsonTest and DialogValidatorTest pin down, so
// that the Java expectations can be compared with Go by hand: go run . (not needed by the Java tests).
// The structs restate the JSON shape of Mattermost's v11.6 dialog model (field order and tags).
// Mattermost builds with a current Go; two answers differ on the Go 1.19 of Debian bookworm, and the tests follow
// current Go: since 1.22 \b and \f are written short (1.19: \u0008, \u000c), and since 1.20 time.Parse rejects an
// offset hour above 24 (1.19 accepts +25:00).
package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"time"
)

type option struct {
	Text  string `json:"text"`
	Value string `json:"value"`
}

type dateTimeConfig struct {
	TimeInterval         int    `json:"time_interval,omitempty"`
	LocationTimezone     string `json:"location_timezone,omitempty"`
	AllowManualTimeEntry bool   `json:"allow_manual_time_entry,omitempty"`
}

type element struct {
	DisplayName    string          `json:"display_name"`
	Name           string          `json:"name"`
	Type           string          `json:"type"`
	SubType        string          `json:"subtype"`
	Default        string          `json:"default"`
	Placeholder    string          `json:"placeholder"`
	HelpText       string          `json:"help_text"`
	Optional       bool            `json:"optional"`
	MinLength      int             `json:"min_length"`
	MaxLength      int             `json:"max_length"`
	DataSource     string          `json:"data_source"`
	DataSourceURL  string          `json:"data_source_url,omitempty"`
	Options        []*option       `json:"options"`
	MultiSelect    bool            `json:"multiselect"`
	Refresh        bool            `json:"refresh,omitempty"`
	DateTimeConfig *dateTimeConfig `json:"datetime_config,omitempty"`
	MinDate        string          `json:"min_date,omitempty"`
	MaxDate        string          `json:"max_date,omitempty"`
	TimeInterval   int             `json:"time_interval,omitempty"`
}

type dialog struct {
	CallbackId       string    `json:"callback_id"`
	Title            string    `json:"title"`
	IntroductionText string    `json:"introduction_text"`
	IconURL          string    `json:"icon_url"`
	Elements         []element `json:"elements"`
	SubmitLabel      string    `json:"submit_label"`
	NotifyOnCancel   bool      `json:"notify_on_cancel"`
	State            string    `json:"state"`
	SourceURL        string    `json:"source_url,omitempty"`
}

type openRequest struct {
	TriggerId string `json:"trigger_id"`
	URL       string `json:"url"`
	Dialog    dialog `json:"dialog"`
}

type submitResponse struct {
	Error  string            `json:"error,omitempty"`
	Errors map[string]string `json:"errors,omitempty"`
	Type   string            `json:"type,omitempty"`
	Form   *dialog           `json:"form,omitempty"`
}

type lookupResponse struct {
	Items []option `json:"items"`
}

func decodeOpen(body string) {
	var r openRequest
	err := json.NewDecoder(strings.NewReader(body)).Decode(&r)
	out, _ := json.Marshal(r)
	fmt.Printf("open %s\n  err=%v\n  out=%s\n", body, err, out)
}

func unmarshal(body string, v any) {
	err := json.Unmarshal([]byte(body), v)
	out, _ := json.Marshal(v)
	fmt.Printf("unmarshal %s\n  err=%v\n  out=%s\n", body, err, out)
}

func main() {
	decodeOpen(`{"url":"u","dialog":{"title":"<b>&\u2028\u2029\u0001\b\f","extra":1,"elements":[{"name":"a","type":"text","x":[1]}]}}`)
	decodeOpen(`{"URL":"u","Trigger_ID":"t","dialog":{"ſtate":"s"}}`)
	decodeOpen(`{"dialog":{"title":"a","callback_id":"c"},"dialog":{"title":null,"submit_label":"l"}}`)
	decodeOpen(`{"dialog":{"elements":[{"name":"a","type":"text"},{"name":"b"}]},"dialog":{"elements":[{"name":"c"}]}}`)
	decodeOpen(`{"dialog":{"elements":[{"options":[{"text":"t","value":"v"},null]}]}}`)
	decodeOpen(`{"dialog":{"elements":[{"optional":"true"}]}}`)
	decodeOpen(`{"dialog":{"elements":[{"min_length":"5"}]}}`)
	decodeOpen(`{"dialog":{"elements":[{"min_length":1.5}]}}`)
	decodeOpen(`{"dialog":{"elements":[{"min_length":9223372036854775808}]}}`)
	decodeOpen(`{"dialog":{"elements":[{"default":true}]}}`)
	decodeOpen(`{"dialog":{"elements":[{"options":["x"]}]}}`)
	decodeOpen(`{"dialog":{"elements":[{"datetime_config":{}}]}}`)
	decodeOpen(`{"url":"u"} trailing`)
	decodeOpen(`[]`)
	decodeOpen(``)
	decodeOpen("{\"url\":\"\xff\\ud800\\ud83d\\ude00\"}")
	unmarshal(`{"errors":{"b":"2","a":null,"é":"3","z":"4"}}`, &submitResponse{})
	unmarshal(`{"errors":{"a":1}}`, &submitResponse{})
	unmarshal(`{"errors":{"a":"x"},"errors":{"b":"y"}}`, &submitResponse{})
	unmarshal(`{} x`, &submitResponse{})
	unmarshal(`{"items":[null,{"text":"a","value":"b","x":1}]}`, &lookupResponse{})
	unmarshal(`{"items":[]}`, &lookupResponse{})
	unmarshal(`{"options":[]}`, &lookupResponse{})

	var buf bytes.Buffer
	for _, layout := range []string{"2006-01-02", "2006-01-02T15:04:05Z", "2006-01-02T15:04:05-07:00", "2006-01-02T15:04:05", "2006-01-02T15:04"} {
		for _, v := range []string{"2024-02-29", "2023-02-29", "0000-02-29", "2024-1-05", "2024-04-31", "2024-01-15T10:00:00Z",
			"2024-01-15T10:00:00-07:00", "2024-01-15T10:00:00", "2024-01-15T10:00", "2024-01-15T9:00:00Z",
			"2024-01-15T10:00:00.123Z", "2024-01-15T10:00:00,5", "2024-01-15T24:00:00Z", "2024-01-15T10:60",
			"2024-01-15T10:00:00+0530", "2024-01-15T10:00:00+25:00", "2024-01-15T10:00Z"} {
			_, err := time.Parse(layout, v)
			if err == nil {
				fmt.Fprintf(&buf, "%s parses %s\n", layout, v)
			}
		}
	}
	fmt.Print(buf.String())
	fmt.Printf("%q\n", "a\"b\n\u00a0\u2028é日\x7f\x01")
}
