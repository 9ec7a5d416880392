// Writes the bodies Mattermost sends for one tricky payload, with Go's own encoders (json.Marshal of
// model.OutgoingWebhookPayload, url.Values.Encode of its ToFormValues), so CallbackBodyTest compares bytes with Go.
// Regenerate: go run go-bodies.go (writes go-body.json and go-body.form next to it).
package main

import (
	"encoding/json"
	"net/url"
	"os"
	"strconv"
)

type OutgoingWebhookPayload struct {
	Token       string `json:"token"`
	TeamId      string `json:"team_id"`
	TeamDomain  string `json:"team_domain"`
	ChannelId   string `json:"channel_id"`
	ChannelName string `json:"channel_name"`
	Timestamp   int64  `json:"timestamp"`
	UserId      string `json:"user_id"`
	UserName    string `json:"user_name"`
	PostId      string `json:"post_id"`
	Text        string `json:"text"`
	TriggerWord string `json:"trigger_word"`
	FileIds     string `json:"file_ids"`
}

// The same values as CallbackBodyTest.TRICKY (\b and \f are left out: Go before 1.22 escapes them differently).
const tricky = "a b+c&d=e~f*g'h(i)j!k/l?m#n%o\"p<q>r\\s\tt\nu\r\x01\x1f\x7f \u00e9 \u65e5\u672c \U0001F600 \u2028\u2029 ;:@$,[]{}|^` -_."

func main() {
	p := OutgoingWebhookPayload{Token: "t<o>&k", TeamId: "team", TeamDomain: "dom", ChannelId: "chan",
		ChannelName: "town-square", Timestamp: 1764150000123, UserId: "user", UserName: "\u00e9l\u00e8ve",
		PostId: "post", Text: tricky, TriggerWord: "a", FileIds: "f1,f2"}
	b, _ := json.Marshal(p)
	os.WriteFile("go-body.json", b, 0o644)
	v := url.Values{}
	v.Set("token", p.Token)
	v.Set("team_id", p.TeamId)
	v.Set("team_domain", p.TeamDomain)
	v.Set("channel_id", p.ChannelId)
	v.Set("channel_name", p.ChannelName)
	v.Set("timestamp", strconv.FormatInt(p.Timestamp/1000, 10))
	v.Set("user_id", p.UserId)
	v.Set("user_name", p.UserName)
	v.Set("post_id", p.PostId)
	v.Set("text", p.Text)
	v.Set("trigger_word", p.TriggerWord)
	v.Set("file_ids", p.FileIds)
	os.WriteFile("go-body.form", []byte(v.Encode()), 0o644)
}
