package io.hookline.schemas.dialog;

/**
 * Reads JSON bytes as Go's {@code encoding/json} does. {@link #checkValid} first scans a whole value (Go checks the
 * syntax of everything before it stores anything, so a syntax error wins over a type error), then the cursor methods
 * walk the checked value: strings decoded as Go decodes them (invalid UTF-8 and lone surrogate escapes become
 * U+FFFD), unknown values skipped without recursion.
 */
final class GoJsonReader {

    /** Go's {@code maxNestingDepth}. */
    static final int MAX_DEPTH = 10000;
    private static final int MAX_QUOTED = 24;

    private final byte[] in;
    private int pos;
    private int end;

    GoJsonReader(byte[] in) {
        this.in = in;
        this.end = in.length;
    }

    /**
     * Checks the syntax of the first value. As {@code json.Unmarshal} when {@code wholeInput}: nothing but whitespace
     * may follow. As {@code json.Decoder.Decode} otherwise: whatever follows the first value is never read.
     */
    void checkValid(boolean wholeInput) throws DialogDecodeException {
        int p = ws(0);
        if (p >= in.length) {
            throw new DialogDecodeException(wholeInput ? "unexpected end of JSON input" : "EOF");
        }
        int valueEnd = scanValue(p, wholeInput);
        if (wholeInput) {
            int q = ws(valueEnd);
            if (q < in.length) {
                throw syntax(q, "after top-level value");
            }
        }
        pos = p;
        end = valueEnd;
    }

    private int ws(int p) {
        while (p < in.length && (in[p] == ' ' || in[p] == '\t' || in[p] == '\n' || in[p] == '\r')) {
            p++;
        }
        return p;
    }

    /** Scans one value starting at {@code p} without recursion; returns the index after it. */
    private int scanValue(int p, boolean wholeInput) throws DialogDecodeException {
        // the stack of open containers: '{' or '['; expectation tracked per state below
        byte[] stack = new byte[64];
        int depth = 0;
        boolean needValue = true;
        while (true) {
            if (needValue) {
                p = ws(p);
                if (p >= in.length) {
                    throw eof(wholeInput);
                }
                byte c = in[p];
                if (c == '{' || c == '[') {
                    if (depth == MAX_DEPTH) {
                        throw new DialogDecodeException("exceeded max depth");
                    }
                    if (depth == stack.length) {
                        stack = java.util.Arrays.copyOf(stack, depth * 2);
                    }
                    stack[depth++] = c;
                    p = ws(p + 1);
                    if (p >= in.length) {
                        throw eof(wholeInput);
                    }
                    if (in[p] == (c == '{' ? '}' : ']')) {
                        depth--;
                        p++;
                        needValue = false;
                    } else if (c == '{') {
                        p = objectKey(p, wholeInput);
                    }
                    // after '[' a value follows; after '{' and its key a value follows
                    continue;
                }
                p = scalar(p, wholeInput);
                needValue = false;
            } else {
                if (depth == 0) {
                    return p;
                }
                p = ws(p);
                if (p >= in.length) {
                    throw eof(wholeInput);
                }
                byte open = stack[depth - 1];
                byte c = in[p];
                if (c == ',') {
                    p = ws(p + 1);
                    if (open == '{') {
                        p = objectKey(p, wholeInput);
                    }
                    needValue = true;
                } else if (c == (open == '{' ? '}' : ']')) {
                    depth--;
                    p++;
                } else {
                    throw syntax(p, open == '{' ? "after object key:value pair" : "after array element");
                }
            }
        }
    }

    /** A key and its colon; returns the index of the value. */
    private int objectKey(int p, boolean wholeInput) throws DialogDecodeException {
        if (p >= in.length) {
            throw eof(wholeInput);
        }
        if (in[p] != '"') {
            throw syntax(p, "looking for beginning of object key string");
        }
        p = ws(string(p, wholeInput));
        if (p >= in.length) {
            throw eof(wholeInput);
        }
        if (in[p] != ':') {
            throw syntax(p, "after object key");
        }
        return p + 1;
    }

    private int scalar(int p, boolean wholeInput) throws DialogDecodeException {
        byte c = in[p];
        if (c == '"') {
            return string(p, wholeInput);
        }
        if (c == 't') {
            return literal(p, "true", wholeInput);
        }
        if (c == 'f') {
            return literal(p, "false", wholeInput);
        }
        if (c == 'n') {
            return literal(p, "null", wholeInput);
        }
        if (c == '-' || (c >= '0' && c <= '9')) {
            return number(p, wholeInput);
        }
        throw syntax(p, "looking for beginning of value");
    }

