package io.hookline.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Expected strings are what Go 1.22's json.Marshal writes for the same decoded values. */
class GoJsonTest {

    private static String value(Object v) {
        StringBuilder out = new StringBuilder();
        GoJson.appendValue(out, v);
        return out.toString();
    }

    @Test
    void numbersAreWrittenAsTheFloat64GoDecodesThemInto() {
        assertThat(GoJson.number(17)).isEqualTo("17");
        assertThat(GoJson.number(-3)).isEqualTo("-3");
        assertThat(GoJson.number(1.5)).isEqualTo("1.5");
        assertThat(GoJson.number(0.1)).isEqualTo("0.1");
        assertThat(GoJson.number(-0.0)).isEqualTo("-0");
        assertThat(GoJson.number(0)).isEqualTo("0");
        assertThat(GoJson.number(1e20)).isEqualTo("100000000000000000000");
        assertThat(GoJson.number(1e21)).isEqualTo("1e+21");
        assertThat(GoJson.number(-1.25e22)).isEqualTo("-1.25e+22");
        assertThat(GoJson.number(0.000001)).isEqualTo("0.000001");
        assertThat(GoJson.number(1e-7)).isEqualTo("1e-7");
        assertThat(GoJson.number(1.2345e-8)).isEqualTo("1.2345e-8");
        assertThat(GoJson.number(1e-10)).isEqualTo("1e-10");
        assertThat(GoJson.number(5e-324)).isEqualTo("5e-324");
        assertThat(GoJson.number(Double.MAX_VALUE)).isEqualTo("1.7976931348623157e+308");
        // 2^53 + 1 has no float64: Go writes the float64 it decoded into
        assertThat(value(9007199254740993L)).isEqualTo("9007199254740992");
        // a number Java 17's Double.toString writes with one digit too many
        assertThat(GoJson.number(2.0E-3)).isEqualTo("0.002");
        assertThat(GoJson.number(1.0E23)).isEqualTo("1e+23");
        assertThatThrownBy(() -> GoJson.number(Double.NaN)).hasMessageContaining("unsupported value");
        assertThatThrownBy(() -> GoJson.number(Double.POSITIVE_INFINITY)).hasMessageContaining("unsupported value");
    }

    @Test
    void stringsAreHtmlSafeWithGosEscapes() {
        assertThat(value("<a href=\"x\">&</a>")).isEqualTo("\"\\u003ca href=\\\"x\\\"\\u003e\\u0026\\u003c/a\\u003e\"");
        assertThat(value("\u2028\u2029\b\f\n\r\t\u0001\u001f\u007f\\"))
                .isEqualTo("\"\\u2028\\u2029\\b\\f\\n\\r\\t\\u0001\\u001f\u007f\\\\\"");
        assertThat(value("é😀")).isEqualTo("\"é😀\"");
        assertThat(value("a\ud800b\udc00")).isEqualTo("\"a\uFFFDb\uFFFD\"");
    }

    @Test
    void mapKeysAreSortedByTheirUtf8Bytes() {
        Map<String, Object> map = new HashMap<>();
        map.put("b", 1);
        map.put("a", true);
        map.put("\ue000", null);
        map.put("😀", "x");
        map.put("B", List.of());
        map.put("aa", new LinkedHashMap<>(Map.of("z", 1.5)));
        assertThat(value(map))
                .isEqualTo("{\"B\":[],\"a\":true,\"aa\":{\"z\":1.5},\"b\":1,\"\ue000\":null,\"😀\":\"x\"}");
        assertThat(GoJson.compareKeys("\ue000", "😀")).isNegative();
        assertThat(GoJson.compareKeys("a", "ab")).isNegative();
        assertThat(GoJson.compareKeys("ab", "ab")).isZero();
    }

    @Test
    void aDocumentDecodedByJacksonIsWrittenAsGoWritesIt() throws Exception {
        String in = "{ \"poll\": 17, \"ratio\": 0.50, \"big\": 12345678901234567890123,"
                + " \"tags\": [\"<b>\", null, false, {\"y\": 2, \"x\": 1e2}], \"empty\": {} }";
        Object decoded = Json.mapper().readValue(in, Object.class);
        assertThat(value(decoded)).isEqualTo("{\"big\":1.2345678901234568e+22,\"empty\":{},\"poll\":17,"
                + "\"ratio\":0.5,\"tags\":[\"\\u003cb\\u003e\",null,false,{\"x\":100,\"y\":2}]}");
    }

    @Test
    void structFieldsKeepTheirOrder() {
        List<Object> list = new ArrayList<>(Arrays.asList(1, "two"));
        String json = GoJson.struct().string("z", "<").number("a", 1764150000123L).bool("m", false)
                .value("n", null).value("l", list).string("nul", null).toString();
        assertThat(json).isEqualTo("{\"z\":\"\\u003c\",\"a\":1764150000123,\"m\":false,\"n\":null,"
                + "\"l\":[1,\"two\"],\"nul\":\"\"}");
        assertThatThrownBy(() -> GoJson.struct().value("x", new Object()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a JSON value");
    }
}
