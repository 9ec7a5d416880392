// Settles which callback bodies Mattermost refuses: json.NewDecoder(body).Decode(&OutgoingWebhookResponse), with the
// response types mirrored from server/public/model (outgoing_webhook.go, message_attachment.go,
// integration_action.go, post.go: PostPriority).
// Run: GO111MODULE=off go run main.go < cases.txt > ../../resources/go-decode.tsv
// Each input line is one body; each output line is the body, a tab, and "ok <what Go decoded>" or "error: <Go's
// message>".
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"strings"
)

type slackCompatibleBool bool

// Mattermost's SlackCompatibleBool.UnmarshalJSON.
func (b *slackCompatibleBool) UnmarshalJSON(data []byte) error {
	value := strings.ToLower(string(data))
	switch value {
	case "true", `"true"`:
		*b = true
	case "false", `"false"`:
		*b = false
	default:
		return fmt.Errorf("unmarshal: unable to convert %s to bool", data)
	}
	return nil
}

type field struct {
	Title string              `json:"title"`
	Value any                 `json:"value"`
	Short slackCompatibleBool `json:"short"`
}

type option struct {
	Text  string `json:"text"`
	Value string `json:"value"`
}

type integration struct {
	URL     string         `json:"url,omitempty"`
	Context map[string]any `json:"context,omitempty"`
}

type action struct {
	Id            string       `json:"id,omitempty"`
	Type          string       `json:"type,omitempty"`
	Name          string       `json:"name,omitempty"`
	Disabled      bool         `json:"disabled,omitempty"`
	Style         string       `json:"style,omitempty"`
	DataSource    string       `json:"data_source,omitempty"`
	Options       []*option    `json:"options,omitempty"`
	DefaultOption string       `json:"default_option,omitempty"`
	Integration   *integration `json:"integration,omitempty"`
	Cookie        string       `json:"cookie,omitempty"`
}

type attachment struct {
	Id         int64    `json:"id"`
	Fallback   string   `json:"fallback"`
	Color      string   `json:"color"`
	Pretext    string   `json:"pretext"`
	AuthorName string   `json:"author_name"`
	AuthorLink string   `json:"author_link"`
	AuthorIcon string   `json:"author_icon"`
	Title      string   `json:"title"`
	TitleLink  string   `json:"title_link"`
	Text       string   `json:"text"`
	Fields     []*field `json:"fields"`
	ImageURL   string   `json:"image_url"`
	ThumbURL   string   `json:"thumb_url"`
	Footer     string   `json:"footer"`
	FooterIcon string   `json:"footer_icon"`
	Timestamp  any      `json:"ts"`
	Actions    []*action `json:"actions,omitempty"`
}

type priority struct {
	Priority                *string `json:"priority"`
	RequestedAck            *bool   `json:"requested_ack"`
	PersistentNotifications *bool   `json:"persistent_notifications"`
	PostId                  string  `json:",omitempty"`
	ChannelId               string  `json:",omitempty"`
}

type response struct {
	Text         *string        `json:"text"`
	Username     string         `json:"username"`
	IconURL      string         `json:"icon_url"`
	Props        map[string]any `json:"props"`
	Attachments  []*attachment  `json:"attachments"`
	Type         string         `json:"type"`
	ResponseType string         `json:"response_type"`
	Priority     *priority      `json:"priority"`
}

func main() {
	in := bufio.NewScanner(os.Stdin)
	for in.Scan() {
		line := in.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		var r response
		if err := json.NewDecoder(strings.NewReader(line)).Decode(&r); err != nil {
			fmt.Printf("%s\terror: %v\n", line, err)
		} else {
			out, _ := json.Marshal(r)
			fmt.Printf("%s\tok %s\n", line, out)
		}
	}
}