    private int literal(int p, String word, boolean wholeInput) throws DialogDecodeException {
        for (int k = 0; k < word.length(); k++) {
            if (p + k >= in.length) {
                throw eof(wholeInput);
            }
            if (in[p + k] != word.charAt(k)) {
                throw syntax(p + k, "in literal " + word + " (expecting '" + word.charAt(k) + "')");
            }
        }
        return p + word.length();
    }

    private int number(int p, boolean wholeInput) throws DialogDecodeException {
        if (in[p] == '-') {
            p++;
            if (p >= in.length) {
                throw eof(wholeInput);
            }
            if (!isDigit(p)) {
                throw syntax(p, "in numeric literal");
            }
        }
        if (in[p] == '0') {
            p++;
        } else {
            while (isDigit(p)) {
                p++;
            }
        }
        if (p < in.length && in[p] == '.') {
            p++;
            if (p >= in.length) {
                throw eof(wholeInput);
            }
            if (!isDigit(p)) {
                throw syntax(p, "after decimal point in numeric literal");
            }
            while (isDigit(p)) {
                p++;
            }
        }
        if (p < in.length && (in[p] == 'e' || in[p] == 'E')) {
            p++;
            if (p < in.length && (in[p] == '+' || in[p] == '-')) {
                p++;
            }
            if (p >= in.length) {
                throw eof(wholeInput);
            }
            if (!isDigit(p)) {
                throw syntax(p, "in exponent of numeric literal");
            }
            while (isDigit(p)) {
                p++;
            }
        }
        return p;
    }

    private boolean isDigit(int p) {
        return p < in.length && in[p] >= '0' && in[p] <= '9';
    }

    /** Scans a string starting at its quote; returns the index after the closing quote. */
    private int string(int p, boolean wholeInput) throws DialogDecodeException {
        p++;
        while (true) {
            if (p >= in.length) {
                throw eof(wholeInput);
            }
            int c = in[p] & 0xFF;
            if (c == '"') {
                return p + 1;
            }
            if (c < 0x20) {
                throw syntax(p, "in string literal");
            }
            if (c == '\\') {
                p++;
                if (p >= in.length) {
                    throw eof(wholeInput);
                }
                int e = in[p];
                if (e == 'u') {
                    for (int k = 1; k <= 4; k++) {
                        if (p + k >= in.length) {
                            throw eof(wholeInput);
                        }
                        if (Character.digit(in[p + k], 16) < 0) {
                            throw syntax(p + k, "in \\u hexadecimal character escape");
                        }
                    }
                    p += 5;
                    continue;
                }
                if ("\"\\/bfnrt".indexOf(e) < 0) {
                    throw syntax(p, "in string escape code");
                }
            }
            p++;
        }
    }

    private DialogDecodeException eof(boolean wholeInput) {
        return new DialogDecodeException(wholeInput ? "unexpected end of JSON input" : "unexpected EOF");
    }

    private DialogDecodeException syntax(int p, String context) {
        return new DialogDecodeException("invalid character " + quoteChar(in[p] & 0xFF) + " " + context
                + " (offset " + (p + 1) + ")");
    }

    /** Go's {@code quoteChar}: the byte in single quotes, escaped when not printable ASCII. */
    private static String quoteChar(int c) {
        if (c == '\'') {
            return "'\\''";
        }
        if (c == '"') {
            return "'\"'";
        }
        if (c >= 0x20 && c < 0x7F) {
            return "'" + (char) c + "'";
        }
        String q = GoText.quote(String.valueOf((char) c));
        return "'" + q.substring(1, q.length() - 1) + "'";
    }

    // ---- cursor over the checked value ----

    /** The first byte of the next value (after whitespace): '{', '[', '"', 't', 'f', 'n' or a number's first byte. */
    int peek() {
        pos = ws(pos);
        return in[pos];
    }

    /** Kind of the next value as Go names it in type errors: object, array, string, bool, number, null. */
    String kind() {
        return switch (peek()) {
            case '{' -> "object";
            case '[' -> "array";
            case '"' -> "string";
            case 't', 'f' -> "bool";
            case 'n' -> "null";
            default -> "number";
        };
    }

