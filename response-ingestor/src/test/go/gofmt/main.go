// Writes the expected table for GoValueFormatTest: each line is a JSON value, a tab, and what Mattermost's
// StringifyMessageAttachmentFieldValue makes of it: fmt.Sprintf("%v", v) of the value encoding/json decodes into an
// interface{} (float64, string, bool, nil, []interface{}, map[string]interface{}).
// (The integer -0 is left out: Go prints -0, Hookline 0, see the README.)
// Run: GO111MODULE=off go run main.go > ../../resources/go-fmt-v.tsv
package main

import (
	"encoding/json"
	"fmt"
	"math"
	"math/rand"
	"strconv"
)

func main() {
	inputs := []string{
		`1000000`, `1.0`, `0.000001`, `12345678`, `true`, `false`, `null`, `"text"`, `""`,
		`{"b": "x", "a": 1}`, `[1, "two"]`, `[]`, `{}`, `[null]`, `{"a": null}`,
		`{"z": {"y": [1, 2.5, {"k": false}]}, "a": []}`, `[[1, [2]], {"b": 1, "B": 2, "_": 3, "é": 4, "ａ": 5, "😀": 6}]`,
		`0`, `-0.0`, `1`, `-1`, `0.1`, `0.5`, `100`, `123456`, `999999`, `1e6`, `1E6`, `1e+6`, `999999.9`,
		`9999999`, `1e20`, `1e21`, `1e-4`, `1e-5`, `0.0001`, `0.00001`, `0.00012345`, `123456789012345678901234567890`,
		`9007199254740993`, `9223372036854775807`, `-9223372036854775808`, `18446744073709551616`, `1.7976931348623157e308`,
		`5e-324`, `2.2250738585072014e-308`, `1e-400`, `3.141592653589793`, `2.718281828459045`, `1e23`, `2e23`,
		`8.41e21`, `5e-6`, `4.35`, `0.3`, `1.5e300`, `123.456`, `-98765.4321`, `1e100`, `12.0e1`, `0.1e-3`,
		`" spaces and <tags> "`, `"\u00e9"`, `{"a": "x y", "b": [true, null, "s"]}`,
	}
	r := rand.New(rand.NewSource(20261129))
	for i := 0; i < 300; i++ {
		var f float64
		switch i % 5 {
		case 0:
			f = r.NormFloat64() * math.Pow(10, float64(r.Intn(40)-20))
		case 1:
			f = float64(r.Int63n(1<<53)) / math.Pow(10, float64(r.Intn(12)))
		case 2:
			f = math.Float64frombits(r.Uint64() &^ (0x7ff << 52) | uint64(r.Intn(2046)+1)<<52)
		case 3:
			f = float64(r.Int63())
		default:
			f = float64(r.Intn(100000000))
		}
		switch i % 3 {
		case 0:
			inputs = append(inputs, strconv.FormatFloat(f, 'g', -1, 64))
		case 1:
			inputs = append(inputs, strconv.FormatFloat(f, 'e', 17, 64))
		default:
			inputs = append(inputs, strconv.FormatFloat(f, 'f', -1, 64))
		}
	}
	for _, in := range inputs {
		var v any
		if err := json.Unmarshal([]byte(in), &v); err != nil {
			panic(in + ": " + err.Error())
		}
		fmt.Printf("%s\t%v\n", in, v)
	}
}