    void skipValue() {
        pos = ws(pos);
        byte c = in[pos];
        if (c == '"') {
            pos = skipString(pos);
            return;
        }
        if (c != '{' && c != '[') {
            while (pos < end && !isDelimiter(in[pos])) {
                pos++;
            }
            return;
        }
        // inside a container only strings can hold brackets, so counting the others is enough
        int depth = 0;
        do {
            c = in[pos];
            if (c == '"') {
                pos = skipString(pos);
                continue;
            }
            if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                depth--;
            }
            pos++;
        } while (depth > 0);
    }

    private boolean isDelimiter(byte c) {
        return c == ',' || c == '}' || c == ']' || c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ':';
    }

    private int skipString(int p) {
        p++;
        while (in[p] != '"') {
            p += in[p] == '\\' ? 2 : 1;
        }
        return p + 1;
    }

    /** Consumes {@code null}. */
    void skipNull() {
        pos = ws(pos) + 4;
    }

    boolean readBool() {
        pos = ws(pos);
        boolean v = in[pos] == 't';
        pos += v ? 4 : 5;
        return v;
    }

    /** The raw text of a number. */
    String readNumber() {
        pos = ws(pos);
        int start = pos;
        while (pos < end && !isDelimiter(in[pos])) {
            pos++;
        }
        return new String(in, start, pos - start, java.nio.charset.StandardCharsets.US_ASCII);
    }

    /** A number's text, shortened for messages. */
    static String shortNumber(String n) {
        return n.length() <= MAX_QUOTED ? n : n.substring(0, MAX_QUOTED) + "...";
    }

    /** Opens an object: consumes '{'; then call {@link #nextKey} until it returns null. */
    void beginObject() {
        pos = ws(pos) + 1;
    }

    /** The next key (its colon consumed), or null at the end of the object ('}' consumed). */
    String nextKey() {
        pos = ws(pos);
        if (in[pos] == ',') {
            pos = ws(pos + 1);
        }
        if (in[pos] == '}') {
            pos++;
            return null;
        }
        String key = readString();
        pos = ws(pos) + 1;
        return key;
    }

    void beginArray() {
        pos = ws(pos) + 1;
    }

    /** Whether another element follows (its comma consumed); false at the end (']' consumed). */
    boolean nextElement() {
        pos = ws(pos);
        if (in[pos] == ',') {
            pos = ws(pos + 1);
        }
        if (in[pos] == ']') {
            pos++;
            return false;
        }
        return true;
    }

    /** A string, decoded as Go's {@code unquote}. */
    String readString() {
        pos = ws(pos) + 1;
        StringBuilder out = new StringBuilder();
        while (true) {
            int c = in[pos] & 0xFF;
            if (c == '"') {
                pos++;
                return out.toString();
            }
            if (c == '\\') {
                int e = in[pos + 1];
                pos += 2;
                switch (e) {
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'u' -> {
                        int r = hex4(pos);
                        pos += 4;
                        if (Character.isSurrogate((char) r)) {
                            int r2 = pos + 6 <= end && in[pos] == '\\' && in[pos + 1] == 'u' ? hex4(pos + 2) : -1;
                            if (Character.isHighSurrogate((char) r) && r2 >= 0 && Character.isLowSurrogate((char) r2)) {
                                out.append((char) r).append((char) r2);
                                pos += 6;
                            } else {
                                out.append('\uFFFD');
                            }
                        } else {
                            out.append((char) r);
                        }
                    }
                    default -> out.append((char) e);
                }
                continue;
            }
            if (c < 0x80) {
                out.append((char) c);
                pos++;
                continue;
            }
            int n = utf8Sequence(pos);
            if (n == 0) {
                out.append('\uFFFD');
                pos++;
            } else {
                out.append(new String(in, pos, n, java.nio.charset.StandardCharsets.UTF_8));
                pos += n;
            }
        }
    }

    private int hex4(int p) {
        int v = 0;
        for (int k = 0; k < 4; k++) {
            int d = Character.digit(in[p + k], 16);
            if (d < 0) {
                return -1;
            }
            v = v * 16 + d;
        }
        return v;
    }

    /** Length of the valid UTF-8 sequence at {@code p} by Go's rules, or 0 when Go decodes a RuneError of width 1. */
    private int utf8Sequence(int p) {
        int b0 = in[p] & 0xFF;
        int n;
        int lo = 0x80;
        int hi = 0xBF;
        if (b0 >= 0xC2 && b0 <= 0xDF) {
            n = 2;
        } else if (b0 >= 0xE0 && b0 <= 0xEF) {
            n = 3;
            if (b0 == 0xE0) {
                lo = 0xA0;
            } else if (b0 == 0xED) {
                hi = 0x9F;
            }
        } else if (b0 >= 0xF0 && b0 <= 0xF4) {
            n = 4;
            if (b0 == 0xF0) {
                lo = 0x90;
            } else if (b0 == 0xF4) {
                hi = 0x8F;
            }
        } else {
            return 0;
        }
        if (p + n > end) {
            return 0;
        }
        int b1 = in[p + 1] & 0xFF;
        if (b1 < lo || b1 > hi) {
            return 0;
        }
        for (int k = 2; k < n; k++) {
            int b = in[p + k] & 0xFF;
            if (b < 0x80 || b > 0xBF) {
                return 0;
            }
        }
        return n;
    }
}
